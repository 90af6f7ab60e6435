/* test-checkin-failures.c — every failure ends in a ticket or an instruction
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "checkin-fixture.h"
#include "tdn-base.h"

#define ADULT_ID "001190012345"
#define ADULT_NAME "Lê Thị Mai"
#define ADULT_DOB "14021990"

static TdnCheckinState
state (Fixture *f)
{
  return tdn_checkin_get_state (f->checkin);
}

static void
advance (Fixture *f,
         int      seconds)
{
  tdn_clock_advance ((gint64) seconds * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (f->checkin);
  fake_drain ();
}

static TdnVisit *
spool_visit (Fixture    *f,
             const char *visit_id)
{
  g_autoptr(GError) error = NULL;
  TdnVisit *v = tdn_spool_get_visit (tdn_spool_visit_store_get_spool (TDN_SPOOL_VISIT_STORE (f->store)),
                                     visit_id, &error);

  g_assert_no_error (error);
  return v;
}

/* The visit once its revision `revision` is written (a worker thread
 * writes it; its completion comes through the main context). */
static TdnVisit *
wait_revision (Fixture    *f,
               const char *visit_id,
               int         revision)
{
  for (int i = 0; i < 100; i++)
    {
      TdnVisit *v = spool_visit (f, visit_id);

      if (v->revision >= revision)
        return v;
      tdn_visit_free (v);
      g_main_context_iteration (NULL, TRUE);
    }
  return spool_visit (f, visit_id);
}

static void
test_paper_out_recovers (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  fake_printer_set_error (f->printer, TDN_TICKET_PRINTER_ERROR_PAPER_OUT);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_PAPER_OUT);
  /* Committed before printing: the number exists already. */
  g_assert_cmpstr (tdn_checkin_get_queue_number (f->checkin), ==, "K1-A001");
  g_assert_true (tdn_checkin_can_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  fake_drain ();
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "printer_error");
  g_assert_cmpint (tdn_checkin_get_help (f->checkin), ==, TDN_CHECKIN_HELP_SENT);
  g_assert_cmpstr (fake_help_last (f->help)->ticket_number, ==, "K1-A001");
  g_assert_cmpstr (fake_help_last (f->help)->masked_name, ==, "L. T. M.");
  /* Pressing again on the same screen does not call twice. */
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  fake_drain ();
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "printer_error");
  /* Still no paper at the next look. */
  advance (f, TDN_CHECKIN_PAPER_POLL_S);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_PAPER_OUT);
  /* A nurse puts paper in: the ticket prints by itself, once. */
  fake_printer_set_error (f->printer, -1);
  advance (f, TDN_CHECKIN_PAPER_POLL_S);
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
  g_assert_cmpstr (fake_printer_last_number (f->printer), ==, "K1-A001");
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_FINISH));
  fake_drain ();
  g_assert_false (fake_help_has (f->help, "reprint"));
}

static void
test_paper_out_patient_leaves (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  fake_printer_set_error (f->printer, TDN_TICKET_PRINTER_ERROR_PAPER_OUT);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_PAPER_OUT);
  /* Nobody there any more: the idle timeout ends it; the desk reprints. */
  advance (f, 60);
  advance (f, 15);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_true (fake_help_has (f->help, "reprint"));
  g_assert_null (tdn_checkin_get_queue_number (f->checkin));
  /* Paper back later prints nothing for nobody. */
  fake_printer_set_error (f->printer, -1);
  advance (f, TDN_CHECKIN_PAPER_POLL_S);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 0);
}

static void
test_print_uncertain_never_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnVisit) v = NULL;

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  fake_printer_set_error (f->printer, TDN_TICKET_PRINTER_ERROR_UNCERTAIN);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_PRINT_FAILED);
  fake_drain ();
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "reprint");
  g_assert_cmpstr (tdn_checkin_get_queue_number (f->checkin), ==, "K1-A001");
  v = spool_visit (f, tdn_checkin_get_visit_id (f->checkin));
  g_assert_cmpstr (v->queue_number, ==, "K1-A001");
  fake_printer_set_error (f->printer, -1);
  advance (f, 5);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
  /* It resets by itself; no second "reprint". */
  advance (f, TDN_CHECKIN_DONE_RESET_S);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "reprint");
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 1);
}

