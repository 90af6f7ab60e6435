/* test-csca-store.c — CSCA trust store: certificate files, master lists, bad files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pa-fixture.h"
#include "tdn-base.h"
#include "tdn-csca-store.h"
#include "tdn-passive-auth.h"

static const guint8 dg1[] = { 0x61, 0x03, 0x5F, 0x1F, 0x00 };
static char *dg_args;

/* A fresh directory under the scratch directory. */
static char *
new_dir (const char *name)
{
  char *dir = g_build_filename (pa_fixture_dir (), name, NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return dir;
}

static void
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autoptr(GBytes) data = pa_fixture_read (from);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error);
  g_assert_no_error (error);
}

/* PA of an SOD signed by `pki`'s `ds` against `store`. */
static TdnPassiveAuthStatus
pa_status (TdnCscaStore *store,
           const char   *pki,
           const char   *ds)
{
  g_autoptr(GBytes) sod = pa_fixture_sod (pki, ds, "--hash sha256 %s", dg_args);
  TdnDataGroupRef dgs[] = { { 1, dg1, sizeof dg1 } };
  TdnPassiveAuthResult r;
  TdnPassiveAuthStatus status;

  tdn_passive_auth_verify (store, g_bytes_get_data (sod, NULL), g_bytes_get_size (sod),
                           dgs, 1, TDN_PASSIVE_AUTH_DEFAULT, &r);
  status = r.status;
  tdn_passive_auth_result_clear (&r);
  return status;
}

static void
test_dir_of_pem (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autofree char *dir = new_dir ("pem");
  g_autofree char *csca = g_build_filename (pki, "csca.pem", NULL);
  g_autofree char *ds = g_build_filename (pki, "ds.pem", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.pem", NULL);
  g_autofree char *ignored = g_build_filename (dir, "README", NULL);
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;

  copy_file (csca, dir, "vn.pem");
  copy_file (csca, dir, "vn-again.crt");   /* duplicates count once */
  copy_file (ds, dir, "not-a-ca.pem");     /* a DS is no trust anchor */
  g_file_set_contents (junk, "-----BEGIN CERTIFICATE-----\nAAAA\n", -1, NULL);
  g_file_set_contents (ignored, "not a certificate", -1, NULL);

  /* Files load in name order. */
  g_test_expect_message ("tiepdon-emrtd", G_LOG_LEVEL_WARNING, "*junk.pem*");
  g_test_expect_message ("tiepdon-emrtd", G_LOG_LEVEL_WARNING, "*not-a-ca.pem*no CA certificate*");
  g_assert_true (tdn_csca_store_load_dir (store, dir, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store), ==, 1);
  g_assert_cmpuint (tdn_csca_store_get_problems (store)->len, ==, 2);
  g_assert_true (g_str_has_prefix (tdn_csca_store_get_problems (store)->pdata[0], "junk.pem: "));
  g_assert_true (g_str_has_prefix (tdn_csca_store_get_problems (store)->pdata[1], "not-a-ca.pem: "));
  g_assert_cmpint (pa_status (store, pki, "ds"), ==, TDN_PASSIVE_AUTH_VALID);
  g_assert_cmpint (pa_status (store, pki, "other-ds"), ==, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA);
}

static void
test_missing_dir (void)
{
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_csca_store_load_dir (store, "/nonexistent/tiepdon/csca", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store), ==, 0);
}

static void
test_der_certificate (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autofree char *der_path = g_build_filename (pki, "ds.der", NULL);
  g_autoptr(GBytes) der = pa_fixture_read (der_path);
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;
  guint added = 5;

  /* A DER DS certificate parses but is no trust anchor. */
  g_assert_false (tdn_csca_store_add_certificates (store, g_bytes_get_data (der, NULL),
                                                   g_bytes_get_size (der), &added, &error));
  g_assert_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE);
  g_assert_cmpuint (added, ==, 0);
  g_clear_error (&error);
  g_assert_false (tdn_csca_store_add_certificates (store, (const guint8 *) "xyz", 3, &added,
                                                   &error));
  g_assert_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE);
}

