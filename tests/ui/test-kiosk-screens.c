/* test-kiosk-screens.c — the check-in's screens rendered from a real TdnCheckin
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The happy path in both languages, display options, layouts, typing,
 * speech and the lockdown, driven through the window's kiosk.* actions
 * (kiosk-ui-fixture.h); every screen is saved for a person to look at.
 */
#include "config.h"

#include "kiosk-ui-fixture.h"
#include "tdn-base.h"
#include "tdn-kiosk-i18n.h"
#include "tdn-letter-keyboard.h"

static void
run_happy_path (Ui         *ui,
                const char *lang)
{
  TdnCheckin *c = ui->f.checkin;
  gboolean vi = g_str_equal (lang, "vi");
  g_autofree char *prefix = g_strconcat (lang, "-", NULL);
  g_autofree char *name = NULL;

#define SHOT(n) do { g_free (name); name = g_strconcat (prefix, n, NULL); shot (ui, name); } while (0)

  /* Every patient starts in the default language, Vietnamese. */
  assert_page (ui, "welcome", "Xin chào! Mời bạn đăng ký khám tại đây");
  if (!vi)
    {
      act (ui, "kiosk.language", "en");
      assert_page (ui, "welcome", "Welcome! Check in here for your visit");
      g_assert_cmpstr (tdn_checkin_get_language (c), ==, "en");
    }
  SHOT ("01-welcome");

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (ui->f.card));
  assert_page (ui, "reading", tdn_checkin_get_instruction (c));
  SHOT ("02-reading");

  {
    g_autoptr(TdnIdentity) identity = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);

    tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (ui->f.card), identity, TDN_ASSURANCE_CHIP);
  }
  spin (20);
  assert_page (ui, "identity", ADULT_NAME);
  assert_page (ui, "identity", "0011******45");
  assert_page (ui, "identity", vi ? "36 tuổi" : "36 years old");
  SHOT ("03-identity");
  fake_eligibility_answer (ui->f.elig, "000");

  act (ui, "kiosk.identity-yes", NULL);
  assert_page (ui, "clinic", vi ? "Hôm nay bạn cần khám ở phòng khám nào?" : "Which clinic do you need today?");
  assert_page (ui, "clinic", vi ? "Khám Nội" : "Internal medicine");
  SHOT ("04-clinic");

  act (ui, "kiosk.clinic", "NOI");
  assert_page (ui, "priority", vi ? "Tôi đang mang thai" : "I am pregnant");
  SHOT ("05-priority");

  act (ui, "kiosk.priority", "none");
  assert_page (ui, "confirm", vi ? "Phòng 101" : "Phòng 101");
  assert_page (ui, "confirm", vi ? "Hợp lệ" : "Valid");
  SHOT ("06-confirm");

  act (ui, "kiosk.confirm", NULL);
  fake_wait_state (c, TDN_CHECKIN_STATE_DONE);
  spin (20);
  assert_page (ui, "done", "K1-A001");
  assert_page (ui, "done", vi ? "Vui lòng lấy phiếu ở khe máy in bên dưới."
                              : "Please take your ticket from the printer below.");
  SHOT ("07-done");

  act (ui, "kiosk.finish", NULL);
  assert_page (ui, "welcome", NULL);
  /* The next patient starts in the default language with nothing left. */
  g_assert_cmpstr (tdn_kiosk_i18n_get_language (), ==, "vi");
  g_assert_false (find_label (GTK_WIDGET (ui->window), ADULT_NAME));
  g_assert_false (find_label (GTK_WIDGET (ui->window), "K1-A001"));
#undef SHOT
}

static void
test_happy_vi (Ui *ui, gconstpointer data)
{
  run_happy_path (ui, "vi");
}

static void
test_happy_en (Ui *ui, gconstpointer data)
{
  run_happy_path (ui, "en");
}

static void
test_display_options (Ui *ui, gconstpointer data)
{
  act (ui, "kiosk.high-contrast", NULL);
  act (ui, "kiosk.large-text", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ui->window), "high-contrast"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ui->window), "large-text"));
  shot (ui, "vi-welcome-high-contrast-large");
  read_adult (ui);
  shot (ui, "vi-identity-high-contrast-large");
  act (ui, "kiosk.cancel", NULL);
  /* The next patient gets the configured defaults back. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ui->window), "high-contrast"));
}

/* Portrait: the rows become columns; low reach: every button in the lower
 * half. The same check-in, pictures to look at. */
static void
test_layout (Ui *ui, gconstpointer data)
{
  g_autofree char *welcome = g_strdup_printf ("vi-%s-welcome", (const char *) data);
  g_autofree char *identity = g_strdup_printf ("vi-%s-identity", (const char *) data);
  g_autofree char *clinic = g_strdup_printf ("vi-%s-clinic", (const char *) data);
  int h = gtk_widget_get_height (GTK_WIDGET (ui->window));

  if (g_str_equal (data, "portrait"))
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ui->window), "portrait"));
  shot (ui, welcome);
  read_adult (ui);
  shot (ui, identity);
  if (g_str_equal (data, "low-reach"))
    {
      graphene_point_t p;
      GtkWidget *yes = find_button_by_text (tdn_kiosk_window_get_visible_page (ui->window),
                                            "Đúng, đây là tôi");

      g_assert_nonnull (yes);
      g_assert_true (gtk_widget_compute_point (yes, GTK_WIDGET (ui->window),
                                               &GRAPHENE_POINT_INIT (0, 0), &p));
      g_assert_cmpfloat (p.y, >=, h / 2.0);
    }
  act (ui, "kiosk.identity-yes", NULL);
  shot (ui, clinic);
}

