/* tdn-ticket-printer.c — the interface of the ticket printer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

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
