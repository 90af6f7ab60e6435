/* tdn-printer-cups.h — a CUPS raw queue as the ticket printer (internal)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Through the CUPS command-line clients (lp, lpstat), so no libcups is
 * needed. A raw queue passes the ESC/POS bytes through untouched but gives
 * no DLE EOT answers back: the status is the queue's state and its
 * printer-state-reasons (media-empty, cover-open, offline…), as far as the
 * CUPS backend reports them. Raw queues are deprecated in CUPS 2.4; a
 * direct usb:// or tcp:// printer is preferred (his-printing-platform §3).
 */
#pragma once

#include "tdn-escpos.h"

G_BEGIN_DECLS

/* `server` is "HOST[:PORT]" or NULL for the local CUPS. */
gboolean tdn_printer_cups_status (const char        *server,
                                  const char        *queue,
                                  TdnPrinterStatus  *status,
                                  GError           **error);
gboolean tdn_printer_cups_submit (const char        *server,
                                  const char        *queue,
                                  const char        *title,
                                  GBytes            *job,
                                  GError           **error);

G_END_DECLS
