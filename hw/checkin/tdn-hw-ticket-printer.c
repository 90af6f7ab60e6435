/* tdn-hw-ticket-printer.c — the check-in's ticket printer on hw/printer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-hw-ticket-printer.h"

struct _TdnHwTicketPrinter
{
  GObject               parent_instance;
  TdnPrinter           *printer;
  char                 *file_dir;     /* file:// printers: where tickets go */
  guint                 width_dots;
  gboolean              beep;
  GMutex                lock;         /* one job at a time on the device */
  TdnPrinterSimulation  simulation;   /* read under lock */
};

static void tdn_hw_ticket_printer_iface_init (TdnTicketPrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnHwTicketPrinter, tdn_hw_ticket_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_TICKET_PRINTER,
                                                      tdn_hw_ticket_printer_iface_init))

typedef struct {
  gboolean         ok;
  TdnPrinterStatus status;
} Outcome;

/* hw/printer's errors in the terms of the check-in: did anything print? */
static GError *
map_error (const GError *e)
{
  int code = TDN_TICKET_PRINTER_ERROR_UNAVAILABLE;

  if (g_error_matches (e, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_PAPER_OUT))
    code = TDN_TICKET_PRINTER_ERROR_PAPER_OUT;
  else if (g_error_matches (e, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNCERTAIN))
    code = TDN_TICKET_PRINTER_ERROR_UNCERTAIN;
  else if (g_error_matches (e, TDN_TICKET_ERROR, TDN_TICKET_ERROR_RENDER)
           || g_error_matches (e, TDN_TICKET_ERROR, TDN_TICKET_ERROR_QR))
    code = TDN_TICKET_PRINTER_ERROR_RENDER;
  return g_error_new_literal (TDN_TICKET_PRINTER_ERROR, code, e->message);
}

static GError *
simulated_error (TdnPrinterSimulation s)
{
  switch (s)
    {
    case TDN_PRINTER_SIMULATION_PAPER_OUT:
      return g_error_new_literal (TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_PAPER_OUT,
                                  _("The printer is out of paper"));
    case TDN_PRINTER_SIMULATION_OFFLINE:
      return g_error_new_literal (TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_UNAVAILABLE,
                                  _("The printer does not answer"));
    case TDN_PRINTER_SIMULATION_UNCERTAIN:
      return g_error_new_literal (TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_UNCERTAIN,
                                  _("The printer stopped taking the ticket; it may be half printed"));
    default:
      return NULL;
    }
}

static void
print_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TdnHwTicketPrinter *self = source;
  const TdnTicket *ticket = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnRaster) raster = NULL;
  Outcome *out = g_new0 (Outcome, 1);
  GError *sim;

  g_mutex_lock (&self->lock);
  sim = simulated_error (self->simulation);
  if (self->simulation == TDN_PRINTER_SIMULATION_UNCERTAIN)
    self->simulation = TDN_PRINTER_SIMULATION_NONE;   /* once */
  if (sim == NULL)
    {
      raster = tdn_ticket_render (ticket, self->width_dots, &error);
      if (raster != NULL)
        out->ok = tdn_printer_print (self->printer, raster, self->beep, ticket->visit_ref,
                                     &out->status, &error);
    }
  g_mutex_unlock (&self->lock);
  if (sim != NULL)
    {
      g_free (out);
      g_task_return_error (task, sim);
    }
  else if (!out->ok)
    {
      g_free (out);
      g_task_return_error (task, map_error (error));
    }
  else
    g_task_return_pointer (task, out, g_free);
}

