/* test-checkin.c — the check-in's happy paths and the wiping of personal data
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "checkin-fixture.h"
#include "tdn-base.h"

#define ADULT_ID "001190012345"
#define ADULT_NAME "Lê Thị Mai"
#define ADULT_DOB "14021990"

static void
test_happy_path (Fixture       *f,
                 gconstpointer  data)
{
  TdnCheckin *c = f->checkin;
  GPtrArray *clinics;

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpstr (tdn_checkin_get_full_name (c), ==, ADULT_NAME);
  g_assert_cmpstr (tdn_checkin_get_masked_id (c), ==, "0011******45");
  g_assert_cmpstr (tdn_checkin_get_date_of_birth (c), ==, "14/02/1990");
  g_assert_cmpint (tdn_checkin_get_age (c), ==, 36);
  g_assert_cmpint (tdn_checkin_get_assurance (c), ==, TDN_ASSURANCE_CHIP);
  /* Eligibility started at once, in the background. */
  g_assert_cmpuint (fake_eligibility_asked (f->elig), ==, 1);
  g_assert_cmpstr (fake_eligibility_last_id (f->elig), ==, ADULT_ID);
  g_assert_cmpint (tdn_checkin_get_bhyt (c), ==, TDN_CHECKIN_BHYT_CHECKING);
  fake_eligibility_answer (f->elig, "000");
  g_assert_cmpint (tdn_checkin_get_bhyt (c), ==, TDN_CHECKIN_BHYT_ELIGIBLE);

  g_assert_false (tdn_checkin_can_tap (c, TDN_CHECKIN_ACTION_SELF_PAY));
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CLINIC);
  clinics = tdn_checkin_get_clinics (c);
  g_assert_cmpuint (clinics->len, ==, 2);
  g_assert_cmpstr (tdn_checkin_clinic_name (c, clinics->pdata[0]), ==, "Khám Nội");
  g_assert_cmpint (((TdnClinicStatus *) clinics->pdata[0])->waiting, ==, 0);
  g_assert_true (((TdnClinicStatus *) clinics->pdata[0])->open);
  g_assert_false (tdn_checkin_select_clinic (c, "NOPE"));
  g_assert_true (tdn_checkin_select_clinic (c, "NOI"));
  /* An adult of 36: no priority from age, so the question comes. */
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_PRIORITY);
  g_assert_false (tdn_checkin_select_priority (c, TDN_PRIORITY_AGE_75));
  g_assert_true (tdn_checkin_priority_applies (c, TDN_PRIORITY_PREGNANT));   /* a woman of 36 */
  g_assert_false (tdn_checkin_priority_applies (c, TDN_PRIORITY_EMERGENCY));
  g_assert_true (tdn_checkin_select_priority (c, TDN_PRIORITY_NONE));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_COMMITTING);
  fake_wait_state (c, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpstr (tdn_checkin_get_queue_number (c), ==, "K1-A001");
  g_assert_nonnull (tdn_checkin_get_visit_id (c));
  g_assert_cmpuint (fake_printer_printed (f->printer), ==, 1);
  g_assert_cmpstr (fake_printer_last_number (f->printer), ==, "K1-A001");
  g_assert_cmpint (fake_printer_last_bhyt (f->printer), ==, TDN_TICKET_BHYT_ELIGIBLE);
  g_assert_cmpstr (tdn_checkin_get_ticket (c)->room, ==, "Phòng 101");
  g_assert_cmpstr (tdn_checkin_get_ticket (c)->patient_name, ==, "L. T. Mai");
  g_assert_cmpstr (fake_help_reasons (f->help), ==, "");

  /* The next patient sees one more waiting. */
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_FINISH));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_cmpuint (f->wiped, ==, 1);
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  clinics = tdn_checkin_get_clinics (c);
  g_assert_cmpint (((TdnClinicStatus *) clinics->pdata[0])->waiting, ==, 1);
}

static void
test_elderly_no_question (Fixture       *f,
                          gconstpointer  data)
{
  TdnCheckin *c = f->checkin;

  fixture_read_card (f, "001948000123", "Nguyễn Văn Cụ", "01011948");
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  g_assert_true (tdn_checkin_select_clinic (c, "NOI"));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_cmpint (tdn_checkin_get_priority (c), ==, TDN_PRIORITY_AGE_75);
  g_assert_true (tdn_checkin_get_priority_derived (c));
  /* Back skips the question it never asked. */
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_BACK));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CLINIC);
}

