/* tdn-printer-ctl.c — tiepdonctl ticket render|print and printer status
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-printer"

#include "config.h"

#include <stdio.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-printer.h"
#include "tdn-priority.h"
#include "tdn-queue.h"
#include "tdn-spool.h"

/* A sample ticket with long Vietnamese text, to check wrapping. */
static void
sample_ticket (TdnConfig  *config,
               TdnTicket  *t,
               GDateTime  *now,
               char       *ref,
               const char *name)
{
  t->hospital_name = tdn_config_get_string (config, "kiosk", "hospital_name");
  t->clinic_name = "Khám Tai Mũi Họng và Phẫu thuật Đầu Mặt Cổ (Phòng khám chuyên sâu)";
  t->room = "Phòng 105";
  t->location = "Tầng 1, Nhà A — lối vào phía Đông";
  t->number = "K2-A015";
  t->priority = tdn_priority_describe (TDN_PRIORITY_AGE_75);
  t->patient_name = name;
  t->bhyt = TDN_TICKET_BHYT_PENDING;
  t->time = now;
  t->visit_ref = ref;
  t->language = "vi";
  t->footer = tdn_config_get_string (config, "ticket", "footer_vi");
  t->font = tdn_config_get_string (config, "ticket", "font");
}

static TdnTicketBhyt
bhyt_of (const TdnVisit *v)
{
  if (g_strcmp0 (v->payment, "self_pay") == 0)
    return TDN_TICKET_BHYT_SELF_PAY;
  if (g_strcmp0 (v->eligibility_status, "eligible") == 0)
    return TDN_TICKET_BHYT_ELIGIBLE;
  if (g_strcmp0 (v->eligibility_status, "unavailable") == 0 || v->eligibility_status == NULL)
    return TDN_TICKET_BHYT_PENDING;
  return TDN_TICKET_BHYT_DESK;
}

/* Fills `t` from a committed visit; strings point into `visit`/`clinic`. */
static gboolean
visit_ticket (TdnConfig   *config,
              TdnTicket   *t,
              TdnVisit    *visit,
              TdnClinic  **clinic_out,
              char       **name_out,
              GDateTime  **time_out,
              GError     **error)
{
  g_autoptr(GPtrArray) clinics = tdn_clinics_from_config (config);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (visit->created_at / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) tz = tdn_clock_get_timezone ();
  gboolean en = g_strcmp0 (visit->language, "en") == 0;
  TdnPriority priority = TDN_PRIORITY_NONE;

  for (guint i = 0; i < clinics->len; i++)
    {
      TdnClinic *c = clinics->pdata[i];

      if (g_strcmp0 (c->code, visit->clinic) == 0)
        *clinic_out = g_ptr_array_steal_index (clinics, i);
    }
  if (*clinic_out == NULL)
    {
      g_set_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_UNKNOWN_CLINIC,
                   _("The visit's clinic “%s” is not configured"), visit->clinic ? visit->clinic : "");
      return FALSE;
    }
  *time_out = g_date_time_to_timezone (utc, tz);
  *name_out = tdn_ticket_patient_name (visit->full_name,
                                       tdn_config_get_string (config, "ticket", "patient_name"));
  tdn_priority_from_string (visit->priority, &priority);

  t->hospital_name = tdn_config_get_string (config, "kiosk", en ? "hospital_name_en" : "hospital_name");
  t->clinic_name = en ? (*clinic_out)->name_en : (*clinic_out)->name_vi;
  t->room = (*clinic_out)->room;
  t->location = en && (*clinic_out)->location_en && *(*clinic_out)->location_en
                  ? (*clinic_out)->location_en : (*clinic_out)->location;
  t->number = visit->queue_number ? visit->queue_number : "—";
  t->priority = priority != TDN_PRIORITY_NONE ? tdn_priority_describe (priority) : NULL;
  t->patient_name = *name_out;
  t->bhyt = bhyt_of (visit);
  t->time = *time_out;
  t->visit_ref = visit->visit_id;
  t->language = en ? "en" : "vi";
  t->footer = tdn_config_get_string (config, "ticket", en ? "footer_en" : "footer_vi");
  t->font = tdn_config_get_string (config, "ticket", "font");
  return TRUE;
}

