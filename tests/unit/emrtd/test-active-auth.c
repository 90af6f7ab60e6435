/* test-active-auth.c — Active Authentication with RSA (ISO 9796-2) and ECDSA keys made here
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "tdn-active-auth.h"
#include "test-keys.h"

static const guint8 challenge[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };

/* DG15 = 6F L SubjectPublicKeyInfo. */
static GBytes *
dg15_for (EVP_PKEY *key)
{
  unsigned char *spki = NULL;
  int n = i2d_PUBKEY (key, &spki);
  GByteArray *out = g_byte_array_new ();
  guint8 hdr[4] = { 0x6F, 0x82, (guint8) (n >> 8), (guint8) n };

  g_assert_cmpint (n, >, 0);
  g_byte_array_append (out, hdr, sizeof hdr);
  g_byte_array_append (out, spki, (guint) n);
  OPENSSL_free (spki);
  return g_byte_array_free_to_bytes (out);
}

static TdnActiveAuthKey *
parse_key (EVP_PKEY *key)
{
  g_autoptr(GBytes) dg15 = dg15_for (key);
  g_autoptr(GError) error = NULL;
  TdnActiveAuthKey *aa = tdn_active_auth_key_parse (g_bytes_get_data (dg15, NULL),
                                                    g_bytes_get_size (dg15), &error);

  g_assert_no_error (error);
  g_assert_nonnull (aa);
  return aa;
}

/* What an RSA chip does: ISO 9796-2 scheme 1, partial recovery. */
static guint8 *
rsa_respond (EVP_PKEY     *key,
             const EVP_MD *md,
             gboolean      short_trailer,
             const guint8 *chal,
             gsize        *len)
{
  gsize k = (gsize) EVP_PKEY_get_size (key), l = (gsize) EVP_MD_get_size (md);
  gsize t = short_trailer ? 1 : 2, m1_len = k - 1 - l - t;
  g_autofree guint8 *f = g_malloc (k);
  guint8 *sig = g_malloc (k);
  EVP_MD_CTX *mctx = EVP_MD_CTX_new ();
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey (NULL, key, NULL);
  gsize sig_len = k;

  f[0] = 0x6A;
  g_assert_cmpint (RAND_bytes (f + 1, (int) m1_len), ==, 1);
  g_assert_cmpint (EVP_DigestInit_ex (mctx, md, NULL), ==, 1);
  EVP_DigestUpdate (mctx, f + 1, m1_len);
  EVP_DigestUpdate (mctx, chal, sizeof challenge);
  EVP_DigestFinal_ex (mctx, f + 1 + m1_len, NULL);
  if (short_trailer)
    f[k - 1] = 0xBC;
  else
    {
      f[k - 2] = EVP_MD_is_a (md, "SHA256") ? 0x34 : EVP_MD_is_a (md, "SHA512") ? 0x35 : 0x33;
      f[k - 1] = 0xCC;
    }
  g_assert_cmpint (EVP_PKEY_sign_init (ctx), ==, 1);
  g_assert_cmpint (EVP_PKEY_CTX_set_rsa_padding (ctx, RSA_NO_PADDING), ==, 1);
  g_assert_cmpint (EVP_PKEY_sign (ctx, sig, &sig_len, f, k), ==, 1);
  g_assert_cmpuint (sig_len, ==, k);
  EVP_PKEY_CTX_free (ctx);
  EVP_MD_CTX_free (mctx);
  *len = k;
  return sig;
}

/* What an EC chip does: ECDSA over the challenge, plain r ‖ s. */
static guint8 *
ec_respond (EVP_PKEY     *key,
            const EVP_MD *md,
            gsize        *len)
{
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
  guint8 der[256];
  gsize der_len = sizeof der, half = ((gsize) EVP_PKEY_get_bits (key) + 7) / 8;
  const unsigned char *p = der;
  ECDSA_SIG *sig;
  guint8 *plain = g_malloc (2 * half);

  g_assert_cmpint (EVP_DigestSignInit (ctx, NULL, md, NULL, key), ==, 1);
  g_assert_cmpint (EVP_DigestSign (ctx, der, &der_len, challenge, sizeof challenge), ==, 1);
  sig = d2i_ECDSA_SIG (NULL, &p, (long) der_len);
  g_assert_nonnull (sig);
  BN_bn2binpad (ECDSA_SIG_get0_r (sig), plain, (int) half);
  BN_bn2binpad (ECDSA_SIG_get0_s (sig), plain + half, (int) half);
  ECDSA_SIG_free (sig);
  EVP_MD_CTX_free (ctx);
  *len = 2 * half;
  return plain;
}

static void
assert_invalid (const TdnActiveAuthKey *aa,
                const guint8           *chal,
                const guint8           *resp,
                gsize                   len,
                const char             *digest)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tdn_active_auth_verify (aa, chal, sizeof challenge, resp, len, digest, &error));
  g_assert_error (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_INVALID);
}

