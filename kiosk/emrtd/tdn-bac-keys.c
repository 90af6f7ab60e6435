/* tdn-bac-keys.c — ICAO 9303-11 §9.7 document basic access keys
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "tdn-bac-keys.h"

G_DEFINE_QUARK (tdn-bac-keys-error-quark, tdn_bac_keys_error)

#define MRZ_INFO_LEN 24 /* doc number 9 + cd, DOB 6 + cd, DOE 6 + cd */

static gboolean
sha1 (const guint8 *a,
      gsize         a_len,
      const guint8 *b,
      gsize         b_len,
      guint8        out[20],
      GError      **error)
{
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
  gboolean ok = ctx != NULL
                && EVP_DigestInit_ex (ctx, EVP_sha1 (), NULL) == 1
                && EVP_DigestUpdate (ctx, a, a_len) == 1
                && (b_len == 0 || EVP_DigestUpdate (ctx, b, b_len) == 1)
                && EVP_DigestFinal_ex (ctx, out, NULL) == 1;

  EVP_MD_CTX_free (ctx);
  if (!ok)
    g_set_error_literal (error, TDN_BAC_KEYS_ERROR, TDN_BAC_KEYS_ERROR_CRYPTO,
                         "SHA-1 unavailable");
  return ok;
}

void
tdn_des_fix_parity (guint8 *key,
                    gsize   len)
{
  for (gsize i = 0; i < len; i++)
    {
      guint8 b = key[i] & 0xFE;
      guint ones = (guint) __builtin_popcount (b);
      key[i] = (guint8) (b | ((ones & 1) == 0 ? 1 : 0));
    }
}

gboolean
tdn_kdf_3des (const guint8 *secret,
              gsize         secret_len,
              guint32       counter,
              guint8        out[16],
              GError      **error)
{
  guint8 c[4] = { counter >> 24, counter >> 16, counter >> 8, counter };
  guint8 h[20];

  if (!sha1 (secret, secret_len, c, sizeof c, h, error))
    return FALSE;
  memcpy (out, h, 16);
  OPENSSL_cleanse (h, sizeof h);
  tdn_des_fix_parity (out, 16);
  return TRUE;
}

gboolean
tdn_bac_keys_derive (const char  *mrz_information,
                     TdnBacKeys  *out,
                     GError     **error)
{
  guint8 h[20];

  g_return_val_if_fail (mrz_information != NULL && out != NULL, FALSE);

  if (strlen (mrz_information) != MRZ_INFO_LEN)
    {
      g_set_error (error, TDN_BAC_KEYS_ERROR, TDN_BAC_KEYS_ERROR_INVALID_MRZ_INFO,
                   "MRZ information must be %d characters", MRZ_INFO_LEN);
      return FALSE;
    }
  for (gsize i = 0; i < MRZ_INFO_LEN; i++)
    {
      char ch = mrz_information[i];
      if (!(g_ascii_isdigit (ch) || g_ascii_isupper (ch) || ch == '<'))
        {
          g_set_error_literal (error, TDN_BAC_KEYS_ERROR,
                               TDN_BAC_KEYS_ERROR_INVALID_MRZ_INFO,
                               "MRZ information holds a non-MRZ character");
          return FALSE;
        }
    }

  if (!sha1 ((const guint8 *) mrz_information, MRZ_INFO_LEN, NULL, 0, h, error))
    return FALSE;
  memcpy (out->seed, h, 16);
  OPENSSL_cleanse (h, sizeof h);

  if (!tdn_kdf_3des (out->seed, 16, TDN_KDF_ENC, out->enc, error)
      || !tdn_kdf_3des (out->seed, 16, TDN_KDF_MAC, out->mac, error))
    {
      tdn_bac_keys_clear (out);
      return FALSE;
    }
  return TRUE;
}

void
tdn_bac_keys_clear (TdnBacKeys *keys)
{
  if (keys != NULL)
    OPENSSL_cleanse (keys, sizeof *keys);
}
