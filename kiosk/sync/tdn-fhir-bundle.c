/* tdn-fhir-bundle.c — a FHIR R4 transaction Bundle for one visit revision
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include "tdn-base.h"
#include "tdn-bhyt-period.h"
#include "tdn-fhir-bundle.h"

#define ACT_CODE "http://terminology.hl7.org/CodeSystem/v3-ActCode"
#define ACT_PRIORITY "http://terminology.hl7.org/CodeSystem/v3-ActPriority"
#define COVERAGE_CLASS "http://terminology.hl7.org/CodeSystem/coverage-class"
#define CLINIC_SYSTEM "urn:tiepdon:clinic"
#define PRIORITY_SYSTEM "urn:tiepdon:priority"
#define PAYOR_SYSTEM "urn:tiepdon:payor"

/* A name-based UUID (SHA-256 of the visit, revision and role, shaped as
 * a version 8 UUID) so that the same revision always gives the same bytes. */
static char *
stable_urn (const TdnVisit *v,
            const char     *role)
{
  g_autofree char *name = g_strdup_printf ("%s/%d/%s", v->visit_id, v->revision, role);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);

  hex[12] = '8';
  hex[16] = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];
  return g_strdup_printf ("urn:uuid:%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

/* FHIR date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is dropped. */
static gboolean
is_fhir_date (const char *s)
{
  static const char * const shapes[] = { "dddd", "dddd-dd", "dddd-dd-dd" };

  if (s == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      const char *p = s, *q = shapes[i];

      while (*p != '\0' && *q != '\0' && (*q == 'd' ? g_ascii_isdigit (*p) : *p == *q))
        p++, q++;
      if (*p == '\0' && *q == '\0')
        return TRUE;
    }
  return FALSE;
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_coding (JsonBuilder *b,
            const char  *key,
            const char  *system,
            const char  *code,
            const char  *text)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "coding");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "system", system);
  add_string (b, "code", code);
  json_builder_end_object (b);
  json_builder_end_array (b);
  if (text != NULL)
    add_string (b, "text", text);
  json_builder_end_object (b);
}

static void
add_identifier (JsonBuilder *b,
                const char  *system,
                const char  *value)
{
  json_builder_begin_object (b);
  add_string (b, "system", system);
  add_string (b, "value", value);
  json_builder_end_object (b);
}

static void
begin_entry (JsonBuilder *b,
             const char  *full_url,
             const char  *type)
{
  json_builder_begin_object (b);
  add_string (b, "fullUrl", full_url);
  json_builder_set_member_name (b, "resource");
  json_builder_begin_object (b);
  add_string (b, "resourceType", type);
}

/* Closes the resource and adds the request. */
static void
end_entry (JsonBuilder *b,
           const char  *method,
           const char  *url,
           const char  *if_none_exist)
{
  json_builder_end_object (b);
  json_builder_set_member_name (b, "request");
  json_builder_begin_object (b);
  add_string (b, "method", method);
  add_string (b, "url", url);
  if (if_none_exist != NULL)
    add_string (b, "ifNoneExist", if_none_exist);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_patient (JsonBuilder                *b,
             const TdnVisit             *v,
             const char                 *urn,
             const TdnFhirBundleOptions *o)
{
  g_autofree char *system = has_text (v->id_number) ? g_strdup (o->cccd_system)
                                                    : g_strconcat (o->visit_system, ":patient", NULL);
  const char *value = has_text (v->id_number) ? v->id_number : v->visit_id;
  g_autofree char *query = g_strdup_printf ("identifier=%s|%s", system, value);

  begin_entry (b, urn, "Patient");
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  add_identifier (b, system, value);
  json_builder_end_array (b);
  if (has_text (v->full_name))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (v->full_name));
      g_auto(GStrv) parts = g_strsplit (stripped, " ", -1);

      json_builder_set_member_name (b, "name");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "use", "official");
      add_string (b, "text", stripped);
      /* Vietnamese order: family name first, then middle and given names. */
      if (parts[0] != NULL && *parts[0] != '\0')
        add_string (b, "family", parts[0]);
      if (parts[0] != NULL && parts[1] != NULL)
        {
          json_builder_set_member_name (b, "given");
          json_builder_begin_array (b);
          for (guint i = 1; parts[i] != NULL; i++)
            if (*parts[i] != '\0')
              json_builder_add_string_value (b, parts[i]);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  add_string (b, "gender", g_strcmp0 (v->sex, "male") == 0 ? "male"
                           : g_strcmp0 (v->sex, "female") == 0 ? "female" : "unknown");
  if (is_fhir_date (v->date_of_birth))
    add_string (b, "birthDate", v->date_of_birth);
  if (has_text (v->address))
    {
      json_builder_set_member_name (b, "address");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "use", "home");
      add_string (b, "text", v->address);
      add_string (b, "country", "VN");
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  end_entry (b, "POST", "Patient", query);
}

