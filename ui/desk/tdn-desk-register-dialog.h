/* tdn-desk-register-dialog.h — register a patient who skipped the kiosk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdn-desk-registration.h"
#include "tdn-eligibility-client.h"
#include "tdn-scanner.h"

G_BEGIN_DECLS

#define TDN_TYPE_DESK_REGISTER_DIALOG (tdn_desk_register_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskRegisterDialog, tdn_desk_register_dialog, TDN, DESK_REGISTER_DIALOG, GtkWindow)

/* `spool`: the desk's own; `scanner` (may be NULL): the desk's QR scanner,
 * listened to while the dialog is open; `lookup` (may be NULL) checks
 * BHYT at BHXH through the broker. */
TdnDeskRegisterDialog *tdn_desk_register_dialog_new (GtkWindow            *parent,
                                                     TdnConfig            *config,
                                                     TdnSpool             *spool,
                                                     const char           *nurse,
                                                     TdnScanner           *scanner,
                                                     TdnEligibilityClient *lookup);

/* Fills the form from an identity read elsewhere: the QR scanner does it
 * here; a desk chip reader (hw/reader) calls this with the chip's
 * identity and its assurance level ("chip", "chip+pa", …). */
void tdn_desk_register_dialog_set_identity (TdnDeskRegisterDialog *self,
                                            const TdnIdentity     *identity,
                                            const char            *assurance);

G_END_DECLS
