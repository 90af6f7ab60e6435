/* test-outbox.c — the outbox's state machine, recovery and retention
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-spool.h"
#include "tdn-spool-outbox.h"

typedef struct {
  char     *dir;
  char     *db;
  char     *key;
  TdnSpool *spool;
} Fixture;

static void
setup (Fixture      *f,
       gconstpointer data)
{
  f->dir = g_dir_make_tmp ("tdn-outbox-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "spool.db", NULL);
  f->key = g_build_filename (f->dir, "spool.key", NULL);
  f->spool = tdn_spool_open (f->db, f->key, NULL);
  g_assert_nonnull (f->spool);
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795600000) * G_USEC_PER_SEC);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  const char *names[] = { "spool.db", "spool.db-wal", "spool.db-shm", "spool.key", "new.key" };

  g_clear_object (&f->spool);
  tdn_clock_clear_fake ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (f->dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->key);
}

static char *
commit (Fixture    *f,
        const char *id_number)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autoptr(GError) error = NULL;

  v->kiosk_id = g_strdup ("K2");
  v->id_number = g_strdup (id_number);
  v->full_name = g_strdup ("Phạm Thị Lan");
  v->clinic = g_strdup ("NOI");
  v->photo = g_bytes_new_static ("\xff\xd8\xff\xe0 jpeg", 9);
  g_assert_true (tdn_spool_commit_visit (f->spool, v, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (v->visit_id);
}

static void
test_order_and_states (Fixture      *f,
                       gconstpointer data)
{
  g_autofree char *a = commit (f, "001090000001");
  g_autofree char *b = commit (f, "001090000002");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnOutboxItem) first = NULL;
  g_autoptr(TdnOutboxItem) again = NULL;
  g_autoptr(TdnOutboxItem) second = NULL;
  g_autoptr(GBytes) payload = g_bytes_new_static ("MSH|first bytes", 15);
  g_autoptr(GBytes) other = g_bytes_new_static ("MSH|other bytes", 15);
  g_autoptr(GPtrArray) parked = NULL;
  TdnSpoolCounts c;
  gint64 next_due = 0, now = tdn_clock_get_real ();

  first = tdn_spool_outbox_next (f->spool, now, &next_due, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->visit_id, ==, a);
  g_assert_null (first->payload);
  g_assert_cmpint (first->state, ==, TDN_OUTBOX_PENDING);
  g_assert_true (tdn_spool_outbox_begin (f->spool, first->delivery_id, "hl7v2", payload, &error));

  /* A crash here: the row is in flight, due at once, with its bytes. */
  again = tdn_spool_outbox_next (f->spool, now, &next_due, &error);
  g_assert_cmpstr (again->delivery_id, ==, first->delivery_id);
  g_assert_cmpint (again->state, ==, TDN_OUTBOX_IN_FLIGHT);
  g_assert_cmpint (again->attempts, ==, 1);
  g_assert_true (g_bytes_equal (again->payload, payload));
  g_assert_cmpstr (again->destination, ==, "hl7v2");
  /* Later attempts never replace the stored bytes. */
  g_assert_true (tdn_spool_outbox_begin (f->spool, first->delivery_id, "fhir", other, &error));
  g_clear_pointer (&again, tdn_outbox_item_free);
  again = tdn_spool_outbox_get (f->spool, first->delivery_id, &error);
  g_assert_true (g_bytes_equal (again->payload, payload));
  g_assert_cmpint (again->attempts, ==, 2);

  /* Retry later: the head of the queue waits, and so does everything behind it. */
  g_assert_true (tdn_spool_outbox_finish (f->spool, first->delivery_id, TDN_OUTBOX_PENDING, now + 5 * G_USEC_PER_SEC,
                                          "HTTP 503", &error));
  g_assert_null (tdn_spool_outbox_next (f->spool, now, &next_due, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next_due, ==, now + 5 * G_USEC_PER_SEC);
  g_clear_pointer (&again, tdn_outbox_item_free);
  again = tdn_spool_outbox_next (f->spool, now + 5 * G_USEC_PER_SEC, &next_due, &error);
  g_assert_cmpstr (again->delivery_id, ==, first->delivery_id);
  g_assert_cmpstr (again->last_error, ==, "HTTP 503");

  /* Parked: the next visit goes ahead; a human can send it again. */
  g_assert_true (tdn_spool_outbox_finish (f->spool, first->delivery_id, TDN_OUTBOX_PARKED, 0, "AE: bad clinic",
                                          &error));
  second = tdn_spool_outbox_next (f->spool, now, &next_due, &error);
  g_assert_cmpstr (second->visit_id, ==, b);
  g_assert_true (tdn_spool_outbox_begin (f->spool, second->delivery_id, "hl7v2", other, &error));
  g_assert_true (tdn_spool_outbox_finish (f->spool, second->delivery_id, TDN_OUTBOX_DELIVERED, 0, NULL, &error));
  g_assert_false (tdn_spool_outbox_finish (f->spool, second->delivery_id, TDN_OUTBOX_DELIVERED, 0, NULL, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  parked = tdn_spool_outbox_list (f->spool, TDN_OUTBOX_PARKED, NULL, 0, &error);
  g_assert_cmpuint (parked->len, ==, 1);
  g_assert_cmpstr (((TdnOutboxItem *) parked->pdata[0])->last_error, ==, "AE: bad clinic");
  g_assert_true (tdn_spool_get_counts (f->spool, &c, &error));
  g_assert_cmpint (c.parked, ==, 1);
  g_assert_cmpint (c.delivered, ==, 1);
  g_assert_cmpint (c.pending, ==, 0);

  g_assert_true (tdn_spool_outbox_retry (f->spool, first->delivery_id, TRUE, "it", &error));
  g_clear_pointer (&again, tdn_outbox_item_free);
  again = tdn_spool_outbox_next (f->spool, tdn_clock_get_real (), &next_due, &error);
  g_assert_cmpstr (again->delivery_id, ==, first->delivery_id);
  g_assert_null (again->payload);   /* --rebuild dropped the bytes */
  g_assert_false (tdn_spool_outbox_retry (f->spool, second->delivery_id, FALSE, "it", &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND);
}

static void
test_revision_and_purge (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *a = commit (f, "001090000003");
  g_autofree char *b = commit (f, "001090000004");
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(TdnVisit) rev1 = NULL, rev2 = NULL, purged = NULL, kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(GStrv) found = NULL;
  guint n = 0;

  change->clinic = g_strdup ("NGOAI");
  g_assert_true (tdn_spool_add_revision (f->spool, a, change, "desk:lan", "override", &error));
  rev1 = tdn_spool_get_revision (f->spool, a, 1, &error);
  rev2 = tdn_spool_get_revision (f->spool, a, 2, &error);
  g_assert_cmpstr (rev1->clinic, ==, "NOI");
  g_assert_cmpstr (rev2->clinic, ==, "NGOAI");
  g_assert_nonnull (rev2->photo);
  g_assert_null (tdn_spool_get_revision (f->spool, a, 3, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deliver everything of visit a, and only revision... none of b. */
  all = tdn_spool_outbox_list (f->spool, -1, a, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      TdnOutboxItem *d = all->pdata[i];

      g_assert_true (tdn_spool_outbox_begin (f->spool, d->delivery_id, "fhir", NULL, &error));
      g_assert_true (tdn_spool_outbox_finish (f->spool, d->delivery_id, TDN_OUTBOX_DELIVERED, 0, NULL, &error));
    }
  /* Not old enough yet. */
  g_assert_true (tdn_spool_purge (f->spool, tdn_clock_get_real () - G_GINT64_CONSTANT (30) * 86400 * G_USEC_PER_SEC, "t", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  tdn_clock_advance (G_GINT64_CONSTANT (31) * 86400 * G_USEC_PER_SEC);
  g_assert_true (tdn_spool_purge (f->spool, tdn_clock_get_real () - G_GINT64_CONSTANT (30) * 86400 * G_USEC_PER_SEC, "t", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  purged = tdn_spool_get_visit (f->spool, a, &error);
  g_assert_true (purged->purged);
  g_assert_null (purged->id_number);
  g_assert_null (purged->full_name);
  g_assert_null (purged->photo);
  g_assert_cmpstr (purged->clinic, ==, "NGOAI");   /* the anonymous record stays */
  g_assert_false (tdn_spool_add_revision (f->spool, a, change, "desk:lan", "late", &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_PURGED);
  g_clear_error (&error);
  found = tdn_spool_find_by_id_number (f->spool, "001090000003", &error);
  g_assert_cmpuint (g_strv_length (found), ==, 0);
  /* A pending visit keeps everything, however old. */
  kept = tdn_spool_get_visit (f->spool, b, &error);
  g_assert_false (kept->purged);
  g_assert_cmpstr (kept->id_number, ==, "001090000004");
}

static void
test_rekey (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *a = commit (f, "001090000005");
  g_autofree char *fresh = g_build_filename (f->dir, "new.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnVisit) v = NULL;
  g_autoptr(TdnOutboxItem) d = NULL;
  g_autoptr(GBytes) payload = g_bytes_new_static ("PID|Phạm Thị Lan", strlen ("PID|Phạm Thị Lan"));
  g_auto(GStrv) found = NULL;
  gint64 next_due;
  guint n = 0;

  d = tdn_spool_outbox_next (f->spool, tdn_clock_get_real (), &next_due, &error);
  g_assert_true (tdn_spool_outbox_begin (f->spool, d->delivery_id, "hl7v2", payload, &error));
  g_assert_true (tdn_spool_rekey (f->spool, fresh, "it", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);   /* id, name, photo, payload */
  /* Again: nothing left to re-seal. */
  g_assert_true (tdn_spool_rekey (f->spool, fresh, "it", &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* The old key no longer opens the values; the new one does, ID lookups too. */
  g_clear_object (&f->spool);
  f->spool = tdn_spool_open (f->db, f->key, &error);
  g_assert_null (tdn_spool_get_visit (f->spool, a, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY);
  g_clear_error (&error);
  g_clear_object (&f->spool);
  f->spool = tdn_spool_open (f->db, fresh, &error);
  v = tdn_spool_get_visit (f->spool, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v->full_name, ==, "Phạm Thị Lan");
  found = tdn_spool_find_by_id_number (f->spool, "001090000005", &error);
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_clear_pointer (&d, tdn_outbox_item_free);
  d = tdn_spool_outbox_next (f->spool, tdn_clock_get_real (), &next_due, &error);
  g_assert_true (g_bytes_equal (d->payload, payload));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/spool/outbox/order-and-states", Fixture, NULL, setup, test_order_and_states, teardown);
  g_test_add ("/spool/outbox/revision-and-purge", Fixture, NULL, setup, test_revision_and_purge, teardown);
  g_test_add ("/spool/rekey", Fixture, NULL, setup, test_rekey, teardown);
  return g_test_run ();
}
