/* tdn-active-auth.c — Active Authentication: DG15 key and INTERNAL AUTHENTICATE check
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "tdn-active-auth.h"
#include "tdn-cms-private.h"

G_DEFINE_QUARK (tdn-active-auth-error-quark, tdn_active_auth_error)

struct _TdnActiveAuthKey {
  EVP_PKEY *pkey;
};

TdnActiveAuthKey *
tdn_active_auth_key_parse (const guint8 *dg15,
                           gsize         len,
                           GError      **error)
{
  TdnTlvReader r;
  TdnTlv wrapper, spki;
  const unsigned char *p;
  EVP_PKEY *raw;
  TdnActiveAuthKey *self;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (dg15 != NULL || len == 0, NULL);

  tdn_tlv_reader_init (&r, dg15, len);
  if (!tdn_der_expect (&r, 0x6F, "DG15", &wrapper, &local))
    goto bad;
  tdn_tlv_reader_init (&r, wrapper.value, wrapper.length);
  if (!tdn_der_expect (&r, 0x30, "SubjectPublicKeyInfo", &spki, &local))
    goto bad;
  if (tdn_der_size (&spki) > G_MAXINT)
    goto bad;
  p = tdn_der_start (&spki);
  raw = d2i_PUBKEY (NULL, &p, (long) tdn_der_size (&spki));
  if (raw == NULL || p != tdn_der_start (&spki) + tdn_der_size (&spki))
    {
      EVP_PKEY_free (raw);
      goto bad;
    }
  if (!EVP_PKEY_is_a (raw, "RSA") && !EVP_PKEY_is_a (raw, "EC"))
    {
      EVP_PKEY_free (raw);
      g_set_error_literal (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_UNSUPPORTED,
                           _("The chip's active authentication key is neither RSA nor EC; "
                             "it is reported as not supported."));
      return NULL;
    }
  self = g_new0 (TdnActiveAuthKey, 1);
  self->pkey = tdn_cms_normalise_key (raw);
  EVP_PKEY_free (raw);
  return self;

bad:
  g_set_error (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_BAD_KEY,
               _("The chip's DG15 holds no usable key (%s); active authentication is skipped."),
               local != NULL ? local->message : "not a SubjectPublicKeyInfo");
  return NULL;
}

void
tdn_active_auth_key_free (TdnActiveAuthKey *self)
{
  if (self == NULL)
    return;
  EVP_PKEY_free (self->pkey);
  g_free (self);
}

const char *
tdn_active_auth_key_get_type (const TdnActiveAuthKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return EVP_PKEY_is_a (self->pkey, "RSA") ? "RSA" : "EC";
}

guint
tdn_active_auth_key_get_bits (const TdnActiveAuthKey *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) EVP_PKEY_get_bits (self->pkey);
}

gboolean
tdn_active_auth_make_challenge (guint8   challenge[TDN_ACTIVE_AUTH_CHALLENGE_LEN],
                                GError **error)
{
  g_return_val_if_fail (challenge != NULL, FALSE);
  if (RAND_bytes (challenge, TDN_ACTIVE_AUTH_CHALLENGE_LEN) != 1)
    {
      g_set_error_literal (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_CRYPTO,
                           _("The system has no randomness for the chip check; restart the kiosk."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *why)
{
  g_set_error (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_INVALID,
               _("The chip did not prove it is the original (%s); check the card by eye."),
               why);
  return FALSE;
}

/* ISO/IEC 10118-3 hash identifiers used in the 0xCC trailer. */
static const EVP_MD *
md_for_trailer (guint8 id)
{
  switch (id)
    {
    case 0x33: return EVP_sha1 ();
    case 0x34: return EVP_sha256 ();
    case 0x35: return EVP_sha512 ();
    case 0x36: return EVP_sha384 ();
    case 0x38: return EVP_sha224 ();
    default: return NULL;
    }
}

/* f := n − f, in place (k bytes, big-endian). */
static gboolean
complement_modulus (EVP_PKEY *pkey,
                    guint8   *f,
                    gsize     k)
{
  BIGNUM *n = NULL, *v = BN_bin2bn (f, (int) k, NULL);
  gboolean ok = v != NULL
                && EVP_PKEY_get_bn_param (pkey, OSSL_PKEY_PARAM_RSA_N, &n) == 1
                && BN_cmp (v, n) < 0
                && BN_sub (v, n, v) == 1
                && BN_bn2binpad (v, f, (int) k) == (int) k;

  BN_free (n);
  BN_clear_free (v);
  return ok;
}