static void
test_printer_unavailable (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  fake_printer_set_error (f->printer, TDN_TICKET_PRINTER_ERROR_UNAVAILABLE);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE);
  fake_printer_set_error (f->printer, -1);
  advance (f, TDN_CHECKIN_PAPER_POLL_S);
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
}

static void
test_spool_error_recovers (Fixture *f, gconstpointer data)
{
  TdnSpool *spool = tdn_spool_visit_store_get_spool (TDN_SPOOL_VISIT_STORE (f->store));
  sqlite3 *db = tdn_spool_get_db (spool);

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  /* Another writer holds the database: the commit cannot happen. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_SPOOL_ERROR);
  g_assert_null (tdn_checkin_get_queue_number (f->checkin));
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 0);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  fake_drain ();
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "spool_error");
  advance (f, TDN_CHECKIN_SPOOL_RETRY_S);
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_SPOOL_ERROR);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  advance (f, TDN_CHECKIN_SPOOL_RETRY_S);
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpstr (tdn_checkin_get_queue_number (f->checkin), ==, "K1-A001");
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
}

static void
test_eligible_with_warning (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "001");   /* valid, managed by the defence ministry */
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_ELIGIBLE);
  g_assert_nonnull (tdn_checkin_get_bhyt_message (f->checkin));
  fixture_to_confirm (f);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  fake_drain ();
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_ELIGIBLE);
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "eligibility_warning");
}

static void
test_clinics_unreadable (Fixture *f, gconstpointer data)
{
  sqlite3 *db = tdn_spool_get_db (tdn_spool_visit_store_get_spool (TDN_SPOOL_VISIT_STORE (f->store)));

  /* A spool that cannot even be read: no clinic list to show. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE IF EXISTS queue_counters; PRAGMA query_only = ON",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_SPOOL_ERROR);
  g_assert_true (tdn_checkin_can_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  advance (f, TDN_CHECKIN_SPOOL_RETRY_S);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_SPOOL_ERROR);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  advance (f, TDN_CHECKIN_SPOOL_RETRY_S);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CLINIC);
  g_assert_cmpuint (tdn_checkin_get_clinics (f->checkin)->len, ==, 2);
}

static void
test_clinic_full (Fixture *f, gconstpointer data)
{
  /* NHI takes 2 a day. */
  for (int i = 0; i < 2; i++)
    {
      fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
      fake_eligibility_answer (f->elig, "000");
      g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
      g_assert_true (tdn_checkin_select_clinic (f->checkin, "NHI"));
      g_assert_true (tdn_checkin_select_priority (f->checkin, TDN_PRIORITY_NONE));
      g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
      fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
      g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_FINISH));
    }
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  g_assert_true (((TdnClinicStatus *) tdn_checkin_get_clinics (f->checkin)->pdata[1])->full);
  g_assert_false (tdn_checkin_select_clinic (f->checkin, "NHI"));
  g_assert_true (tdn_checkin_select_clinic (f->checkin, "NOI"));
}

