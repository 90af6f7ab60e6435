/* test-passive-auth.c — passive authentication against SODs and PKIs made by tests/sim/card
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pa-fixture.h"
#include "tdn-clock.h"
#include "tdn-passive-auth.h"
#include "tdn-sod.h"

/* Data groups as a card serves them: DG1 (TD1 MRZ), DG13 (short), DG15. */
static const char MRZ[] = "IDVNM1950123451001195012345<<1"
                          "9503147F3503149VNM<<<<<<<<<<<2"
                          "NGUYEN<<THI<MAI<<<<<<<<<<<<<<<";
static guint8 dg1[95];
static const guint8 dg13[] = { 0x6D, 0x15, 0x30, 0x13, 0x02, 0x01, 0x01, 0x06, 0x06, 0x28, 0xD3,
                               0x16, 0x01, 0x00, 0x08, 0x31, 0x06, 0x30, 0x04, 0x02, 0x01, 0x0E,
                               0x05 };
static const guint8 dg15[] = { 0x6F, 0x03, 0x30, 0x01, 0x00 };
static char *dg1_path, *dg13_path, *dg15_path, *dg_args;

static void
make_data_groups (void)
{
  memcpy (dg1, "\x61\x5D\x5F\x1F\x5A", 5);
  memcpy (dg1 + 5, MRZ, 90);
  dg1_path = pa_fixture_write ("dg1", dg1, sizeof dg1);
  dg13_path = pa_fixture_write ("dg13", dg13, sizeof dg13);
  dg15_path = pa_fixture_write ("dg15", dg15, sizeof dg15);
  dg_args = g_strdup_printf ("1=%s 13=%s 15=%s", dg1_path, dg13_path, dg15_path);
}

static TdnCscaStore *
store_with (const char *pki,
            const char *file)
{
  TdnCscaStore *store = tdn_csca_store_new ();
  g_autofree char *path = g_build_filename (pki, file, NULL);
  g_autoptr(GBytes) pem = pa_fixture_read (path);
  g_autoptr(GError) error = NULL;
  guint added = 0;

  g_assert_true (tdn_csca_store_add_certificates (store, g_bytes_get_data (pem, NULL),
                                                  g_bytes_get_size (pem), &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  return store;
}

/* Verifies `sod` with DG1 and DG13 (and DG15 when `with_dg15`). */
static void
verify (TdnCscaStore         *store,
        GBytes               *sod,
        const guint8         *dg13_data,
        gboolean              with_dg15,
        TdnPassiveAuthFlags   flags,
        TdnPassiveAuthResult *result)
{
  TdnDataGroupRef dgs[] = {
    { 1, dg1, sizeof dg1 },
    { 13, dg13_data, sizeof dg13 },
    { 15, dg15, sizeof dg15 },
  };

  tdn_passive_auth_verify (store, sod != NULL ? g_bytes_get_data (sod, NULL) : NULL,
                           sod != NULL ? g_bytes_get_size (sod) : 0,
                           dgs, with_dg15 ? 3 : 2, flags, result);
  g_assert_nonnull (result->detail);
}

static void
assert_pa (TdnPassiveAuthResult *r,
           TdnPassiveAuthStatus  status,
           TdnPassiveAuthReason  reason)
{
  if (r->status != status || r->reason != reason)
    g_error ("passive auth: got %s/%s (%s), want %s/%s",
             tdn_passive_auth_status_to_string (r->status),
             tdn_passive_auth_reason_to_string (r->reason), r->detail,
             tdn_passive_auth_status_to_string (status),
             tdn_passive_auth_reason_to_string (reason));
}

/* A good SOD for every algorithm family validates against its CSCA. */
static void
check_valid (const char *alg,
             const char *pki_args,
             const char *sod_args)
{
  const char *pki = pa_fixture_pki (alg, pki_args);
  g_autoptr(TdnCscaStore) store = store_with (pki, "csca.pem");
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "%s %s", sod_args, dg_args);
  TdnPassiveAuthResult r;

  verify (store, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_VALID, TDN_PASSIVE_AUTH_REASON_NONE);
  g_assert_false (r.certificate_expired);
  tdn_passive_auth_result_clear (&r);
}

static void
test_valid_brainpool (void)
{
  check_valid ("ecdsa-brainpoolP256r1", NULL, "--hash sha256");
}

static void
test_valid_brainpool_explicit (void)
{
  check_valid ("ecdsa-brainpoolP256r1", "--explicit", "--hash sha256");
}

static void
test_valid_brainpool512_explicit (void)
{
  /* As the Vietnamese ePassport CSCA: brainpoolP512r1, explicit, SHA-512. */
  check_valid ("ecdsa-brainpoolP512r1", "--explicit", "--hash sha512");
}

static void
test_valid_p256_sha1 (void)
{
  check_valid ("ecdsa-p256", NULL, "--hash sha1");
}

static void
test_valid_p384_sha384 (void)
{
  check_valid ("ecdsa-p384", NULL, "--hash sha384 --lds-version 1");
}

static void
test_valid_rsa_pkcs1 (void)
{
  check_valid ("rsa-pkcs1", NULL, "--hash sha256 --sig-hash sha512");
}

static void
test_valid_rsa_pkcs1_sha1 (void)
{
  check_valid ("rsa-pkcs1", NULL, "--hash sha1");
}

static void
test_valid_rsa_pss_key (void)
{
  /* DS and CSCA keys are RSASSA-PSS keys (id-RSASSA-PSS in the SPKI). */
  check_valid ("rsa-pss-key", NULL, "--hash sha256 --pss");
}

static void
test_valid_ber (void)
{
  /* Indefinite lengths and a constructed eContent, as some issuers write. */
  check_valid ("ecdsa-brainpoolP256r1", NULL, "--hash sha256 --ber");
}

static void
test_valid_ecdsa_plain (void)
{
  /* BSI TR-03111 plain r ‖ s signature (ecdsa-plain-SHA256). */
  check_valid ("ecdsa-brainpoolP256r1", "--explicit", "--hash sha256 --ecdsa-plain");
}

static void
test_valid_keyid (void)
{
  /* SignerInfo names the DS by subject key identifier. */
  check_valid ("rsa-pkcs1", NULL, "--hash sha384 --keyid");
}

static void
test_valid_rsa_pss (void)
{
  check_valid ("rsa-pss", NULL, "--hash sha256 --pss");
}

/* A broken SOD: status and reason for one mksod.py option. */
static void
check_broken (const char           *sod_opt,
              TdnPassiveAuthStatus  status,
              TdnPassiveAuthReason  reason)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autoptr(TdnCscaStore) store = store_with (pki, "csca.pem");
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha256 %s %s", sod_opt, dg_args);
  TdnPassiveAuthResult r;

  /* DG15 is not passed: --tamper-content alters its hash in the SOD. */
  verify (store, sod, dg13, FALSE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, status, reason);
  tdn_passive_auth_result_clear (&r);
}

