/* tdn-help-request.c — a patient who needs the desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-base.h"
#include "tdn-help-request.h"
#include "tdn-help-store.h"

#define MAX_TEXT 512
#define MAX_PHOTO (256 * 1024)

static const struct {
  const char *code;
  const char *words;   /* English msgid */
} reasons[] = {
  { "expired_card", N_("BHYT card expired") },
  { "not_eligible", N_("BHYT not valid") },
  { "input_mismatch", N_("Name or date of birth differs from BHYT records") },
  { "eligibility_warning", N_("BHYT valid, check card and ID") },
  { "eligibility_unavailable", N_("BHYT could not be checked") },
  { "card_unreadable", N_("Card could not be read") },
  { "reader_missing", N_("Card reader not working") },
  { "identity_check", N_("Identity needs checking") },
  { "priority_declared", N_("Patient declared a priority") },
  { "clinic_full", N_("Chosen clinic is full") },
  { "printer_error", N_("Ticket not printed") },
  { "reprint", N_("Ticket needs reprinting") },
  { "spool_error", N_("Visit could not be saved") },
  { "manual_entry", N_("Patient typed their details") },
  { "patient_request", N_("Patient asked for help") },
  { "his_delivery_failed", N_("Visit not accepted by the hospital system") },
};

const char * const *
tdn_help_reasons (void)
{
  static const char *codes[G_N_ELEMENTS (reasons) + 1];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
        codes[i] = reasons[i].code;
      g_once_init_leave (&once, 1);
    }
  return codes;
}

gboolean
tdn_help_reason_is_valid (const char *reason)
{
  return reason != NULL && g_strv_contains (tdn_help_reasons (), reason);
}

const char *
tdn_help_reason_describe (const char *reason,
                          const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reasons[i].code, reason) == 0)
      return tdn_i18n_translate (lang, reasons[i].words);
  return reason;
}

const char *
tdn_help_state_to_string (TdnHelpState state)
{
  switch (state)
    {
    case TDN_HELP_STATE_OPEN: return "open";
    case TDN_HELP_STATE_CLAIMED: return "claimed";
    case TDN_HELP_STATE_RESOLVED: return "resolved";
    default: g_return_val_if_reached ("open");
    }
}

gboolean
tdn_help_state_from_string (const char   *text,
                            TdnHelpState *state)
{
  for (int s = TDN_HELP_STATE_OPEN; s <= TDN_HELP_STATE_RESOLVED; s++)
    if (g_strcmp0 (text, tdn_help_state_to_string (s)) == 0)
      {
        *state = s;
        return TRUE;
      }
  return FALSE;
}

TdnHelpRequest *
tdn_help_request_new (void)
{
  TdnHelpRequest *self = g_new0 (TdnHelpRequest, 1);

  self->age_years = -1;
  self->state = TDN_HELP_STATE_OPEN;
  return self;
}

void
tdn_help_request_free (TdnHelpRequest *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->visit_ref);
  g_free (self->kiosk_id);
  g_free (self->reason);
  g_free (self->ticket_number);
  g_free (self->language);
  g_free (self->masked_name);
  g_free (self->masked_id);
  g_free (self->assurance);
  g_clear_pointer (&self->eligibility, json_node_unref);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_free (self->claimed_by);
  g_free (self->resolved_by);
  g_free (self->resolution);
  g_free (self);
}

TdnHelpRequest *
tdn_help_request_copy (const TdnHelpRequest *self)
{
  TdnHelpRequest *c = g_memdup2 (self, sizeof *self);

  c->id = g_strdup (self->id);
  c->visit_ref = g_strdup (self->visit_ref);
  c->kiosk_id = g_strdup (self->kiosk_id);
  c->reason = g_strdup (self->reason);
  c->ticket_number = g_strdup (self->ticket_number);
  c->language = g_strdup (self->language);
  c->masked_name = g_strdup (self->masked_name);
  c->masked_id = g_strdup (self->masked_id);
  c->assurance = g_strdup (self->assurance);
  c->eligibility = self->eligibility ? json_node_copy (self->eligibility) : NULL;
  c->photo = self->photo ? g_bytes_ref (self->photo) : NULL;
  c->claimed_by = g_strdup (self->claimed_by);
  c->resolved_by = g_strdup (self->resolved_by);
  c->resolution = g_strdup (self->resolution);
  return c;
}

