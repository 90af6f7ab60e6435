/* tdn-wedge-scanner.h — a scanner that types like a USB keyboard
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the scanner's own input device (/dev/input/event*, grabbed so its
 * keystrokes reach no window) and turns US-layout key codes back into
 * ASCII, Enter ending a payload. A keyboard cannot type Vietnamese: UTF-8
 * text (CCCD names) is lost on the way, so this mode suits ASCII payloads
 * such as the BHYT card QR (hex names). docs/scanners.md explains.
 */
#pragma once

#include "tdn-scanner.h"

G_BEGIN_DECLS

#define TDN_TYPE_WEDGE_SCANNER (tdn_wedge_scanner_get_type ())
G_DECLARE_FINAL_TYPE (TdnWedgeScanner, tdn_wedge_scanner, TDN, WEDGE_SCANNER, TdnScanner)

TdnScanner *tdn_wedge_scanner_new (const char *device);

/* The ASCII a US keyboard gives for `code` (a Linux KEY_* value), or 0. */
char        tdn_wedge_key_to_ascii (guint    code,
                                    gboolean shift);

G_END_DECLS