static void
test_child_priority (Fixture       *f,
                     gconstpointer  data)
{
  TdnCheckin *c = f->checkin;

  fixture_read_card (f, "001222000456", "Trần Bảo An", "10012023");
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  g_assert_true (tdn_checkin_select_clinic (c, "NHI"));
  g_assert_cmpint (tdn_checkin_get_priority (c), ==, TDN_PRIORITY_CHILD_UNDER_6);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (c, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpstr (tdn_checkin_get_queue_number (c), ==, "K1-B001");
  g_assert_nonnull (tdn_checkin_get_ticket (c)->priority);
}

static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  TdnCheckin *c = f->checkin;
  g_autofree char *vi = g_strdup (tdn_checkin_get_instruction (c));

  g_assert_cmpstr (tdn_checkin_get_language (c), ==, "vi");
  tdn_checkin_set_language (c, "en");
  g_assert_cmpstr (tdn_checkin_get_language (c), ==, "en");
  g_assert_cmpstr (tdn_checkin_get_instruction (c), ==,
                   "Put your ID card on the reader, or show the QR code on your card.");
  tdn_checkin_set_language (c, "fr");
  g_assert_cmpstr (tdn_checkin_get_language (c), ==, "en");
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  g_assert_cmpstr (tdn_checkin_clinic_name (c, tdn_checkin_get_clinics (c)->pdata[0]), ==,
                   "Internal medicine");
  /* The next patient starts in the kiosk's language again. */
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_CANCEL));
  g_assert_cmpstr (tdn_checkin_get_language (c), ==, "vi");
  g_assert_cmpstr (tdn_checkin_get_instruction (c), ==, vi);
}

/* Every personal string is overwritten in place before it is freed. */
static void
test_session_scrub (void)
{
  g_autoptr(TdnCheckinSession) s = tdn_checkin_session_new ();
  char *name, *id, *masked, *field, *raw;

  s->identity = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);
  s->masked_id = tdn_mask_id (ADULT_ID);
  s->fields[TDN_CHECKIN_FIELD_ID_NUMBER] = g_strdup (ADULT_ID);
  s->eligibility = tdn_eligibility_new_for_code ("000");
  s->eligibility->raw_json = g_strdup ("{\"hoTen\":\"Lê Thị Mai\"}");
  name = s->identity->full_name;
  id = s->identity->id_number;
  masked = s->masked_id;
  field = s->fields[TDN_CHECKIN_FIELD_ID_NUMBER];
  raw = s->eligibility->raw_json;
  s->photo = g_memdup2 ("JPEGDATA", 8);
  s->photo_len = 8;
  tdn_checkin_session_scrub (s);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (s->photo[i], ==, 0);
  for (const char *p = name; p < name + strlen (ADULT_NAME); p++)
    g_assert_cmpint (*p, ==, 0);
  for (guint i = 0; i < 12; i++)
    {
      g_assert_cmpint (id[i], ==, 0);
      g_assert_cmpint (masked[i], ==, 0);
      g_assert_cmpint (field[i], ==, 0);
      g_assert_cmpint (raw[i], ==, 0);
    }
  g_assert_cmpint (s->identity->date_of_birth.year, ==, 0);
}

static void
assert_nothing_personal (Fixture *f)
{
  TdnCheckin *c = f->checkin;
  TdnCheckinSession *s = tdn_checkin_get_session (c);

  g_assert_false (tdn_checkin_has_identity (c));
  g_assert_null (tdn_checkin_get_full_name (c));
  g_assert_null (tdn_checkin_get_masked_id (c));
  g_assert_null (tdn_checkin_get_date_of_birth (c));
  g_assert_cmpint (tdn_checkin_get_age (c), ==, -1);
  g_assert_null (tdn_checkin_get_queue_number (c));
  g_assert_null (tdn_checkin_get_visit_id (c));
  g_assert_null (tdn_checkin_get_ticket (c));
  g_assert_null (tdn_checkin_get_selected_clinic (c));
  g_assert_cmpint (tdn_checkin_get_bhyt (c), ==, TDN_CHECKIN_BHYT_NONE);
  g_assert_null (tdn_checkin_get_bhyt_message (c));
  for (guint i = 0; i < TDN_CHECKIN_N_FIELDS; i++)
    {
      g_assert_null (tdn_checkin_get_field (c, i));
      g_assert_null (s->fields[i]);
    }
  g_assert_null (s->identity);
  g_assert_null (s->eligibility);
  g_assert_null (s->visit);
  g_assert_null (s->clinic_code);
  g_assert_cmpint (s->priority, ==, TDN_PRIORITY_NONE);
}

