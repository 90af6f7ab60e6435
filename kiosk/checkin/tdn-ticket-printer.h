/* tdn-ticket-printer.h — prints one ticket, says whether paper is there
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real implementation renders with kiosk/ticket and prints through
 * hw/printer (status before and after, never a retry). A failed print
 * says whether the ticket may have come out (UNCERTAIN) or surely did not.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-escpos.h"
#include "tdn-ticket.h"

G_BEGIN_DECLS

#define TDN_TICKET_PRINTER_ERROR (tdn_ticket_printer_error_quark ())
GQuark tdn_ticket_printer_error_quark (void);

typedef enum {
  TDN_TICKET_PRINTER_ERROR_PAPER_OUT,     /* nothing printed: no paper */
  TDN_TICKET_PRINTER_ERROR_UNAVAILABLE,   /* nothing printed: offline, cover, unplugged */
  TDN_TICKET_PRINTER_ERROR_UNCERTAIN,     /* the ticket may be out: never print again */
  TDN_TICKET_PRINTER_ERROR_RENDER,        /* the ticket could not be drawn */
} TdnTicketPrinterError;

#define TDN_TYPE_TICKET_PRINTER (tdn_ticket_printer_get_type ())
G_DECLARE_INTERFACE (TdnTicketPrinter, tdn_ticket_printer, TDN, TICKET_PRINTER, GObject)

struct _TdnTicketPrinterInterface
{
  GTypeInterface parent_iface;

  void     (*print_async)   (TdnTicketPrinter    *self,
                             const TdnTicket     *ticket,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*print_finish)  (TdnTicketPrinter  *self,
                             GAsyncResult      *result,
                             TdnPrinterStatus  *after,
                             GError           **error);
  void     (*status_async)  (TdnTicketPrinter    *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*status_finish) (TdnTicketPrinter  *self,
                             GAsyncResult      *result,
                             TdnPrinterStatus  *status,
                             GError           **error);
};

/* `ticket` and what it points to are copied before this returns. */
void     tdn_ticket_printer_print_async   (TdnTicketPrinter    *self,
                                           const TdnTicket     *ticket,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* TRUE when the ticket is out; `after` (may be NULL) the status after. */
gboolean tdn_ticket_printer_print_finish  (TdnTicketPrinter  *self,
                                           GAsyncResult      *result,
                                           TdnPrinterStatus  *after,
                                           GError           **error);
void     tdn_ticket_printer_status_async  (TdnTicketPrinter    *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean tdn_ticket_printer_status_finish (TdnTicketPrinter  *self,
                                           GAsyncResult      *result,
                                           TdnPrinterStatus  *status,
                                           GError           **error);

G_END_DECLS
