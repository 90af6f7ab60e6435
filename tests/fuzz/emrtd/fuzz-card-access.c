/* fuzz-card-access.c — EF.CardAccess (PACEInfo) as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-card-access.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TdnCardAccess access = { 0 };
  g_autoptr(GError) error = NULL;

  if (tdn_card_access_parse (data, size, &access, &error))
    {
      const TdnPaceInfo *pi = tdn_card_access_choose_pace (&access);

      g_assert (error == NULL);
      if (pi != NULL)
        g_assert (pi->oid_len <= sizeof pi->oid && pi->version == 2);
      tdn_card_access_clear (&access);
    }
  else
    g_assert (error != NULL && access.pace == NULL);
  return 0;
}
