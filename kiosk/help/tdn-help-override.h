/* tdn-help-override.h — a nurse's change to a visit, with who, when and why
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  char     *id;          /* UUID */
  char     *help_id;
  char     *visit_ref;
  char     *kiosk_id;
  char     *action;      /* one of tdn_help_override_actions() */
  JsonNode *old_value;   /* object */
  JsonNode *new_value;   /* object */
  char     *reason;
  char     *nurse;       /* login */
  char     *nurse_name;
  gint64    created_at;  /* µs since the epoch */
  gint64    seq;
  /* What the owning kiosk reported (NULL outcome: not yet). */
  char     *outcome;     /* "applied" or "rejected" */
  int       applied_revision;
  char     *outcome_detail;
  gint64    acked_at;    /* µs since the epoch */
} TdnHelpOverride;

TdnHelpOverride    *tdn_help_override_new        (void);
void                tdn_help_override_free       (TdnHelpOverride *self);
const char * const *tdn_help_override_actions    (void);
gboolean            tdn_help_override_action_is_valid (const char *action);
JsonNode           *tdn_help_override_to_json    (const TdnHelpOverride *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnHelpOverride, tdn_help_override_free)

G_END_DECLS
