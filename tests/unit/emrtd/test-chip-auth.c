/* test-chip-auth.c — DG14 parsing and Chip Authentication key agreement, checked from the chip's side
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/param_build.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "tdn-chip-auth.h"
#include "tdn-cms-private.h"
#include "tdn-dg14.h"
#include "test-keys.h"
#include "tdn-tlv.h"

static const guint8 OID_CA_ECDH_AES128[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02, 0x02 };
static const guint8 OID_CA_DH_3DES[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x01, 0x01 };
static const guint8 OID_PK_ECDH[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x01, 0x02 };
static const guint8 OID_PK_DH[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x01, 0x01 };
static const guint8 OID_PACE_GM_AES128[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02 };
static const guint8 OID_AA[] = { 0x67, 0x81, 0x08, 0x01, 0x01, 0x05 };
static const guint8 OID_ECDSA_SHA256[] = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02 };

static void
put_seq (GByteArray *out,
         GByteArray *content)
{
  tdn_der_append (out, 0x30, content->data, content->len);
  g_byte_array_set_size (content, 0);
}

/* SubjectPublicKeyInfo of `key` with its algorithm OID replaced by
 * `pk_oid` (id-PK-ECDH / id-PK-DH, as DG14 writes it). */
static void
put_pk_spki (GByteArray   *out,
             EVP_PKEY     *key,
             const guint8 *pk_oid,
             gsize         pk_oid_len)
{
  unsigned char *der = NULL;
  int n = i2d_PUBKEY (key, &der);
  TdnTlvReader r, a;
  TdnTlv spki, alg, oid, params, bits;
  g_autoptr(GByteArray) tmp = g_byte_array_new ();
  g_autoptr(GByteArray) algid = g_byte_array_new ();

  tdn_tlv_reader_init (&r, der, (gsize) n);
  g_assert_true (tdn_tlv_reader_next (&r, &spki, NULL));
  tdn_tlv_reader_init (&r, spki.value, spki.length);
  g_assert_true (tdn_tlv_reader_next (&r, &alg, NULL));
  g_assert_true (tdn_tlv_reader_next (&r, &bits, NULL));
  tdn_tlv_reader_init (&a, alg.value, alg.length);
  g_assert_true (tdn_tlv_reader_next (&a, &oid, NULL));
  g_assert_true (tdn_tlv_reader_next (&a, &params, NULL));
  tdn_der_append (algid, 0x06, pk_oid, pk_oid_len);
  g_byte_array_append (algid, params.value - params.header_len, (guint) (params.header_len + params.length));
  put_seq (tmp, algid);
  g_byte_array_append (tmp, bits.value - bits.header_len, (guint) (bits.header_len + bits.length));
  put_seq (out, tmp);
  OPENSSL_free (der);
}

/* DG14 with PACE (ignored), CA info, CA public key, AA info. */
static GBytes *
make_dg14 (EVP_PKEY     *chip_key,
           gboolean      ecdh,
           gboolean      key_ids)
{
  static const guint8 one[] = { 0x01 }, two[] = { 0x02 }, thirteen[] = { 0x0D }, kid[] = { 0x07 };
  g_autoptr(GByteArray) set = g_byte_array_new ();
  g_autoptr(GByteArray) item = g_byte_array_new ();
  g_autoptr(GByteArray) wrap = g_byte_array_new ();
  GByteArray *dg14 = g_byte_array_new ();

  tdn_der_append (item, 0x06, OID_PACE_GM_AES128, sizeof OID_PACE_GM_AES128);
  tdn_der_append (item, 0x02, two, 1);
  tdn_der_append (item, 0x02, thirteen, 1);
  put_seq (set, item);

  if (ecdh)
    tdn_der_append (item, 0x06, OID_CA_ECDH_AES128, sizeof OID_CA_ECDH_AES128);
  else
    tdn_der_append (item, 0x06, OID_CA_DH_3DES, sizeof OID_CA_DH_3DES);
  tdn_der_append (item, 0x02, one, 1);
  if (key_ids)
    tdn_der_append (item, 0x02, kid, 1);
  put_seq (set, item);

  tdn_der_append (item, 0x06, ecdh ? OID_PK_ECDH : OID_PK_DH, sizeof OID_PK_ECDH);
  put_pk_spki (item, chip_key, ecdh ? OID_PK_ECDH : OID_PK_DH, sizeof OID_PK_ECDH);
  if (key_ids)
    tdn_der_append (item, 0x02, kid, 1);
  put_seq (set, item);

  tdn_der_append (item, 0x06, OID_AA, sizeof OID_AA);
  tdn_der_append (item, 0x02, one, 1);
  tdn_der_append (item, 0x06, OID_ECDSA_SHA256, sizeof OID_ECDSA_SHA256);
  put_seq (set, item);

  tdn_der_append (wrap, 0x31, set->data, set->len);
  tdn_der_append (dg14, 0x6E, wrap->data, wrap->len);
  return g_byte_array_free_to_bytes (dg14);
}

