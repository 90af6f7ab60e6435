/* fuzz-qr.c — QR payloads as the scanner hands them over
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-qr-payload.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) id = tdn_qr_parse (data, size, &error);

  if (id != NULL)
    {
      g_autoptr(JsonNode) json = tdn_identity_to_json (id);
      g_autoptr(TdnIdentity) copy = tdn_identity_copy (id);

      g_assert_nonnull (json);
      g_assert_cmpstr (copy->full_name, ==, id->full_name);
      g_assert_true (id->full_name == NULL || g_utf8_validate (id->full_name, -1, NULL));
    }
  else
    g_assert_nonnull (error);
  return 0;
}
