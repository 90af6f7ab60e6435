/* tdn-des.c — 3DES primitives of BAC secure messaging (ICAO 9303-11 §9.8)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "tdn-des.h"

G_DEFINE_QUARK (tdn-des-error-quark, tdn_des_error)

/* Single DES lives in OpenSSL 3's legacy provider; K1‖K1 in EDE mode is
 * single DES under K1, so everything here uses the default provider. */
static gboolean
des3 (const char   *cipher_name,
      const guint8  key[16],
      gboolean      encrypt,
      const guint8 *iv,
      const guint8 *in,
      gsize         len,
      guint8       *out,
      GError      **error)
{
  EVP_CIPHER *cipher = EVP_CIPHER_fetch (NULL, cipher_name, NULL);
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new ();
  int n1 = 0, n2 = 0;
  gboolean ok = cipher != NULL && ctx != NULL && len <= G_MAXINT
                && EVP_CipherInit_ex (ctx, cipher, NULL, key, iv, encrypt ? 1 : 0) == 1
                && EVP_CIPHER_CTX_set_padding (ctx, 0) == 1
                && EVP_CipherUpdate (ctx, out, &n1, in, (int) len) == 1
                && EVP_CipherFinal_ex (ctx, out + n1, &n2) == 1
                && (gsize) (n1 + n2) == len;

  EVP_CIPHER_CTX_free (ctx);
  EVP_CIPHER_free (cipher);
  if (!ok)
    g_set_error (error, TDN_DES_ERROR, TDN_DES_ERROR_CRYPTO,
                 "%s failed", cipher_name);
  return ok;
}

gboolean
tdn_des3_cbc (const guint8  key[16],
              gboolean      encrypt,
              const guint8 *in,
              gsize         len,
              guint8       *out,
              GError      **error)
{
  static const guint8 zero_iv[8] = { 0 };

  if (len % 8 != 0)
    {
      g_set_error (error, TDN_DES_ERROR, TDN_DES_ERROR_BAD_LENGTH,
                   "3DES input of %zu bytes is not block aligned", len);
      return FALSE;
    }
  return des3 ("DES-EDE-CBC", key, encrypt, zero_iv, in, len, out, error);
}

gsize
tdn_pad_iso9797_m2 (GByteArray *data)
{
  static const guint8 b80 = 0x80, b00 = 0x00;

  g_byte_array_append (data, &b80, 1);
  while (data->len % 8 != 0)
    g_byte_array_append (data, &b00, 1);
  return data->len;
}

gboolean
tdn_retail_mac (const guint8  key[16],
                const guint8 *data,
                gsize         len,
                guint8        mac[8],
                GError      **error)
{
  static const guint8 zero_iv[8] = { 0 };
  g_autoptr(GByteArray) padded = g_byte_array_sized_new ((guint) len + 8);
  g_autofree guint8 *chain = NULL;
  guint8 k1k1[16];
  guint8 last[8];
  gsize n;
  gboolean ok;

  g_byte_array_append (padded, data, (guint) len);
  n = tdn_pad_iso9797_m2 (padded);
  chain = g_malloc (n);

  /* H_{q-1}: single-DES CBC under K1 over every block but the last. */
  memcpy (k1k1, key, 8);
  memcpy (k1k1 + 8, key, 8);
  memset (last, 0, sizeof last);
  ok = TRUE;
  if (n > 8)
    {
      ok = des3 ("DES-EDE-CBC", k1k1, TRUE, zero_iv, padded->data, n - 8, chain, error);
      if (ok)
        memcpy (last, chain + n - 16, 8);
    }
  OPENSSL_cleanse (k1k1, sizeof k1k1);
  if (!ok)
    return FALSE;

  /* Final block: E_K1(D_K2(E_K1(H_{q-1} ⊕ D_q))) = 2-key EDE under K1‖K2. */
  for (int i = 0; i < 8; i++)
    last[i] ^= padded->data[n - 8 + (gsize) i];
  ok = des3 ("DES-EDE-ECB", key, TRUE, NULL, last, 8, mac, error);
  OPENSSL_cleanse (last, sizeof last);
  return ok;
}
