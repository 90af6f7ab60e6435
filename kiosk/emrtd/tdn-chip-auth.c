/* tdn-chip-auth.c — Chip Authentication key agreement (ICAO 9303-11 §6.2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain OpenSSL EVP: OpenPACE's CA functions expect the Terminal
 * Authentication flow of EAC (the ephemeral key comes from TA step 3) and
 * the CA v2 nonce/token, neither of which ICAO Chip Authentication uses.
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/dh.h>

#include "tdn-bac-keys.h"
#include "tdn-chip-auth.h"
#include "tdn-cms-private.h"
#include "tdn-tlv.h"

G_DEFINE_QUARK (tdn-chip-auth-error-quark, tdn_chip_auth_error)

static gboolean
crypto_error (GError    **error,
              const char *what)
{
  g_set_error (error, TDN_CHIP_AUTH_ERROR, TDN_CHIP_AUTH_ERROR_CRYPTO,
               _("Chip authentication could not start (%s failed); the chip's key may be "
                 "damaged."), what);
  return FALSE;
}

gboolean
tdn_chip_auth_kdf (TdnChipAuthCipher cipher,
                   const guint8     *secret,
                   gsize             secret_len,
                   guint32           counter,
                   guint8           *out,
                   gsize            *key_len,
                   GError          **error)
{
  const EVP_MD *md = cipher == TDN_CHIP_AUTH_CIPHER_AES128 ? EVP_sha1 () : EVP_sha256 ();
  gsize len = cipher == TDN_CHIP_AUTH_CIPHER_AES256 ? 32 : cipher == TDN_CHIP_AUTH_CIPHER_AES192 ? 24 : 16;
  guint8 c[4] = { counter >> 24, counter >> 16, counter >> 8, counter };
  guint8 h[EVP_MAX_MD_SIZE];
  EVP_MD_CTX *ctx;
  gboolean ok;

  *key_len = len;
  if (cipher == TDN_CHIP_AUTH_CIPHER_3DES)
    return tdn_kdf_3des (secret, secret_len, counter, out, error);

  ctx = EVP_MD_CTX_new ();
  ok = ctx != NULL && EVP_DigestInit_ex (ctx, md, NULL) == 1
       && EVP_DigestUpdate (ctx, secret, secret_len) == 1
       && EVP_DigestUpdate (ctx, c, sizeof c) == 1
       && EVP_DigestFinal_ex (ctx, h, NULL) == 1;
  EVP_MD_CTX_free (ctx);
  if (ok)
    memcpy (out, h, len);
  OPENSSL_cleanse (h, sizeof h);
  return ok ? TRUE : crypto_error (error, "KDF");
}

/* The public key as the chip wants it. */
static GBytes *
encode_public_key (EVP_PKEY *key,
                   gboolean  ecdh,
                   EVP_PKEY *peer)
{
  guint8 buf[1024];
  gsize len = 0;

  if (ecdh)
    {
      if (EVP_PKEY_get_octet_string_param (key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, buf,
                                           sizeof buf, &len) != 1)
        return NULL;
    }
  else
    {
      BIGNUM *pub = NULL;
      int plen = (EVP_PKEY_get_bits (peer) + 7) / 8;

      if (plen <= 0 || plen > (int) sizeof buf
          || EVP_PKEY_get_bn_param (key, OSSL_PKEY_PARAM_PUB_KEY, &pub) != 1
          || BN_bn2binpad (pub, buf, plen) != plen)
        {
          BN_free (pub);
          return NULL;
        }
      BN_free (pub);
      len = (gsize) plen;
    }
  return g_bytes_new (buf, len);
}