static void
test_not_eligible_self_pay (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, "001190054321", "Trần Văn Bình", "01011960");
  fake_eligibility_answer (f->elig, "010");
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_NOT_ELIGIBLE);
  g_assert_nonnull (tdn_checkin_get_bhyt_message (f->checkin));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  g_assert_true (tdn_checkin_select_clinic (f->checkin, "NOI"));
  /* Trần Văn Bình is a man (fixture identities are women: set it). */
  tdn_checkin_get_session (f->checkin)->identity->sex = TDN_SEX_MALE;
  g_assert_false (tdn_checkin_priority_applies (f->checkin, TDN_PRIORITY_PREGNANT));
  g_assert_false (tdn_checkin_select_priority (f->checkin, TDN_PRIORITY_PREGNANT));
  g_assert_true (tdn_checkin_priority_applies (f->checkin, TDN_PRIORITY_MERIT));
  g_assert_true (tdn_checkin_select_priority (f->checkin, TDN_PRIORITY_NONE));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_NOT_ELIGIBLE);
  g_assert_nonnull (strstr (tdn_checkin_get_instruction (f->checkin), "hết hạn"));
  g_assert_true (tdn_checkin_can_tap (f->checkin, TDN_CHECKIN_ACTION_GO_TO_DESK));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_SELF_PAY));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_SELF_PAY);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_SELF_PAY);
  {
    g_autoptr(TdnVisit) v = spool_visit (f, tdn_checkin_get_visit_id (f->checkin));

    g_assert_cmpstr (v->payment, ==, "self_pay");
    g_assert_cmpstr (v->eligibility_code, ==, "010");
  }
}

static void
test_mismatch_go_to_desk (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fixture_to_confirm (f);
  /* The answer comes while the patient looks at the summary. */
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM);
  fake_eligibility_answer (f->elig, "070");
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_NOT_ELIGIBLE);
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_MISMATCH);
  tdn_checkin_set_language (f->checkin, "en");
  g_assert_nonnull (strstr (tdn_checkin_get_instruction (f->checkin), "date of birth"));
  tdn_checkin_set_language (f->checkin, "vi");
  g_assert_nonnull (strstr (tdn_checkin_get_instruction (f->checkin), "ngày sinh"));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_GO_TO_DESK));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  fake_drain ();
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_DESK);
  g_assert_true (fake_help_has (f->help, "input_mismatch"));
  g_assert_nonnull (fake_help_last (f->help)->visit_ref);
}

static void
test_gateway_down_recovers (Fixture *f, gconstpointer data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, NULL);
  fixture_to_confirm (f);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_GATEWAY_DOWN);
  g_assert_true (tdn_checkin_can_tap (f->checkin, TDN_CHECKIN_ACTION_CONTINUE));
  /* It asks again by itself, and goes on when the gateway answers. */
  advance (f, TDN_CHECKIN_GATEWAY_RETRY_S);
  g_assert_cmpuint (fake_eligibility_pending (f->elig), ==, 1);
  fake_eligibility_answer (f->elig, NULL);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_GATEWAY_DOWN);
  advance (f, TDN_CHECKIN_GATEWAY_RETRY_S);
  fake_eligibility_answer (f->elig, "000");
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_ELIGIBLE);
}

static void
test_gateway_down_continue_late_revision (Fixture *f, gconstpointer data)
{
  g_autofree char *visit_id = NULL;

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, NULL);
  fixture_to_confirm (f);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CONTINUE));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_PENDING);
  visit_id = g_strdup (tdn_checkin_get_visit_id (f->checkin));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_FINISH));
  /* The kiosk asks again a minute later, for the patient who left. */
  advance (f, TDN_CHECKIN_LATE_RETRY_S);
  g_assert_cmpuint (fake_eligibility_pending (f->elig), ==, 1);
  fake_eligibility_answer (f->elig, "000");
  {
    g_autoptr(TdnVisit) v = wait_revision (f, visit_id, 2);

    g_assert_cmpint (v->revision, ==, 2);
    g_assert_cmpstr (v->eligibility_status, ==, "eligible");
    g_assert_cmpstr (v->payment, ==, "bhyt");
    g_assert_cmpstr (v->queue_number, ==, "K1-A001");
  }
}

