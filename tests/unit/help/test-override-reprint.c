/* test-override-reprint.c — a nurse's reprint becomes a pending reprint
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The override applier runs in tiepdon-syncd, which has no printer: a
 * "reprint" override must leave a pending reprint in the spool (once,
 * however often the broker sends it) for the kiosk's check-in to print.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-help-client.h"
#include "tdn-override-applier.h"
#include "tdn-spool-reprints.h"

static JsonObject *
override (const char *json)
{
  g_autoptr(JsonNode) n = json_from_string (json, NULL);

  g_assert_nonnull (n);
  return json_object_ref (json_node_get_object (n));
}

static void
reprint_requested_cb (TdnOverrideApplier *applier,
                      const char         *visit_id,
                      char              **out)
{
  g_free (*out);
  *out = g_strdup (visit_id);
}

static void
test_reprint_recorded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tdn-override-reprint-XXXXXX", &error);
  g_autofree char *token = g_build_filename (dir, "token", NULL);
  g_autofree char *db = g_build_filename (dir, "spool.db", NULL);
  g_autofree char *key = g_build_filename (dir, "spool.key", NULL);
  g_autofree char *conf = g_strdup_printf ("[kiosk]\nid=K2\n[eligibility]\nbroker_url=http://127.0.0.1:9/\n"
                                           "token_file=%s\n", token);
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(TdnHelpClient) client = NULL;
  g_autoptr(TdnOverrideApplier) applier = NULL;
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autoptr(TdnVisit) latest = NULL;
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *json = NULL;
  g_autofree char *signalled = NULL;
  const char *outcome = NULL;
  const char *names[] = { "spool.db", "spool.db-wal", "spool.db-shm", "spool.key", "token" };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (token, "kiosk-secret\n", -1, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_true (tdn_config_load_data (config, conf, "test", &error));
  g_assert_no_error (error);
  spool = tdn_spool_open (db, key, &error);
  g_assert_no_error (error);
  client = tdn_help_client_new (config, &error);
  g_assert_no_error (error);
  applier = tdn_override_applier_new (config, spool, client);
  g_signal_connect (applier, "reprint-requested", G_CALLBACK (reprint_requested_cb), &signalled);

  v->kiosk_id = g_strdup ("K2");
  v->full_name = g_strdup ("Trần Văn Bình");
  v->clinic = g_strdup ("NOI");
  v->payment = g_strdup ("self_pay");
  g_assert_true (tdn_spool_commit_visit (spool, v, NULL, NULL, &error));
  g_assert_no_error (error);

  json = g_strdup_printf ("{\"id\":\"ov-9\",\"seq\":3,\"visit_ref\":\"%s\",\"nurse\":\"lan\","
                          "\"action\":\"reprint\",\"reason\":\"Phiếu bị ướt\"}", v->visit_id);
  o = override (json);
  g_assert_true (tdn_override_applier_apply_one (applier, o, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outcome, ==, "applied");
  g_assert_cmpstr (signalled, ==, v->visit_id);
  /* The broker sends it again (its acknowledgement was lost). */
  g_assert_true (tdn_override_applier_apply_one (applier, o, &outcome, &error));
  g_assert_cmpstr (outcome, ==, "already");

  pending = tdn_spool_list_pending_reprints (spool, "K2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (((TdnSpoolReprint *) pending->pdata[0])->change_id, ==, "ov-9");
  g_assert_cmpstr (((TdnSpoolReprint *) pending->pdata[0])->visit_id, ==, v->visit_id);
  g_assert_cmpstr (((TdnSpoolReprint *) pending->pdata[0])->requested_by, ==, "lan");
  latest = tdn_spool_get_visit (spool, v->visit_id, &error);
  g_assert_cmpint (latest->revision, ==, 1);   /* nothing for the HIS */

  g_clear_object (&applier);
  g_clear_object (&client);
  g_clear_object (&spool);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help/override/reprint-recorded", test_reprint_recorded);
  return g_test_run ();
}