static void
test_master_list (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autofree char *csca = g_build_filename (pki, "csca.pem", NULL);
  g_autofree char *ml = g_build_filename (pa_fixture_dir (), "list.ml", NULL);
  g_autofree char *bad_ml = g_build_filename (pa_fixture_dir (), "bad.ml", NULL);
  g_autofree char *args = NULL;
  g_autofree char *verified = new_dir ("ml-verified");
  g_autofree char *alone = new_dir ("ml-alone");
  g_autofree char *tampered = new_dir ("ml-tampered");
  g_autofree char *ber = new_dir ("ml-ber");
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(TdnCscaStore) store2 = tdn_csca_store_new ();
  g_autoptr(TdnCscaStore) store3 = tdn_csca_store_new ();
  g_autoptr(TdnCscaStore) store4 = tdn_csca_store_new ();
  g_autoptr(TdnCscaStore) store5 = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;

  /* The list (signed under csca) carries the other CSCA. */
  args = g_strdup_printf ("--signer-cert %s/mls.pem --signer-key %s/mls.key --out %s "
                          "%s/other-csca.pem", pki, pki, ml, pki);
  pa_fixture_run ("mkml.py", args);
  g_free (args);
  args = g_strdup_printf ("--signer-cert %s/mls.pem --signer-key %s/mls.key --out %s "
                          "--tamper-signature %s/other-csca.pem", pki, pki, bad_ml, pki);
  pa_fixture_run ("mkml.py", args);

  /* Signer's CSCA in the directory: the list is verified and trusted. */
  copy_file (csca, verified, "vn.pem");
  copy_file (ml, verified, "icao.ml");
  g_assert_true (tdn_csca_store_load_dir (store, verified, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store), ==, 2);
  g_assert_cmpuint (tdn_csca_store_get_problems (store)->len, ==, 0);
  g_assert_cmpint (pa_status (store, pki, "other-ds"), ==, TDN_PASSIVE_AUTH_VALID);

  /* The same in BER (indefinite lengths), as some publishers write it. */
  g_free (args);
  args = g_strdup_printf ("--signer-cert %s/mls.pem --signer-key %s/mls.key --out %s/ber.ml "
                          "--ber %s/other-csca.pem", pki, pki, ber, pki);
  pa_fixture_run ("mkml.py", args);
  copy_file (csca, ber, "vn.pem");
  g_assert_true (tdn_csca_store_load_dir (store5, ber, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store5), ==, 2);
  g_assert_cmpuint (tdn_csca_store_get_problems (store5)->len, ==, 0);

  /* Without it the list is skipped, unless configured to trust it. */
  copy_file (ml, alone, "icao.ml");
  g_test_expect_message ("tiepdon-emrtd", G_LOG_LEVEL_WARNING, "*icao.ml*cannot be verified*");
  g_assert_true (tdn_csca_store_load_dir (store2, alone, &error));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store2), ==, 0);
  g_assert_cmpint (pa_status (store2, pki, "other-ds"), ==, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA);

  tdn_csca_store_set_trust_unverified_master_lists (store3, TRUE);
  g_test_expect_message ("tiepdon-emrtd", G_LOG_LEVEL_WARNING, "*not verified*trusted*");
  g_assert_true (tdn_csca_store_load_dir (store3, alone, &error));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store3), ==, 1);
  g_assert_cmpint (pa_status (store3, pki, "other-ds"), ==, TDN_PASSIVE_AUTH_VALID);

  /* A list whose signature is broken is refused even with its CSCA. */
  copy_file (csca, tampered, "vn.pem");
  copy_file (bad_ml, tampered, "icao.ml");
  g_test_expect_message ("tiepdon-emrtd", G_LOG_LEVEL_WARNING, "*signature is not valid*");
  g_assert_true (tdn_csca_store_load_dir (store4, tampered, &error));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store4), ==, 1);
  g_assert_cmpint (pa_status (store4, pki, "other-ds"), ==, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA);
}