static void
test_wipe_on_done (Fixture       *f,
                   gconstpointer  data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  fixture_to_confirm (f);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (f->checkin, TDN_CHECKIN_STATE_DONE);
  /* Nobody touches "finished": it resets by itself. */
  tdn_clock_advance ((gint64) TDN_CHECKIN_DONE_RESET_S * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (f->checkin);
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_cmpuint (f->wiped, ==, 1);
  assert_nothing_personal (f);
}

static void
test_wipe_on_cancel (Fixture       *f,
                     gconstpointer  data)
{
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  g_assert_true (tdn_checkin_select_clinic (f->checkin, "NOI"));
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_CANCEL));
  g_assert_cmpuint (f->wiped, ==, 1);
  assert_nothing_personal (f);
  /* The answer for the patient who left is dropped, not shown. */
  fake_eligibility_answer (f->elig, "000");
  assert_nothing_personal (f);
  g_assert_cmpuint (fake_printer_attempts (f->printer), ==, 0);
}

static void
test_wipe_on_timeout (Fixture       *f,
                      gconstpointer  data)
{
  TdnCheckin *c = f->checkin;

  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  tdn_clock_advance (59 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (c);
  g_assert_false (tdn_checkin_get_idle_warning (c));
  tdn_clock_advance (1 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (c);
  g_assert_true (tdn_checkin_get_idle_warning (c));
  g_assert_cmpint (tdn_checkin_get_idle_seconds_left (c), ==, 15);
  /* "I need more time" keeps everything. */
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_MORE_TIME));
  g_assert_false (tdn_checkin_get_idle_warning (c));
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CLINIC);
  g_assert_cmpstr (tdn_checkin_get_full_name (c), ==, ADULT_NAME);
  /* Then the patient walks away. */
  tdn_clock_advance (60 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (c);
  g_assert_true (tdn_checkin_get_idle_warning (c));
  g_assert_false (tdn_checkin_can_tap (c, TDN_CHECKIN_ACTION_FINISH));
  tdn_clock_advance (14 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (c);
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CLINIC);
  tdn_clock_advance (1 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (c);
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_false (tdn_checkin_get_idle_warning (c));
  g_assert_cmpuint (f->wiped, ==, 1);
  assert_nothing_personal (f);
}

static void
test_names (void)
{
  for (int i = 0; i < TDN_CHECKIN_N_STATES; i++)
    {
      TdnCheckinState s;

      g_assert_true (tdn_checkin_state_from_string (tdn_checkin_state_to_string (i), &s));
      g_assert_cmpint (s, ==, i);
      g_assert_cmpstr (tdn_checkin_state_instruction (i), !=, "");
    }
  for (int i = 0; i < TDN_CHECKIN_N_ACTIONS; i++)
    {
      TdnCheckinAction a;

      g_assert_true (tdn_checkin_action_from_string (tdn_checkin_action_to_string (i), &a));
      g_assert_cmpint (a, ==, i);
    }
  for (int i = 0; i < TDN_CHECKIN_N_FIELDS; i++)
    {
      TdnCheckinField fl;

      g_assert_true (tdn_checkin_field_from_string (tdn_checkin_field_to_string (i), &fl));
      g_assert_cmpint (fl, ==, i);
    }
  g_assert_cmpstr (tdn_checkin_state_to_string (TDN_CHECKIN_STATE_CONFIRM_IDENTITY), ==, "confirm-identity");
  g_assert_false (tdn_checkin_state_from_string ("nope", &(TdnCheckinState) { 0 }));
  g_assert_cmpstr (tdn_assurance_to_string (TDN_ASSURANCE_CHIP_PA), ==, "chip+pa");
}

static void
test_photo (Fixture       *f,
            gconstpointer  data)
{
  TdnCheckin *c = f->checkin;
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xe0 a face \xff\xd9", 14);
  g_autoptr(GError) error = NULL;
  gsize len = 1;

  /* A photo with no identity before it from that reader: nobody's. */
  tdn_identity_reader_emit_photo (TDN_IDENTITY_READER (f->card), jpeg);
  g_assert_false (tdn_checkin_has_chip_photo (c));
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  g_assert_false (tdn_checkin_has_chip_photo (c));
  tdn_identity_reader_emit_photo (TDN_IDENTITY_READER (f->card), jpeg);
  g_assert_true (tdn_checkin_has_chip_photo (c));
  /* Default policy "desk": not on the patient's screen, but to the nurse. */
  g_assert_null (tdn_checkin_get_photo (c, &len));
  g_assert_cmpuint (len, ==, 0);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_CALL_STAFF));
  fake_drain ();
  g_assert_nonnull (fake_help_last (f->help)->photo);
  g_assert_true (g_bytes_equal (fake_help_last (f->help)->photo, jpeg));
  g_assert_true (tdn_config_set (f->config, "ui", "photo_policy", "patient", &error));
  g_assert_nonnull (tdn_checkin_get_photo (c, &len));
  g_assert_cmpuint (len, ==, 14);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_NO));
  g_assert_null (tdn_checkin_get_photo (c, NULL));
  g_assert_null (tdn_checkin_get_session (c)->photo);
}