gboolean
tdn_chip_auth_agree (const TdnChipAuthInfo *info,
                     TdnChipAuthSession    *session,
                     GError               **error)
{
  EVP_PKEY_CTX *ctx = NULL;
  EVP_PKEY *eph = NULL;
  g_autofree guint8 *secret = NULL;
  gsize secret_len = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (info != NULL && info->public_key != NULL, FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  memset (session, 0, sizeof *session);
  session->cipher = info->cipher;

  /* An ephemeral key on the chip's own domain parameters. */
  ctx = EVP_PKEY_CTX_new_from_pkey (NULL, info->public_key, NULL);
  if (ctx == NULL || EVP_PKEY_keygen_init (ctx) != 1 || EVP_PKEY_keygen (ctx, &eph) != 1)
    {
      crypto_error (error, "ephemeral key generation");
      goto out;
    }
  EVP_PKEY_CTX_free (ctx);

  ctx = EVP_PKEY_CTX_new_from_pkey (NULL, eph, NULL);
  if (ctx == NULL || EVP_PKEY_derive_init (ctx) != 1
      || (!info->ecdh && EVP_PKEY_CTX_set_dh_pad (ctx, 1) != 1)
      || EVP_PKEY_derive_set_peer (ctx, info->public_key) != 1
      || EVP_PKEY_derive (ctx, NULL, &secret_len) != 1)
    {
      crypto_error (error, "key agreement");
      goto out;
    }
  secret = g_malloc (secret_len);
  if (EVP_PKEY_derive (ctx, secret, &secret_len) != 1)
    {
      crypto_error (error, "key agreement");
      goto out;
    }

  session->ephemeral_public_key = encode_public_key (eph, info->ecdh, info->public_key);
  if (session->ephemeral_public_key == NULL)
    {
      crypto_error (error, "public key encoding");
      goto out;
    }
  ok = tdn_chip_auth_kdf (info->cipher, secret, secret_len, 1, session->ks_enc,
                          &session->key_len, error)
       && tdn_chip_auth_kdf (info->cipher, secret, secret_len, 2, session->ks_mac,
                             &session->key_len, error);

out:
  if (secret != NULL)
    OPENSSL_cleanse (secret, secret_len);
  EVP_PKEY_CTX_free (ctx);
  EVP_PKEY_free (eph); /* frees the ephemeral private key */
  if (!ok)
    tdn_chip_auth_session_clear (session);
  return ok;
}

void
tdn_chip_auth_session_clear (TdnChipAuthSession *session)
{
  g_return_if_fail (session != NULL);
  g_clear_pointer (&session->ephemeral_public_key, g_bytes_unref);
  OPENSSL_cleanse (session, sizeof *session);
}

static void
append_key_id (GByteArray            *out,
               const TdnChipAuthInfo *info)
{
  guint8 id[4];
  gsize n = 0;

  if (!info->has_key_id)
    return;
  /* Minimal unsigned big-endian, as the INTEGER keyId in DG14. */
  for (int shift = 24; shift >= 0; shift -= 8)
    if (n > 0 || (info->key_id >> shift) != 0 || shift == 0)
      id[n++] = (guint8) (info->key_id >> shift);
  tdn_der_append (out, 0x84, id, n);
}

GBytes *
tdn_chip_auth_mse_set_kat_data (const TdnChipAuthInfo    *info,
                                const TdnChipAuthSession *session)
{
  GByteArray *out = g_byte_array_new ();
  gsize len = 0;
  const guint8 *pub;

  g_return_val_if_fail (info != NULL && session != NULL, NULL);
  g_return_val_if_fail (session->ephemeral_public_key != NULL, NULL);
  pub = g_bytes_get_data (session->ephemeral_public_key, &len);
  tdn_der_append (out, 0x91, pub, len);
  append_key_id (out, info);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
tdn_chip_auth_mse_set_at_data (const TdnChipAuthInfo *info)
{
  GByteArray *out = g_byte_array_new ();
  gsize len = 0;
  const guint8 *oid;

  g_return_val_if_fail (info != NULL && info->protocol_oid != NULL, NULL);
  oid = g_bytes_get_data (info->protocol_oid, &len);
  tdn_der_append (out, 0x80, oid, len);
  append_key_id (out, info);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
tdn_chip_auth_general_authenticate_data (const TdnChipAuthSession *session)
{
  g_autoptr(GByteArray) inner = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();
  gsize len = 0;
  const guint8 *pub;

  g_return_val_if_fail (session != NULL && session->ephemeral_public_key != NULL, NULL);
  pub = g_bytes_get_data (session->ephemeral_public_key, &len);
  tdn_der_append (inner, 0x80, pub, len);
  tdn_der_append (out, 0x7C, inner->data, inner->len);
  return g_byte_array_free_to_bytes (out);
}
