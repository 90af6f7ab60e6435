/* fuzz-dg15.c — DG15 (Active Authentication key) and an INTERNAL AUTHENTICATE answer from a card
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split: the first byte gives the DG15 length share, the rest
 * is DG15 followed by the chip's response.
 */
#include "config.h"

#include <stdint.h>

#include "tdn-active-auth.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 challenge[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnActiveAuthKey) key = NULL;
  gsize split;

  if (size < 1)
    return 0;
  split = MIN ((gsize) data[0] * 4, size - 1);
  key = tdn_active_auth_key_parse (data + 1, split, &error);
  g_assert ((key == NULL) == (error != NULL));
  if (key == NULL)
    {
      /* The whole input as DG15, too. */
      g_clear_error (&error);
      key = tdn_active_auth_key_parse (data, size, &error);
      g_assert ((key == NULL) == (error != NULL));
      return 0;
    }
  /* Forged answers never verify. */
  g_assert_false (tdn_active_auth_verify (key, challenge, sizeof challenge, data + 1 + split,
                                          size - 1 - split, NULL, &error));
  return 0;
}
