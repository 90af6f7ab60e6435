/* test-kiosk-screens.c — every kiosk screen rendered from a real TdnCheckin
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check-in machine runs with the scripted services of
 * tests/unit/checkin (fake readers, eligibility, printer, help desk) and a
 * real spool; the window and its controller are the real ones. Each test
 * drives the window through its kiosk.* actions (what the buttons do),
 * checks which page shows and what it says, and saves a picture of the
 * screen into BUILD/ui-screenshots/ for a person to look at.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "checkin-fixture.h"
#include "tdn-base.h"
#include "tdn-kiosk-controller.h"
#include "tdn-kiosk-i18n.h"
#include "tdn-kiosk-lockdown.h"
#include "tdn-kiosk-resources.h"
#include "tdn-kiosk-window.h"
#include "tdn-ticket.h"

#define ADULT_ID "001190012345"
#define ADULT_NAME "Lê Thị Mai"
#define ADULT_DOB "14021990"

typedef struct {
  Fixture             f;
  TdnKioskWindow     *window;
  TdnKioskController *controller;
} Ui;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  /* Lets the stack's crossfade and the layout finish (real time: GTK's
   * frame clock, not the check-in's fake clock). */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* What a file printer would have printed: the machine's ticket, drawn. */
static char *
ticket_png (const char *visit_id,
            gpointer    user_data)
{
  Ui *ui = user_data;
  g_autoptr(TdnRaster) raster = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (ui->f.dir, "ticket.png", NULL);

  raster = tdn_ticket_render (tdn_checkin_get_ticket (ui->f.checkin), 576, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_raster_write_png (raster, path, &error));
  return path;
}

static void
ui_set_up (Ui            *ui,
           gconstpointer  data)
{
  fixture_set_up (&ui->f, data);
  ui->window = tdn_kiosk_window_new (NULL);
  tdn_kiosk_window_set_hospital (ui->window, "Bệnh viện Đa khoa Tỉnh", "Provincial General Hospital");
  tdn_kiosk_window_set_defaults (ui->window, "vi", FALSE, FALSE, FALSE);
  if (g_strcmp0 (data, "portrait") == 0)
    tdn_kiosk_window_set_screen_size (ui->window, 800, 1000);
  else
    tdn_kiosk_window_set_screen_size (ui->window, 1280, 1024);
  if (g_strcmp0 (data, "low-reach") == 0)
    g_object_set (ui->window, "low-reach", TRUE, NULL);
  ui->controller = tdn_kiosk_controller_new (ui->window, ui->f.checkin);
  tdn_kiosk_controller_set_ticket_source (ui->controller, ticket_png, ui);
  gtk_window_present (GTK_WINDOW (ui->window));
  spin (200);
}

static void
ui_tear_down (Ui            *ui,
              gconstpointer  data)
{
  g_clear_object (&ui->controller);
  tdn_kiosk_lockdown_release (GTK_WINDOW (ui->window));
  gtk_window_destroy (GTK_WINDOW (ui->window));
  spin (50);
  fixture_tear_down (&ui->f, data);
}

static void
shot (Ui         *ui,
      const char *name)
{
  GtkWidget *widget = GTK_WIDGET (ui->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("TIEPDON_BUILD_DIR"), "ui-screenshots", NULL);
  g_autofree char *file = g_strconcat ("screen-", name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  spin (250);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

static void
act (Ui         *ui,
     const char *action,
     const char *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), action,
                                             target != NULL ? "s" : NULL, target));
  spin (20);
}

