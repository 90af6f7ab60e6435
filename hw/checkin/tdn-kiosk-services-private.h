/* tdn-kiosk-services-private.h — the parts the control code drives
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-fixture-eligibility.h"
#include "tdn-kiosk-services.h"
#include "tdn-qr-reader.h"
#include "tdn-scanner.h"
#include "tdn-sim-card.h"

G_BEGIN_DECLS

typedef struct _TdnKioskControl TdnKioskControl;

struct _TdnKioskServices
{
  GObject                parent_instance;
  TdnConfig             *config;
  gboolean               demo;
  char                  *demo_dir;       /* private temporary directory, or NULL */
  TdnDemoPeople         *people;
  TdnEligibilityService *eligibility;
  TdnVisitStore         *store;
  TdnTicketPrinter      *printer;
  TdnHelpDesk           *help;
  TdnScanner            *scanner;
  TdnIdentityReader     *qr;
  TdnIdentityReader     *sim_card;
  TdnIdentityReader     *chip;      /* PC/SC chip reader (real mode) */
  TdnCheckin            *checkin;
  TdnKioskControl       *control;
};

/* tdn-kiosk-control.c */
TdnKioskControl *tdn_kiosk_control_new     (TdnKioskServices  *services,
                                            const char        *path,
                                            GError           **error);
void             tdn_kiosk_control_free    (TdnKioskControl   *control);
const char      *tdn_kiosk_control_get_path (TdnKioskControl  *control);
/* One line → one answer; `wait` answers later through `reply`. */
typedef void (*TdnKioskReplyFunc) (const char *answer,
                                   gpointer    user_data);
void             tdn_kiosk_control_run     (TdnKioskServices  *services,
                                            const char        *line,
                                            gsize              length,
                                            TdnKioskReplyFunc  reply,
                                            gpointer           user_data);

/* tdn-kiosk-report.c: "ok {json}" answers. */
char            *tdn_kiosk_report_state    (TdnKioskServices  *services) G_GNUC_WARN_UNUSED_RESULT;
char            *tdn_kiosk_report_people   (TdnKioskServices  *services) G_GNUC_WARN_UNUSED_RESULT;
char            *tdn_kiosk_report_clinics  (TdnKioskServices  *services) G_GNUC_WARN_UNUSED_RESULT;
char            *tdn_kiosk_report_help     (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
