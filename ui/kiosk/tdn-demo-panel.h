/* tdn-demo-panel.h — the demo's controls beside the patient's screen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only in tiepdon-kiosk --demo. Every button is one line of the kiosk's
 * control protocol (docs/cli.md, "kiosk send"): "place-card mai",
 * "pull-paper", "gateway down"…, run by tdn_kiosk_services_control(); the
 * answer shows in the panel. Next to the kiosk rather than in a second
 * window, because cage would show a second window over the kiosk.
 */
#pragma once

#include "tdn-kiosk-services.h"

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_DEMO_PANEL (tdn_demo_panel_get_type ())
G_DECLARE_FINAL_TYPE (TdnDemoPanel, tdn_demo_panel, TDN, DEMO_PANEL, GtkBox)

G_GNUC_WARN_UNUSED_RESULT
GtkWidget *tdn_demo_panel_new (TdnKioskServices *services);

G_END_DECLS