static int
ticket_render_or_print (TdnCtl  *ctl,
                        int      argc,
                        char   **argv,
                        gboolean print)
{
  g_autofree char *out = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *printer_uri = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *name = NULL;
  g_autofree char *visit_id = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(TdnVisit) visit = NULL;
  g_autoptr(TdnClinic) clinic = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnRaster) raster = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean sample = FALSE;
  int width_mm = 0;
  TdnTicket t = { 0 };
  TdnConfig *config;
  GOptionEntry render_entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, N_("Render a sample ticket"), NULL },
    { "visit", 0, 0, G_OPTION_ARG_STRING, &visit_id, N_("Render the ticket of a visit in the spool"), "ID" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the ticket as a PNG image"), N_("FILE") },
    { "bin", 0, 0, G_OPTION_ARG_FILENAME, &bin, N_("Also write the ESC/POS bytes"), N_("FILE") },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width_mm, N_("Paper width in mm: 58 or 80"), "MM" },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &ref, N_("Visit reference for the QR code"), "UUID" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &lang, N_("vi or en"), "LANG" },
    { "printer", 'p', 0, G_OPTION_ARG_STRING, &printer_uri, N_("Printer address (default: [printer] uri)"), "URI" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, render_entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  if (sample == (visit_id != NULL))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("give one of --sample or --visit ID"));
  if (!print && out == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--out FILE.png is required"));
  if (width_mm == 0)
    width_mm = atoi (tdn_config_get_string (config, "printer", "paper_width_mm"));
  if (width_mm != 58 && width_mm != 80)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--width is 58 or 80"));
  if (visit_id != NULL)
    {
      spool = tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                              tdn_config_get_string (config, "spool", "key_file"), &error);
      if (spool == NULL || (visit = tdn_spool_get_visit (spool, visit_id, &error)) == NULL)
        return tdn_ctl_fail (ctl, g_error_matches (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND)
                                    ? TDN_CTL_EXIT_INVALID : TDN_CTL_EXIT_FAILURE, "%s", error->message);
      if (!visit_ticket (config, &t, visit, &clinic, &name, &now, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
      g_free (ref);
      ref = g_strdup (visit->visit_id);
    }
  else
    {
      if (ref == NULL)
        ref = tdn_uuid_new ();
      if (!tdn_uuid_is_valid (ref))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--reference must be a UUID"));
      now = tdn_clock_now ();
      name = tdn_ticket_patient_name ("Nguyễn Thị Phương Thảo Hoàng Bảo Ngọc",
                                      tdn_config_get_string (config, "ticket", "patient_name"));
      sample_ticket (config, &t, now, ref, name);
    }
  if (lang != NULL)
    t.language = g_str_equal (lang, "en") ? "en" : "vi";
  raster = tdn_ticket_render (&t, tdn_ticket_width_for_paper (width_mm), &error);
  if (raster == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);

  if (out != NULL && !tdn_raster_write_png (raster, out, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (bin != NULL)
    {
      g_autoptr(GBytes) job = tdn_escpos_encode_ticket (raster, FALSE);

      if (!g_file_set_contents (bin, g_bytes_get_data (job, NULL), (gssize) g_bytes_get_size (job), &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
    }
  if (print)
    {
      g_autoptr(TdnPrinter) printer = NULL;
      TdnPrinterStatus after = { 0 };
      const char *uri = printer_uri ? printer_uri : tdn_config_get_string (config, "printer", "uri");

      printer = tdn_printer_new (uri, (guint) tdn_config_get_int (config, "printer", "status_timeout_ms"), &error);
      if (printer == NULL)
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
      if (!tdn_printer_print (printer, raster, tdn_config_get_bool (config, "printer", "buzzer"),
                              ref, &after, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_DEVICE, "%s", error->message);
    }
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "reference");
      json_builder_add_string_value (b, ref);
      json_builder_set_member_name (b, "width_dots");
      json_builder_add_int_value (b, raster->width);
      json_builder_set_member_name (b, "height_dots");
      json_builder_add_int_value (b, raster->height);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  return TDN_CTL_EXIT_OK;
}

static int
ticket_render (TdnCtl *ctl, int argc, char **argv)
{
  return ticket_render_or_print (ctl, argc, argv, FALSE);
}

static int
ticket_print (TdnCtl *ctl, int argc, char **argv)
{
  return ticket_render_or_print (ctl, argc, argv, TRUE);
}

static int
printer_status (TdnCtl *ctl,
                int     argc,
                char  **argv)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnPrinter) printer = NULL;
  TdnPrinterStatus s = { 0 };
  TdnConfig *config;
  gboolean ok;
  GOptionEntry entries[] = {
    { "printer", 'p', 0, G_OPTION_ARG_STRING, &uri, N_("Printer address (default: [printer] uri)"), "URI" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  printer = tdn_printer_new (uri ? uri : tdn_config_get_string (config, "printer", "uri"),
                             (guint) tdn_config_get_int (config, "printer", "status_timeout_ms"), &error);
  if (printer == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  ok = tdn_printer_query_status (printer, &s, &error);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, ok ? tdn_printer_status_to_string (&s) : "unreachable");
      json_builder_set_member_name (b, "online");
      json_builder_add_boolean_value (b, ok && s.online);
      json_builder_set_member_name (b, "cover_open");
      json_builder_add_boolean_value (b, s.cover_open);
      json_builder_set_member_name (b, "paper_near_end");
      json_builder_add_boolean_value (b, s.paper_near_end);
      json_builder_set_member_name (b, "paper_out");
      json_builder_add_boolean_value (b, s.paper_out);
      json_builder_set_member_name (b, "error");
      if (ok)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, error->message);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else if (ok)
    printf ("%s\n", tdn_printer_status_to_string (&s));
  if (!ok)
    {
      fprintf (stderr, "tiepdonctl: %s\n", error->message);
      return TDN_CTL_EXIT_DEVICE;
    }
  return s.paper_out || s.cover_open || s.error || !s.online ? TDN_CTL_EXIT_DEVICE : TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "ticket render", "--sample|--visit ID --out FILE.png [--bin FILE] [--width 58|80] [--reference UUID] [--language vi|en] [--json]",
    N_("Render a ticket to a PNG image (and its ESC/POS bytes)"), ticket_render },
  { "ticket print", "--sample|--visit ID [--printer URI] [--width 58|80] [--json]",
    N_("Print a ticket on the printer"), ticket_print },
  { "printer status", "[--printer URI] [--json]",
    N_("Ask the printer whether it is online and has paper"), printer_status },
};

void
tdn_printer_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