/* The chip's side: its static private key with our ephemeral public key. */
static GBytes *
chip_secret (EVP_PKEY *chip_key,
             gboolean  ecdh,
             GBytes   *eph_pub)
{
  EVP_PKEY *peer = NULL;
  EVP_PKEY_CTX *ctx;
  guint8 secret[512];
  gsize len = sizeof secret;

  if (ecdh)
    {
      OSSL_PARAM params[] = {
        OSSL_PARAM_utf8_string (OSSL_PKEY_PARAM_GROUP_NAME, (char *) "brainpoolP256r1", 0),
        OSSL_PARAM_octet_string (OSSL_PKEY_PARAM_PUB_KEY, (void *) g_bytes_get_data (eph_pub, NULL),
                                 g_bytes_get_size (eph_pub)),
        OSSL_PARAM_END,
      };
      ctx = EVP_PKEY_CTX_new_from_name (NULL, "EC", NULL);
      g_assert_cmpint (EVP_PKEY_fromdata_init (ctx), ==, 1);
      g_assert_cmpint (EVP_PKEY_fromdata (ctx, &peer, EVP_PKEY_PUBLIC_KEY, params), ==, 1);
      EVP_PKEY_CTX_free (ctx);
    }
  else
    {
      BIGNUM *y = BN_bin2bn (g_bytes_get_data (eph_pub, NULL), (int) g_bytes_get_size (eph_pub), NULL);
      OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new ();
      OSSL_PARAM *params;

      OSSL_PARAM_BLD_push_utf8_string (bld, OSSL_PKEY_PARAM_GROUP_NAME, "ffdhe2048", 0);
      OSSL_PARAM_BLD_push_BN (bld, OSSL_PKEY_PARAM_PUB_KEY, y);
      params = OSSL_PARAM_BLD_to_param (bld);
      ctx = EVP_PKEY_CTX_new_from_name (NULL, "DH", NULL);
      g_assert_cmpint (EVP_PKEY_fromdata_init (ctx), ==, 1);
      g_assert_cmpint (EVP_PKEY_fromdata (ctx, &peer, EVP_PKEY_PUBLIC_KEY, params), ==, 1);
      EVP_PKEY_CTX_free (ctx);
      OSSL_PARAM_free (params);
      OSSL_PARAM_BLD_free (bld);
      BN_free (y);
    }
  ctx = EVP_PKEY_CTX_new_from_pkey (NULL, chip_key, NULL);
  g_assert_cmpint (EVP_PKEY_derive_init (ctx), ==, 1);
  if (!ecdh)
    g_assert_cmpint (EVP_PKEY_CTX_set_dh_pad (ctx, 1), ==, 1);
  g_assert_cmpint (EVP_PKEY_derive_set_peer (ctx, peer), ==, 1);
  g_assert_cmpint (EVP_PKEY_derive (ctx, secret, &len), ==, 1);
  EVP_PKEY_CTX_free (ctx);
  EVP_PKEY_free (peer);
  return g_bytes_new (secret, len);
}

static void
test_ecdh_aes128 (void)
{
  EVP_PKEY *chip = test_key_ec ("brainpoolP256r1", TRUE);
  g_autoptr(GBytes) dg14 = make_dg14 (chip, TRUE, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnDg14) parsed = tdn_dg14_parse (g_bytes_get_data (dg14, NULL), g_bytes_get_size (dg14), &error);
  const TdnChipAuthInfo *ca;
  TdnChipAuthSession session;
  g_autoptr(GBytes) secret = NULL;
  g_autoptr(GBytes) mse = NULL;
  g_autoptr(GBytes) ga = NULL;
  guint8 want[EVP_MAX_MD_SIZE];
  guint8 buf[512];
  const guint8 *ga_data;
  gsize ga_len = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (tdn_dg14_get_aa_digest (parsed), ==, "SHA256");
  ca = tdn_dg14_get_chip_auth (parsed, &error);
  g_assert_no_error (error);
  g_assert_true (ca->ecdh);
  g_assert_cmpint (ca->cipher, ==, TDN_CHIP_AUTH_CIPHER_AES128);
  g_assert_cmpuint (ca->version, ==, 1);
  g_assert_false (ca->has_key_id);

  g_assert_true (tdn_chip_auth_agree (ca, &session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (session.key_len, ==, 16);
  g_assert_cmpuint (g_bytes_get_size (session.ephemeral_public_key), ==, 65);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (session.ephemeral_public_key, NULL))[0], ==, 0x04);

  /* The chip computes the same secret; KDF(K,c) = SHA-1(K ‖ c)[0..15]. */
  secret = chip_secret (chip, TRUE, session.ephemeral_public_key);
  g_assert_cmpuint (g_bytes_get_size (secret), ==, 32);
  memcpy (buf, g_bytes_get_data (secret, NULL), 32);
  memcpy (buf + 32, "\x00\x00\x00\x01", 4);
  EVP_Digest (buf, 36, want, NULL, EVP_sha1 (), NULL);
  g_assert_cmpmem (session.ks_enc, 16, want, 16);
  memcpy (buf + 32, "\x00\x00\x00\x02", 4);
  EVP_Digest (buf, 36, want, NULL, EVP_sha1 (), NULL);
  g_assert_cmpmem (session.ks_mac, 16, want, 16);

  mse = tdn_chip_auth_mse_set_at_data (ca);
  g_assert_cmpuint (g_bytes_get_size (mse), ==, 12);
  g_assert_cmpmem (g_bytes_get_data (mse, NULL), 2, "\x80\x0A", 2);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (mse, NULL) + 2, 10, OID_CA_ECDH_AES128, 10);
  ga = tdn_chip_auth_general_authenticate_data (&session);
  ga_data = g_bytes_get_data (ga, &ga_len);
  g_assert_cmpuint (ga_len, ==, 2 + 2 + 65);
  g_assert_cmpmem (ga_data, 4, "\x7C\x43\x80\x41", 4);
  g_assert_cmpmem (ga_data + 4, 65, g_bytes_get_data (session.ephemeral_public_key, NULL), 65);

  tdn_chip_auth_session_clear (&session);
  g_assert_null (session.ephemeral_public_key);
  g_assert_cmpuint (session.ks_enc[0] | session.ks_enc[15] | session.ks_mac[0], ==, 0);
  EVP_PKEY_free (chip);
}

