/* tdn-aes.c — AES primitives of PACE secure messaging (ICAO 9303-11 §9.8.7)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "tdn-aes.h"

G_DEFINE_QUARK (tdn-aes-error-quark, tdn_aes_error)

gboolean
tdn_aes128_cbc (const guint8  key[16],
                gboolean      encrypt,
                const guint8 *iv,
                const guint8 *in,
                gsize         len,
                guint8       *out,
                GError      **error)
{
  static const guint8 zero_iv[16] = { 0 };
  EVP_CIPHER_CTX *ctx;
  int n1 = 0, n2 = 0;
  gboolean ok;

  if (len % 16 != 0 || len > G_MAXINT)
    {
      g_set_error (error, TDN_AES_ERROR, TDN_AES_ERROR_BAD_LENGTH,
                   "AES input of %zu bytes is not block aligned", len);
      return FALSE;
    }
  ctx = EVP_CIPHER_CTX_new ();
  ok = ctx != NULL
       && EVP_CipherInit_ex (ctx, EVP_aes_128_cbc (), NULL, key,
                             iv != NULL ? iv : zero_iv, encrypt ? 1 : 0) == 1
       && EVP_CIPHER_CTX_set_padding (ctx, 0) == 1
       && (len == 0 || EVP_CipherUpdate (ctx, out, &n1, in, (int) len) == 1)
       && EVP_CipherFinal_ex (ctx, out + n1, &n2) == 1
       && (gsize) (n1 + n2) == len;
  EVP_CIPHER_CTX_free (ctx);
  if (!ok)
    g_set_error_literal (error, TDN_AES_ERROR, TDN_AES_ERROR_CRYPTO,
                         "AES-CBC failed");
  return ok;
}

gboolean
tdn_aes128_cmac8 (const guint8  key[16],
                  const guint8 *data,
                  gsize         len,
                  guint8        mac[8],
                  GError      **error)
{
  EVP_MAC *m = EVP_MAC_fetch (NULL, "CMAC", NULL);
  EVP_MAC_CTX *ctx = m != NULL ? EVP_MAC_CTX_new (m) : NULL;
  OSSL_PARAM params[] = {
    OSSL_PARAM_construct_utf8_string (OSSL_MAC_PARAM_CIPHER, (char *) "AES-128-CBC", 0),
    OSSL_PARAM_construct_end (),
  };
  guint8 full[16];
  gsize out_len = 0;
  gboolean ok = ctx != NULL
                && EVP_MAC_init (ctx, key, 16, params) == 1
                && EVP_MAC_update (ctx, data, len) == 1
                && EVP_MAC_final (ctx, full, &out_len, sizeof full) == 1
                && out_len == 16;

  EVP_MAC_CTX_free (ctx);
  EVP_MAC_free (m);
  if (!ok)
    {
      g_set_error_literal (error, TDN_AES_ERROR, TDN_AES_ERROR_CRYPTO,
                           "AES-CMAC failed");
      return FALSE;
    }
  memcpy (mac, full, 8);
  OPENSSL_cleanse (full, sizeof full);
  return TRUE;
}

gsize
tdn_pad_iso9797_m2_block (GByteArray *data,
                          guint       block)
{
  static const guint8 b80 = 0x80, b00 = 0x00;

  g_byte_array_append (data, &b80, 1);
  while (data->len % block != 0)
    g_byte_array_append (data, &b00, 1);
  return data->len;
}
