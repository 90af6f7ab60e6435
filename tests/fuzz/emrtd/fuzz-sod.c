/* fuzz-sod.c — EF.SOD bytes from a card through the parser and passive authentication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-passive-auth.h"
#include "tdn-sod.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 dg1[] = { 0x61, 0x03, 0x5F, 0x1F, 0x00 };
  TdnDataGroupRef dgs[] = { { 1, dg1, sizeof dg1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSod) sod = NULL;
  TdnPassiveAuthResult result;

  sod = tdn_sod_parse (data, size, &error);
  g_assert ((sod == NULL) == (error != NULL));
  if (sod != NULL)
    {
      gsize n = 0;
      const guint *numbers = tdn_sod_get_data_groups (sod, &n);

      g_assert (n >= 1 && n <= 16);
      for (gsize i = 0; i < n; i++)
        g_assert_nonnull (tdn_sod_get_data_group_hash (sod, numbers[i], NULL));
      for (guint i = 0; i < tdn_sod_get_n_certificates (sod); i++)
        g_bytes_unref (tdn_sod_get_certificate (sod, i));
    }
  /* The whole check, signature included, with nothing trusted. */
  tdn_passive_auth_verify (NULL, data, size, dgs, G_N_ELEMENTS (dgs),
                           TDN_PASSIVE_AUTH_DEFAULT, &result);
  g_assert (result.status != TDN_PASSIVE_AUTH_VALID);
  tdn_passive_auth_result_clear (&result);
  return 0;
}