static gboolean
verify_rsa (EVP_PKEY     *pkey,
            const guint8 *challenge,
            gsize         challenge_len,
            const guint8 *response,
            gsize         response_len,
            GError      **error)
{
  gsize k = (gsize) EVP_PKEY_get_size (pkey);
  g_autofree guint8 *f = NULL;
  gsize f_len = k, trailer_len, digest_len;
  const EVP_MD *md;
  EVP_PKEY_CTX *ctx;
  guint8 digest[EVP_MAX_MD_SIZE];
  EVP_MD_CTX *mctx;
  gboolean ok;
  int rc;

  if (response_len != k)
    return invalid (error, "response length is not the modulus length");
  f = g_malloc (k);
  ctx = EVP_PKEY_CTX_new_from_pkey (NULL, pkey, NULL);
  rc = ctx != NULL && EVP_PKEY_verify_recover_init (ctx) == 1
       && EVP_PKEY_CTX_set_rsa_padding (ctx, RSA_NO_PADDING) == 1
       && EVP_PKEY_verify_recover (ctx, f, &f_len, response, response_len) == 1;
  EVP_PKEY_CTX_free (ctx);
  if (!rc || f_len != k || k < 2)
    return invalid (error, "RSA operation failed");
  /* ISO/IEC 9796-2 lets the chip answer min(s, n − s); then s^e mod n is
   * n − J, whose last nibble is not 0xC. Recover J = n − J'. */
  if ((f[k - 1] & 0x0F) != 0x0C && !complement_modulus (pkey, f, k))
    return invalid (error, "RSA operation failed");

  if (f[k - 1] == 0xBC)
    {
      md = EVP_sha1 ();
      trailer_len = 1;
    }
  else if (f[k - 1] == 0xCC)
    {
      md = md_for_trailer (f[k - 2]);
      trailer_len = 2;
      if (md == NULL)
        {
          g_set_error (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_UNSUPPORTED,
                       "ISO 9796-2 hash identifier %02X unknown", f[k - 2]);
          return FALSE;
        }
    }
  else
    return invalid (error, "no ISO 9796-2 trailer");
  /* Partial recovery: header 6A, then M1 fills the rest. */
  digest_len = (gsize) EVP_MD_get_size (md);
  if (f[0] != 0x6A || k < 1 + digest_len + trailer_len + 1)
    return invalid (error, "no ISO 9796-2 partial recovery header");

  mctx = EVP_MD_CTX_new ();
  ok = mctx != NULL && EVP_DigestInit_ex (mctx, md, NULL) == 1
       && EVP_DigestUpdate (mctx, f + 1, k - 1 - digest_len - trailer_len) == 1
       && EVP_DigestUpdate (mctx, challenge, challenge_len) == 1
       && EVP_DigestFinal_ex (mctx, digest, NULL) == 1;
  EVP_MD_CTX_free (mctx);
  if (!ok)
    {
      g_set_error_literal (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_CRYPTO,
                           "hash failed");
      return FALSE;
    }
  if (CRYPTO_memcmp (digest, f + k - trailer_len - digest_len, digest_len) != 0)
    return invalid (error, "hash in the signature does not match the challenge");
  return TRUE;
}

static gboolean
ecdsa_verifies (EVP_PKEY     *pkey,
                const EVP_MD *md,
                const guint8 *der,
                gsize         der_len,
                const guint8 *challenge,
                gsize         challenge_len)
{
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
  int rc = ctx != NULL && EVP_DigestVerifyInit (ctx, NULL, md, NULL, pkey) == 1
           && EVP_DigestVerify (ctx, der, der_len, challenge, challenge_len) == 1;

  EVP_MD_CTX_free (ctx);
  return rc;
}

static gboolean
verify_ecdsa (EVP_PKEY     *pkey,
              const guint8 *challenge,
              gsize         challenge_len,
              const guint8 *response,
              gsize         response_len,
              const char   *digest_name,
              GError      **error)
{
  guint bits = (guint) EVP_PKEY_get_bits (pkey);
  const EVP_MD *by_size = bits <= 160 ? EVP_sha1 () : bits <= 224 ? EVP_sha224 ()
                          : bits <= 256 ? EVP_sha256 () : bits <= 384 ? EVP_sha384 ()
                          : EVP_sha512 ();
  const EVP_MD *candidates[] = { by_size, EVP_sha1 (), EVP_sha224 (), EVP_sha256 (),
                                 EVP_sha384 (), EVP_sha512 () };
  gsize half = (bits + 7) / 8;
  guint8 *der;
  gsize der_len = 0;
  gboolean ok = FALSE;

  if (response_len != 2 * half)
    return invalid (error, "ECDSA response is not r and s of the key's size");
  der = tdn_cms_ecdsa_plain_to_der (response, response_len, &der_len);
  if (der == NULL)
    return invalid (error, "ECDSA response cannot be encoded");
  if (digest_name != NULL)
    {
      const EVP_MD *md = EVP_get_digestbyname (digest_name);

      if (md == NULL)
        {
          OPENSSL_free (der);
          g_set_error (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_UNSUPPORTED,
                       "hash %s unknown", digest_name);
          return FALSE;
        }
      ok = ecdsa_verifies (pkey, md, der, der_len, challenge, challenge_len);
    }
  else
    for (gsize i = 0; i < G_N_ELEMENTS (candidates) && !ok; i++)
      ok = ecdsa_verifies (pkey, candidates[i], der, der_len, challenge, challenge_len);
  OPENSSL_free (der);
  return ok ? TRUE : invalid (error, "ECDSA signature does not verify");
}

gboolean
tdn_active_auth_verify (const TdnActiveAuthKey *key,
                        const guint8           *challenge,
                        gsize                   challenge_len,
                        const guint8           *response,
                        gsize                   response_len,
                        const char             *ecdsa_digest,
                        GError                **error)
{
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (challenge != NULL && challenge_len > 0, FALSE);
  g_return_val_if_fail (response != NULL || response_len == 0, FALSE);

  if (response_len == 0 || response_len > 1024)
    return invalid (error, "response empty or too long");
  if (EVP_PKEY_is_a (key->pkey, "RSA"))
    return verify_rsa (key->pkey, challenge, challenge_len, response, response_len, error);
  return verify_ecdsa (key->pkey, challenge, challenge_len, response, response_len,
                       ecdsa_digest, error);
}