/* The BHYT fallback: the 10-digit number, the date of birth and the name
 * on the letter keyboard, tone marks where the patient puts them. */
static void
test_bhyt_entry (Ui *ui, gconstpointer data)
{
  static const char * const keys[] = {
    "L", "Ê", " ", "T", "H", "I", "ạ", " ", "M", "A", "I", NULL
  };

  act (ui, "kiosk.bhyt-entry", NULL);
  assert_page (ui, "entry", "Số thẻ bảo hiểm y tế (10 số cuối)");
  type (ui, "0112345678" "14021990");
  g_assert_false (tdn_checkin_can_tap (ui->f.checkin, TDN_CHECKIN_ACTION_SUBMIT));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *key = find_button (tdn_kiosk_window_get_visible_page (ui->window), keys[i]);

      g_assert_nonnull (key);
      g_signal_emit_by_name (key, "clicked");
    }
  spin (20);
  g_assert_cmpstr (tdn_checkin_get_field (ui->f.checkin, TDN_CHECKIN_FIELD_FULL_NAME), ==, "Lê Thị Mai");
  g_assert_true (tdn_checkin_can_tap (ui->f.checkin, TDN_CHECKIN_ACTION_SUBMIT));
  shot (ui, "vi-bhyt-entry");
  act (ui, "kiosk.entry-submit", NULL);
  g_assert_cmpstr (tdn_kiosk_window_get_page_name (ui->window), !=, "entry");
}

static void
test_tone_marks (void)
{
  static const struct { const char *in; gunichar mark; const char *out; } cases[] = {
    { "Thi", 0x0323, "Thị" },
    { "Thí", 0x0323, "Thị" },          /* a new tone replaces the old */
    { "Nguyên", 0x0303, "Nguyễn" },    /* after the circumflex */
    { "Ư", 0x0300, "Ừ" },
    { "Văn A", 0x0309, "Văn Ả" },      /* the last word only */
    { "Ng", 0x0301, "Ng" },            /* no vowel: nothing to mark */
    { "", 0x0301, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = tdn_letter_keyboard_apply_tone (cases[i].in, cases[i].mark);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* Spoken guidance goes to the configured command's standard input, once
 * per screen, and a synthesiser that never ends blocks nothing. */
static void
test_speech (Ui *ui, gconstpointer data)
{
  g_autofree char *file = g_build_filename (ui->f.dir, "spoken.txt", NULL);
  g_autofree char *command = g_strdup_printf ("sh -c 'cat >> %s; echo >> %s'", file, file);
  g_autofree char *spoken = NULL;
  gint64 deadline;

  tdn_kiosk_window_set_speech_command (ui->window, command);
  act (ui, "kiosk.speech", NULL);
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (ui->f.card));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!g_file_get_contents (file, &spoken, NULL, NULL) || strstr (spoken, "\n") == NULL)
    {
      g_clear_pointer (&spoken, g_free);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      spin (20);
    }
  g_assert_nonnull (strstr (spoken, tdn_checkin_get_instruction (ui->f.checkin)));

  /* A command that hangs: the screen goes on regardless. */
  tdn_kiosk_window_set_speech_command (ui->window, "sleep 600");
  read_adult (ui);
  act (ui, "kiosk.identity-yes", NULL);
  assert_page (ui, "clinic", NULL);
  act (ui, "kiosk.speech", NULL);
}

/* No way out: closing is refused, the inspector never opens. */
static void
test_lockdown (Ui *ui, gconstpointer data)
{
  gboolean handled = FALSE;

  gtk_window_close (GTK_WINDOW (ui->window));
  spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ui->window)));
  g_signal_emit_by_name (ui->window, "enable-debugging", TRUE, &handled);
  g_assert_true (handled);
  gtk_widget_activate_action (GTK_WIDGET (ui->window), "window.close", NULL);
  spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ui->window)));
  assert_page (ui, "welcome", NULL);
}

int
main (int   argc,
      char *argv[])
{
  ui_init (&argc, &argv);

  g_test_add ("/kiosk-ui/happy/vi", Ui, NULL, ui_set_up, test_happy_vi, ui_tear_down);
  g_test_add ("/kiosk-ui/happy/en", Ui, NULL, ui_set_up, test_happy_en, ui_tear_down);
  g_test_add ("/kiosk-ui/display-options", Ui, NULL, ui_set_up, test_display_options, ui_tear_down);
  g_test_add ("/kiosk-ui/layout/portrait", Ui, "portrait", ui_set_up, test_layout, ui_tear_down);
  g_test_add ("/kiosk-ui/layout/low-reach", Ui, "low-reach", ui_set_up, test_layout, ui_tear_down);
  g_test_add_func ("/kiosk-ui/keyboard/tone-marks", test_tone_marks);
  g_test_add ("/kiosk-ui/entry/bhyt", Ui, NULL, ui_set_up, test_bhyt_entry, ui_tear_down);
  g_test_add ("/kiosk-ui/speech", Ui, NULL, ui_set_up, test_speech, ui_tear_down);
  g_test_add ("/kiosk-ui/lockdown", Ui, NULL, ui_set_up, test_lockdown, ui_tear_down);
  return g_test_run ();
}
