/* test-fhir.c — FHIR transaction bundles, answer classification, back-off
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "tdn-base.h"
#include "tdn-bhyt-period.h"
#include "tdn-fhir-bundle.h"
#include "tdn-fhir-response.h"
#include "tdn-sync-runner.h"

static const TdnFhirBundleOptions options = {
  "http://fhir.hl7.org.vn/core/sid/cccd", "http://fhir.hl7.org.vn/core/sid/bhyt", "urn:tiepdon:visit",
};

static TdnVisit *
sample (void)
{
  TdnVisit *v = tdn_visit_new ();

  v->visit_id = g_strdup ("6f1c2a7e-0d5b-4f43-9a7e-3b2d1c0e9f88");
  v->revision = 1;
  v->created_at = G_GINT64_CONSTANT (1795600000) * G_USEC_PER_SEC;
  v->id_number = g_strdup ("001085012345");
  v->full_name = g_strdup ("Nguyễn Văn An");
  v->date_of_birth = g_strdup ("1985-03");
  v->sex = g_strdup ("male");
  v->address = g_strdup ("Số 12 Phố Mẫu, Hà Nội");
  v->bhyt_card = g_strdup ("DN4010112345678");
  v->eligibility_raw = g_strdup ("{\"maKetQua\":\"000\",\"gtTheTu\":\"01/01/2026\",\"gtTheDen\":\"31/12/2026\"}");
  v->clinic = g_strdup ("NOI");
  v->priority = g_strdup ("age_75");
  v->queue_number = g_strdup ("K2-A015");
  return v;
}

static JsonObject *
entry_resource (JsonNode   *root,
                guint       i,
                JsonObject **request)
{
  JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entry");
  JsonObject *e = json_array_get_object_element (entries, i);

  *request = json_object_get_object_member (e, "request");
  return json_object_get_object_member (e, "resource");
}

static void
test_bundle_revision_1 (void)
{
  g_autoptr(TdnVisit) v = sample ();
  g_autofree char *json = tdn_fhir_build_bundle (v, v->created_at, &options);
  g_autofree char *again = tdn_fhir_build_bundle (v, v->created_at, &options);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonObject *req, *patient, *coverage, *encounter, *name;
  const char *patient_url;

  g_assert_nonnull (root);
  g_assert_cmpstr (json, ==, again);   /* same revision, same bytes */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "type"), ==, "transaction");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "entry")), ==, 3);

  patient = entry_resource (root, 0, &req);
  g_assert_cmpstr (json_object_get_string_member (req, "method"), ==, "POST");
  g_assert_cmpstr (json_object_get_string_member (req, "ifNoneExist"), ==,
                   "identifier=http://fhir.hl7.org.vn/core/sid/cccd|001085012345");
  g_assert_cmpstr (json_object_get_string_member (patient, "gender"), ==, "male");
  g_assert_cmpstr (json_object_get_string_member (patient, "birthDate"), ==, "1985-03");
  name = json_array_get_object_element (json_object_get_array_member (patient, "name"), 0);
  g_assert_cmpstr (json_object_get_string_member (name, "family"), ==, "Nguyễn");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (name, "given"), 1), ==, "An");

  coverage = entry_resource (root, 1, &req);
  g_assert_cmpstr (json_object_get_string_member (req, "ifNoneExist"), ==,
                   "identifier=http://fhir.hl7.org.vn/core/sid/bhyt|DN4010112345678");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (coverage, "period"), "start"),
                   ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (coverage, "class"), 0), "value"), ==, "4");
  patient_url = json_object_get_string_member (json_array_get_object_element (
                  json_object_get_array_member (json_node_get_object (root), "entry"), 0), "fullUrl");
  g_assert_true (g_str_has_prefix (patient_url, "urn:uuid:"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (coverage, "beneficiary"),
                                                  "reference"), ==, patient_url);

  encounter = entry_resource (root, 2, &req);
  g_assert_cmpstr (json_object_get_string_member (req, "method"), ==, "POST");
  g_assert_cmpstr (json_object_get_string_member (req, "ifNoneExist"), ==,
                   "identifier=urn:tiepdon:visit|6f1c2a7e-0d5b-4f43-9a7e-3b2d1c0e9f88");
  g_assert_cmpstr (json_object_get_string_member (encounter, "status"), ==, "arrived");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (encounter, "class"), "code"),
                   ==, "AMB");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (encounter, "period"), "start"),
                   ==, "2026-11-25T09:46:40Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (encounter, "subject"),
                                                  "reference"), ==, patient_url);
}

