/* tdn-desk-override-dialog.h — one nurse's decision, with the reason
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "tdn-base.h"
#include "tdn-eligibility-client.h"

G_BEGIN_DECLS

#define TDN_TYPE_DESK_OVERRIDE_DIALOG (tdn_desk_override_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskOverrideDialog, tdn_desk_override_dialog, TDN, DESK_OVERRIDE_DIALOG, GtkWindow)

/* `action`: an override action of docs/help-api.md, or "resolve".
 * `request` gives the old values; `eligibility` re-runs the lookup for
 * accept_bhyt. Emits
 * ::confirmed (JsonNode *body) with the body to POST: for an override
 * {"action","old","new","reason"}, for resolve {"resolution"}. `config`
 * gives the clinics for change_clinic. */
TdnDeskOverrideDialog *tdn_desk_override_dialog_new (GtkWindow            *parent,
                                                     const char           *action,
                                                     JsonObject           *request,
                                                     TdnConfig            *config,
                                                     TdnEligibilityClient *eligibility);
/* The broker refused: show why and let the nurse try again. */
void tdn_desk_override_dialog_failed (TdnDeskOverrideDialog *self,
                                      const char            *message);

G_END_DECLS
