/* tdn-eligibility-fhir.c — the broker's FHIR R4 eligibility API, both ends
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-eligibility"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "tdn-eligibility-fhir.h"
#include "tdn-i18n.h"

#define MAX_FIELD 256

void
tdn_eligibility_query_free (TdnEligibilityQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->dob);
  g_free (self);
}

static gboolean
parse_iso_date (const char *s, GDate *out)
{
  guint y, m, d;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (s, NULL, 10);
  m = (guint) g_ascii_strtoull (s + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (s + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
tdn_eligibility_fhir_request (const char  *id,
                              const char  *name,
                              const char  *dob,
                              const GDate *visit_date)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *birth = NULL;

  g_return_val_if_fail (id != NULL && name != NULL && dob != NULL, NULL);
  if (strlen (dob) == 10)
    birth = g_strdup_printf ("%.4s-%.2s-%.2s", dob + 6, dob + 3, dob);
  else
    birth = g_strdup (dob);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resourceType");
  json_builder_add_string_value (b, "CoverageEligibilityRequest");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "active");
  json_builder_set_member_name (b, "purpose");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "validation");
  json_builder_end_array (b);
  if (visit_date != NULL && g_date_valid (visit_date))
    {
      g_autofree char *d = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (visit_date),
                                            g_date_get_month (visit_date), g_date_get_day (visit_date));
      json_builder_set_member_name (b, "servicedDate");
      json_builder_add_string_value (b, d);
    }
  json_builder_set_member_name (b, "patient");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reference");
  json_builder_add_string_value (b, "#p");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "contained");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resourceType");
  json_builder_add_string_value (b, "Patient");
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "p");
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, id);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "name");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, name);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "birthDate");
  json_builder_add_string_value (b, birth);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static const char *
str_member (JsonObject *obj, const char *name)
{
  JsonNode *n = obj != NULL ? json_object_get_member (obj, name) : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
obj_member (JsonObject *obj, const char *name)
{
  JsonNode *n = obj != NULL ? json_object_get_member (obj, name) : NULL;
  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
array_member (JsonObject *obj, const char *name)
{
  JsonNode *n = obj != NULL ? json_object_get_member (obj, name) : NULL;
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static JsonObject *
array_object (JsonArray *a, guint i)
{
  JsonNode *n;

  if (a == NULL || i >= json_array_get_length (a))
    return NULL;
  n = json_array_get_element (a, i);
  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonObject *
parse_object (JsonParser *parser, const char *data, gsize len)
{
  JsonNode *root;

  if (data == NULL || len == 0 || len > 64 * 1024
      || !json_parser_load_from_data (parser, data, (gssize) len, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

#define FAIL(msg) \
  G_STMT_START { \
    g_set_error_literal (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED, msg); \
    return NULL; \
  } G_STMT_END

TdnEligibilityQuery *
tdn_eligibility_fhir_parse_request (const char *data,
                                    gsize       len,
                                    GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(TdnEligibilityQuery) q = NULL;
  JsonObject *root = parse_object (parser, data, len);
  JsonObject *patient = NULL;
  JsonArray *contained;
  const char *ref, *id, *name, *birth, *served;

  if (root == NULL)
    FAIL (_("The request is not a JSON object."));
  if (g_strcmp0 (str_member (root, "resourceType"), "CoverageEligibilityRequest") != 0)
    FAIL (_("The request is not a CoverageEligibilityRequest."));
  ref = str_member (obj_member (root, "patient"), "reference");
  if (ref == NULL || ref[0] != '#')
    FAIL (_("The request's patient must reference a contained Patient."));
  contained = array_member (root, "contained");
  for (guint i = 0; contained != NULL && i < json_array_get_length (contained); i++)
    {
      JsonObject *o = array_object (contained, i);
      if (g_strcmp0 (str_member (o, "resourceType"), "Patient") == 0
          && g_strcmp0 (str_member (o, "id"), ref + 1) == 0)
        {
          patient = o;
          break;
        }
    }
  if (patient == NULL)
    FAIL (_("The request's Patient is missing."));
  id = str_member (array_object (array_member (patient, "identifier"), 0), "value");
  name = str_member (array_object (array_member (patient, "name"), 0), "text");
  birth = str_member (patient, "birthDate");
  if (id == NULL || *id == '\0' || strlen (id) > MAX_FIELD)
    FAIL (_("The request has no usable patient identifier."));
  if (name == NULL || *name == '\0' || strlen (name) > MAX_FIELD || !g_utf8_validate (name, -1, NULL))
    FAIL (_("The request has no usable patient name."));

  q = g_new0 (TdnEligibilityQuery, 1);
  g_date_clear (&q->visit, 1);
  if (birth != NULL && strlen (birth) == 4
      && g_ascii_isdigit (birth[0]) && g_ascii_isdigit (birth[1])
      && g_ascii_isdigit (birth[2]) && g_ascii_isdigit (birth[3]))
    q->dob = g_strdup (birth);
  else
    {
      GDate d;
      if (!parse_iso_date (birth, &d))
        FAIL (_("The request's birthDate is not yyyy-mm-dd or yyyy."));
      q->dob = g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&d),
                                g_date_get_month (&d), g_date_get_year (&d));
    }
  served = str_member (root, "servicedDate");
  if (served != NULL && !parse_iso_date (served, &q->visit))
    FAIL (_("The request's servicedDate is not yyyy-mm-dd."));
  q->id = g_strdup (id);
  q->name = g_strdup (name);
  return g_steal_pointer (&q);
}

static void
add_ext_string (JsonBuilder *b, const char *name, const char *type, const char *value)
{
  g_autofree char *url = g_strconcat (TDN_FHIR_EXT_BASE, name, NULL);

  if (value == NULL)
    return;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, type);
  json_builder_add_string_value (b, value);
  json_builder_end_object (b);
}

static void
add_ext_bool (JsonBuilder *b, const char *name, gboolean value)
{
  g_autofree char *url = g_strconcat (TDN_FHIR_EXT_BASE, name, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, "valueBoolean");
  json_builder_add_boolean_value (b, value);
  json_builder_end_object (b);
}

char *
tdn_eligibility_fhir_response (const TdnEligibility *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (r != NULL, NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resourceType");
  json_builder_add_string_value (b, "CoverageEligibilityResponse");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "active");
  json_builder_set_member_name (b, "purpose");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "validation");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "outcome");
  json_builder_add_string_value (b, r->code != NULL && *r->code != '\0' ? "complete" : "error");
  json_builder_set_member_name (b, "disposition");
  json_builder_add_string_value (b, r->message_en ? r->message_en : "");
  json_builder_set_member_name (b, "extension");
  json_builder_begin_array (b);
  add_ext_string (b, "bhxh-result-code", "valueString", r->code);
  add_ext_string (b, "eligibility-class", "valueCode", tdn_eligibility_status_to_string (r->status));
  add_ext_string (b, "message-vi", "valueString", r->message_vi);
  add_ext_string (b, "message-en", "valueString", r->message_en);
  add_ext_string (b, "registered-facility", "valueString", r->registered_facility);
  add_ext_bool (b, "registered-here", r->registered_here);
  add_ext_string (b, "five-year-date", "valueDate", r->five_year_date);
  add_ext_bool (b, "new-card", r->new_card);
  json_builder_end_array (b);
  if (r->card_number != NULL)
    {
      g_autofree char *level = g_strdup_printf ("%d", r->benefit_level);
      json_builder_set_member_name (b, "insurance");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "coverage");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "identifier");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "system");
      json_builder_add_string_value (b, "urn:vn:bhyt");
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, r->card_number);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "inforce");
      json_builder_add_boolean_value (b, r->status == TDN_ELIGIBILITY_ELIGIBLE
                                         || r->status == TDN_ELIGIBILITY_ELIGIBLE_WARNING);
      json_builder_set_member_name (b, "benefitPeriod");
      json_builder_begin_object (b);
      if (r->valid_from != NULL)
        {
          json_builder_set_member_name (b, "start");
          json_builder_add_string_value (b, r->valid_from);
        }
      if (r->valid_to != NULL)
        {
          json_builder_set_member_name (b, "end");
          json_builder_add_string_value (b, r->valid_to);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "item");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "category");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "coding");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "system");
      json_builder_add_string_value (b, TDN_FHIR_EXT_BASE "benefit-level");
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, level);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static const char *
ext_value (JsonArray *exts, const char *name, const char *type)
{
  g_autofree char *url = g_strconcat (TDN_FHIR_EXT_BASE, name, NULL);

  for (guint i = 0; exts != NULL && i < json_array_get_length (exts); i++)
    {
      JsonObject *o = array_object (exts, i);
      if (g_strcmp0 (str_member (o, "url"), url) == 0)
        return str_member (o, type);
    }
  return NULL;
}

static gboolean
ext_bool (JsonArray *exts, const char *name)
{
  g_autofree char *url = g_strconcat (TDN_FHIR_EXT_BASE, name, NULL);

  for (guint i = 0; exts != NULL && i < json_array_get_length (exts); i++)
    {
      JsonObject *o = array_object (exts, i);
      JsonNode *v = o != NULL ? json_object_get_member (o, "valueBoolean") : NULL;
      if (g_strcmp0 (str_member (o, "url"), url) == 0 && v != NULL && JSON_NODE_HOLDS_VALUE (v)
          && json_node_get_value_type (v) == G_TYPE_BOOLEAN)
        return json_node_get_boolean (v);
    }
  return FALSE;
}

TdnEligibility *
tdn_eligibility_fhir_parse_response (const char *data,
                                     gsize       len,
                                     GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(TdnEligibility) r = NULL;
  JsonObject *root = parse_object (parser, data, len);
  JsonArray *exts;
  JsonObject *ins;
  const char *code, *klass, *card;
  TdnEligibilityStatus status;

  if (root == NULL || g_strcmp0 (str_member (root, "resourceType"), "CoverageEligibilityResponse") != 0)
    FAIL (_("The broker's answer is not a CoverageEligibilityResponse."));
  exts = array_member (root, "extension");
  code = ext_value (exts, "bhxh-result-code", "valueString");
  klass = ext_value (exts, "eligibility-class", "valueCode");
  if (!tdn_eligibility_status_from_string (klass, &status))
    FAIL (_("The broker's answer has no eligibility class."));
  r = tdn_eligibility_new_for_code (code != NULL ? code : "");
  r->status = status;
  if (ext_value (exts, "message-vi", "valueString") != NULL)
    {
      g_free (r->message_vi);
      r->message_vi = g_strdup (ext_value (exts, "message-vi", "valueString"));
    }
  if (ext_value (exts, "message-en", "valueString") != NULL)
    {
      g_free (r->message_en);
      r->message_en = g_strdup (ext_value (exts, "message-en", "valueString"));
    }
  r->registered_facility = g_strdup (ext_value (exts, "registered-facility", "valueString"));
  r->registered_here = ext_bool (exts, "registered-here");
  r->five_year_date = g_strdup (ext_value (exts, "five-year-date", "valueDate"));
  r->new_card = ext_bool (exts, "new-card");
  ins = array_object (array_member (root, "insurance"), 0);
  card = str_member (obj_member (obj_member (ins, "coverage"), "identifier"), "value");
  if (tdn_eligibility_is_card_number (card))
    {
      JsonObject *period = obj_member (ins, "benefitPeriod");
      r->card_number = g_strdup (card);
      r->benefit_level = tdn_eligibility_benefit_level (card);
      r->valid_from = g_strdup (str_member (period, "start"));
      r->valid_to = g_strdup (str_member (period, "end"));
    }
  return g_steal_pointer (&r);
}
