/* fuzz-sm-unwrap.c — secure messaging responses as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-sm.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 k1[16] = { 0x97, 0x9E, 0xC1, 0x3B, 0x1C, 0xBF, 0xE9, 0xDC,
                                 0xD0, 0x1A, 0xB0, 0xFE, 0xD3, 0x07, 0xEA, 0xE5 };
  static const guint8 k2[16] = { 0xF1, 0xCB, 0x1F, 0x1F, 0xB5, 0xAD, 0xF2, 0x08,
                                 0x80, 0x6B, 0x89, 0xDC, 0x57, 0x9D, 0xC1, 0xF8 };
  static const guint8 ssc[8] = { 0x88, 0x70, 0x22, 0x12, 0x0C, 0x06, 0xC2, 0x26 };
  TdnSm sm;
  guint16 sw = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;

  tdn_sm_init (&sm, k1, k2, ssc);
  plain = tdn_sm_unwrap (&sm, data, size, &sw, &error);
  g_assert ((plain == NULL) == (error != NULL));
  if (plain != NULL)
    g_assert (g_bytes_get_size (plain) < size);
  tdn_sm_clear (&sm);
  return 0;
}