static void
test_bad_signature (void)
{
  check_broken ("--tamper-signature", TDN_PASSIVE_AUTH_INVALID,
                TDN_PASSIVE_AUTH_REASON_SIGNATURE_INVALID);
}

static void
test_tampered_content (void)
{
  check_broken ("--tamper-content", TDN_PASSIVE_AUTH_INVALID,
                TDN_PASSIVE_AUTH_REASON_CONTENT_DIGEST_MISMATCH);
}

static void
test_md5_refused (void)
{
  check_broken ("--hash md5 --sig-hash sha256", TDN_PASSIVE_AUTH_NOT_CHECKED,
                TDN_PASSIVE_AUTH_REASON_UNSUPPORTED_ALGORITHM);
}

static void
test_no_certificate (void)
{
  check_broken ("--no-certs", TDN_PASSIVE_AUTH_NOT_CHECKED,
                TDN_PASSIVE_AUTH_REASON_NO_DS_CERTIFICATE);
}

static void
test_not_wrapped (void)
{
  check_broken ("--no-wrap", TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_SOD_MALFORMED);
}

static void
test_wrong_content_type (void)
{
  check_broken ("--econtent-type 1.2.840.113549.1.7.1", TDN_PASSIVE_AUTH_INVALID,
                TDN_PASSIVE_AUTH_REASON_SOD_MALFORMED);
}

static void
test_dg_read_not_listed (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autoptr(TdnCscaStore) store = store_with (pki, "csca.pem");
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha256 --omit-dg 15 %s", dg_args);
  TdnPassiveAuthResult r;

  verify (store, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DG_NOT_IN_SOD);
  g_assert_cmpuint (r.data_group, ==, 15);
  tdn_passive_auth_result_clear (&r);

  /* Listed but not read (DG15 skipped by the reader) is fine. */
  g_clear_pointer (&sod, g_bytes_unref);
  sod = pa_fixture_sod (pki, "ds", "--hash sha256 %s", dg_args);
  verify (store, sod, dg13, FALSE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_VALID, TDN_PASSIVE_AUTH_REASON_NONE);
  tdn_passive_auth_result_clear (&r);
}