/* Some label under the visible page says exactly `text`. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (find_label (c, text))
      return TRUE;
  return FALSE;
}

static void
assert_page (Ui         *ui,
             const char *page,
             const char *text)
{
  g_assert_cmpstr (tdn_kiosk_window_get_page_name (ui->window), ==, page);
  if (text != NULL && !find_label (tdn_kiosk_window_get_visible_page (ui->window), text))
    g_error ("“%s” is not on the %s page", text, page);
}

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
read_adult (Ui *ui)
{
  g_autoptr(TdnIdentity) identity = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (ui->f.card));
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (ui->f.card), identity, TDN_ASSURANCE_CHIP);
  spin (20);
  assert_page (ui, "identity", ADULT_NAME);
}

static void
to_confirm (Ui *ui)
{
  act (ui, "kiosk.identity-yes", NULL);
  act (ui, "kiosk.clinic", "NOI");
  act (ui, "kiosk.priority", "none");
}

/* The keypad button that says `label` (a digit) under `widget`. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button whose one label says `text`. */
static GtkWidget *
find_button_by_text (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_by_text (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type (Ui         *ui,
      const char *digits)
{
  for (const char *d = digits; *d != '\0'; d++)
    {
      char key[2] = { *d, '\0' };
      GtkWidget *button = find_button (tdn_kiosk_window_get_visible_page (ui->window), key);

      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
    }
  spin (20);
}

static void
test_paper_out (Ui *ui, gconstpointer data)
{
  read_adult (ui);
  fake_eligibility_answer (ui->f.elig, "000");
  to_confirm (ui);
  fake_printer_set_error (ui->f.printer, TDN_TICKET_PRINTER_ERROR_PAPER_OUT);
  act (ui, "kiosk.confirm", NULL);
  fake_wait_state (ui->f.checkin, TDN_CHECKIN_STATE_PAPER_OUT);
  spin (20);
  assert_page (ui, "failure", "Máy in hết giấy");
  act (ui, "kiosk.call-staff", NULL);
  fake_drain ();
  spin (20);
  assert_page (ui, "failure", "Nhân viên đang đến giúp bạn.");
  shot (ui, "vi-fail-paper-out");
  /* Paper is back: the machine prints by itself. */
  fake_printer_set_error (ui->f.printer, -1);
  tdn_clock_advance (5 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (ui->f.checkin);
  fake_wait_state (ui->f.checkin, TDN_CHECKIN_STATE_DONE);
  spin (20);
  assert_page (ui, "done", "K1-A001");
}

static void
test_gateway_down (Ui *ui, gconstpointer data)
{
  act (ui, "kiosk.language", "en");
  read_adult (ui);
  fake_eligibility_answer (ui->f.elig, NULL);
  to_confirm (ui);
  act (ui, "kiosk.confirm", NULL);
  if (tdn_checkin_get_state (ui->f.checkin) != TDN_CHECKIN_STATE_GATEWAY_DOWN)
    fake_wait_state (ui->f.checkin, TDN_CHECKIN_STATE_GATEWAY_DOWN);
  spin (20);
  assert_page (ui, "failure", "Health insurance cannot be checked right now");
  shot (ui, "en-fail-gateway-down");
  act (ui, "kiosk.choice", "continue");
  assert_page (ui, "confirm", NULL);
  act (ui, "kiosk.confirm", NULL);
  fake_wait_state (ui->f.checkin, TDN_CHECKIN_STATE_DONE);
  spin (20);
  assert_page (ui, "done", "Your health insurance is being checked. You do not need to do anything.");
  shot (ui, "en-done-bhyt-being-checked");
}

static void
test_not_eligible (Ui *ui, gconstpointer data)
{
  read_adult (ui);
  fake_eligibility_answer (ui->f.elig, "010");
  to_confirm (ui);
  act (ui, "kiosk.confirm", NULL);
  spin (20);
  assert_page (ui, "failure", "Hôm nay không dùng được thẻ bảo hiểm y tế của bạn");
  shot (ui, "vi-fail-not-eligible");
  act (ui, "kiosk.choice", "self-pay");
  assert_page (ui, "confirm", "Bạn tự trả chi phí lần khám này");
}

static void
test_card_unreadable_then_manual (Ui *ui, gconstpointer data)
{
  g_autoptr(GError) error = g_error_new_literal (TDN_IDENTITY_READER_ERROR,
                                                 TDN_IDENTITY_READER_ERROR_UNREADABLE, "chip dead");

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (ui->f.card));
  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (ui->f.card), error);
  spin (20);
  assert_page (ui, "failure", "Không đọc được thẻ của bạn");
  shot (ui, "vi-fail-card-unreadable");

  act (ui, "kiosk.choice", "manual-entry");
  assert_page (ui, "entry", "Số định danh cá nhân (12 số)");
  type (ui, "00119001234");
  g_assert_false (tdn_checkin_can_tap (ui->f.checkin, TDN_CHECKIN_ACTION_SUBMIT));
  type (ui, "5" "14021990");
  g_assert_cmpstr (tdn_checkin_get_field (ui->f.checkin, TDN_CHECKIN_FIELD_ID_NUMBER), ==, ADULT_ID);
  g_assert_true (tdn_checkin_can_tap (ui->f.checkin, TDN_CHECKIN_ACTION_SUBMIT));
  assert_page (ui, "entry", "14/02/1990");
  shot (ui, "vi-manual-entry");
  act (ui, "kiosk.entry-submit", NULL);
  assert_page (ui, "identity", "0011******45");
}

static void
test_reader_missing (Ui *ui, gconstpointer data)
{
  fake_reader_set_connected (ui->f.card, FALSE);
  fake_reader_set_connected (ui->f.qr, FALSE);
  spin (20);
  assert_page (ui, "failure", "Đầu đọc thẻ đang không hoạt động");
  shot (ui, "vi-fail-reader-missing");
  fake_reader_set_connected (ui->f.card, TRUE);
  spin (20);
  assert_page (ui, "welcome", NULL);
}

static void
test_idle_warning (Ui *ui, gconstpointer data)
{
  read_adult (ui);
  act (ui, "kiosk.identity-yes", NULL);
  tdn_clock_advance (61 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (ui->f.checkin);
  spin (20);
  g_assert_true (tdn_checkin_get_idle_warning (ui->f.checkin));
  g_assert_true (find_label (GTK_WIDGET (ui->window), "Bạn vẫn còn ở đây chứ?"));
  shot (ui, "vi-idle-warning");
  act (ui, "kiosk.more-time", NULL);
  g_assert_false (tdn_checkin_get_idle_warning (ui->f.checkin));
  /* No answer this time: everything is wiped. */
  tdn_clock_advance (61 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (ui->f.checkin);
  tdn_clock_advance (16 * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (ui->f.checkin);
  spin (20);
  assert_page (ui, "welcome", NULL);
  g_assert_false (find_label (GTK_WIDGET (ui->window), ADULT_NAME));
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
  tdn_i18n_init ();
  textdomain ("tiepdon-kiosk-untranslated");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  tdn_kiosk_register_resource ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/vn/tiepdon/Kiosk/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/kiosk-ui/happy/vi", Ui, NULL, ui_set_up, test_happy_vi, ui_tear_down);
  g_test_add ("/kiosk-ui/happy/en", Ui, NULL, ui_set_up, test_happy_en, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/paper-out", Ui, NULL, ui_set_up, test_paper_out, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/gateway-down", Ui, NULL, ui_set_up, test_gateway_down, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/not-eligible", Ui, NULL, ui_set_up, test_not_eligible, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/card-unreadable-manual", Ui, NULL, ui_set_up,
              test_card_unreadable_then_manual, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/reader-missing", Ui, NULL, ui_set_up, test_reader_missing, ui_tear_down);
  g_test_add ("/kiosk-ui/idle-warning", Ui, NULL, ui_set_up, test_idle_warning, ui_tear_down);
  g_test_add ("/kiosk-ui/display-options", Ui, NULL, ui_set_up, test_display_options, ui_tear_down);
  g_test_add ("/kiosk-ui/layout/portrait", Ui, "portrait", ui_set_up, test_layout, ui_tear_down);
  g_test_add ("/kiosk-ui/layout/low-reach", Ui, "low-reach", ui_set_up, test_layout, ui_tear_down);
  g_test_add ("/kiosk-ui/speech", Ui, NULL, ui_set_up, test_speech, ui_tear_down);
  g_test_add ("/kiosk-ui/lockdown", Ui, NULL, ui_set_up, test_lockdown, ui_tear_down);
  return g_test_run ();
}
