/* tdn-help-override.c — a nurse's change to a visit, with who, when and why
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-base.h"

#include "tdn-help-override.h"

static const char * const actions[] = {
  "accept_bhyt", "self_pay", "change_clinic", "change_priority", "reprint", "cancel", NULL
};

const char * const *
tdn_help_override_actions (void)
{
  return actions;
}

gboolean
tdn_help_override_action_is_valid (const char *action)
{
  return action != NULL && g_strv_contains (actions, action);
}

TdnHelpOverride *
tdn_help_override_new (void)
{
  return g_new0 (TdnHelpOverride, 1);
}

void
tdn_help_override_free (TdnHelpOverride *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->help_id);
  g_free (self->visit_ref);
  g_free (self->kiosk_id);
  g_free (self->action);
  g_clear_pointer (&self->old_value, json_node_unref);
  g_clear_pointer (&self->new_value, json_node_unref);
  g_free (self->reason);
  g_free (self->nurse);
  g_free (self->nurse_name);
  g_free (self->outcome);
  g_free (self->outcome_detail);
  g_free (self);
}

static void
add_object (JsonBuilder *b,
            const char  *name,
            JsonNode    *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_value (b, json_node_copy (value));
  else
    {
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }
}

JsonNode *
tdn_help_override_to_json (const TdnHelpOverride *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  tdn_json_add_string (b, "id", self->id);
  tdn_json_add_string (b, "help_id", self->help_id);
  tdn_json_add_string (b, "visit_ref", self->visit_ref);
  tdn_json_add_string (b, "kiosk_id", self->kiosk_id);
  tdn_json_add_string (b, "action", self->action);
  add_object (b, "old", self->old_value);
  add_object (b, "new", self->new_value);
  tdn_json_add_string (b, "reason", self->reason);
  tdn_json_add_string (b, "nurse", self->nurse);
  tdn_json_add_string (b, "nurse_name", self->nurse_name);
  tdn_json_add_time (b, "created_at", self->created_at);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, self->seq);
  json_builder_set_member_name (b, "applied");
  if (self->outcome == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      tdn_json_add_string (b, "outcome", self->outcome);
      json_builder_set_member_name (b, "revision");
      json_builder_add_int_value (b, self->applied_revision);
      tdn_json_add_string (b, "detail", self->outcome_detail);
      tdn_json_add_time (b, "at", self->acked_at);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