static void
add_coverage (JsonBuilder                *b,
              const TdnVisit             *v,
              const char                 *urn,
              const char                 *patient_urn,
              const TdnFhirBundleOptions *o)
{
  g_autofree char *start = NULL, *end = NULL;
  g_autofree char *query = g_strdup_printf ("identifier=%s|%s", o->bhyt_system, v->bhyt_card);
  char level = strlen (v->bhyt_card) == 15 ? v->bhyt_card[2] : '\0';

  tdn_bhyt_period_from_raw (v->eligibility_raw, &start, &end);
  begin_entry (b, urn, "Coverage");
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  add_identifier (b, o->bhyt_system, v->bhyt_card);
  json_builder_end_array (b);
  add_string (b, "status", "active");
  add_string (b, "subscriberId", v->bhyt_card);
  json_builder_set_member_name (b, "beneficiary");
  json_builder_begin_object (b);
  add_string (b, "reference", patient_urn);
  json_builder_end_object (b);
  if (start != NULL || end != NULL)
    {
      json_builder_set_member_name (b, "period");
      json_builder_begin_object (b);
      if (start != NULL)
        add_string (b, "start", start);
      if (end != NULL)
        add_string (b, "end", end);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "payor");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_object (b);
  add_string (b, "system", PAYOR_SYSTEM);
  add_string (b, "value", "BHXH");
  json_builder_end_object (b);
  add_string (b, "display", "Bảo hiểm xã hội Việt Nam");
  json_builder_end_object (b);
  json_builder_end_array (b);
  /* The card's third character is the benefit level (mức hưởng 1–5). */
  if (level >= '1' && level <= '5')
    {
      char code[2] = { level, '\0' };
      g_autofree char *name = g_strdup_printf ("Mức hưởng %c", level);

      json_builder_set_member_name (b, "class");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_coding (b, "type", COVERAGE_CLASS, "plan", NULL);
      add_string (b, "value", code);
      add_string (b, "name", name);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  end_entry (b, "POST", "Coverage", query);
}

static void
add_encounter (JsonBuilder                *b,
               const TdnVisit             *v,
               gint64                      arrived_at,
               const char                 *urn,
               const char                 *patient_urn,
               const TdnFhirBundleOptions *o)
{
  g_autofree char *query = g_strdup_printf ("identifier=%s|%s", o->visit_system, v->visit_id);
  g_autofree char *update_url = g_strdup_printf ("Encounter?%s", query);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (arrived_at / G_USEC_PER_SEC);
  g_autofree char *start = g_date_time_format_iso8601 (at);
  const char *priority = has_text (v->priority) ? v->priority : "none";
  const char *act = g_str_equal (priority, "none") ? "R" : g_str_equal (priority, "emergency") ? "EM" : "UR";

  begin_entry (b, urn, "Encounter");
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "use", "official");
  add_string (b, "system", o->visit_system);
  add_string (b, "value", v->visit_id);
  json_builder_end_object (b);
  if (has_text (v->queue_number))
    {
      g_autofree char *queue_system = g_strconcat (o->visit_system, ":queue", NULL);

      json_builder_begin_object (b);
      add_string (b, "use", "secondary");
      add_string (b, "system", queue_system);
      add_string (b, "value", v->queue_number);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  /* A visit cancelled at the desk cancels the Encounter. */
  add_string (b, "status", g_strcmp0 (v->state, "cancelled") == 0 ? "cancelled" : "arrived");
  json_builder_set_member_name (b, "class");
  json_builder_begin_object (b);
  add_string (b, "system", ACT_CODE);
  add_string (b, "code", "AMB");
  add_string (b, "display", "ambulatory");
  json_builder_end_object (b);
  /* The HIS's own priority code and the kiosk's reason for it. */
  json_builder_set_member_name (b, "priority");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "coding");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "system", ACT_PRIORITY);
  add_string (b, "code", act);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  add_string (b, "system", PRIORITY_SYSTEM);
  add_string (b, "code", priority);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (has_text (v->clinic))
    add_coding (b, "serviceType", CLINIC_SYSTEM, v->clinic, v->clinic);
  json_builder_set_member_name (b, "subject");
  json_builder_begin_object (b);
  add_string (b, "reference", patient_urn);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  add_string (b, "start", start);
  json_builder_end_object (b);
  if (has_text (v->clinic))
    {
      json_builder_set_member_name (b, "location");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "location");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "identifier");
      json_builder_begin_object (b);
      add_string (b, "system", CLINIC_SYSTEM);
      add_string (b, "value", v->clinic);
      json_builder_end_object (b);
      add_string (b, "display", v->clinic);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  /* Revision 1 creates (unless it exists); later revisions update the
   * Encounter found by the visit's identifier. */
  if (v->revision <= 1)
    end_entry (b, "POST", "Encounter", query);
  else
    end_entry (b, "PUT", update_url, NULL);
}

char *
tdn_fhir_build_bundle (const TdnVisit             *v,
                       gint64                      arrived_at,
                       const TdnFhirBundleOptions *o)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *patient = stable_urn (v, "Patient");
  g_autofree char *coverage = stable_urn (v, "Coverage");
  g_autofree char *encounter = stable_urn (v, "Encounter");

  g_return_val_if_fail (v != NULL && v->visit_id != NULL && o != NULL, NULL);

  json_builder_begin_object (b);
  add_string (b, "resourceType", "Bundle");
  add_string (b, "type", "transaction");
  json_builder_set_member_name (b, "entry");
  json_builder_begin_array (b);
  add_patient (b, v, patient, o);
  if (has_text (v->bhyt_card))
    add_coverage (b, v, coverage, patient, o);
  add_encounter (b, v, arrived_at, encounter, patient, o);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}
