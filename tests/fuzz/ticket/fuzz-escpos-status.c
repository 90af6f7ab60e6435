/* fuzz-escpos-status.c — what a printer answers to DLE EOT
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-escpos.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Pairs of (query, answer) bytes, as a conversation with the printer. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TdnPrinterStatus s = { 0 };

  for (size_t i = 0; i + 1 < size; i += 2)
    if (!tdn_escpos_parse_status (data[i], data[i + 1], &s))
      memset (&s, 0, sizeof s);
  g_assert_nonnull (tdn_printer_status_to_string (&s));
  return 0;
}
