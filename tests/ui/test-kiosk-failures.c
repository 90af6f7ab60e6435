/* test-kiosk-failures.c — every failure screen, and how each one is left
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paper out, gateway down, not eligible, card unreadable then the keypad,
 * no reader, and the idle warning, on the real window and controller
 * (kiosk-ui-fixture.h); every screen is saved for a person to look at.
 */
#include "config.h"

#include "kiosk-ui-fixture.h"
#include "tdn-base.h"

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

int
main (int   argc,
      char *argv[])
{
  ui_init (&argc, &argv);

  g_test_add ("/kiosk-ui/failure/paper-out", Ui, NULL, ui_set_up, test_paper_out, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/gateway-down", Ui, NULL, ui_set_up, test_gateway_down, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/not-eligible", Ui, NULL, ui_set_up, test_not_eligible, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/card-unreadable-manual", Ui, NULL, ui_set_up,
              test_card_unreadable_then_manual, ui_tear_down);
  g_test_add ("/kiosk-ui/failure/reader-missing", Ui, NULL, ui_set_up, test_reader_missing, ui_tear_down);
  g_test_add ("/kiosk-ui/idle-warning", Ui, NULL, ui_set_up, test_idle_warning, ui_tear_down);
  return g_test_run ();
}