static void
test_bundle_revision_2 (void)
{
  g_autoptr(TdnVisit) v = sample ();
  g_autofree char *first = tdn_fhir_build_bundle (v, v->created_at, &options);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *req, *encounter;

  v->revision = 2;
  v->priority = (g_free (v->priority), g_strdup ("emergency"));
  json = tdn_fhir_build_bundle (v, v->created_at - 600 * G_USEC_PER_SEC, &options);
  root = json_from_string (json, NULL);
  g_assert_cmpstr (json, !=, first);
  encounter = entry_resource (root, 2, &req);
  /* A revision updates the Encounter found by the visit's identifier. */
  g_assert_cmpstr (json_object_get_string_member (req, "method"), ==, "PUT");
  g_assert_cmpstr (json_object_get_string_member (req, "url"), ==,
                   "Encounter?identifier=urn:tiepdon:visit|6f1c2a7e-0d5b-4f43-9a7e-3b2d1c0e9f88");
  g_assert_false (json_object_has_member (req, "ifNoneExist"));
  /* period.start stays the arrival, not the revision's time. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (encounter, "period"), "start"),
                   ==, "2026-11-25T09:36:40Z");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (
                     json_object_get_object_member (encounter, "priority"), "coding"), 0), "code"), ==, "EM");
}

/* A visit cancelled at the desk: the same Encounter, status cancelled. */
static void
test_bundle_cancelled (void)
{
  g_autoptr(TdnVisit) v = sample ();
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *req, *encounter;

  v->revision = 2;
  v->state = g_strdup ("cancelled");
  json = tdn_fhir_build_bundle (v, v->created_at, &options);
  root = json_from_string (json, NULL);
  encounter = entry_resource (root, 2, &req);
  g_assert_cmpstr (json_object_get_string_member (req, "method"), ==, "PUT");
  g_assert_cmpstr (json_object_get_string_member (req, "url"), ==,
                   "Encounter?identifier=urn:tiepdon:visit|6f1c2a7e-0d5b-4f43-9a7e-3b2d1c0e9f88");
  g_assert_cmpstr (json_object_get_string_member (encounter, "status"), ==, "cancelled");
}

static void
test_bundle_sparse (void)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *req, *patient;

  /* Typed at the desk: no ID number, no card, a bad date, unknown sex. */
  v->visit_id = g_strdup ("0b7f0c1e-6f4a-4d2b-8c55-2e1f9a3d7b10");
  v->revision = 1;
  v->full_name = g_strdup ("  Lê  ");
  v->date_of_birth = g_strdup ("14/03/1995");
  json = tdn_fhir_build_bundle (v, 0, &options);
  root = json_from_string (json, NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "entry")), ==, 2);
  patient = entry_resource (root, 0, &req);
  g_assert_cmpstr (json_object_get_string_member (req, "ifNoneExist"), ==,
                   "identifier=urn:tiepdon:visit:patient|0b7f0c1e-6f4a-4d2b-8c55-2e1f9a3d7b10");
  g_assert_false (json_object_has_member (patient, "birthDate"));
  g_assert_cmpstr (json_object_get_string_member (patient, "gender"), ==, "unknown");
  g_assert_false (json_object_has_member (patient, "address"));
}

static TdnSyncVerdict
classify (long        status,
          const char *type,
          const char *body,
          char      **reason)
{
  return tdn_fhir_classify_response (status, type, (const guint8 *) body, body ? strlen (body) : 0, reason);
}

