/* test-checkin-reprint.c — nurses' reprints printed by the idle kiosk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reprint recorded in the spool (as tiepdon-syncd's override applier
 * records it) is printed by the check-in on the welcome screen only,
 * through its printer, marked done exactly once; a print that did not
 * happen stays pending and tells the desk once; one that may have
 * happened is never printed again.
 */
#include "config.h"

#include "checkin-fixture.h"
#include "tdn-base.h"
#include "tdn-spool-reprints.h"

#define ADULT_ID   "001190012345"
#define ADULT_NAME "Lê Thị Mai"
#define ADULT_DOB  "14021990"

static TdnSpool *
spool_of (Fixture *f)
{
  return tdn_spool_visit_store_get_spool (TDN_SPOOL_VISIT_STORE (f->store));
}

static void
advance (Fixture *f,
         int      seconds)
{
  tdn_clock_advance ((gint64) seconds * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (f->checkin);
  fake_drain ();
}

/* A visit of kiosk `kiosk` with number `number`, and a nurse's reprint
 * `change_id` of it; the visit's id. */
static char *
add_reprint (Fixture    *f,
             const char *kiosk,
             const char *number,
             const char *change_id)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autoptr(GError) error = NULL;
  gboolean already = TRUE;

  v->kiosk_id = g_strdup (kiosk);
  v->full_name = g_strdup ("Trần Văn Bình");
  v->clinic = g_strdup ("NOI");
  v->queue_number = g_strdup (number);
  v->language = g_strdup ("vi");
  v->payment = g_strdup ("self_pay");
  g_assert_true (tdn_spool_commit_visit (spool_of (f), v, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tdn_spool_apply_reprint_change (spool_of (f), change_id, 1, v->visit_id, "lan",
                                                 "override:reprint", NULL, &already, &error));
  g_assert_no_error (error);
  g_assert_false (already);
  return g_strdup (v->visit_id);
}

static guint
pending (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = tdn_spool_list_pending_reprints (spool_of (f), "K1", &error);

  g_assert_no_error (error);
  return list->len;
}

static guint
count_reasons (Fixture    *f,
               const char *reason)
{
  g_auto(GStrv) parts = g_strsplit (fake_help_reasons (f->help), ",", -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    n += g_str_equal (parts[i], reason);
  return n;
}

static void
test_printed_once_when_idle (Fixture       *f,
                             gconstpointer  data)
{
  g_free (add_reprint (f, "K1", "K1-A007", "ov-1"));

  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_WELCOME);
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
  g_assert_cmpstr (fake_printer_last_number (f->printer), ==, "K1-A007");
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_SELF_PAY);
  g_assert_cmpuint (pending (f), ==, 0);
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_WELCOME);
  /* Never twice, however long the kiosk waits. */
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "");
}

/* A patient in front of the kiosk: the reprint waits for the welcome screen. */
static void
test_not_during_session (Fixture       *f,
                         gconstpointer  data)
{
  g_free (add_reprint (f, "K1", "K1-A008", "ov-2"));

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 0);
  g_assert_cmpuint (pending (f), ==, 1);

  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CANCEL));
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_WELCOME);
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
  g_assert_cmpstr (fake_printer_last_number (f->printer), ==, "K1-A008");
  g_assert_cmpuint (pending (f), ==, 0);
}

/* No paper: nothing printed, the reprint stays pending, the desk hears
 * once; the paper is back: printed, done. */
static void
test_failure_stays_pending (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *visit = add_reprint (f, "K1", "K1-A009", "ov-3");
  const TdnHelpRequest *last;

  fake_printer_set_error (f->printer, TDN_TICKET_PRINTER_ERROR_PAPER_OUT);
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 0);
  g_assert_cmpuint (pending (f), ==, 1);
  g_assert_cmpuint (count_reasons (f, "printer_error"), ==, 1);
  last = fake_help_last (f->help);
  g_assert_cmpstr (last->visit_ref, ==, visit);
  g_assert_cmpstr (last->ticket_number, ==, "K1-A009");

  /* Not hammered: the next try waits for the retry delay. */
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 2);
  g_assert_cmpuint (count_reasons (f, "printer_error"), ==, 1);   /* told once */
  g_assert_cmpuint (pending (f), ==, 1);

  fake_printer_set_error (f->printer, -1);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
  g_assert_cmpuint (pending (f), ==, 0);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 3);
}

/* The ticket may have come out: done, never again; the desk looks. */
static void
test_uncertain_never_again (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *visit = add_reprint (f, "K1", "K1-A010", "ov-4");

  fake_printer_set_error (f->printer, TDN_TICKET_PRINTER_ERROR_UNCERTAIN);
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
  g_assert_cmpuint (pending (f), ==, 0);
  g_assert_cmpuint (count_reasons (f, "reprint"), ==, 1);
  g_assert_cmpstr (fake_help_last (f->help)->visit_ref, ==, visit);
  fake_printer_set_error (f->printer, -1);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  advance (f, TDN_CHECKIN_REPRINT_RETRY_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
}

/* Another kiosk's visit is that kiosk's to print; two of ours print in
 * the order the nurses asked, one at a time. */
static void
test_own_visits_in_order (Fixture       *f,
                          gconstpointer  data)
{
  g_free (add_reprint (f, "K2", "K2-A001", "ov-5"));
  g_autofree char *first = NULL, *second = NULL;

  tdn_clock_advance (G_USEC_PER_SEC);
  first = add_reprint (f, "K1", "K1-A011", "ov-6");
  tdn_clock_advance (G_USEC_PER_SEC);
  second = add_reprint (f, "K1", "K1-A012", "ov-7");
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_printed (f->printer), >=, 1);
  advance (f, 0);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 2);
  g_assert_cmpstr (fake_printer_last_number (f->printer), ==, "K1-A012");
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 2);
  g_assert_cmpuint (pending (f), ==, 0);
}

/* A patient starts while a reprint is on the printer: their session is
 * not blocked, and their ticket prints after the reprint, not on top. */
static void
test_patient_ticket_waits (Fixture       *f,
                           gconstpointer  data)
{
  g_free (add_reprint (f, "K1", "K1-A013", "ov-8"));

  fake_printer_hold (f->printer);
  advance (f, TDN_CHECKIN_REPRINT_POLL_S);
  g_assert_true (fake_printer_holding (f->printer));

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_PRINTING);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);   /* waiting, not sent */

  fake_printer_release (f->printer);
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_false (fake_printer_overlapped (f->printer));
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 2);
  g_assert_cmpstr (fake_printer_last_number (f->printer), ==, "K1-A001");
  g_assert_cmpuint (pending (f), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/checkin/reprint/printed-once-when-idle", Fixture, NULL, fixture_set_up,
              test_printed_once_when_idle, fixture_tear_down);
  g_test_add ("/checkin/reprint/not-during-session", Fixture, NULL, fixture_set_up,
              test_not_during_session, fixture_tear_down);
  g_test_add ("/checkin/reprint/failure-stays-pending", Fixture, NULL, fixture_set_up,
              test_failure_stays_pending, fixture_tear_down);
  g_test_add ("/checkin/reprint/uncertain-never-again", Fixture, NULL, fixture_set_up,
              test_uncertain_never_again, fixture_tear_down);
  g_test_add ("/checkin/reprint/own-visits-in-order", Fixture, NULL, fixture_set_up,
              test_own_visits_in_order, fixture_tear_down);
  g_test_add ("/checkin/reprint/patient-ticket-waits", Fixture, NULL, fixture_set_up,
              test_patient_ticket_waits, fixture_tear_down);
  return g_test_run ();
}