static void
test_from_config (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autofree char *csca = g_build_filename (pki, "csca.pem", NULL);
  g_autofree char *dir = new_dir ("conf-csca");
  g_autofree char *conf = NULL;
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(TdnCscaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  copy_file (csca, dir, "vn.pem");
  conf = g_strdup_printf ("[reader]\ncsca_dir=%s\nreject_expired_signer_certificates=true\n", dir);
  g_assert_true (tdn_config_load_data (config, conf, "test", &error));
  g_assert_no_error (error);
  store = tdn_csca_store_new_from_config (config, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tdn_csca_store_get_n_certificates (store), ==, 1);
  g_assert_cmpint (tdn_passive_auth_flags_from_config (config), ==,
                   TDN_PASSIVE_AUTH_REJECT_EXPIRED);
}

/* Runs tiepdonctl with `args`; its JSON output parsed. */
static JsonNode *
run_ctl (const char *args,
         int        *exit_status)
{
  /* Skipped files are logged as warnings, which must not abort it here. */
  g_autofree char *cmd = g_strdup_printf ("env G_DEBUG=gc-friendly %s %s",
                                          g_getenv ("TIEPDONCTL"), args);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("TIEPDONCTL"));
  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, &error));
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return json_from_string (out, &error);
}

static void
test_ctl (void)
{
  const char *pki = pa_fixture_pki ("ecdsa-p256", NULL);
  g_autofree char *csca = g_build_filename (pki, "csca.pem", NULL);
  g_autofree char *ds = g_build_filename (pki, "ds.pem", NULL);
  g_autofree char *dir = new_dir ("ctl-csca");
  g_autofree char *conf = g_build_filename (pa_fixture_dir (), "ctl.conf", NULL);
  g_autofree char *conf_text = g_strdup_printf ("[reader]\ncsca_dir=%s\n", dir);
  g_autofree char *args = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) selftest = NULL;
  JsonObject *cert;
  JsonArray *checks;
  gboolean found = FALSE;
  int status = -1;

  copy_file (csca, dir, "vn.pem");
  copy_file (ds, dir, "ds.pem");
  args = g_strdup_printf ("csca list --dir %s --json", dir);
  list = run_ctl (args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (list);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list), "certificates")), ==, 1);
  cert = json_array_get_object_element (json_object_get_array_member (json_node_get_object (list), "certificates"), 0);
  g_assert_cmpstr (json_object_get_string_member (cert, "country"), ==, "VN");
  g_assert_cmpstr (json_object_get_string_member (cert, "not_before"), ==, "2020-01-01");
  g_assert_cmpstr (json_object_get_string_member (cert, "not_after"), ==, "2045-12-31");
  g_assert_false (json_object_get_boolean_member (cert, "expired"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list), "skipped")), ==, 1);

  /* selftest: the DS file in the CSCA directory is a warning. */
  g_file_set_contents (conf, conf_text, -1, NULL);
  g_free (args);
  args = g_strdup_printf ("selftest --config %s --json", conf);
  selftest = run_ctl (args, &status);
  g_assert_nonnull (selftest);
  checks = json_object_get_array_member (json_node_get_object (selftest), "checks");
  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *c = json_array_get_object_element (checks, i);

      if (g_strcmp0 (json_object_get_string_member (c, "name"), "csca") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (c, "status"), ==, "warning");
    }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  g_autofree char *dg1_path = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  dg1_path = pa_fixture_write ("dg1", dg1, sizeof dg1);
  dg_args = g_strdup_printf ("1=%s", dg1_path);
  g_test_add_func ("/emrtd/csca-store/pem-dir", test_dir_of_pem);
  g_test_add_func ("/emrtd/csca-store/missing-dir", test_missing_dir);
  g_test_add_func ("/emrtd/csca-store/der", test_der_certificate);
  g_test_add_func ("/emrtd/csca-store/master-list", test_master_list);
  g_test_add_func ("/emrtd/csca-store/config", test_from_config);
  g_test_add_func ("/emrtd/csca-store/tiepdonctl", test_ctl);
  rc = g_test_run ();
  pa_fixture_cleanup ();
  g_free (dg_args);
  return rc;
}
