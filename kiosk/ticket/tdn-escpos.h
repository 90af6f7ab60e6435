/* tdn-escpos.h — ESC/POS bytes for a raster ticket, and printer status
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ESC @, the raster in GS v 0 bands of at most 255 rows, feed, partial
 * cut (GS V 66), an optional beep; DLE EOT n status queries and their
 * answers (paper near end 0x0C, paper out 0x60 for n = 4).
 */
#pragma once

#include "tdn-ticket.h"

G_BEGIN_DECLS

typedef struct {
  gboolean known;          /* the printer answered */
  gboolean online;
  gboolean cover_open;
  gboolean paper_near_end;
  gboolean paper_out;
  gboolean error;          /* cutter jam, unrecoverable error */
} TdnPrinterStatus;

#define TDN_ESCPOS_MAX_BAND 255

GBytes  *tdn_escpos_encode_ticket (const TdnRaster *raster,
                                   gboolean         beep);
/* The query for status `n` (1 printer, 2 offline cause, 3 error, 4 paper). */
void     tdn_escpos_status_query  (guint8           n,
                                   guint8           out[3]);
/* Folds the answer byte to query `n` into `status`; FALSE when the byte
 * cannot be an answer (bits 1 and 4 must be 1, bits 0 and 7 must be 0). */
gboolean tdn_escpos_parse_status  (guint8            n,
                                   guint8            answer,
                                   TdnPrinterStatus *status);
/* "ok", "paper_near_end", "paper_out", "cover_open", "offline", "error",
 * "unknown": the worst first. */
const char *tdn_printer_status_to_string (const TdnPrinterStatus *status);

G_END_DECLS