static void
test_late_answer_new_revision (Fixture *f, gconstpointer data)
{
  g_autofree char *visit_id = NULL;

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fixture_to_confirm (f);
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_CHECKING);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  /* "BHYT being checked" on the ticket. */
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_PENDING);
  visit_id = g_strdup (tdn_checkin_get_visit_id (f->checkin));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_FINISH));
  /* The answer comes after the patient left: expired card. */
  fake_eligibility_answer (f->elig, "010");
  {
    g_autoptr(TdnVisit) v = wait_revision (f, visit_id, 2);

    g_assert_cmpint (v->revision, ==, 2);
    g_assert_cmpstr (v->eligibility_code, ==, "010");
    g_assert_cmpstr (v->payment, ==, "pending");
  }
  fake_drain ();
  g_assert_true (fake_help_has (f->help, "expired_card"));
  g_assert_cmpstr (fake_help_last (f->help)->ticket_number, ==, "K1-A001");
  g_assert_null (tdn_checkin_get_full_name (f->checkin));
}

static void
test_card_unreadable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = g_error_new_literal (TDN_IDENTITY_READER_ERROR,
                                                 TDN_IDENTITY_READER_ERROR_UNREADABLE, "chip dead");
  g_autoptr(TdnIdentity) id = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (f->card), error);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  fake_drain ();
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "card_unreadable");
  /* Recovers by itself: the QR works. */
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (f->qr), id, TDN_ASSURANCE_QR);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpint (tdn_checkin_get_assurance (f->checkin), ==, TDN_ASSURANCE_QR);
}

static void
test_card_removed_and_timeout (Fixture *f, gconstpointer data)
{
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  tdn_identity_reader_emit_card_removed (TDN_IDENTITY_READER (f->card));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_RETRY));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_WELCOME);
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  advance (f, TDN_CHECKIN_READING_TIMEOUT_S);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
}

static void
test_card_and_qr_fail_manual_entry (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = g_error_new_literal (TDN_IDENTITY_READER_ERROR,
                                                 TDN_IDENTITY_READER_ERROR_UNREADABLE, "bad");
  TdnCheckin *c = f->checkin;

  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (f->card), error);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (f->qr), error);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_MANUAL_ENTRY);
  g_assert_false (tdn_checkin_can_tap (c, TDN_CHECKIN_ACTION_SUBMIT));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_ID_NUMBER, "00119001234"));
  g_assert_false (tdn_checkin_get_field_valid (c, TDN_CHECKIN_FIELD_ID_NUMBER));
  g_assert_nonnull (tdn_checkin_get_field_error (c, TDN_CHECKIN_FIELD_ID_NUMBER));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_ID_NUMBER, ADULT_ID));
  g_assert_true (tdn_checkin_get_field_valid (c, TDN_CHECKIN_FIELD_ID_NUMBER));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH, "31021990"));
  g_assert_false (tdn_checkin_get_field_valid (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH));
  /* A date the ID number cannot have (born in the 2000s). */
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH, "14/02/2005"));
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_SUBMIT));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_MANUAL_ENTRY);
  g_assert_false (tdn_checkin_get_field_valid (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH, "14/02/1990"));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_FULL_NAME, " Lê Thị Mai "));
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_SUBMIT));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpint (tdn_checkin_get_assurance (c), ==, TDN_ASSURANCE_MANUAL);
  g_assert_cmpstr (tdn_checkin_get_full_name (c), ==, ADULT_NAME);
  g_assert_null (tdn_checkin_get_field (c, TDN_CHECKIN_FIELD_ID_NUMBER));
  g_assert_cmpstr (fake_eligibility_last_id (f->elig), ==, ADULT_ID);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (c, TDN_CHECKIN_STATE_DONE);
  fake_drain ();
  /* The desk checks typed identities. */
  g_assert_true (fake_help_has (f->help, "manual_entry"));
}

static void
test_manual_without_name_not_looked_up (Fixture *f, gconstpointer data)
{
  TdnCheckin *c = f->checkin;

  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_MANUAL_ENTRY));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_ID_NUMBER, ADULT_ID));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH, ADULT_DOB));
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_SUBMIT));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpuint (fake_eligibility_asked (f->elig), ==, 0);
  g_assert_cmpint (tdn_checkin_get_bhyt (c), ==, TDN_CHECKIN_BHYT_NONE);
  fixture_to_confirm (f);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (c, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_PENDING);
}