/* The chip reader gives the photo after the identity, and it is most of the
 * read: it may come while the ticket prints. The photo of a card laid on
 * the reader meanwhile (its identity ignored) is not this patient's. */
static void
test_photo_late (Fixture       *f,
                 gconstpointer  data)
{
  TdnCheckin *c = f->checkin;
  g_autoptr(GBytes) mine = g_bytes_new_static ("\xff\xd8 mine \xff\xd9", 10);
  g_autoptr(GBytes) other = g_bytes_new_static ("\xff\xd8 someone else \xff\xd9", 19);
  g_autoptr(TdnIdentity) next = fixture_identity ("079203001234", "Trần Văn Bình", "01012003");
  g_autoptr(GError) error = NULL;
  const guint8 *photo;
  gsize len = 0;

  g_assert_true (tdn_config_set (f->config, "ui", "photo_policy", "patient", &error));
  fixture_read_card (f, ADULT_ID, ADULT_NAME, ADULT_DOB);
  fake_eligibility_answer (f->elig, "000");
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  g_assert_true (tdn_checkin_select_clinic (c, "NOI"));
  g_assert_true (tdn_checkin_select_priority (c, TDN_PRIORITY_NONE));
  fake_printer_hold (f->printer);
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (c, TDN_CHECKIN_STATE_PRINTING);
  tdn_identity_reader_emit_photo (TDN_IDENTITY_READER (f->card), mine);
  g_assert_true (tdn_checkin_has_chip_photo (c));
  /* Someone else's card while the ticket prints: identity and photo ignored. */
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (f->card), next, TDN_ASSURANCE_CHIP);
  tdn_identity_reader_emit_photo (TDN_IDENTITY_READER (f->card), other);
  g_assert_cmpstr (tdn_checkin_get_full_name (c), ==, ADULT_NAME);
  photo = tdn_checkin_get_photo (c, &len);
  g_assert_nonnull (photo);
  g_assert_cmpmem (photo, len, g_bytes_get_data (mine, NULL), g_bytes_get_size (mine));
  fake_printer_release (f->printer);
  fake_wait_state (c, TDN_CHECKIN_STATE_DONE);
  /* After the patient left, a late photo belongs to nobody. */
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_FINISH));
  tdn_identity_reader_emit_photo (TDN_IDENTITY_READER (f->card), mine);
  g_assert_false (tdn_checkin_has_chip_photo (c));
}

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  ADD ("/checkin/happy-path", test_happy_path);
  ADD ("/checkin/elderly-no-question", test_elderly_no_question);
  ADD ("/checkin/child-priority", test_child_priority);
  ADD ("/checkin/language", test_language);
  ADD ("/checkin/photo", test_photo);
  ADD ("/checkin/photo-late", test_photo_late);
  ADD ("/checkin/wipe/done", test_wipe_on_done);
  ADD ("/checkin/wipe/cancel", test_wipe_on_cancel);
  ADD ("/checkin/wipe/timeout", test_wipe_on_timeout);
  g_test_add_func ("/checkin/session-scrub", test_session_scrub);
  g_test_add_func ("/checkin/names", test_names);
  return g_test_run ();
}