JsonNode *
tdn_help_request_to_json (const TdnHelpRequest *self,
                          gboolean              with_photo)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  tdn_json_add_string (b, "id", self->id);
  tdn_json_add_string (b, "visit_ref", self->visit_ref);
  tdn_json_add_string (b, "kiosk_id", self->kiosk_id);
  tdn_json_add_string (b, "reason", self->reason);
  tdn_json_add_string (b, "reason_vi", tdn_help_reason_describe (self->reason, "vi"));
  tdn_json_add_string (b, "reason_en", tdn_help_reason_describe (self->reason, "en"));
  tdn_json_add_string (b, "ticket_number", self->ticket_number);
  tdn_json_add_string (b, "language", self->language);
  tdn_json_add_string (b, "masked_name", self->masked_name);
  tdn_json_add_string (b, "masked_id", self->masked_id);
  json_builder_set_member_name (b, "age_years");
  if (self->age_years >= 0)
    json_builder_add_int_value (b, self->age_years);
  else
    json_builder_add_null_value (b);
  tdn_json_add_string (b, "assurance", self->assurance);
  json_builder_set_member_name (b, "eligibility");
  if (self->eligibility != NULL)
    json_builder_add_value (b, json_node_copy (self->eligibility));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "has_photo");
  json_builder_add_boolean_value (b, self->photo != NULL);
  if (with_photo && self->photo != NULL)
    {
      gsize len;
      const guint8 *data = g_bytes_get_data (self->photo, &len);
      g_autofree char *b64 = g_base64_encode (data, len);

      tdn_json_add_string (b, "photo_jpeg", b64);
    }
  tdn_json_add_string (b, "state", tdn_help_state_to_string (self->state));
  tdn_json_add_string (b, "claimed_by", self->claimed_by);
  tdn_json_add_string (b, "resolved_by", self->resolved_by);
  tdn_json_add_string (b, "resolution", self->resolution);
  tdn_json_add_time (b, "created_at", self->created_at);
  tdn_json_add_time (b, "claimed_at", self->claimed_at);
  tdn_json_add_time (b, "resolved_at", self->resolved_at);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, self->seq);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
get_text (JsonObject  *o,
          const char  *name,
          gboolean     required,
          char       **out,
          GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);
  const char *s;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (required)
        {
          g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID, "“%s” is required", name);
          return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID, "“%s” must be a string", name);
      return FALSE;
    }
  s = json_node_get_string (n);
  if (strlen (s) > MAX_TEXT || !g_utf8_validate (s, -1, NULL))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                   "“%s” is too long or not UTF-8", name);
      return FALSE;
    }
  *out = g_strdup (s);
  return TRUE;
}

TdnHelpRequest *
tdn_help_request_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(TdnHelpRequest) r = tdn_help_request_new ();
  JsonObject *o;
  JsonNode *n;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                           "a help request is a JSON object");
      return NULL;
    }
  o = json_node_get_object (node);
  if (!get_text (o, "kiosk_id", TRUE, &r->kiosk_id, error) ||
      !get_text (o, "reason", TRUE, &r->reason, error) ||
      !get_text (o, "visit_ref", FALSE, &r->visit_ref, error) ||
      !get_text (o, "ticket_number", FALSE, &r->ticket_number, error) ||
      !get_text (o, "language", FALSE, &r->language, error) ||
      !get_text (o, "masked_name", FALSE, &r->masked_name, error) ||
      !get_text (o, "masked_id", FALSE, &r->masked_id, error) ||
      !get_text (o, "assurance", FALSE, &r->assurance, error))
    return NULL;
  if (!tdn_help_reason_is_valid (r->reason))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID, "unknown reason “%s”", r->reason);
      return NULL;
    }
  if (r->visit_ref != NULL && !tdn_uuid_is_valid (r->visit_ref))
    {
      g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                           "“visit_ref” must be a UUID");
      return NULL;
    }
  /* A kiosk sends masked values; refuse anything that looks unmasked. */
  if (r->masked_id != NULL && strchr (r->masked_id, '*') == NULL && *r->masked_id != '\0')
    {
      g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                           "“masked_id” must be masked");
      return NULL;
    }
  n = json_object_get_member (o, "age_years");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64)
    r->age_years = (int) CLAMP (json_node_get_int (n), -1, 150);
  n = json_object_get_member (o, "eligibility");
  if (n != NULL && JSON_NODE_HOLDS_OBJECT (n))
    r->eligibility = json_node_copy (n);
  n = json_object_get_member (o, "photo_jpeg");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    {
      const char *b64 = json_node_get_string (n);
      gsize len = 0;
      guchar *jpeg;

      if (strlen (b64) > MAX_PHOTO * 4 / 3 + 4)
        {
          g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID, "photo too large");
          return NULL;
        }
      jpeg = g_base64_decode (b64, &len);
      if (len < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
          g_free (jpeg);
          g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                               "“photo_jpeg” is not a JPEG");
          return NULL;
        }
      r->photo = g_bytes_new_take (jpeg, len);
    }
  return g_steal_pointer (&r);
}