static void
test_bhyt_entry (Fixture *f, gconstpointer data)
{
  TdnCheckin *c = f->checkin;

  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_BHYT_ENTRY));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_BHYT_ENTRY);
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_BHYT_NUMBER, "gd4 01 0112345678"));
  g_assert_true (tdn_checkin_get_field_valid (c, TDN_CHECKIN_FIELD_BHYT_NUMBER));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_DATE_OF_BIRTH, ADULT_DOB));
  /* The gateway needs the name on this path. */
  g_assert_false (tdn_checkin_can_tap (c, TDN_CHECKIN_ACTION_SUBMIT));
  g_assert_nonnull (tdn_checkin_get_field_error (c, TDN_CHECKIN_FIELD_FULL_NAME));
  g_assert_true (tdn_checkin_set_field (c, TDN_CHECKIN_FIELD_FULL_NAME, ADULT_NAME));
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_SUBMIT));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpstr (fake_eligibility_last_id (f->elig), ==, "GD4010112345678");
  g_assert_cmpstr (tdn_checkin_get_masked_id (c), ==, "GD40*********78");
  /* A 10-digit BHXH number works too; letters or lengths that are neither do not. */
  g_assert_null (tdn_checkin_normalise_bhyt ("GD40101123456"));
  g_assert_null (tdn_checkin_normalise_bhyt ("0112345678x"));
  g_free (tdn_checkin_normalise_bhyt ("0112345678"));
}

static void
test_reader_missing (Fixture *f, gconstpointer data)
{
  fake_reader_set_connected (f->card, FALSE);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_false (tdn_checkin_get_card_reader_available (f->checkin));
  g_assert_true (tdn_checkin_get_scanner_available (f->checkin));
  tdn_checkin_set_language (f->checkin, "en");
  g_assert_cmpstr (tdn_checkin_get_instruction (f->checkin), ==,
                   "Show the QR code on your ID card or BHYT card to the scanner.");
  fake_reader_set_connected (f->qr, FALSE);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_READER_MISSING);
  g_assert_true (tdn_checkin_can_tap (f->checkin, TDN_CHECKIN_ACTION_MANUAL_ENTRY));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CALL_STAFF));
  fake_drain ();
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "reader_missing");
  fake_reader_set_connected (f->card, TRUE);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_WELCOME);
}

static void
test_new_card_replaces_patient (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnIdentity) other = fixture_identity ("001190054321", "Trần Văn Bình", "01011960");

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  /* A card on the reader during a check-in is read in the background… */
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CLINIC);
  g_assert_cmpuint (f->wiped, ==, 0);
  /* …and it is someone else's: start over for its holder. */
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (f->card), other, TDN_ASSURANCE_CHIP);
  g_assert_cmpuint (f->wiped, ==, 1);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpstr (tdn_checkin_get_full_name (f->checkin), ==, "Trần Văn Bình");
  /* The first patient's answer is not shown to the second. */
  fake_eligibility_answer (f->elig, "000");
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_CHECKING);
  fake_eligibility_answer (f->elig, "010");
  g_assert_cmpint (tdn_checkin_get_bhyt (f->checkin), ==, TDN_CHECKIN_BHYT_NOT_ELIGIBLE);
}

