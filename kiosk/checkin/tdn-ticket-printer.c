/* tdn-ticket-printer.c — the interface of the ticket printer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-ticket-printer.h"

G_DEFINE_QUARK (tdn-ticket-printer-error-quark, tdn_ticket_printer_error)
G_DEFINE_INTERFACE (TdnTicketPrinter, tdn_ticket_printer, G_TYPE_OBJECT)

static void
tdn_ticket_printer_default_init (TdnTicketPrinterInterface *iface)
{
}

void
tdn_ticket_printer_print_async (TdnTicketPrinter    *self,
                                const TdnTicket     *ticket,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TDN_IS_TICKET_PRINTER (self));
  g_return_if_fail (ticket != NULL);
  TDN_TICKET_PRINTER_GET_IFACE (self)->print_async (self, ticket, cancellable, callback, user_data);
}

gboolean
tdn_ticket_printer_print_finish (TdnTicketPrinter  *self,
                                 GAsyncResult      *result,
                                 TdnPrinterStatus  *after,
                                 GError           **error)
{
  TdnPrinterStatus ignored;

  g_return_val_if_fail (TDN_IS_TICKET_PRINTER (self), FALSE);
  return TDN_TICKET_PRINTER_GET_IFACE (self)->print_finish (self, result,
                                                            after != NULL ? after : &ignored,
                                                            error);
}

void
tdn_ticket_printer_status_async (TdnTicketPrinter    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (TDN_IS_TICKET_PRINTER (self));
  TDN_TICKET_PRINTER_GET_IFACE (self)->status_async (self, cancellable, callback, user_data);
}

gboolean
tdn_ticket_printer_status_finish (TdnTicketPrinter  *self,
                                  GAsyncResult      *result,
                                  TdnPrinterStatus  *status,
                                  GError           **error)
{
  g_return_val_if_fail (TDN_IS_TICKET_PRINTER (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  return TDN_TICKET_PRINTER_GET_IFACE (self)->status_finish (self, result, status, error);
}

TdnTicket *
tdn_ticket_copy (const TdnTicket *ticket)
{
  TdnTicket *copy;

  g_return_val_if_fail (ticket != NULL, NULL);
  copy = g_new0 (TdnTicket, 1);
  copy->hospital_name = g_strdup (ticket->hospital_name);
  copy->clinic_name = g_strdup (ticket->clinic_name);
  copy->room = g_strdup (ticket->room);
  copy->location = g_strdup (ticket->location);
  copy->number = g_strdup (ticket->number);
  copy->priority = g_strdup (ticket->priority);
  copy->patient_name = g_strdup (ticket->patient_name);
  copy->bhyt = ticket->bhyt;
  copy->time = ticket->time != NULL ? g_date_time_ref (ticket->time) : NULL;
  copy->visit_ref = g_strdup (ticket->visit_ref);
  copy->language = g_strdup (ticket->language);
  copy->footer = g_strdup (ticket->footer);
  copy->font = g_strdup (ticket->font);
  return copy;
}

static void
free_wiped (const char *s)
{
  char *p = (char *) s;

  if (p != NULL)
    explicit_bzero (p, strlen (p));
  g_free (p);
}

/* Frees a copy made by tdn_ticket_copy(); the patient's name and the
 * visit reference are overwritten first. */
void
tdn_ticket_free (TdnTicket *ticket)
{
  if (ticket == NULL)
    return;
  free_wiped (ticket->hospital_name);
  free_wiped (ticket->clinic_name);
  free_wiped (ticket->room);
  free_wiped (ticket->location);
  free_wiped (ticket->number);
  free_wiped (ticket->priority);
  free_wiped (ticket->patient_name);
  g_clear_pointer (&ticket->time, g_date_time_unref);
  free_wiped (ticket->visit_ref);
  free_wiped (ticket->language);
  free_wiped (ticket->footer);
  free_wiped (ticket->font);
  g_free (ticket);
}
