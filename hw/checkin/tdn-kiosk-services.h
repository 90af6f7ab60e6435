/* tdn-kiosk-services.h — everything a kiosk's check-in talks to, from tiepdon.conf
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One call gives tiepdon-kiosk its TdnCheckin wired to the services:
 *
 *   real:  spool + queue ([spool], [queue], [clinic X]), the broker for
 *          eligibility and help ([eligibility]; none configured or its
 *          token unreadable: tickets say "BHYT being checked", logged),
 *          the [printer], the [scanner] through
 *          the QR reader, the PC/SC chip reader ([reader] enabled;
 *          tdn_kiosk_services_add_chip_reader()).
 *   demo:  the same, with a simulated card reading the demo patients of
 *          people.json, the simulated scanner, eligibility from the broker
 *          when [eligibility] broker_url is set (tools/demo starts one with
 *          the BHXH simulator) or else in-process from people.json, the
 *          [printer] (tools/demo: a file printer) with simulated paper, and
 *          a control socket (tdn_kiosk_services_start_control()).
 *
 * A demo without a configuration still works: clinics, spool and printer
 * directory are filled in (a private temporary directory) when missing.
 */
#pragma once

#include "tdn-checkin.h"
#include "tdn-demo-people.h"
#include "tdn-hw-ticket-printer.h"

G_BEGIN_DECLS

#define TDN_TYPE_KIOSK_SERVICES (tdn_kiosk_services_get_type ())
G_DECLARE_FINAL_TYPE (TdnKioskServices, tdn_kiosk_services, TDN, KIOSK_SERVICES, GObject)

/* NULL with an error that says what to fix (spool, printer, scanner). */
G_GNUC_WARN_UNUSED_RESULT
TdnKioskServices *tdn_kiosk_services_new           (TdnConfig          *config,
                                                    gboolean            demo,
                                                    GError            **error);
TdnCheckin       *tdn_kiosk_services_get_checkin   (TdnKioskServices   *self);
TdnConfig        *tdn_kiosk_services_get_config    (TdnKioskServices   *self);
gboolean          tdn_kiosk_services_is_demo       (TdnKioskServices   *self);
/* A chip reader (hw/reader) or any other identity source. */
gboolean          tdn_kiosk_services_add_reader    (TdnKioskServices   *self,
                                                    TdnIdentityReader  *reader,
                                                    GError            **error);

/* The PC/SC chip reader of [reader] (hw/reader), keyed by the identity the
 * QR or the keypad gave. A real kiosk has it when [reader] enabled; a demo
 * kiosk gets it beside its simulated card with this call (the end-to-end
 * test's chip kiosk, on pcscd + vpcd). Adding it twice does nothing. */
gboolean          tdn_kiosk_services_add_chip_reader (TdnKioskServices *self,
                                                      GError          **error);

/* Demo only (NULL/FALSE otherwise). */
TdnDemoPeople    *tdn_kiosk_services_get_people    (TdnKioskServices   *self);
/* Listens on `path` (NULL: $TIEPDON_KIOSK_CONTROL, else
 * <state_dir>/kiosk-control.sock), mode 0600. */
gboolean          tdn_kiosk_services_start_control (TdnKioskServices   *self,
                                                    const char         *path,
                                                    GError            **error);
const char       *tdn_kiosk_services_get_control_path (TdnKioskServices *self);
/* Runs one control line (docs/cli.md, "kiosk send") and gives the answer
 * line ("ok …" / "error …"); for a demo control window. `wait` is
 * refused here (it needs the socket). */
char             *tdn_kiosk_services_control       (TdnKioskServices   *self,
                                                    const char         *line) G_GNUC_WARN_UNUSED_RESULT;
/* The picture of the ticket printed for `visit_id` (file printer), or NULL. */
char             *tdn_kiosk_services_ticket_png    (TdnKioskServices   *self,
                                                    const char         *visit_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
