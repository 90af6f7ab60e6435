/* test-override-changes.c — what each nurse's override changes in a visit
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-override-changes.h"

static JsonObject *
override (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static TdnVisit *
current (void)
{
  TdnVisit *v = tdn_visit_new ();

  v->visit_id = g_strdup ("1b4e28ba-2fa1-4d2e-883f-0016d3cca427");
  v->payment = g_strdup ("bhyt");
  v->bhyt_card = g_strdup ("HC4010123456789");
  v->clinic = g_strdup ("NOI");
  v->priority = g_strdup ("none");
  v->eligibility_status = g_strdup ("not_eligible");
  return v;
}

static gboolean
only_noi_ngoai (const char *code,
                gpointer    data)
{
  return g_str_equal (code, "NOI") || g_str_equal (code, "NGOAI");
}

static TdnVisit *
changes_for (const char *json,
             GError    **error)
{
  g_autoptr(JsonObject) o = override (json);
  g_autoptr(TdnVisit) v = current ();

  return tdn_override_changes_for (o, v, only_noi_ngoai, NULL, error);
}

static void
test_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnVisit) c = NULL;

  c = changes_for ("{\"action\":\"self_pay\",\"new\":{}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->payment, ==, "self_pay");
  g_assert_null (c->clinic);
  g_clear_pointer (&c, tdn_visit_free);

  c = changes_for ("{\"action\":\"accept_bhyt\",\"new\":{\"card_number\":\"DN4790123456789\","
                   "\"status\":\"eligible\",\"code\":\"000\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->payment, ==, "bhyt");
  g_assert_cmpstr (c->bhyt_card, ==, "DN4790123456789");
  g_assert_cmpstr (c->eligibility_status, ==, "eligible");
  g_assert_cmpstr (c->eligibility_code, ==, "000");
  g_clear_pointer (&c, tdn_visit_free);

  /* Accepted on the paper card without a lookup: recorded as such. */
  c = changes_for ("{\"action\":\"accept_bhyt\",\"new\":{\"card_number\":\"0123456789\",\"status\":\"not_checked\"}}",
                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->eligibility_status, ==, "not_checked");
  g_clear_pointer (&c, tdn_visit_free);

  c = changes_for ("{\"action\":\"change_clinic\",\"new\":{\"clinic\":\"NGOAI\"}}", &error);
  g_assert_cmpstr (c->clinic, ==, "NGOAI");
  g_clear_pointer (&c, tdn_visit_free);

  c = changes_for ("{\"action\":\"change_priority\",\"new\":{\"priority\":\"pregnant\"}}", &error);
  g_assert_cmpstr (c->priority, ==, "pregnant");
  g_clear_pointer (&c, tdn_visit_free);

  c = changes_for ("{\"action\":\"cancel\",\"new\":{}}", &error);
  g_assert_cmpstr (c->state, ==, "cancelled");
  g_clear_pointer (&c, tdn_visit_free);

  /* A reprint changes no field: no revision, no error. */
  c = changes_for ("{\"action\":\"reprint\"}", &error);
  g_assert_no_error (error);
  g_assert_null (c);
}

static void
test_refused (void)
{
  const char *bad[] = {
    "{\"action\":\"accept_bhyt\",\"new\":{\"card_number\":\"HC40\"}}",
    "{\"action\":\"accept_bhyt\",\"new\":{\"card_number\":\"1234567890123456\"}}",
    "{\"action\":\"change_clinic\",\"new\":{\"clinic\":\"MAT\"}}",
    "{\"action\":\"change_clinic\",\"new\":{}}",
    "{\"action\":\"change_clinic\",\"new\":{\"clinic\":42}}",
    "{\"action\":\"change_priority\",\"new\":{\"priority\":\"vip\"}}",
    "{\"action\":\"delete_everything\"}",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnVisit) c = changes_for (bad[i], &error);

      g_assert_null (c);
      g_assert_error (error, TDN_OVERRIDE_ERROR, TDN_OVERRIDE_ERROR_INVALID);
    }
}

static void
test_cancelled_visit (void)
{
  g_autoptr(JsonObject) o = override ("{\"action\":\"self_pay\"}");
  g_autoptr(JsonObject) reprint = override ("{\"action\":\"reprint\"}");
  g_autoptr(TdnVisit) v = current ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnVisit) c = NULL;

  v->state = g_strdup ("cancelled");
  c = tdn_override_changes_for (o, v, NULL, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, TDN_OVERRIDE_ERROR, TDN_OVERRIDE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tdn_override_changes_for (reprint, v, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_audit_detail (void)
{
  g_autoptr(JsonObject) o = override ("{\"id\":\"ov-1\",\"help_id\":\"h-1\",\"action\":\"accept_bhyt\","
                                      "\"nurse\":\"lan\",\"nurse_name\":\"Nguyễn Thị Lan\","
                                      "\"created_at\":\"2026-11-26T01:02:03Z\",\"reason\":\"Đã xem thẻ giấy\","
                                      "\"new\":{\"card_number\":\"DN4790123456789\"}}");
  g_autoptr(TdnVisit) v = current ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnVisit) c = tdn_override_changes_for (o, v, NULL, NULL, &error);
  g_autofree char *detail = tdn_override_audit_detail (o, v, c);
  g_autoptr(JsonNode) node = json_from_string (detail, NULL);
  JsonObject *d = json_node_get_object (node);
  JsonObject *old = json_object_get_object_member (d, "old");
  JsonObject *new = json_object_get_object_member (d, "new");

  g_assert_cmpstr (json_object_get_string_member (d, "override_id"), ==, "ov-1");
  g_assert_cmpstr (json_object_get_string_member (d, "nurse"), ==, "lan");
  g_assert_cmpstr (json_object_get_string_member (d, "reason"), ==, "Đã xem thẻ giấy");
  g_assert_cmpstr (json_object_get_string_member (d, "at"), ==, "2026-11-26T01:02:03Z");
  g_assert_cmpstr (json_object_get_string_member (old, "payment"), ==, "bhyt");
  g_assert_cmpstr (json_object_get_string_member (old, "eligibility_status"), ==, "not_eligible");
  g_assert_cmpstr (json_object_get_string_member (new, "eligibility_status"), ==, "eligible");
  /* Card numbers are masked in the unsealed audit log. */
  g_assert_null (strstr (detail, "HC4010123456789"));
  g_assert_null (strstr (detail, "DN4790123456789"));
  g_assert_true (json_object_has_member (new, "bhyt_card"));
  /* Fields the override does not touch are not listed. */
  g_assert_false (json_object_has_member (old, "clinic"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help/override-changes/actions", test_actions);
  g_test_add_func ("/help/override-changes/refused", test_refused);
  g_test_add_func ("/help/override-changes/cancelled-visit", test_cancelled_visit);
  g_test_add_func ("/help/override-changes/audit-detail", test_audit_detail);
  return g_test_run ();
}
