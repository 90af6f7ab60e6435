/* tdn-override-changes.h — what a nurse's override changes in a visit
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure logic: an override as the broker sends it (docs/help-api.md) and
 * the visit as the spool holds it give the fields of the new revision and
 * the audit detail (who, when, old, new, why; card numbers masked).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tdn-spool.h"

G_BEGIN_DECLS

#define TDN_OVERRIDE_ERROR (tdn_override_error_quark ())

typedef enum {
  TDN_OVERRIDE_ERROR_INVALID,    /* the override cannot apply to this visit (never will) */
} TdnOverrideError;

GQuark tdn_override_error_quark (void);

/* The changes for the new revision (NULL with no error for an action that
 * changes no field: reprint). `clinic_valid` tells whether a clinic code
 * is configured here (NULL: any). */
TdnVisit *tdn_override_changes_for    (JsonObject      *override,
                                       const TdnVisit  *current,
                                       gboolean       (*clinic_valid) (const char *code, gpointer data),
                                       gpointer         data,
                                       GError         **error);
/* The audit row's detail: a JSON object with override_id, help_id, nurse,
 * nurse_name, at, reason, old and new (of the fields that change). */
char     *tdn_override_audit_detail   (JsonObject      *override,
                                       const TdnVisit  *current,
                                       const TdnVisit  *changes);

G_END_DECLS
