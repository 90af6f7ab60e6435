/* fuzz-dg2.c — DG2 (face image container) as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-chip-read.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) dg2 = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = tdn_dg2_extract_image (dg2, &error);

  if (image != NULL)
    g_assert (error == NULL && g_bytes_get_size (image) <= size);
  return 0;
}
