/* test-runner.c — the delivery runner against a scripted destination
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-sync-runner.h"

/* --- a destination that answers from a script ----------------------------- */

#define TEST_TYPE_DESTINATION (test_destination_get_type ())
G_DECLARE_FINAL_TYPE (TestDestination, test_destination, TEST, DESTINATION, GObject)

struct _TestDestination
{
  GObject         parent_instance;
  const char     *name;
  TdnSyncVerdict  script[8];
  guint           n_script;
  guint           sent;
  guint           built;
  GPtrArray      *payloads;
};

static void test_destination_iface_init (TdnSyncDestinationInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestDestination, test_destination, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_SYNC_DESTINATION, test_destination_iface_init))

static void
test_destination_finalize (GObject *object)
{
  g_ptr_array_unref (TEST_DESTINATION (object)->payloads);
  G_OBJECT_CLASS (test_destination_parent_class)->finalize (object);
}

static void
test_destination_class_init (TestDestinationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_destination_finalize;
}

static void
test_destination_init (TestDestination *self)
{
  self->payloads = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->name = "fake";
}

static const char *
fake_name (TdnSyncDestination *d)
{
  return TEST_DESTINATION (d)->name;
}

static GBytes *
fake_build (TdnSyncDestination *d,
            const TdnVisit     *visit,
            gint64              arrived_at,
            const char         *delivery_id)
{
  char *text = g_strdup_printf ("%s/%d/%s/%s", visit->visit_id, visit->revision, visit->clinic, delivery_id);

  TEST_DESTINATION (d)->built++;
  return g_bytes_new_take (text, strlen (text));
}

static TdnSyncVerdict
fake_send (TdnSyncDestination  *d,
           GBytes              *payload,
           const char          *delivery_id,
           GCancellable        *cancellable,
           char               **reason)
{
  TestDestination *self = TEST_DESTINATION (d);
  TdnSyncVerdict v = self->sent < self->n_script ? self->script[self->sent] : TDN_SYNC_DELIVERED;

  self->sent++;
  g_ptr_array_add (self->payloads, g_bytes_ref (payload));
  *reason = g_strdup_printf ("scripted %s", tdn_sync_verdict_to_string (v));
  return v;
}

static void
test_destination_iface_init (TdnSyncDestinationInterface *iface)
{
  iface->get_name = fake_name;
  iface->build = fake_build;
  iface->send = fake_send;
}

/* --- tests ---------------------------------------------------------------- */

typedef struct {
  char     *dir;
  TdnSpool *spool;
  guint     parked;
  char     *parked_reason;
} Fixture;

static void
setup (Fixture      *f,
       gconstpointer data)
{
  g_autofree char *db = NULL, *key = NULL;

  f->dir = g_dir_make_tmp ("tdn-runner-XXXXXX", NULL);
  db = g_build_filename (f->dir, "spool.db", NULL);
  key = g_build_filename (f->dir, "spool.key", NULL);
  f->spool = tdn_spool_open (db, key, NULL);
  g_assert_nonnull (f->spool);
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795600000) * G_USEC_PER_SEC);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  const char *names[] = { "spool.db", "spool.db-wal", "spool.db-shm", "spool.key" };

  g_clear_object (&f->spool);
  tdn_clock_clear_fake ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (f->dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->parked_reason);
}

static char *
commit (Fixture    *f,
        const char *clinic)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();

  v->kiosk_id = g_strdup ("K2");
  v->clinic = g_strdup (clinic);
  g_assert_true (tdn_spool_commit_visit (f->spool, v, NULL, NULL, NULL));
  return g_strdup (v->visit_id);
}

static void
parked_cb (const TdnOutboxItem *item,
           const char          *reason,
           gpointer             data)
{
  Fixture *f = data;

  f->parked++;
  g_free (f->parked_reason);
  f->parked_reason = g_strdup (reason);
}

static TdnOutboxState
state_of (Fixture    *f,
          const char *visit_id,
          guint       i)
{
  g_autoptr(GPtrArray) items = tdn_spool_outbox_list (f->spool, -1, visit_id, 0, NULL);

  return ((TdnOutboxItem *) items->pdata[i])->state;
}

