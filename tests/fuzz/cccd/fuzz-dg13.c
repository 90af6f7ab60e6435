/* fuzz-dg13.c — DG13 bytes as a chip (or a hostile card) returns them
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-dg13.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
  g_autoptr(GError) error = NULL;

  if (tdn_dg13_parse (data, size, id, &error))
    {
      g_autoptr(JsonNode) json = tdn_identity_to_json (id);
      g_assert_nonnull (json);
    }
  else
    g_assert_nonnull (error);
  return 0;
}
