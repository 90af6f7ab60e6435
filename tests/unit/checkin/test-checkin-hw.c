/* test-checkin-hw.c — the ticket printer on hw/printer, and a demo kiosk's
 * service set built from an empty configuration
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "checkin-fixture.h"
#include "tdn-base.h"
#include "tdn-hw-ticket-printer.h"
#include "tdn-kiosk-services.h"

typedef struct {
  gboolean         done;
  gboolean         ok;
  GError          *error;
  TdnPrinterStatus status;
} Result;

static void
print_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Result *r = data;

  r->ok = tdn_ticket_printer_print_finish (TDN_TICKET_PRINTER (source), res, &r->status, &r->error);
  r->done = TRUE;
}

static void
status_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Result *r = data;

  r->ok = tdn_ticket_printer_status_finish (TDN_TICKET_PRINTER (source), res, &r->status, &r->error);
  r->done = TRUE;
}

static Result
print (TdnTicketPrinter *p, const TdnTicket *t)
{
  Result r = { 0 };

  tdn_ticket_printer_print_async (p, t, NULL, print_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  return r;
}

static Result
status (TdnTicketPrinter *p)
{
  Result r = { 0 };

  tdn_ticket_printer_status_async (p, NULL, status_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  return r;
}

static void
test_file_printer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("checkin-printer-XXXXXX", &error);
  g_autofree char *conf = g_strdup_printf ("[printer]\nuri=file://%s\npaper_width_mm=58\n", dir);
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(TdnTicketPrinter) printer = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *png = NULL;
  TdnTicket t = {
    .hospital_name = "Bệnh viện Thử", .clinic_name = "Khám Nội", .room = "Phòng 101",
    .number = "K1-A001", .patient_name = "L. T. Mai", .bhyt = TDN_TICKET_BHYT_PENDING, .time = now,
    .visit_ref = "6c1f3a55-0000-4000-8000-000000000001", .language = "vi", .font = "Noto Sans",
  };
  Result r;

  g_assert_true (tdn_config_load_data (config, conf, "test", &error));
  printer = tdn_hw_ticket_printer_new (config, &error);
  g_assert_no_error (error);

  r = print (printer, &t);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  png = tdn_hw_ticket_printer_ticket_png (TDN_HW_TICKET_PRINTER (printer), t.visit_ref);
  g_assert_nonnull (png);
  g_assert_null (tdn_hw_ticket_printer_ticket_png (TDN_HW_TICKET_PRINTER (printer), "../etc/passwd"));

  /* Paper out: nothing printed, and the status says so. */
  tdn_hw_ticket_printer_simulate (TDN_HW_TICKET_PRINTER (printer), TDN_PRINTER_SIMULATION_PAPER_OUT);
  r = print (printer, &t);
  g_assert_error (r.error, TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_PAPER_OUT);
  g_clear_error (&r.error);
  r = status (printer);
  g_assert_true (r.ok && r.status.paper_out);
  /* A print that may have happened, once. */
  tdn_hw_ticket_printer_simulate (TDN_HW_TICKET_PRINTER (printer), TDN_PRINTER_SIMULATION_UNCERTAIN);
  r = print (printer, &t);
  g_assert_error (r.error, TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_UNCERTAIN);
  g_clear_error (&r.error);
  r = print (printer, &t);
  g_assert_true (r.ok);
  /* The directory is gone: nothing could be written. */
  fixture_remove_tree (dir);
  r = status (printer);
  g_assert_true (r.ok);
  g_assert_false (r.status.online);
  r = print (printer, &t);
  g_assert_error (r.error, TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_UNAVAILABLE);
  g_clear_error (&r.error);
}

static void
test_demo_services_bare (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autofree char *people = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim", "people.json", NULL);
  g_autoptr(TdnKioskServices) s = NULL;
  g_autofree char *answer = NULL, *bad = NULL, *wait = NULL;
  TdnCheckin *c;

  g_setenv ("TIEPDON_DEMO_PEOPLE", people, TRUE);
  /* A spool directory that cannot be written (as on a machine without the
   * package): the demo finds itself a private one. */
  g_assert_true (tdn_config_set (config, "spool", "path", "/nonexistent/tiepdon/spool.db", &error));
  s = tdn_kiosk_services_new (config, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_kiosk_services_is_demo (s));
  g_assert_nonnull (tdn_kiosk_services_get_people (s));
  c = tdn_kiosk_services_get_checkin (s);
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_WELCOME);
  g_assert_true (tdn_checkin_get_card_reader_available (c));
  g_assert_true (tdn_checkin_get_scanner_available (c));

  answer = tdn_kiosk_services_control (s, "clinics?");
  g_assert_true (g_str_has_prefix (answer, "ok {\"clinics\":[{\"code\":\"NOI\""));
  g_free (answer);
  answer = tdn_kiosk_services_control (s, "scan-person mai");
  g_assert_cmpstr (answer, ==, "ok");
  /* Scanners deliver payloads on the main context, not inside the call. */
  fake_drain ();
  g_assert_cmpint (tdn_checkin_get_state (c), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_cmpint (tdn_checkin_get_assurance (c), ==, TDN_ASSURANCE_QR);
  bad = tdn_kiosk_services_control (s, "tap finish");
  g_assert_true (g_str_has_prefix (bad, "error "));
  wait = tdn_kiosk_services_control (s, "wait done");
  g_assert_true (g_str_has_prefix (wait, "error "));
  g_free (answer);
  answer = tdn_kiosk_services_control (s, "tap no");
  g_assert_cmpstr (answer, ==, "ok");
  fake_drain ();

  {
    g_autoptr(TdnConfig) plain = tdn_config_new (&tdn_config_schema_kiosk);
    g_autoptr(TdnKioskServices) real = NULL;

    /* Not a demo: nothing is made up; a spool that cannot open is an error. */
    g_assert_true (tdn_config_set (plain, "spool", "path", "/nonexistent/tiepdon/spool.db", &error));
    real = tdn_kiosk_services_new (plain, FALSE, &error);
    g_assert_null (real);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_test_add_func ("/checkin/hw/file-printer", test_file_printer);
  g_test_add_func ("/checkin/hw/demo-services-bare", test_demo_services_bare);
  return g_test_run ();
}
