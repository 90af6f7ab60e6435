/* test-eligibility.c — maKetQua classification table and result model
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-eligibility.h"
#include "tdn-gateway-client.h"

typedef struct {
  const char *code;
  const char *status;
} Expect;

/* Every code of bhyt-gateway.md §3 with the class ADR 0300 gives it. */
static const Expect table[] = {
  { "000", "eligible" },
  { "001", "eligible_warning" }, { "002", "eligible_warning" },
  { "003", "not_eligible" },     { "004", "eligible_warning" },
  { "010", "not_eligible" },     { "050", "not_eligible" },
  { "051", "input_mismatch" },   { "052", "input_mismatch" },
  { "053", "input_mismatch" },   { "054", "config_error" },
  { "055", "config_error" },     { "060", "input_mismatch" },
  { "061", "input_mismatch" },   { "070", "input_mismatch" },
  { "080", "input_mismatch" },   { "090", "input_mismatch" },
  { "100", "unavailable" },      { "101", "unavailable" },
  { "110", "not_eligible" },     { "120", "not_eligible" },
  { "121", "not_eligible" },     { "122", "not_eligible" },
  { "123", "not_eligible" },     { "124", "not_eligible" },
  { "130", "eligible_warning" }, { "205", "input_mismatch" },
  { "401", "config_error" },     { "500", "unavailable" },
  { "999", "unavailable" },      { "", "unavailable" },
};

static void
test_every_code (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(TdnEligibility) e = tdn_eligibility_new_for_code (table[i].code);
      TdnEligibilityStatus parsed;

      g_test_message ("code %s", table[i].code);
      g_assert_cmpstr (tdn_eligibility_status_to_string (e->status), ==, table[i].status);
      g_assert_cmpint (tdn_eligibility_classify (table[i].code), ==, e->status);
      g_assert_cmpstr (e->code, ==, table[i].code);
      g_assert_true (tdn_eligibility_status_from_string (table[i].status, &parsed));
      g_assert_cmpint (parsed, ==, e->status);
      /* Both languages are always filled, from the catalogues. */
      g_assert_nonnull (e->message_vi);
      g_assert_nonnull (e->message_en);
      g_assert_cmpuint (strlen (e->message_en), >, 10);
      g_assert_cmpstr (e->message_en, ==, tdn_i18n_translate ("en", e->message_en));
      g_assert_null (e->card_number);
      g_assert_false (e->new_card);
    }
}

static void
test_unknown_code_has_distinct_message (void)
{
  g_autoptr(TdnEligibility) unknown = tdn_eligibility_new_for_code ("777");
  g_autoptr(TdnEligibility) ok = tdn_eligibility_new_for_code ("000");
  g_autoptr(TdnEligibility) down = tdn_eligibility_new_unavailable ();

  g_assert_cmpstr (unknown->message_en, !=, ok->message_en);
  g_assert_cmpint (down->status, ==, TDN_ELIGIBILITY_UNAVAILABLE);
  g_assert_cmpstr (down->code, ==, "");
  g_assert_true (g_str_has_prefix (down->message_en, "The insurance service"));
}

static void
test_status_strings (void)
{
  TdnEligibilityStatus s = TDN_ELIGIBILITY_ELIGIBLE;

  g_assert_false (tdn_eligibility_status_from_string ("ok", &s));
  g_assert_false (tdn_eligibility_status_from_string (NULL, &s));
  g_assert_cmpint (s, ==, TDN_ELIGIBILITY_ELIGIBLE);
}

static void
test_card_numbers (void)
{
  g_assert_true (tdn_eligibility_is_card_number ("GD4010112345678"));
  g_assert_cmpint (tdn_eligibility_benefit_level ("GD4010112345678"), ==, 4);
  g_assert_cmpint (tdn_eligibility_benefit_level ("TE1010112345678"), ==, 1);
  g_assert_cmpint (tdn_eligibility_benefit_level ("CK2790112345678"), ==, 2);
  g_assert_cmpint (tdn_eligibility_benefit_level ("HT3790112345678"), ==, 3);
  g_assert_cmpint (tdn_eligibility_benefit_level ("QN5790112345678"), ==, 5);
  g_assert_cmpint (tdn_eligibility_benefit_level ("GD6010112345678"), ==, 0);
  g_assert_cmpint (tdn_eligibility_benefit_level ("GD0010112345678"), ==, 0);
  g_assert_cmpint (tdn_eligibility_benefit_level ("gd4010112345678"), ==, 0);
  g_assert_cmpint (tdn_eligibility_benefit_level ("GD401011234567"), ==, 0);
  g_assert_cmpint (tdn_eligibility_benefit_level ("GD40101123456789"), ==, 0);
  g_assert_cmpint (tdn_eligibility_benefit_level ("001190012345"), ==, 0);
  g_assert_cmpint (tdn_eligibility_benefit_level (NULL), ==, 0);
}

static void
check (char *got, const char *want)
{
  g_assert_cmpstr (got, ==, want);
  g_free (got);
}

static void
test_gateway_inputs (void)
{
  /* Decomposed "Lê" (e + U+0302 + U+0300) becomes NFC; spaces collapse. */
  check (tdn_gateway_normalize_name ("  Le\xcc\x82\xcc\x80   Thị\tMai  "), "L\xe1\xbb\x81 Thị Mai");
  check (tdn_gateway_normalize_name ("   "), NULL);
  check (tdn_gateway_normalize_name ("\xff"), NULL);
  check (tdn_gateway_normalize_name (NULL), NULL);
  check (tdn_gateway_password_hash ("sim-password"), "780CDEAC1A4F5F1706AE32F0E695B15B");
  check (tdn_gateway_password_hash (""), "D41D8CD98F00B204E9800998ECF8427E");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_test_add_func ("/eligibility/every-code", test_every_code);
  g_test_add_func ("/eligibility/unknown-code", test_unknown_code_has_distinct_message);
  g_test_add_func ("/eligibility/status-strings", test_status_strings);
  g_test_add_func ("/eligibility/card-numbers", test_card_numbers);
  g_test_add_func ("/eligibility/gateway-inputs", test_gateway_inputs);
  return g_test_run ();
}
