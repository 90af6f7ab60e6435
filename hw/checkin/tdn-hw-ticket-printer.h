/* tdn-hw-ticket-printer.h — the check-in's ticket printer on hw/printer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TdnTicketPrinter that renders the ticket with kiosk/ticket at the paper
 * width of [printer] paper_width_mm and prints it with hw/printer (status
 * before and after, never a retry), in a worker thread. A demo kiosk can
 * pretend the paper ran out or the printer went offline
 * (tdn_hw_ticket_printer_simulate), on top of the file printer.
 */
#pragma once

#include "tdn-config.h"
#include "tdn-printer.h"
#include "tdn-ticket-printer.h"

G_BEGIN_DECLS

#define TDN_TYPE_HW_TICKET_PRINTER (tdn_hw_ticket_printer_get_type ())
G_DECLARE_FINAL_TYPE (TdnHwTicketPrinter, tdn_hw_ticket_printer, TDN, HW_TICKET_PRINTER, GObject)

typedef enum {
  TDN_PRINTER_SIMULATION_NONE,      /* the device says */
  TDN_PRINTER_SIMULATION_PAPER_OUT,
  TDN_PRINTER_SIMULATION_OFFLINE,
  TDN_PRINTER_SIMULATION_UNCERTAIN, /* the next print "may have" printed */
} TdnPrinterSimulation;

/* [printer] uri, paper_width_mm, buzzer, status_timeout_ms. */
TdnTicketPrinter *tdn_hw_ticket_printer_new      (TdnConfig           *config,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Demo and tests: what the printer pretends. */
void              tdn_hw_ticket_printer_simulate (TdnHwTicketPrinter   *self,
                                                  TdnPrinterSimulation  simulation);
/* The PNG a file printer wrote for `visit_ref`, or NULL (other printers,
 * nothing printed yet). */
char             *tdn_hw_ticket_printer_ticket_png (TdnHwTicketPrinter *self,
                                                    const char         *visit_ref) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
