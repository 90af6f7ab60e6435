/* tdn-desk-text.h — words and choices the desk's widgets share
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "tdn-eligibility.h"

G_BEGIN_DECLS

/* "5 min", "1 h 05 min" from an ISO 8601 time to now. */
char       *tdn_desk_format_waiting   (const char            *since_iso);
/* The request's reason in the interface's language. */
const char *tdn_desk_request_reason   (JsonObject            *request);
/* One line of a request's audit trail: time, nurse, what, why, and what
 * the kiosk did with it. */
char       *tdn_desk_describe_override (JsonObject          *override);
/* A lookup's answer for the nurse: message (code). */
char       *tdn_desk_eligibility_text (const TdnEligibility  *eligibility);
/* Fills `drop` with the clinics of `config` (names in the interface's
 * language) or the priority classes; `codes` gets the code of each row. */
void        tdn_desk_fill_clinics     (GtkDropDown           *drop,
                                       TdnConfig             *config,
                                       GPtrArray             *codes);
void        tdn_desk_fill_priorities  (GtkDropDown           *drop,
                                       GPtrArray             *codes);

G_END_DECLS