static void
test_tampered_dg (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autoptr(TdnCscaStore) store = store_with (pki, "csca.pem");
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha256 %s", dg_args);
  guint8 altered[sizeof dg13];
  TdnPassiveAuthResult r;

  memcpy (altered, dg13, sizeof dg13);
  altered[sizeof altered - 1] ^= 0x20;
  verify (store, sod, altered, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DG_HASH_MISMATCH);
  g_assert_cmpuint (r.data_group, ==, 13);
  tdn_passive_auth_result_clear (&r);

  /* The same through a SOD that lists a wrong hash and is signed. */
  g_clear_pointer (&sod, g_bytes_unref);
  sod = pa_fixture_sod (pki, "ds", "--hash sha256 --wrong-hash 1 %s", dg_args);
  verify (store, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DG_HASH_MISMATCH);
  g_assert_cmpuint (r.data_group, ==, 1);
  tdn_passive_auth_result_clear (&r);
}

static void
test_unknown_csca (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autoptr(TdnCscaStore) other = store_with (pki, "other-csca.pem");
  g_autoptr(TdnCscaStore) empty = tdn_csca_store_new ();
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha256 %s", dg_args);
  TdnPassiveAuthResult r;

  /* A CSCA with the same name but another key did not issue the DS. */
  verify (other, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA, TDN_PASSIVE_AUTH_REASON_CSCA_NOT_FOUND);
  tdn_passive_auth_result_clear (&r);
  verify (empty, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA, TDN_PASSIVE_AUTH_REASON_CSCA_NOT_FOUND);
  tdn_passive_auth_result_clear (&r);
  verify (NULL, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA, TDN_PASSIVE_AUTH_REASON_CSCA_NOT_FOUND);
  tdn_passive_auth_result_clear (&r);
}

static void
test_no_sod (void)
{
  static const guint8 garbage[] = { 0x77, 0x05, 0x30, 0x03, 0x02, 0x01, 0x00 };
  g_autoptr(GBytes) bad = g_bytes_new_static (garbage, sizeof garbage);
  TdnPassiveAuthResult r;

  verify (NULL, NULL, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_NOT_CHECKED, TDN_PASSIVE_AUTH_REASON_NO_SOD);
  g_assert_cmpstr (tdn_passive_auth_status_to_string (r.status), ==, "not_checked");
  tdn_passive_auth_result_clear (&r);
  verify (NULL, bad, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_SOD_MALFORMED);
  tdn_passive_auth_result_clear (&r);
}

static void
test_expired_ds (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", "--ds-not-after 20210101000000Z");
  g_autoptr(TdnCscaStore) store = store_with (pki, "csca.pem");
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha256 %s", dg_args);
  TdnPassiveAuthResult r;

  /* Normal for a card signed years ago: accepted, and said so. */
  verify (store, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_VALID, TDN_PASSIVE_AUTH_REASON_NONE);
  g_assert_true (r.certificate_expired);
  tdn_passive_auth_result_clear (&r);
  verify (store, sod, dg13, TRUE, TDN_PASSIVE_AUTH_REJECT_EXPIRED, &r);
  assert_pa (&r, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_CERTIFICATE_EXPIRED);
  g_assert_true (r.certificate_expired);
  tdn_passive_auth_result_clear (&r);
}

static void
test_not_yet_valid (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autoptr(TdnCscaStore) store = store_with (pki, "csca.pem");
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha256 %s", dg_args);
  g_autoptr(GDateTime) past = g_date_time_new_utc (2019, 6, 1, 0, 0, 0);
  TdnPassiveAuthResult r;

  tdn_clock_set_fake (g_date_time_to_unix (past) * G_USEC_PER_SEC);
  verify (store, sod, dg13, TRUE, TDN_PASSIVE_AUTH_DEFAULT, &r);
  tdn_clock_clear_fake ();
  assert_pa (&r, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_CERTIFICATE_NOT_YET_VALID);
  tdn_passive_auth_result_clear (&r);
}