static void
test_retry_then_deliver_then_park (Fixture      *f,
                                   gconstpointer data)
{
  g_autoptr(TestDestination) dest = g_object_new (TEST_TYPE_DESTINATION, NULL);
  g_autoptr(TdnSyncRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = commit (f, "NOI");
  g_autofree char *b = commit (f, "NGOAI");
  gboolean attempted = FALSE;
  gint64 next_due = 0, start = tdn_clock_get_real ();
  guint n = 0;

  dest->script[0] = TDN_SYNC_RETRY;
  dest->script[1] = TDN_SYNC_DELIVERED;
  dest->script[2] = TDN_SYNC_PARK;
  dest->n_script = 3;
  runner = tdn_sync_runner_new (f->spool, TDN_SYNC_DESTINATION (dest), 5, 60);
  tdn_sync_runner_set_park_func (runner, parked_cb, f);

  g_assert_true (tdn_sync_runner_step (runner, NULL, &attempted, &next_due, &error));
  g_assert_true (attempted);
  g_assert_cmpint (state_of (f, a, 0), ==, TDN_OUTBOX_PENDING);
  /* The head waits its back-off (2.5–5 s) and b waits behind it. */
  g_assert_true (tdn_sync_runner_step (runner, NULL, &attempted, &next_due, &error));
  g_assert_false (attempted);
  g_assert_cmpint (next_due, >=, start + 5 * G_USEC_PER_SEC / 2);
  g_assert_cmpint (next_due, <=, start + 5 * G_USEC_PER_SEC);

  tdn_clock_advance (5 * G_USEC_PER_SEC);
  g_assert_true (tdn_sync_runner_run_due (runner, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  /* Built once, sent twice with the same bytes. */
  g_assert_cmpuint (dest->built, ==, 2);
  g_assert_true (g_bytes_equal (dest->payloads->pdata[0], dest->payloads->pdata[1]));
  g_assert_cmpint (state_of (f, a, 0), ==, TDN_OUTBOX_DELIVERED);
  g_assert_cmpint (state_of (f, b, 0), ==, TDN_OUTBOX_PARKED);
  g_assert_cmpuint (f->parked, ==, 1);
  g_assert_cmpstr (f->parked_reason, ==, "scripted park");
}

static void
test_revision_bytes_and_adapter_change (Fixture      *f,
                                        gconstpointer data)
{
  g_autoptr(TestDestination) dest = g_object_new (TEST_TYPE_DESTINATION, NULL);
  g_autoptr(TestDestination) other = g_object_new (TEST_TYPE_DESTINATION, NULL);
  g_autoptr(TdnSyncRunner) runner = NULL;
  g_autoptr(TdnSyncRunner) runner2 = NULL;
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = commit (f, "NOI");
  g_autofree char *expect = NULL;
  gboolean attempted;
  gint64 next_due;
  guint n = 0;

  change->clinic = g_strdup ("MAT");
  g_assert_true (tdn_spool_add_revision (f->spool, a, change, "desk:lan", "clinic change", &error));
  runner = tdn_sync_runner_new (f->spool, TDN_SYNC_DESTINATION (dest), 1, 2);
  g_assert_true (tdn_sync_runner_run_due (runner, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  /* Each revision is delivered with its own data, in order. */
  expect = g_strdup_printf ("%s/1/NOI/", a);
  g_assert_cmpint (memcmp (g_bytes_get_data (dest->payloads->pdata[0], NULL), expect, strlen (expect)), ==, 0);
  g_free (expect);
  expect = g_strdup_printf ("%s/2/MAT/", a);
  g_assert_cmpint (memcmp (g_bytes_get_data (dest->payloads->pdata[1], NULL), expect, strlen (expect)), ==, 0);

  /* Bytes stored by "fake" are not sent through another adapter. */
  g_free (commit (f, "NOI"));
  dest->script[0] = TDN_SYNC_RETRY;
  dest->n_script = 1;
  dest->sent = 0;
  g_assert_true (tdn_sync_runner_step (runner, NULL, &attempted, &next_due, &error));
  other->name = "other";
  runner2 = tdn_sync_runner_new (f->spool, TDN_SYNC_DESTINATION (other), 1, 2);
  tdn_sync_runner_set_park_func (runner2, parked_cb, f);
  tdn_clock_advance (5 * G_USEC_PER_SEC);
  g_assert_true (tdn_sync_runner_step (runner2, NULL, &attempted, &next_due, &error));
  g_assert_true (attempted);
  g_assert_cmpuint (other->sent, ==, 0);
  g_assert_cmpuint (f->parked, ==, 1);
  g_assert_nonnull (strstr (f->parked_reason, "--rebuild"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sync/runner/retry-deliver-park", Fixture, NULL, setup, test_retry_then_deliver_then_park, teardown);
  g_test_add ("/sync/runner/revisions-and-adapter-change", Fixture, NULL, setup,
              test_revision_bytes_and_adapter_change, teardown);
  return g_test_run ();
}
