/* fuzz-dg14.c — DG14 security infos from a card, and the chip authentication they select
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-chip-auth.h"
#include "tdn-dg14.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnDg14) dg14 = tdn_dg14_parse (data, size, &error);
  const TdnChipAuthInfo *ca;
  TdnChipAuthSession session;

  g_assert ((dg14 == NULL) == (error != NULL));
  if (dg14 == NULL)
    return 0;
  (void) tdn_dg14_get_aa_digest (dg14);
  ca = tdn_dg14_get_chip_auth (dg14, &error);
  if (ca == NULL)
    return 0;
  /* A hostile chip key must fail cleanly, never crash. */
  if (tdn_chip_auth_agree (ca, &session, NULL))
    {
      GBytes *b = tdn_chip_auth_mse_set_at_data (ca);

      g_bytes_unref (b);
      b = tdn_chip_auth_general_authenticate_data (&session);
      g_bytes_unref (b);
      tdn_chip_auth_session_clear (&session);
    }
  return 0;
}
