/* tdn-pace-keys.c — PACE password key K_π from a CAN (ICAO 9303-11 §4.4.3.1)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "tdn-pace-keys.h"

G_DEFINE_QUARK (tdn-pace-keys-error-quark, tdn_pace_keys_error)

#define CAN_LEN 6

gboolean
tdn_pace_key_from_can (const char  *can,
                       guint8       out[16],
                       GError     **error)
{
  guint8 buf[CAN_LEN + 4] = { 0 };
  guint8 h[EVP_MAX_MD_SIZE];
  unsigned int hlen = 0;
  gboolean ok;

  g_return_val_if_fail (can != NULL && out != NULL, FALSE);

  if (strlen (can) != CAN_LEN)
    {
      g_set_error (error, TDN_PACE_KEYS_ERROR, TDN_PACE_KEYS_ERROR_INVALID_CAN,
                   "CAN must be %d digits", CAN_LEN);
      return FALSE;
    }
  for (gsize i = 0; i < CAN_LEN; i++)
    if (!g_ascii_isdigit (can[i]))
      {
        g_set_error (error, TDN_PACE_KEYS_ERROR, TDN_PACE_KEYS_ERROR_INVALID_CAN,
                     "CAN must be %d digits", CAN_LEN);
        return FALSE;
      }

  memcpy (buf, can, CAN_LEN);
  buf[CAN_LEN + 3] = 3; /* KDF counter for K_π */
  ok = EVP_Digest (buf, sizeof buf, h, &hlen, EVP_sha1 (), NULL) == 1 && hlen == 20;
  if (ok)
    memcpy (out, h, 16);
  else
    g_set_error_literal (error, TDN_PACE_KEYS_ERROR, TDN_PACE_KEYS_ERROR_CRYPTO,
                         "SHA-1 unavailable");
  OPENSSL_cleanse (buf, sizeof buf);
  OPENSSL_cleanse (h, sizeof h);
  return ok;
}
