/* test-spool-changes.c — outside changes applied once, rejected once, acked
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-spool.h"

typedef struct {
  char     *dir;
  char     *db;
  char     *key;
  TdnSpool *spool;
  char     *visit_id;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tdn-spool-changes-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "spool.db", NULL);
  f->key = g_build_filename (f->dir, "spool.key", NULL);
  f->spool = tdn_spool_open (f->db, f->key, &error);
  g_assert_no_error (error);
  v->kiosk_id = g_strdup ("K2");
  v->full_name = g_strdup ("Nguyễn Thị Mai");
  v->id_number = g_strdup ("001195012345");
  v->clinic = g_strdup ("NOI");
  v->payment = g_strdup ("bhyt");
  v->eligibility_status = g_strdup ("expired");
  g_assert_true (tdn_spool_commit_visit (f->spool, v, NULL, NULL, &error));
  f->visit_id = g_strdup (v->visit_id);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  const char *names[] = { "spool.db", "spool.db-wal", "spool.db-shm", "spool.key" };

  g_clear_object (&f->spool);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (f->dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->key);
  g_free (f->visit_id);
}

static gboolean
set_queue_cb (sqlite3   *db,
              TdnVisit  *visit,
              gpointer   data,
              GError   **error)
{
  g_assert_cmpstr (visit->clinic, ==, "NGOAI");   /* sees the merged visit */
  g_free (visit->queue_number);
  visit->queue_number = g_strdup (data);
  return TRUE;
}