static void
check_rsa (const EVP_MD *md,
           gboolean      short_trailer)
{
  EVP_PKEY *key = EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 1024);
  g_autoptr(TdnActiveAuthKey) aa = parse_key (key);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *resp = NULL;
  guint8 other[8];
  gsize len = 0;

  g_assert_cmpstr (tdn_active_auth_key_get_type (aa), ==, "RSA");
  g_assert_cmpuint (tdn_active_auth_key_get_bits (aa), ==, 1024);
  resp = rsa_respond (key, md, short_trailer, challenge, &len);
  g_assert_true (tdn_active_auth_verify (aa, challenge, sizeof challenge, resp, len, NULL, &error));
  g_assert_no_error (error);

  /* The same answer as n − s (ISO/IEC 9796-2's min(s, n − s)). */
  {
    BIGNUM *n = NULL, *s = BN_bin2bn (resp, (int) len, NULL);
    g_autofree guint8 *alt = g_malloc (len);

    g_assert_cmpint (EVP_PKEY_get_bn_param (key, OSSL_PKEY_PARAM_RSA_N, &n), ==, 1);
    g_assert_cmpint (BN_sub (s, n, s), ==, 1);
    g_assert_cmpint (BN_bn2binpad (s, alt, (int) len), ==, (int) len);
    g_assert_true (tdn_active_auth_verify (aa, challenge, sizeof challenge, alt, len, NULL, &error));
    g_assert_no_error (error);
    BN_free (n);
    BN_free (s);
  }

  /* A replayed answer to another challenge, a damaged one, a short one. */
  memcpy (other, challenge, sizeof other);
  other[7] ^= 1;
  assert_invalid (aa, other, resp, len, NULL);
  resp[len / 2] ^= 0x40;
  assert_invalid (aa, challenge, resp, len, NULL);
  assert_invalid (aa, challenge, resp, len - 1, NULL);
  EVP_PKEY_free (key);
}

static void
test_rsa_sha1_bc (void)
{
  check_rsa (EVP_sha1 (), TRUE);
}

static void
test_rsa_sha1_33cc (void)
{
  check_rsa (EVP_sha1 (), FALSE);
}

static void
test_rsa_sha256_34cc (void)
{
  check_rsa (EVP_sha256 (), FALSE);
}

static void
check_ec (const char   *curve,
          gboolean      explicit_params,
          const EVP_MD *md,
          const char   *digest)
{
  EVP_PKEY *key = test_key_ec (curve, explicit_params);
  g_autoptr(TdnActiveAuthKey) aa = parse_key (key);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *resp = NULL;
  gsize len = 0;

  g_assert_cmpstr (tdn_active_auth_key_get_type (aa), ==, "EC");
  if (explicit_params)
    {
      /* The curve itself is in DG15 (p, a, b, G, n), not just its OID. */
      g_autoptr(GBytes) dg15 = dg15_for (key);
      g_assert_cmpuint (g_bytes_get_size (dg15), >, 200);
    }
  resp = ec_respond (key, md, &len);
  /* With DG14's hash, and without it (found by trying). */
  g_assert_true (tdn_active_auth_verify (aa, challenge, sizeof challenge, resp, len, digest,
                                         &error));
  g_assert_no_error (error);
  g_assert_true (tdn_active_auth_verify (aa, challenge, sizeof challenge, resp, len, NULL,
                                         &error));
  g_assert_no_error (error);
  assert_invalid (aa, challenge, resp, len, EVP_MD_is_a (md, "SHA1") ? "SHA256" : "SHA1");
  resp[3] ^= 1;
  assert_invalid (aa, challenge, resp, len, NULL);
  assert_invalid (aa, challenge, resp, len - 2, NULL);
  EVP_PKEY_free (key);
}

static void
test_ec_brainpool (void)
{
  check_ec ("brainpoolP256r1", FALSE, EVP_sha256 (), "SHA256");
}

static void
test_ec_brainpool_explicit (void)
{
  check_ec ("brainpoolP256r1", TRUE, EVP_sha256 (), "SHA256");
}

static void
test_ec_p384_sha1 (void)
{
  check_ec ("secp384r1", FALSE, EVP_sha1 (), "SHA1");
}

static void
test_bad_dg15 (void)
{
  static const guint8 not_dg15[] = { 0x6E, 0x02, 0x30, 0x00 };
  static const guint8 empty_spki[] = { 0x6F, 0x02, 0x30, 0x00 };
  static const guint8 truncated[] = { 0x6F, 0x82, 0x01 };
  const struct { const guint8 *d; gsize n; } cases[] = {
    { not_dg15, sizeof not_dg15 }, { empty_spki, sizeof empty_spki },
    { truncated, sizeof truncated }, { NULL, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnActiveAuthKey) aa = tdn_active_auth_key_parse (cases[i].d, cases[i].n, &error);

      g_assert_null (aa);
      g_assert_error (error, TDN_ACTIVE_AUTH_ERROR, TDN_ACTIVE_AUTH_ERROR_BAD_KEY);
    }
}

static void
test_challenge (void)
{
  guint8 a[TDN_ACTIVE_AUTH_CHALLENGE_LEN], b[TDN_ACTIVE_AUTH_CHALLENGE_LEN];
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_active_auth_make_challenge (a, &error));
  g_assert_true (tdn_active_auth_make_challenge (b, &error));
  g_assert_no_error (error);
  g_assert_true (memcmp (a, b, sizeof a) != 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/active-auth/rsa/sha1-bc", test_rsa_sha1_bc);
  g_test_add_func ("/emrtd/active-auth/rsa/sha1-33cc", test_rsa_sha1_33cc);
  g_test_add_func ("/emrtd/active-auth/rsa/sha256-34cc", test_rsa_sha256_34cc);
  g_test_add_func ("/emrtd/active-auth/ec/brainpoolP256r1", test_ec_brainpool);
  g_test_add_func ("/emrtd/active-auth/ec/brainpoolP256r1-explicit", test_ec_brainpool_explicit);
  g_test_add_func ("/emrtd/active-auth/ec/p384-sha1", test_ec_p384_sha1);
  g_test_add_func ("/emrtd/active-auth/bad-dg15", test_bad_dg15);
  g_test_add_func ("/emrtd/active-auth/challenge", test_challenge);
  return g_test_run ();
}
