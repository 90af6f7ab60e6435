/* tdn-printer.h — the ticket printer: file, TCP 9100, /dev/usb/lp* or CUPS
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One call prints one ticket: status before (no paper: nothing is sent),
 * the ESC/POS bytes, status after. It never retries by itself — a ticket
 * that may have come out must not come out twice — so a failure is for
 * the caller to turn into a "reprint" request for the desk. Calls block;
 * run them in a worker thread (GTask).
 */
#pragma once

#include <gio/gio.h>

#include "tdn-escpos.h"

G_BEGIN_DECLS

#define TDN_PRINTER_ERROR (tdn_printer_error_quark ())

typedef enum {
  TDN_PRINTER_ERROR_URI,          /* bad printer address */
  TDN_PRINTER_ERROR_UNREACHABLE,  /* cannot connect or open */
  TDN_PRINTER_ERROR_NO_ANSWER,    /* no status answer in time */
  TDN_PRINTER_ERROR_PAPER_OUT,    /* nothing was printed */
  TDN_PRINTER_ERROR_COVER_OPEN,   /* nothing was printed */
  TDN_PRINTER_ERROR_UNCERTAIN,    /* the ticket may or may not be out */
  TDN_PRINTER_ERROR_NOT_READY,    /* offline or in error: nothing was printed */
} TdnPrinterError;

GQuark tdn_printer_error_quark (void);

typedef struct _TdnPrinter TdnPrinter;

/* file:///DIR, tcp://HOST[:9100], usb:///dev/usb/lp0, cups://QUEUE or
 * cups://HOST[:PORT]/QUEUE (a raw queue) */
TdnPrinter *tdn_printer_new           (const char        *uri,
                                       guint              timeout_ms,
                                       GError           **error);
void        tdn_printer_free          (TdnPrinter        *printer);
gboolean    tdn_printer_query_status  (TdnPrinter        *printer,
                                       TdnPrinterStatus  *status,
                                       GError           **error);
gboolean    tdn_printer_print         (TdnPrinter        *printer,
                                       const TdnRaster   *raster,
                                       gboolean           beep,
                                       const char        *reference,
                                       TdnPrinterStatus  *after,
                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnPrinter, tdn_printer_free)

G_END_DECLS