static void
test_sod_accessors (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "--hash sha384 --lds-version 1 %s",
                                          dg_args);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSod) parsed = NULL;
  g_autoptr(GBytes) cert = NULL;
  g_autoptr(GBytes) ds_der = NULL;
  g_autofree char *ds_path = g_build_filename (pki, "ds.der", NULL);
  const guint *dgs;
  gsize n = 0, hlen = 0;
  g_autofree guint8 *padded = NULL;

  parsed = tdn_sod_parse (g_bytes_get_data (sod, NULL), g_bytes_get_size (sod), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tdn_sod_get_lds_version (parsed), ==, 1);
  g_assert_cmpstr (tdn_sod_get_hash_algorithm (parsed), ==, "SHA384");
  dgs = tdn_sod_get_data_groups (parsed, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (dgs[0], ==, 1);
  g_assert_cmpuint (dgs[1], ==, 13);
  g_assert_cmpuint (dgs[2], ==, 15);
  g_assert_nonnull (tdn_sod_get_data_group_hash (parsed, 13, &hlen));
  g_assert_cmpuint (hlen, ==, 48);
  g_assert_null (tdn_sod_get_data_group_hash (parsed, 2, NULL));
  g_assert_null (tdn_sod_get_data_group_hash (parsed, 17, NULL));
  g_assert_cmpuint (tdn_sod_get_n_certificates (parsed), ==, 1);
  cert = tdn_sod_get_certificate (parsed, 0);
  ds_der = pa_fixture_read (ds_path);
  g_assert_true (g_bytes_equal (cert, ds_der));
  g_clear_pointer (&parsed, tdn_sod_free);

  /* Padding after the object, as READ BINARY of a rounded size gives. */
  padded = g_malloc0 (g_bytes_get_size (sod) + 8);
  memcpy (padded, g_bytes_get_data (sod, NULL), g_bytes_get_size (sod));
  parsed = tdn_sod_parse (padded, g_bytes_get_size (sod) + 8, &error);
  g_assert_no_error (error);
  g_clear_pointer (&parsed, tdn_sod_free);

  /* Every truncation is refused with an error, never read past. */
  for (gsize len = 0; len < g_bytes_get_size (sod); len += 7)
    {
      g_autoptr(GError) e = NULL;
      g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (sod, NULL), len);

      parsed = tdn_sod_parse (copy, len, &e);
      g_assert_null (parsed);
      g_assert_error (e, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED);
    }
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  make_data_groups ();
  g_test_add_func ("/emrtd/passive-auth/valid/brainpoolP256r1", test_valid_brainpool);
  g_test_add_func ("/emrtd/passive-auth/valid/brainpoolP256r1-explicit", test_valid_brainpool_explicit);
  g_test_add_func ("/emrtd/passive-auth/valid/brainpoolP512r1-explicit", test_valid_brainpool512_explicit);
  g_test_add_func ("/emrtd/passive-auth/valid/p256-sha1", test_valid_p256_sha1);
  g_test_add_func ("/emrtd/passive-auth/valid/p384-sha384", test_valid_p384_sha384);
  g_test_add_func ("/emrtd/passive-auth/valid/rsa-pkcs1", test_valid_rsa_pkcs1);
  g_test_add_func ("/emrtd/passive-auth/valid/rsa-pkcs1-sha1", test_valid_rsa_pkcs1_sha1);
  g_test_add_func ("/emrtd/passive-auth/valid/rsa-pss", test_valid_rsa_pss);
  g_test_add_func ("/emrtd/passive-auth/valid/rsa-pss-key", test_valid_rsa_pss_key);
  g_test_add_func ("/emrtd/passive-auth/valid/ber", test_valid_ber);
  g_test_add_func ("/emrtd/passive-auth/valid/signer-by-key-id", test_valid_keyid);
  g_test_add_func ("/emrtd/passive-auth/valid/ecdsa-plain", test_valid_ecdsa_plain);
  g_test_add_func ("/emrtd/passive-auth/invalid/signature", test_bad_signature);
  g_test_add_func ("/emrtd/passive-auth/invalid/content", test_tampered_content);
  g_test_add_func ("/emrtd/passive-auth/invalid/tampered-dg", test_tampered_dg);
  g_test_add_func ("/emrtd/passive-auth/invalid/dg-not-listed", test_dg_read_not_listed);
  g_test_add_func ("/emrtd/passive-auth/invalid/not-wrapped", test_not_wrapped);
  g_test_add_func ("/emrtd/passive-auth/invalid/content-type", test_wrong_content_type);
  g_test_add_func ("/emrtd/passive-auth/invalid/not-yet-valid", test_not_yet_valid);
  g_test_add_func ("/emrtd/passive-auth/untrusted", test_unknown_csca);
  g_test_add_func ("/emrtd/passive-auth/not-checked/no-certificate", test_no_certificate);
  g_test_add_func ("/emrtd/passive-auth/not-checked/no-sod", test_no_sod);
  g_test_add_func ("/emrtd/passive-auth/not-checked/md5", test_md5_refused);
  g_test_add_func ("/emrtd/passive-auth/expired-ds", test_expired_ds);
  g_test_add_func ("/emrtd/passive-auth/sod-accessors", test_sod_accessors);
  rc = g_test_run ();
  pa_fixture_cleanup ();
  return rc;
}