static void
print_async (TdnTicketPrinter    *printer,
             const TdnTicket     *ticket,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (printer, cancellable, callback, user_data);

  g_task_set_source_tag (task, print_async);
  g_task_set_task_data (task, tdn_ticket_copy (ticket), (GDestroyNotify) tdn_ticket_free);
  /* Once bytes may be on their way, the answer must come back. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, print_thread);
}

static gboolean
print_finish (TdnTicketPrinter  *printer,
              GAsyncResult      *result,
              TdnPrinterStatus  *after,
              GError           **error)
{
  g_autofree Outcome *out = g_task_propagate_pointer (G_TASK (result), error);

  if (out == NULL)
    return FALSE;
  *after = out->status;
  return TRUE;
}

static void
status_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TdnHwTicketPrinter *self = source;
  g_autoptr(GError) error = NULL;
  Outcome *out = g_new0 (Outcome, 1);

  g_mutex_lock (&self->lock);
  out->ok = tdn_printer_query_status (self->printer, &out->status, &error);
  if (out->ok && self->simulation == TDN_PRINTER_SIMULATION_PAPER_OUT)
    out->status.paper_out = TRUE;
  else if (out->ok && self->simulation == TDN_PRINTER_SIMULATION_OFFLINE)
    out->status.online = FALSE;
  g_mutex_unlock (&self->lock);
  if (!out->ok)
    {
      g_free (out);
      g_task_return_error (task, map_error (error));
    }
  else
    g_task_return_pointer (task, out, g_free);
}

static void
status_async (TdnTicketPrinter    *printer,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (printer, cancellable, callback, user_data);

  g_task_set_source_tag (task, status_async);
  g_task_run_in_thread (task, status_thread);
}

static gboolean
status_finish (TdnTicketPrinter  *printer,
               GAsyncResult      *result,
               TdnPrinterStatus  *status,
               GError           **error)
{
  g_autofree Outcome *out = g_task_propagate_pointer (G_TASK (result), error);

  if (out == NULL)
    return FALSE;
  *status = out->status;
  return TRUE;
}

static void
tdn_hw_ticket_printer_iface_init (TdnTicketPrinterInterface *iface)
{
  iface->print_async = print_async;
  iface->print_finish = print_finish;
  iface->status_async = status_async;
  iface->status_finish = status_finish;
}

static void
tdn_hw_ticket_printer_finalize (GObject *object)
{
  TdnHwTicketPrinter *self = TDN_HW_TICKET_PRINTER (object);

  g_clear_pointer (&self->printer, tdn_printer_free);
  g_free (self->file_dir);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tdn_hw_ticket_printer_parent_class)->finalize (object);
}

static void
tdn_hw_ticket_printer_class_init (TdnHwTicketPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_hw_ticket_printer_finalize;
}

static void
tdn_hw_ticket_printer_init (TdnHwTicketPrinter *self)
{
  g_mutex_init (&self->lock);
}

TdnTicketPrinter *
tdn_hw_ticket_printer_new (TdnConfig  *config,
                           GError    **error)
{
  const char *uri = tdn_config_get_string (config, "printer", "uri");
  TdnPrinter *printer = tdn_printer_new (uri, (guint) tdn_config_get_int (config, "printer", "status_timeout_ms"),
                                         error);
  TdnHwTicketPrinter *self;

  if (printer == NULL)
    return NULL;
  self = g_object_new (TDN_TYPE_HW_TICKET_PRINTER, NULL);
  self->printer = printer;
  self->width_dots = tdn_ticket_width_for_paper ((int) g_ascii_strtoll (
                       tdn_config_get_string (config, "printer", "paper_width_mm"), NULL, 10));
  self->beep = tdn_config_get_bool (config, "printer", "buzzer");
  if (g_str_has_prefix (uri, "file://"))
    {
      g_autoptr(GUri) u = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

      self->file_dir = u != NULL ? g_strdup (g_uri_get_path (u)) : NULL;
    }
  return TDN_TICKET_PRINTER (self);
}

void
tdn_hw_ticket_printer_simulate (TdnHwTicketPrinter   *self,
                                TdnPrinterSimulation  simulation)
{
  g_return_if_fail (TDN_IS_HW_TICKET_PRINTER (self));
  g_mutex_lock (&self->lock);
  self->simulation = simulation;
  g_mutex_unlock (&self->lock);
}

char *
tdn_hw_ticket_printer_ticket_png (TdnHwTicketPrinter *self,
                                  const char         *visit_ref)
{
  g_autofree char *name = NULL;
  char *path;

  g_return_val_if_fail (TDN_IS_HW_TICKET_PRINTER (self), NULL);
  if (self->file_dir == NULL || visit_ref == NULL || strchr (visit_ref, '/') != NULL)
    return NULL;
  name = g_strdup_printf ("ticket-%s.png", visit_ref);
  path = g_build_filename (self->file_dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}