static void
test_apply_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(TdnVisit) got = NULL;
  g_autoptr(TdnSpoolChange) c = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) unacked = NULL;
  g_autoptr(GError) error = NULL;
  TdnSpoolCounts counts;
  gboolean already = TRUE;
  int revision = -1;

  g_assert_cmpint (tdn_spool_get_change_seq (f->spool), ==, 0);
  change->payment = g_strdup ("self_pay");
  g_assert_true (tdn_spool_apply_change (f->spool, "ov-1", 7, f->visit_id, change, NULL, NULL,
                                         "lan", "override:self_pay", "{\"reason\":\"tự trả\"}",
                                         &revision, &already, &error));
  g_assert_no_error (error);
  g_assert_false (already);
  g_assert_cmpint (revision, ==, 2);

  /* The same change again: nothing new. */
  g_assert_true (tdn_spool_apply_change (f->spool, "ov-1", 7, f->visit_id, change, NULL, NULL,
                                         "lan", "override:self_pay", "again", &revision, &already, &error));
  g_assert_true (already);
  g_assert_cmpint (revision, ==, 0);
  got = tdn_spool_get_visit (f->spool, f->visit_id, &error);
  g_assert_cmpint (got->revision, ==, 2);
  g_assert_cmpstr (got->payment, ==, "self_pay");
  g_assert_cmpstr (got->full_name, ==, "Nguyễn Thị Mai");
  g_assert_true (tdn_spool_get_counts (f->spool, &counts, NULL));
  g_assert_cmpint (counts.pending, ==, 2);
  g_assert_cmpint (tdn_spool_get_change_seq (f->spool), ==, 7);

  /* A change that runs code in the transaction (a new queue number). */
  g_clear_pointer (&change, tdn_visit_free);
  change = tdn_visit_new ();
  change->clinic = g_strdup ("NGOAI");
  g_assert_true (tdn_spool_apply_change (f->spool, "ov-2", 9, f->visit_id, change, set_queue_cb, "K2-B001",
                                         "hoa", "override:change_clinic", NULL, &revision, &already, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, tdn_visit_free);
  got = tdn_spool_get_visit (f->spool, f->visit_id, &error);
  g_assert_cmpint (got->revision, ==, 3);
  g_assert_cmpstr (got->queue_number, ==, "K2-B001");
  g_assert_cmpstr (got->payment, ==, "self_pay");

  /* A change with no new revision (a reprint) is audited only. */
  g_assert_true (tdn_spool_apply_change (f->spool, "ov-3", 10, f->visit_id, NULL, NULL, NULL,
                                         "hoa", "override:reprint", "giấy nhàu", &revision, &already, &error));
  g_assert_cmpint (revision, ==, 0);
  c = tdn_spool_get_change (f->spool, "ov-3", &error);
  g_assert_cmpstr (c->outcome, ==, "applied");

  audit = tdn_spool_list_audit (f->spool, f->visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);
  g_assert_cmpstr (((TdnSpoolAuditEntry *) audit->pdata[0])->action, ==, "commit");
  g_assert_cmpstr (((TdnSpoolAuditEntry *) audit->pdata[1])->actor, ==, "lan");
  g_assert_cmpstr (((TdnSpoolAuditEntry *) audit->pdata[1])->action, ==, "override:self_pay");
  g_assert_nonnull (strstr (((TdnSpoolAuditEntry *) audit->pdata[1])->detail, "tự trả"));
  g_assert_cmpstr (((TdnSpoolAuditEntry *) audit->pdata[3])->detail, ==, "giấy nhàu");

  unacked = tdn_spool_list_unacked_changes (f->spool, &error);
  g_assert_cmpuint (unacked->len, ==, 3);
  g_assert_cmpstr (((TdnSpoolChange *) unacked->pdata[0])->change_id, ==, "ov-1");
  g_assert_true (tdn_spool_mark_change_acked (f->spool, "ov-1", &error));
  g_clear_pointer (&unacked, g_ptr_array_unref);
  unacked = tdn_spool_list_unacked_changes (f->spool, &error);
  g_assert_cmpuint (unacked->len, ==, 2);
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(TdnSpoolChange) c = NULL;
  g_autoptr(GError) error = NULL;
  gboolean already = FALSE;
  int revision = 0;

  /* An unknown visit fails and leaves nothing behind … */
  change->payment = g_strdup ("self_pay");
  g_assert_false (tdn_spool_apply_change (f->spool, "ov-9", 3, "00000000-0000-4000-8000-000000000000",
                                          change, NULL, NULL, "lan", "override:self_pay", NULL,
                                          &revision, &already, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tdn_spool_get_change (f->spool, "ov-9", &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* … so the caller records the refusal, once. */
  g_assert_true (tdn_spool_reject_change (f->spool, "ov-9", 3, NULL, "lan", "no such visit", &error));
  g_assert_true (tdn_spool_reject_change (f->spool, "ov-9", 3, NULL, "lan", "no such visit", &error));
  c = tdn_spool_get_change (f->spool, "ov-9", &error);
  g_assert_cmpstr (c->outcome, ==, "rejected");
  g_assert_cmpstr (c->detail, ==, "no such visit");
  g_assert_cmpint (tdn_spool_get_change_seq (f->spool), ==, 3);

  /* And it is never applied later. */
  g_assert_true (tdn_spool_apply_change (f->spool, "ov-9", 3, f->visit_id, change, NULL, NULL,
                                         "lan", "override:self_pay", NULL, &revision, &already, &error));
  g_assert_true (already);
}

static void
test_cancel_state (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(TdnVisit) got = NULL;
  g_autoptr(GError) error = NULL;

  change->state = g_strdup ("cancelled");
  g_assert_true (tdn_spool_add_revision (f->spool, f->visit_id, change, "lan", "bệnh nhân về", &error));
  got = tdn_spool_get_visit (f->spool, f->visit_id, &error);
  g_assert_cmpstr (got->state, ==, "cancelled");
  g_assert_cmpstr (got->clinic, ==, "NOI");
}

/* The merge of both schema changes: a cancelled revision keeps the chip
 * photo (migration 2) beside the state (migration 3), and a later
 * revision keeps both. */
static void
test_state_with_photo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(TdnVisit) cancel = tdn_visit_new ();
  g_autoptr(TdnVisit) got = NULL;
  g_autoptr(TdnVisit) first = NULL;
  g_autoptr(GError) error = NULL;

  change->photo = g_bytes_new_static ("\xff\xd8\xff\xe0 jpeg", 9);
  g_assert_true (tdn_spool_add_revision (f->spool, f->visit_id, change, "K2", "chip photo", &error));
  g_assert_no_error (error);
  cancel->state = g_strdup ("cancelled");
  g_assert_true (tdn_spool_add_revision (f->spool, f->visit_id, cancel, "lan", "bệnh nhân về", &error));
  got = tdn_spool_get_visit (f->spool, f->visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->revision, ==, 3);
  g_assert_cmpstr (got->state, ==, "cancelled");
  g_assert_nonnull (got->photo);
  g_assert_cmpuint (g_bytes_get_size (got->photo), ==, 9);
  g_assert_false (got->purged);
  g_assert_cmpstr (got->full_name, ==, "Nguyễn Thị Mai");
  first = tdn_spool_get_revision (f->spool, f->visit_id, 1, &error);
  g_assert_no_error (error);
  g_assert_null (first->state);
  g_assert_null (first->photo);
}

int
main (int argc, char **argv)
{
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795000000) * G_USEC_PER_SEC);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/spool/changes/apply-once", Fixture, NULL, setup, test_apply_once, teardown);
  g_test_add ("/spool/changes/reject", Fixture, NULL, setup, test_reject, teardown);
  g_test_add ("/spool/changes/cancel-state", Fixture, NULL, setup, test_cancel_state, teardown);
  g_test_add ("/spool/changes/state-with-photo", Fixture, NULL, setup, test_state_with_photo, teardown);
  return g_test_run ();
}
