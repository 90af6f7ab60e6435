/* test-help-store.c — help requests: model, states, claims, persistence
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "tdn-base.h"
#include "tdn-help-store.h"

static char *
temp_db (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tdn-help-XXXXXX", NULL);

  return g_build_filename (dir, "broker.db", NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

static TdnHelpRequest *
sample (const char *reason)
{
  TdnHelpRequest *r = tdn_help_request_new ();
  static const guint8 jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0xFF, 0xD9 };

  r->visit_ref = tdn_uuid_new ();
  r->kiosk_id = g_strdup ("K2");
  r->reason = g_strdup (reason);
  r->ticket_number = g_strdup ("K2-A015");
  r->language = g_strdup ("vi");
  r->masked_name = g_strdup ("N. T. M.");
  r->masked_id = g_strdup ("0011******45");
  r->age_years = 31;
  r->assurance = g_strdup ("chip+pa");
  r->eligibility = json_from_string ("{\"status\":\"not_eligible\",\"code\":\"010\"}", NULL);
  r->photo = g_bytes_new_static (jpeg, sizeof jpeg);
  return r;
}

static void
test_json_round_trip (void)
{
  g_autoptr(TdnHelpRequest) r = sample ("expired_card");
  g_autoptr(JsonNode) node = tdn_help_request_to_json (r, TRUE);
  g_autoptr(TdnHelpRequest) back = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (o, "reason_en"), ==, "BHYT card expired");
  g_assert_true (json_object_get_boolean_member (o, "has_photo"));
  back = tdn_help_request_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->masked_id, ==, "0011******45");
  g_assert_cmpint (back->age_years, ==, 31);
  g_assert_true (g_bytes_equal (back->photo, r->photo));
  g_assert_nonnull (back->eligibility);
}

static void
test_json_refused (void)
{
  const char *bad[] = {
    "[]",
    "{\"reason\":\"expired_card\"}",
    "{\"kiosk_id\":\"K1\",\"reason\":\"unknown_reason\"}",
    "{\"kiosk_id\":\"K1\",\"reason\":\"reprint\",\"masked_id\":\"001195012345\"}",
    "{\"kiosk_id\":\"K1\",\"reason\":\"reprint\",\"visit_ref\":\"not-a-uuid\"}",
    "{\"kiosk_id\":\"K1\",\"reason\":\"reprint\",\"photo_jpeg\":\"aGVsbG8=\"}",
    "{\"kiosk_id\":17,\"reason\":\"reprint\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnHelpRequest) r = tdn_help_request_from_json (node, &error);

      g_assert_null (r);
      g_assert_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID);
    }
}

static void
test_store_lifecycle (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(TdnHelpStore) store = tdn_help_store_open (path, NULL);
  g_autoptr(TdnHelpRequest) r = sample ("input_mismatch");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(TdnHelpRequest) got = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  struct stat st;
  gint64 seq0;

  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  seq0 = tdn_help_store_get_seq (store);
  id = tdn_help_store_add (store, r, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_uuid_is_valid (id));

  open = tdn_help_store_list (store, FALSE, &error);
  g_assert_cmpuint (open->len, ==, 1);

  /* Two nurses: the first claim wins, the second is told who has it. */
  g_assert_true (tdn_help_store_claim (store, id, "lan", &error));
  g_assert_false (tdn_help_store_claim (store, id, "hoa", &error));
  g_assert_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_CLAIMED);
  g_assert_nonnull (strstr (error->message, "lan"));
  g_clear_error (&error);
  /* Claiming again by the holder is fine; so is resolving. */
  g_assert_true (tdn_help_store_claim (store, id, "lan", &error));
  g_assert_false (tdn_help_store_resolve (store, id, "hoa", "self-pay", &error));
  g_assert_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_CLAIMED);
  g_clear_error (&error);
  g_assert_true (tdn_help_store_resolve (store, id, "lan", "switched to self-pay", &error));
  g_assert_no_error (error);

  got = tdn_help_store_get (store, id, &error);
  g_assert_cmpint (got->state, ==, TDN_HELP_STATE_RESOLVED);
  g_assert_cmpstr (got->resolved_by, ==, "lan");
  g_assert_cmpstr (got->resolution, ==, "switched to self-pay");
  g_assert_null (got->photo);
  g_assert_cmpint (got->claimed_at, >, 0);

  g_assert_false (tdn_help_store_claim (store, id, "lan", &error));
  g_assert_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_RESOLVED);
  g_clear_error (&error);

  changes = tdn_help_store_changes_since (store, seq0, &error);
  /* add, claim, claim, resolve: the last state is what a desk sees. */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (tdn_help_store_get_seq (store), ==, seq0 + 4);

  g_clear_pointer (&open, g_ptr_array_unref);
  open = tdn_help_store_list (store, FALSE, &error);
  g_assert_cmpuint (open->len, ==, 0);

  g_assert_null (tdn_help_store_get (store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_NOT_FOUND);

  g_clear_object (&store);
  remove_db (path);
}

