/* tdn-scanner.h — a QR scanner: payloads in, on the main context
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backends subclass TdnScanner and call tdn_scanner_deliver() with each
 * payload's raw bytes (from any thread); the base class drops a payload
 * equal to the previous one within the duplicate window and emits
 * ::payload-scanned on the main context the scanner was created in.
 * ::status-changed reports "connected"/"disconnected" with a reason, so
 * the kiosk can show "scanner not working" and recover by itself.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TDN_SCANNER_ERROR (tdn_scanner_error_quark ())

typedef enum {
  TDN_SCANNER_ERROR_OPEN,        /* device missing or not allowed */
  TDN_SCANNER_ERROR_CONFIG,      /* bad speed, framing, backend */
  TDN_SCANNER_ERROR_UNSUPPORTED, /* built without this backend */
  TDN_SCANNER_ERROR_IMAGE,       /* no code in an image */
} TdnScannerError;

GQuark tdn_scanner_error_quark (void);

#define TDN_TYPE_SCANNER (tdn_scanner_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdnScanner, tdn_scanner, TDN, SCANNER, GObject)

struct _TdnScannerClass
{
  GObjectClass parent_class;

  gboolean (*start) (TdnScanner *self,
                     GError    **error);
  void     (*stop)  (TdnScanner *self);
};

gboolean    tdn_scanner_start          (TdnScanner  *self,
                                        GError     **error);
void        tdn_scanner_stop           (TdnScanner  *self);
gboolean    tdn_scanner_is_connected   (TdnScanner  *self);
/* Payloads equal to the last one within this time are dropped (0: none). */
void        tdn_scanner_set_duplicate_window_ms (TdnScanner *self,
                                                 guint       ms);
/* How many payloads the duplicate guard dropped (tests, diagnostics). */
guint       tdn_scanner_get_dropped    (TdnScanner  *self);

/* For backends: callable from any thread. */
void        tdn_scanner_deliver        (TdnScanner  *self,
                                        GBytes      *payload);
void        tdn_scanner_set_connected  (TdnScanner  *self,
                                        gboolean     connected,
                                        const char  *reason);

G_END_DECLS
