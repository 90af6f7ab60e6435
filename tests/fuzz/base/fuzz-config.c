/* fuzz-config.c — configuration files as outside bytes
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
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;

  if (!tdn_config_load_data (config, text, "fuzz.conf", &error))
    g_assert_nonnull (error->message);
  return 0;
}
