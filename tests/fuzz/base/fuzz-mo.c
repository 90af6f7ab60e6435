/* fuzz-mo.c — message catalogues as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-base.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) t = tdn_i18n_parse_mo (data, size, NULL);

  if (t != NULL)
    g_assert_cmpuint (g_hash_table_size (t), <=, size);
  return 0;
}
