/* tdn-kiosk-controller.h — connects the window with the check-in machine
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Taps go to TdnCheckin (only those tdn_checkin_can_tap() allows: other
 * buttons are hidden), and every ::changed re-renders the screen of the
 * current state from what TdnCheckin says. No transition is decided here.
 */
#pragma once

#include "tdn-checkin.h"
#include "tdn-kiosk-window.h"

G_BEGIN_DECLS

#define TDN_TYPE_KIOSK_CONTROLLER (tdn_kiosk_controller_get_type ())
G_DECLARE_FINAL_TYPE (TdnKioskController, tdn_kiosk_controller, TDN, KIOSK_CONTROLLER, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnKioskController *tdn_kiosk_controller_new        (TdnKioskWindow *window,
                                                     TdnCheckin     *checkin);
/* The picture of the ticket printed for a visit (a PNG file), or NULL. */
typedef char *(*TdnKioskTicketPngFunc) (const char *visit_id,
                                        gpointer    user_data);

/* Shows the printed ticket's picture on the done screen (demo mode: the
 * file printer's output). */
void                tdn_kiosk_controller_set_ticket_source (TdnKioskController    *self,
                                                            TdnKioskTicketPngFunc  func,
                                                            gpointer               user_data);

G_END_DECLS