static void
test_qr_then_chip_same_person (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnIdentity) qr = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_autoptr(TdnIdentity) chip = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_autoptr(GError) error = g_error_new_literal (TDN_IDENTITY_READER_ERROR,
                                                 TDN_IDENTITY_READER_ERROR_UNREADABLE, "moved");

  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (f->qr), qr, TDN_ASSURANCE_QR);
  g_assert_cmpstr (tdn_checkin_get_identity (f->checkin)->id_number, ==, ADULT_ID);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  /* A chip read that fails leaves the QR's identity alone. */
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (f->card), error);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CLINIC);
  g_assert_cmpint (tdn_checkin_get_assurance (f->checkin), ==, TDN_ASSURANCE_QR);
  /* The chip confirms the same person: stronger assurance, nothing lost. */
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (f->card), chip, TDN_ASSURANCE_CHIP_PA);
  g_assert_cmpint (state (f), ==, TDN_CHECKIN_STATE_CLINIC);
  g_assert_cmpint (tdn_checkin_get_assurance (f->checkin), ==, TDN_ASSURANCE_CHIP_PA);
  g_assert_cmpuint (f->wiped, ==, 0);
  g_assert_cmpuint (fake_eligibility_asked (f->elig), ==, 1);
  g_assert_true (tdn_checkin_select_clinic (f->checkin, "NOI"));
}

static void
test_no_help_desk (void)
{
  /* Covered by the fixture with help: here without one. */
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(FakePrinter) printer = fake_printer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("checkin-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "s.db", NULL);
  g_autofree char *key = g_build_filename (dir, "s.key", NULL);
  g_autoptr(TdnSpool) spool = tdn_spool_open (db, key, &error);
  g_autoptr(TdnVisitStore) store = NULL;
  g_autoptr(TdnCheckin) c = NULL;
  TdnCheckinServices s = { 0 };

  g_assert_no_error (error);
  store = tdn_spool_visit_store_new (config, spool);
  s.store = store;
  s.printer = TDN_TICKET_PRINTER (printer);
  c = tdn_checkin_new (config, &s);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_CALL_STAFF));
  g_assert_cmpint (tdn_checkin_get_help (c), ==, TDN_CHECKIN_HELP_FAILED);
  g_clear_object (&c);
  g_clear_object (&spool);
  g_clear_object (&store);
  g_unlink (db);
  g_unlink (key);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  ADD ("/checkin/failure/paper-out-recovers", test_paper_out_recovers);
  ADD ("/checkin/failure/paper-out-patient-leaves", test_paper_out_patient_leaves);
  ADD ("/checkin/failure/print-uncertain", test_print_uncertain_never_twice);
  ADD ("/checkin/failure/printer-unavailable", test_printer_unavailable);
  ADD ("/checkin/failure/spool-error", test_spool_error_recovers);
  ADD ("/checkin/failure/clinic-full", test_clinic_full);
  ADD ("/checkin/failure/clinics-unreadable", test_clinics_unreadable);
  ADD ("/checkin/bhyt/not-eligible-self-pay", test_not_eligible_self_pay);
  ADD ("/checkin/bhyt/eligible-with-warning", test_eligible_with_warning);
  ADD ("/checkin/bhyt/mismatch-desk", test_mismatch_go_to_desk);
  ADD ("/checkin/bhyt/gateway-down-recovers", test_gateway_down_recovers);
  ADD ("/checkin/bhyt/gateway-down-continue", test_gateway_down_continue_late_revision);
  ADD ("/checkin/bhyt/late-answer", test_late_answer_new_revision);
  ADD ("/checkin/identity/card-unreadable", test_card_unreadable);
  ADD ("/checkin/identity/card-removed", test_card_removed_and_timeout);
  ADD ("/checkin/identity/manual-entry", test_card_and_qr_fail_manual_entry);
  ADD ("/checkin/identity/manual-no-name", test_manual_without_name_not_looked_up);
  ADD ("/checkin/identity/bhyt-entry", test_bhyt_entry);
  ADD ("/checkin/identity/reader-missing", test_reader_missing);
  ADD ("/checkin/identity/new-card", test_new_card_replaces_patient);
  ADD ("/checkin/identity/qr-then-chip", test_qr_then_chip_same_person);
  g_test_add_func ("/checkin/failure/no-help-desk", test_no_help_desk);
  return g_test_run ();
}
