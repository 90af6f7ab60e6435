/* tdn-override-changes.c — what a nurse's override changes in a visit
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-base.h"
#include "tdn-override-changes.h"
#include "tdn-priority.h"

G_DEFINE_QUARK (tdn-override-error-quark, tdn_override_error)

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static gboolean
bhyt_card_is_valid (const char *card)
{
  /* The 15-character BHYT card code (2 letters, 13 digits) or the 10-digit
   * social insurance number used on VNeID. */
  gsize n = card != NULL ? strlen (card) : 0;

  if (n == 10)
    {
      for (gsize i = 0; i < n; i++)
        if (!g_ascii_isdigit (card[i]))
          return FALSE;
      return TRUE;
    }
  if (n != 15 || !g_ascii_isalpha (card[0]) || !g_ascii_isalpha (card[1]))
    return FALSE;
  for (gsize i = 2; i < n; i++)
    if (!g_ascii_isdigit (card[i]))
      return FALSE;
  return TRUE;
}

static TdnVisit *
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, TDN_OVERRIDE_ERROR, TDN_OVERRIDE_ERROR_INVALID,
               _("The nurse's change cannot be applied: %s"), what);
  return NULL;
}

TdnVisit *
tdn_override_changes_for (JsonObject      *override,
                          const TdnVisit  *current,
                          gboolean       (*clinic_valid) (const char *code, gpointer data),
                          gpointer         data,
                          GError         **error)
{
  g_autoptr(TdnVisit) c = tdn_visit_new ();
  const char *action = member_string (override, "action");
  JsonObject *nv = member_object (override, "new");

  g_return_val_if_fail (override != NULL && current != NULL, NULL);

  if (g_strcmp0 (current->state, "cancelled") == 0 && g_strcmp0 (action, "reprint") != 0)
    return invalid (error, _("the visit was cancelled"));
  if (g_strcmp0 (action, "self_pay") == 0)
    c->payment = g_strdup ("self_pay");
  else if (g_strcmp0 (action, "accept_bhyt") == 0)
    {
      const char *card = member_string (nv, "card_number");
      const char *status = member_string (nv, "status");
      const char *code = member_string (nv, "code");

      if (card == NULL && current->bhyt_card == NULL)
        return invalid (error, _("no BHYT card number"));
      if (card != NULL && !bhyt_card_is_valid (card))
        return invalid (error, _("the BHYT card number is not 15 characters or 10 digits"));
      c->payment = g_strdup ("bhyt");
      c->bhyt_card = g_strdup (card);
      c->eligibility_status = g_strdup (status != NULL ? status : "eligible");
      c->eligibility_code = g_strdup (code);
    }
  else if (g_strcmp0 (action, "change_clinic") == 0)
    {
      const char *clinic = member_string (nv, "clinic");

      if (clinic == NULL || (clinic_valid != NULL && !clinic_valid (clinic, data)))
        return invalid (error, _("the clinic is not configured on this kiosk"));
      c->clinic = g_strdup (clinic);
    }
  else if (g_strcmp0 (action, "change_priority") == 0)
    {
      const char *priority = member_string (nv, "priority");
      TdnPriority p;

      if (!tdn_priority_from_string (priority, &p))
        return invalid (error, _("unknown priority"));
      c->priority = g_strdup (tdn_priority_to_string (p));
    }
  else if (g_strcmp0 (action, "cancel") == 0)
    c->state = g_strdup ("cancelled");
  else if (g_strcmp0 (action, "reprint") == 0)
    return NULL;
  else
    return invalid (error, _("unknown action"));
  return g_steal_pointer (&c);
}

/* Fields an override may change, with how the audit shows them. */
static void
add_fields (JsonBuilder    *b,
            const TdnVisit *v,
            const TdnVisit *which)
{
  const struct { const char *name; gsize offset; gboolean personal; } fields[] = {
    { "payment", G_STRUCT_OFFSET (TdnVisit, payment), FALSE },
    { "bhyt_card", G_STRUCT_OFFSET (TdnVisit, bhyt_card), TRUE },
    { "eligibility_status", G_STRUCT_OFFSET (TdnVisit, eligibility_status), FALSE },
    { "eligibility_code", G_STRUCT_OFFSET (TdnVisit, eligibility_code), FALSE },
    { "clinic", G_STRUCT_OFFSET (TdnVisit, clinic), FALSE },
    { "priority", G_STRUCT_OFFSET (TdnVisit, priority), FALSE },
    { "state", G_STRUCT_OFFSET (TdnVisit, state), FALSE },
  };

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *changed = which ? G_STRUCT_MEMBER (char *, which, fields[i].offset) : NULL;
      const char *value = G_STRUCT_MEMBER (char *, v, fields[i].offset);

      if (changed == NULL)
        continue;
      if (fields[i].personal && value != NULL)
        {
          /* The audit log is not sealed: card numbers only masked. */
          g_autofree char *masked = tdn_mask_id (value);
          tdn_json_add_string (b, fields[i].name, masked);
        }
      else
        tdn_json_add_string (b, fields[i].name, value);
    }
  json_builder_end_object (b);
}

char *
tdn_override_audit_detail (JsonObject      *override,
                           const TdnVisit  *current,
                           const TdnVisit  *changes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  tdn_json_add_string (b, "override_id", member_string (override, "id"));
  tdn_json_add_string (b, "help_id", member_string (override, "help_id"));
  tdn_json_add_string (b, "action", member_string (override, "action"));
  tdn_json_add_string (b, "nurse", member_string (override, "nurse"));
  tdn_json_add_string (b, "nurse_name", member_string (override, "nurse_name"));
  tdn_json_add_string (b, "at", member_string (override, "created_at"));
  tdn_json_add_string (b, "reason", member_string (override, "reason"));
  json_builder_set_member_name (b, "old");
  add_fields (b, current, changes);
  json_builder_set_member_name (b, "new");
  if (changes != NULL)
    add_fields (b, changes, changes);
  else
    {
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}