static void
test_dh_3des (void)
{
  EVP_PKEY *chip = test_key_dh ("ffdhe2048");
  g_autoptr(GBytes) dg14 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnDg14) parsed = NULL;
  g_autoptr(GBytes) secret = NULL;
  g_autoptr(GBytes) kat = NULL;
  const TdnChipAuthInfo *ca;
  TdnChipAuthSession session;
  guint8 want[16];
  gsize key_len = 0;
  const guint8 *kat_data;
  gsize kat_len = 0;

  g_assert_nonnull (chip);
  dg14 = make_dg14 (chip, FALSE, TRUE);
  parsed = tdn_dg14_parse (g_bytes_get_data (dg14, NULL), g_bytes_get_size (dg14), &error);
  g_assert_no_error (error);
  ca = tdn_dg14_get_chip_auth (parsed, &error);
  g_assert_no_error (error);
  g_assert_false (ca->ecdh);
  g_assert_cmpint (ca->cipher, ==, TDN_CHIP_AUTH_CIPHER_3DES);
  g_assert_true (ca->has_key_id);
  g_assert_cmpuint (ca->key_id, ==, 7);

  g_assert_true (tdn_chip_auth_agree (ca, &session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (session.ephemeral_public_key), ==, 256);
  secret = chip_secret (chip, FALSE, session.ephemeral_public_key);
  g_assert_cmpuint (g_bytes_get_size (secret), ==, 256);
  g_assert_true (tdn_chip_auth_kdf (TDN_CHIP_AUTH_CIPHER_3DES, g_bytes_get_data (secret, NULL),
                                    256, 1, want, &key_len, &error));
  g_assert_cmpuint (key_len, ==, 16);
  g_assert_cmpmem (session.ks_enc, 16, want, 16);

  /* MSE:Set KAT carries the public value (91) and the key id (84). */
  kat = tdn_chip_auth_mse_set_kat_data (ca, &session);
  kat_data = g_bytes_get_data (kat, &kat_len);
  g_assert_cmpuint (kat_len, ==, 4 + 256 + 3);
  g_assert_cmpmem (kat_data, 4, "\x91\x82\x01\x00", 4);
  g_assert_cmpmem (kat_data + 260, 3, "\x84\x01\x07", 3);
  tdn_chip_auth_session_clear (&session);
  EVP_PKEY_free (chip);
}

static void
test_dg14_errors (void)
{
  static const guint8 empty_set[] = { 0x6E, 0x02, 0x31, 0x00 };
  static const guint8 wrong_tag[] = { 0x6F, 0x02, 0x31, 0x00 };
  static const guint8 not_seq[] = { 0x6E, 0x04, 0x31, 0x02, 0x02, 0x00 };
  static const guint8 truncated[] = { 0x6E, 0x10, 0x31, 0x02 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnDg14) parsed = tdn_dg14_parse (empty_set, sizeof empty_set, &error);

  g_assert_no_error (error);
  g_assert_null (tdn_dg14_get_chip_auth (parsed, &error));
  g_assert_error (error, TDN_DG14_ERROR, TDN_DG14_ERROR_NO_CHIP_AUTH);
  g_assert_null (tdn_dg14_get_aa_digest (parsed));

  for (int i = 0; i < 3; i++)
    {
      const guint8 *d = i == 0 ? wrong_tag : i == 1 ? not_seq : truncated;
      gsize n = i == 0 ? sizeof wrong_tag : i == 1 ? sizeof not_seq : sizeof truncated;
      g_autoptr(GError) e = NULL;
      g_autoptr(TdnDg14) bad = tdn_dg14_parse (d, n, &e);

      g_assert_null (bad);
      g_assert_error (e, TDN_DG14_ERROR, TDN_DG14_ERROR_MALFORMED);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/chip-auth/ecdh-aes128", test_ecdh_aes128);
  g_test_add_func ("/emrtd/chip-auth/dh-3des", test_dh_3des);
  g_test_add_func ("/emrtd/chip-auth/dg14-errors", test_dg14_errors);
  return g_test_run ();
}
