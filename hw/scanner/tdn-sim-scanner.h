/* tdn-sim-scanner.h — a scanner the demo and tests drive by hand
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-scanner.h"

G_BEGIN_DECLS

#define TDN_TYPE_SIM_SCANNER (tdn_sim_scanner_get_type ())
G_DECLARE_FINAL_TYPE (TdnSimScanner, tdn_sim_scanner, TDN, SIM_SCANNER, TdnScanner)

TdnScanner *tdn_sim_scanner_new    (void);
/* As if the scanner had read `payload` (raw bytes, any content). */
void        tdn_sim_scanner_scan   (TdnSimScanner *self,
                                    GBytes        *payload);
/* As if the scanner were unplugged or plugged back. */
void        tdn_sim_scanner_plug   (TdnSimScanner *self,
                                    gboolean       plugged);

G_END_DECLS
