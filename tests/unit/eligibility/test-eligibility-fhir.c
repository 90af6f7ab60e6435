/* test-eligibility-fhir.c — the broker's FHIR request and response
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-eligibility-fhir.h"

static void
test_request_round_trip (void)
{
  GDate visit;
  g_autofree char *body = NULL;
  g_autofree char *year = NULL;
  g_autoptr(TdnEligibilityQuery) q = NULL;
  g_autoptr(TdnEligibilityQuery) qy = NULL;
  g_autoptr(GError) error = NULL;

  g_date_clear (&visit, 1);
  g_date_set_dmy (&visit, 15, G_DATE_JUNE, 2025);
  body = tdn_eligibility_fhir_request ("001190012345", "Lê Thị Mai", "14/02/1990", &visit);
  g_assert_nonnull (strstr (body, "\"birthDate\":\"1990-02-14\""));
  g_assert_nonnull (strstr (body, "\"servicedDate\":\"2025-06-15\""));
  q = tdn_eligibility_fhir_parse_request (body, strlen (body), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (q->id, ==, "001190012345");
  g_assert_cmpstr (q->name, ==, "Lê Thị Mai");
  g_assert_cmpstr (q->dob, ==, "14/02/1990");
  g_assert_true (g_date_valid (&q->visit));
  g_assert_cmpint (g_date_compare (&q->visit, &visit), ==, 0);

  year = tdn_eligibility_fhir_request ("0112345678", "A", "1990", NULL);
  qy = tdn_eligibility_fhir_parse_request (year, strlen (year), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qy->dob, ==, "1990");
  g_assert_false (g_date_valid (&qy->visit));
}

static void
test_bad_requests (void)
{
  const char *cases[] = {
    "", "[]", "<html>", "{\"resourceType\":\"Patient\"}",
    "{\"resourceType\":\"CoverageEligibilityRequest\"}",
    "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"reference\":\"#p\"}}",
    "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"reference\":\"#p\"},"
    "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"q\"}]}",
    "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"reference\":\"#p\"},"
    "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"identifier\":[{\"value\":\"1\"}],"
    "\"name\":[{\"text\":\"A\"}],\"birthDate\":\"14/02/1990\"}]}",
    "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"reference\":\"#p\"},"
    "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"identifier\":[{\"value\":1}],"
    "\"name\":[{\"text\":\"A\"}],\"birthDate\":\"1990\"}]}",
    "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"reference\":\"#p\"},"
    "\"servicedDate\":\"2025-02-30\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"identifier\":[{\"value\":\"1\"}],\"name\":[{\"text\":\"A\"}],\"birthDate\":\"1990\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnEligibilityQuery) q = tdn_eligibility_fhir_parse_request (cases[i], strlen (cases[i]), &error);
      g_test_message ("case %u", i);
      g_assert_null (q);
      g_assert_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED);
    }
}

static void
test_response_round_trip (void)
{
  g_autoptr(TdnEligibility) r = tdn_eligibility_new_for_code ("003");
  g_autoptr(TdnEligibility) back = NULL;
  g_autoptr(TdnEligibility) down_back = NULL;
  g_autoptr(TdnEligibility) down = tdn_eligibility_new_unavailable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *down_body = NULL;

  r->status = TDN_ELIGIBILITY_ELIGIBLE;
  r->card_number = g_strdup ("HT3010111111111");
  r->benefit_level = 3;
  r->valid_from = g_strdup ("2021-01-01");
  r->valid_to = g_strdup ("2035-12-31");
  r->registered_facility = g_strdup ("01999");
  r->registered_here = TRUE;
  r->five_year_date = g_strdup ("2019-03-01");
  r->new_card = TRUE;
  body = tdn_eligibility_fhir_response (r);
  g_assert_nonnull (strstr (body, "\"outcome\":\"complete\""));
  back = tdn_eligibility_fhir_parse_response (body, strlen (body), &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpstr (back->code, ==, "003");
  g_assert_cmpstr (back->message_vi, ==, r->message_vi);
  g_assert_cmpstr (back->message_en, ==, r->message_en);
  g_assert_cmpstr (back->card_number, ==, "HT3010111111111");
  g_assert_cmpint (back->benefit_level, ==, 3);
  g_assert_cmpstr (back->valid_from, ==, "2021-01-01");
  g_assert_cmpstr (back->valid_to, ==, "2035-12-31");
  g_assert_cmpstr (back->registered_facility, ==, "01999");
  g_assert_true (back->registered_here);
  g_assert_cmpstr (back->five_year_date, ==, "2019-03-01");
  g_assert_true (back->new_card);

  down_body = tdn_eligibility_fhir_response (down);
  g_assert_nonnull (strstr (down_body, "\"outcome\":\"error\""));
  down_back = tdn_eligibility_fhir_parse_response (down_body, strlen (down_body), &error);
  g_assert_no_error (error);
  g_assert_cmpint (down_back->status, ==, TDN_ELIGIBILITY_UNAVAILABLE);
  g_assert_null (down_back->card_number);
  g_assert_false (down_back->new_card);

  g_assert_null (tdn_eligibility_fhir_parse_response ("{\"resourceType\":\"CoverageEligibilityResponse\"}", 48, &error));
  g_assert_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_test_add_func ("/eligibility/fhir/request", test_request_round_trip);
  g_test_add_func ("/eligibility/fhir/bad-requests", test_bad_requests);
  g_test_add_func ("/eligibility/fhir/response", test_response_round_trip);
  return g_test_run ();
}
