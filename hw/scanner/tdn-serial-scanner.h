/* tdn-serial-scanner.h — a QR scanner in USB CDC-ACM (virtual COM) mode
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-scanner.h"

G_BEGIN_DECLS

typedef enum {
  TDN_SERIAL_FRAMING_ANY,    /* CR, LF or CR LF; also a pause of 150 ms */
  TDN_SERIAL_FRAMING_CR,
  TDN_SERIAL_FRAMING_LF,
  TDN_SERIAL_FRAMING_CRLF,
} TdnSerialFraming;

#define TDN_TYPE_SERIAL_SCANNER (tdn_serial_scanner_get_type ())
G_DECLARE_FINAL_TYPE (TdnSerialScanner, tdn_serial_scanner, TDN, SERIAL_SCANNER, TdnScanner)

/* FALSE with an error for a speed termios does not know. */
TdnScanner *tdn_serial_scanner_new  (const char        *device,
                                     guint              baud,
                                     TdnSerialFraming   framing,
                                     GError           **error);
gboolean    tdn_serial_framing_parse (const char       *text,
                                      TdnSerialFraming *out);

G_END_DECLS