static void
test_release_and_order (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(TdnHelpStore) store = tdn_help_store_open (path, NULL);
  g_autoptr(TdnHelpRequest) a = sample ("printer_error");
  g_autoptr(TdnHelpRequest) b = sample ("card_unreadable");
  g_autofree char *ida = NULL, *idb = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 seq;

  tdn_clock_set_fake (G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC);
  ida = tdn_help_store_add (store, a, NULL);
  tdn_clock_advance (G_USEC_PER_SEC);
  idb = tdn_help_store_add (store, b, NULL);
  seq = tdn_help_store_get_seq (store);

  g_assert_true (tdn_help_store_claim (store, ida, "lan", NULL));
  g_assert_true (tdn_help_store_release (store, ida, "lan", NULL));
  /* After a release anyone may claim. */
  g_assert_true (tdn_help_store_claim (store, ida, "hoa", NULL));

  changes = tdn_help_store_changes_since (store, seq, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((TdnHelpRequest *) changes->pdata[0])->id, ==, ida);
  g_assert_cmpstr (((TdnHelpRequest *) changes->pdata[0])->claimed_by, ==, "hoa");
  tdn_clock_clear_fake ();
  g_clear_object (&store);
  remove_db (path);
}

typedef struct {
  const char *path;
  const char *id;
  const char *nurse;
  gboolean    won;
} Race;

static gpointer
race_thread (gpointer data)
{
  Race *race = data;
  g_autoptr(TdnHelpStore) store = tdn_help_store_open (race->path, NULL);

  race->won = tdn_help_store_claim (store, race->id, race->nurse, NULL);
  return NULL;
}

static void
test_claim_race (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(TdnHelpStore) store = tdn_help_store_open (path, NULL);

  /* Two desks (separate connections) claim each of 50 requests at once:
   * exactly one wins every time. */
  for (int i = 0; i < 50; i++)
    {
      g_autoptr(TdnHelpRequest) r = sample ("input_mismatch");
      g_autofree char *id = tdn_help_store_add (store, r, NULL);
      Race a = { path, id, "lan", FALSE }, b = { path, id, "hoa", FALSE };
      GThread *ta = g_thread_new ("a", race_thread, &a);
      GThread *tb = g_thread_new ("b", race_thread, &b);
      g_autoptr(TdnHelpRequest) got = NULL;

      g_thread_join (ta);
      g_thread_join (tb);
      g_assert_true (a.won != b.won);
      got = tdn_help_store_get (store, id, NULL);
      g_assert_cmpstr (got->claimed_by, ==, a.won ? "lan" : "hoa");
    }
  g_clear_object (&store);
  remove_db (path);
}

static void
test_survives_reopen_and_refuses_newer (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(TdnHelpStore) store = tdn_help_store_open (path, NULL);
  g_autoptr(TdnHelpRequest) r = sample ("reprint");
  g_autofree char *id = tdn_help_store_add (store, r, NULL);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&store);
  store = tdn_help_store_open (path, &error);
  g_assert_no_error (error);
  open = tdn_help_store_list (store, FALSE, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (((TdnHelpRequest *) open->pdata[0])->id, ==, id);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "UPDATE help_meta SET value = 99 WHERE key = 'schema_version'", NULL, NULL, NULL);
  sqlite3_close (db);
  store = tdn_help_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_SCHEMA);
  remove_db (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help/json-round-trip", test_json_round_trip);
  g_test_add_func ("/help/json-refused", test_json_refused);
  g_test_add_func ("/help/store-lifecycle", test_store_lifecycle);
  g_test_add_func ("/help/release-and-order", test_release_and_order);
  g_test_add_func ("/help/claim-race", test_claim_race);
  g_test_add_func ("/help/survives-reopen", test_survives_reopen_and_refuses_newer);
  return g_test_run ();
}