static void
test_classify (void)
{
  static const struct {
    long            status;
    const char     *type;
    const char     *body;
    TdnSyncVerdict  verdict;
    const char     *words;
  } cases[] = {
    { 200, "application/fhir+json",
      "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[{\"response\":{\"status\":\"201 Created\"}},"
      "{\"response\":{\"status\":\"200\"}}]}", TDN_SYNC_DELIVERED, "entries 201,200" },
    { 200, "application/fhir+json",
      "{\"resourceType\":\"Bundle\",\"type\":\"batch-response\",\"entry\":[{\"response\":{\"status\":\"400\","
      "\"outcome\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"bad gender\"}]}}}]}",
      TDN_SYNC_PARK, "entry 1 answered 400: bad gender" },
    { 400, "application/fhir+json",
      "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\","
      "\"diagnostics\":\"Encounter.class: missing\"},{\"details\":{\"text\":\"second\"}}]}",
      TDN_SYNC_PARK, "Encounter.class: missing; second" },
    { 422, NULL, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"code\":\"business-rule\"}]}",
      TDN_SYNC_PARK, "business-rule" },
    { 412, NULL, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"Multiple matches\"}]}",
      TDN_SYNC_PARK, "Multiple matches" },
    { 500, NULL, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"DB down\"}]}",
      TDN_SYNC_RETRY, "DB down" },
    { 503, "text/html", "<html><body>Service Unavailable</body></html>", TDN_SYNC_RETRY, "HTML page" },
    { 200, "text/html", "<!DOCTYPE html><title>Login</title>", TDN_SYNC_RETRY, "HTML page" },
    { 200, "application/json", "\x01\x02garbage", TDN_SYNC_RETRY, "not a transaction-response" },
    { 201, "application/fhir+json", "{\"resourceType\":\"Patient\"}", TDN_SYNC_RETRY, "not a transaction-response" },
    { 401, NULL, "", TDN_SYNC_RETRY, "credentials" },
    { 404, NULL, "", TDN_SYNC_RETRY, "fhir_url" },
    { 429, NULL, "", TDN_SYNC_RETRY, "busy" },
    { 418, NULL, "", TDN_SYNC_PARK, "refused" },
    { 301, "text/html", "<html>Moved</html>", TDN_SYNC_RETRY, "redirects" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      TdnSyncVerdict got = classify (cases[i].status, cases[i].type, cases[i].body, &reason);

      g_test_message ("case %u: %s", i, reason);
      g_assert_cmpint (got, ==, cases[i].verdict);
      g_assert_nonnull (strstr (reason, cases[i].words));
    }
}

static void
test_classify_hostile (void)
{
  g_autofree char *big = g_strnfill (TDN_FHIR_RESPONSE_MAX + 10, 'x');
  g_autofree char *long_diag = g_strnfill (5000, 'a');
  g_autofree char *oo = g_strdup_printf ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":"
                                         "\"%s\\n\\u0007\"}]}", long_diag);
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;

  g_assert_cmpint (tdn_fhir_classify_response (200, NULL, (const guint8 *) big, strlen (big), &r1), ==,
                   TDN_SYNC_RETRY);
  g_assert_cmpint (classify (400, NULL, oo, &r2), ==, TDN_SYNC_PARK);
  /* Readable: bounded, one line, no control characters. */
  g_assert_cmpuint (strlen (r2), <, 600);
  g_assert_null (strchr (r2, '\n'));
  g_assert_null (strchr (r2, '\a'));
  g_assert_cmpint (classify (400, NULL, "{\"resourceType\":\"OperationOutcome\",\"issue\":{\"oops\":1}}", &r3), ==,
                   TDN_SYNC_PARK);
}

static void
test_backoff (void)
{
  g_assert_cmpint (tdn_sync_backoff_us (1, 5, 600, 0.0), ==, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_sync_backoff_us (2, 5, 600, 0.0), ==, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_sync_backoff_us (4, 5, 600, 0.0), ==, 40 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_sync_backoff_us (30, 5, 600, 0.0), ==, 600 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_sync_backoff_us (1000000, 5, 600, 0.0), ==, 600 * G_USEC_PER_SEC);
  /* Jitter takes off at most half. */
  g_assert_cmpint (tdn_sync_backoff_us (30, 5, 600, 1.0), ==, 300 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_sync_backoff_us (3, 5, 600, 0.5), ==, 15 * G_USEC_PER_SEC);
}

static void
test_bhyt_period (void)
{
  static const struct {
    const char *raw, *start, *end;
  } cases[] = {
    { "{\"gtTheTu\":\"01/01/2026\",\"gtTheDen\":\"31/12/2026\"}", "2026-01-01", "2026-12-31" },
    { "{\"gtTheTu\":\"2026-03-01\"}", "2026-03-01", NULL },
    { "{\"gtTheTu\":\"31/02/2026\",\"gtTheDen\":\"1/1/2026 \"}", NULL, NULL },
    { "{\"gtTheTu\":20260101,\"gtTheDen\":null}", NULL, NULL },
    { "[\"01/01/2026\"]", NULL, NULL },
    { "not json", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *start = NULL, *end = NULL;
      gboolean any = tdn_bhyt_period_from_raw (cases[i].raw, &start, &end);

      g_assert_cmpstr (start, ==, cases[i].start);
      g_assert_cmpstr (end, ==, cases[i].end);
      g_assert_true (any == (cases[i].start != NULL || cases[i].end != NULL));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/fhir/bundle-revision-1", test_bundle_revision_1);
  g_test_add_func ("/sync/fhir/bundle-revision-2", test_bundle_revision_2);
  g_test_add_func ("/sync/fhir/bundle-cancelled", test_bundle_cancelled);
  g_test_add_func ("/sync/fhir/bundle-sparse", test_bundle_sparse);
  g_test_add_func ("/sync/fhir/classify", test_classify);
  g_test_add_func ("/sync/fhir/classify-hostile", test_classify_hostile);
  g_test_add_func ("/sync/backoff", test_backoff);
  g_test_add_func ("/sync/bhyt-period", test_bhyt_period);
  return g_test_run ();
}
