/* test-sim-read.c — the threaded chip read with the simulator backend and
 * the test card emulator (no pcscd): progress on the main context, the
 * result, a card that stops answering, a card pulled out, cancellation,
 * the identity given before the photo is read
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tdn-card-reader.h"
#include "tdn-sim-transceiver.h"

static char *card_dir;

typedef struct {
  TdnSimTransceiver *sim;
  GSubprocess       *card;
  GMainLoop         *loop;
  TdnChipResult     *result;
  GError            *error;
  GPtrArray         *stages;
  gboolean           progress_off_main;
  GThread           *main_thread;
  GCancellable      *cancel;
  gboolean           read_photo;
  guint              early_calls;
  gboolean           early_off_main;
  gboolean           early_after_dg2;
  char              *early_name;
  TdnChipCheck       early_pa;
} Fixture;

static void
start_card (Fixture    *f,
            const char *extra_flag,
            const char *extra_value)
{
  g_autofree char *script = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim",
                                              "card", "cccd_card.py", NULL);
  g_autofree char *port = g_strdup_printf ("%u", tdn_sim_transceiver_get_port (f->sim));
  g_autoptr(GError) error = NULL;

  f->card = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script,
                              card_dir, "--port", port, extra_flag, extra_value, NULL);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sim = tdn_sim_transceiver_new (0, &error);
  g_assert_no_error (error);
  f->loop = g_main_loop_new (NULL, FALSE);
  f->stages = g_ptr_array_new_with_free_func (g_free);
  f->main_thread = g_thread_self ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->card != NULL)
    {
      g_subprocess_force_exit (f->card);
      g_subprocess_wait (f->card, NULL, NULL);
      g_object_unref (f->card);
    }
  g_clear_object (&f->sim);
  g_clear_object (&f->cancel);
  g_main_loop_unref (f->loop);
  g_ptr_array_unref (f->stages);
  tdn_chip_result_free (f->result);
  g_clear_error (&f->error);
  g_free (f->early_name);
}

static TdnTransceiver *
open_sim (const char  *reader,
          guint        timeout_ms,
          gpointer     user_data,
          GError     **error)
{
  Fixture *f = user_data;

  if (!tdn_sim_transceiver_wait_card (f->sim, 10000, error))
    return NULL;
  return g_object_ref (TDN_TRANSCEIVER (f->sim));
}

static void
progress_cb (const char *stage,
             gsize       done,
             gsize       total,
             gpointer    user_data)
{
  Fixture *f = user_data;

  if (g_thread_self () != f->main_thread)
    f->progress_off_main = TRUE;
  if (f->stages->len == 0 || !g_str_equal (g_ptr_array_index (f->stages, f->stages->len - 1), stage))
    g_ptr_array_add (f->stages, g_strdup (stage));
  if (f->cancel != NULL && g_str_equal (stage, "DG13"))
    g_cancellable_cancel (f->cancel);
}

static gboolean stage_seen (Fixture *f, const char *stage);

static void
early_identity_cb (const TdnIdentity *identity,
                   TdnChipCheck       passive_auth,
                   gpointer           user_data)
{
  Fixture *f = user_data;

  f->early_calls++;
  if (g_thread_self () != f->main_thread)
    f->early_off_main = TRUE;
  if (stage_seen (f, "DG2"))
    f->early_after_dg2 = TRUE;
  g_free (f->early_name);
  f->early_name = g_strdup (identity->full_name);
  f->early_pa = passive_auth;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = tdn_card_read_finish (result, &f->error);
  g_main_loop_quit (f->loop);
}

static void
run_read (Fixture *f,
          guint    timeout_ms)
{
  g_autoptr(TdnChipKeys) keys = tdn_chip_keys_new ();
  TdnCardReadParams params = { .timeout_ms = timeout_ms, .open = open_sim, .open_data = f,
                               .progress = progress_cb, .progress_data = f,
                               .identity = early_identity_cb, .identity_data = f };
  TdnChipReadOptions options = { .read_photo = f->read_photo };

  keys->can = g_strdup ("012345");
  tdn_card_read_async (&params, keys, &options, f->cancel, done_cb, f);
  g_main_loop_run (f->loop);
}

static gboolean
stage_seen (Fixture    *f,
            const char *stage)
{
  for (guint i = 0; i < f->stages->len; i++)
    if (g_str_equal (g_ptr_array_index (f->stages, i), stage))
      return TRUE;
  return FALSE;
}

static void
test_sim_read (Fixture       *f,
               gconstpointer  data)
{
  start_card (f, NULL, NULL);
  run_read (f, 30000);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->result);
  g_assert_cmpstr (f->result->identity->full_name, ==, "Nguyễn Thị Mai");
  g_assert_cmpint (f->result->access, ==, TDN_CHIP_ACCESS_PACE);
  g_assert_cmpint (f->result->active_auth, ==, TDN_CHIP_CHECK_VALID);
  g_assert_cmpint (f->result->chip_auth, ==, TDN_CHIP_CHECK_VALID);
  g_assert_false (f->progress_off_main);
  g_assert_true (stage_seen (f, "PACE"));
  g_assert_true (stage_seen (f, "DG13"));
  g_assert_true (stage_seen (f, "active-auth"));
}

/* Without the photo the identity comes with the result only. */
static void
test_sim_no_early_without_photo (Fixture       *f,
                                 gconstpointer  data)
{
  start_card (f, NULL, NULL);
  run_read (f, 30000);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->early_calls, ==, 0);
}

static void
test_sim_identity_before_photo (Fixture       *f,
                                gconstpointer  data)
{
  f->read_photo = TRUE;
  start_card (f, NULL, NULL);
  run_read (f, 30000);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->result);
  g_assert_nonnull (f->result->photo);
  g_assert_cmpuint (f->early_calls, ==, 1);
  g_assert_false (f->early_off_main);
  g_assert_false (f->early_after_dg2);
  g_assert_true (stage_seen (f, "DG2"));
  g_assert_cmpstr (f->early_name, ==, "Nguyễn Thị Mai");
  /* The same verdict before and after DG2 (no CSCA store: not trusted). */
  g_assert_cmpint (f->early_pa, ==, f->result->passive_auth);
}

/* Pulled out during the photo: the identity was given; the read fails. */
static void
test_sim_removed_during_photo (Fixture       *f,
                               gconstpointer  data)
{
  f->read_photo = TRUE;
  start_card (f, "--remove-after", "35");
  run_read (f, 30000);
  g_assert_error (f->error, TDN_READER_ERROR, TDN_READER_ERROR_CARD_REMOVED);
  g_assert_cmpuint (f->early_calls, ==, 1);
  g_assert_cmpstr (f->early_name, ==, "Nguyễn Thị Mai");
}

static void
test_sim_stalled_card (Fixture       *f,
                       gconstpointer  data)
{
  gint64 t0;

  tdn_sim_transceiver_set_apdu_timeout (f->sim, 60000);
  start_card (f, "--stall-after", "10");
  t0 = g_get_monotonic_time ();
  run_read (f, 1500);
  g_assert_error (f->error, TDN_READER_ERROR, TDN_READER_ERROR_TIMEOUT);
  /* The answer comes at the deadline although the worker is still stuck. */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 10 * G_USEC_PER_SEC);
}

static void
test_sim_card_removed (Fixture       *f,
                       gconstpointer  data)
{
  start_card (f, "--remove-after", "12");
  run_read (f, 30000);
  g_assert_error (f->error, TDN_READER_ERROR, TDN_READER_ERROR_CARD_REMOVED);
}

static void
test_sim_cancel (Fixture       *f,
                 gconstpointer  data)
{
  f->cancel = g_cancellable_new ();
  start_card (f, NULL, NULL);
  run_read (f, 30000);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (f->result);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *gen = NULL;
  g_autofree char *fixture = NULL;
  g_autoptr(GSubprocess) p = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmp = g_dir_make_tmp ("tdn-sim-read-XXXXXX", &error);
  g_assert_no_error (error);
  card_dir = g_build_filename (tmp, "mai", NULL);
  gen = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim", "card", "cardgen.py", NULL);
  fixture = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "fixtures", "cards", "mai.json", NULL);
  g_mkdir (card_dir, 0700);
  p = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", gen, fixture, card_dir, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (p, NULL, &error));

  g_test_add ("/reader/sim/read", Fixture, NULL, fixture_setup, test_sim_read, fixture_teardown);
  g_test_add ("/reader/sim/stalled-card", Fixture, NULL, fixture_setup, test_sim_stalled_card, fixture_teardown);
  g_test_add ("/reader/sim/card-removed", Fixture, NULL, fixture_setup, test_sim_card_removed, fixture_teardown);
  g_test_add ("/reader/sim/cancel", Fixture, NULL, fixture_setup, test_sim_cancel, fixture_teardown);
  g_test_add ("/reader/sim/no-early-identity-without-photo", Fixture, NULL, fixture_setup,
              test_sim_no_early_without_photo, fixture_teardown);
  g_test_add ("/reader/sim/identity-before-photo", Fixture, NULL, fixture_setup,
              test_sim_identity_before_photo, fixture_teardown);
  g_test_add ("/reader/sim/removed-during-photo", Fixture, NULL, fixture_setup,
              test_sim_removed_during_photo, fixture_teardown);
  rc = g_test_run ();

  {
    g_autoptr(GSubprocess) rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "rm", "-rf", tmp, NULL);
    if (rm != NULL)
      g_subprocess_wait (rm, NULL, NULL);
  }
  g_free (card_dir);
  return rc;
}
