/* test-eligibility-gateway.c — parsing KQNhanLichSuKCB2024 answers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-eligibility.h"

#define OK_BODY \
  "{\"maKetQua\":\"000\",\"ghiChu\":\"Thẻ còn giá trị sử dụng!\"," \
  "\"maThe\":\"GD4010112345678\",\"hoTen\":\"Lê Thị Mai\",\"ngaySinh\":\"14/02/1990\"," \
  "\"gioiTinh\":\"Nữ\",\"maDKBD\":\"01999\",\"gtTheTu\":\"01/01/2025\"," \
  "\"gtTheDen\":\"31/12/2025\",\"maKV\":\"\",\"ngayDu5Nam\":\"01/03/2019\"," \
  "\"maSoBHXH\":\"0112345678\",\"maTheCu\":\"\",\"maTheMoi\":\"GD4010112345678\"," \
  "\"gtTheTuMoi\":\"01/01/2025\",\"gtTheDenMoi\":\"31/12/2025\",\"maDKBDMoi\":\"01999\"," \
  "\"dsLichSuKCB2018\":null,\"dsLichSuKT2018\":[]}"

static GDate visit;

static TdnEligibility *
parse (const char *body,
       const char *facility)
{
  g_autoptr(GError) error = NULL;
  TdnEligibility *e = tdn_eligibility_from_gateway_json (body, strlen (body), facility,
                                                         &visit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

static void
assert_malformed (const char *body,
                  gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnEligibility) e = tdn_eligibility_from_gateway_json (body, len, "01999",
                                                                   &visit, &error);
  g_assert_null (e);
  g_assert_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED);
}

static void
test_eligible (void)
{
  g_autoptr(TdnEligibility) e = parse (OK_BODY, "01999");

  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpstr (e->code, ==, "000");
  g_assert_cmpstr (e->card_number, ==, "GD4010112345678");
  g_assert_cmpstr (e->valid_from, ==, "2025-01-01");
  g_assert_cmpstr (e->valid_to, ==, "2025-12-31");
  g_assert_cmpstr (e->five_year_date, ==, "2019-03-01");
  g_assert_cmpstr (e->registered_facility, ==, "01999");
  g_assert_true (e->registered_here);
  g_assert_cmpint (e->benefit_level, ==, 4);
  g_assert_false (e->new_card);
  g_assert_cmpstr (e->raw_json, ==, OK_BODY);
}

static void
test_other_facility (void)
{
  g_autoptr(TdnEligibility) e = parse (OK_BODY, "79014");
  g_autoptr(TdnEligibility) none = parse (OK_BODY, "");

  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpstr (e->registered_facility, ==, "01999");
  g_assert_false (e->registered_here);
  g_assert_false (none->registered_here);
}

static void
test_not_found_nulls (void)
{
  g_autoptr(TdnEligibility) e = parse (
    "{\"maKetQua\":\"050\",\"ghiChu\":\"Thẻ không tồn tại!\",\"maThe\":null,\"hoTen\":null,"
    "\"ngaySinh\":null,\"maDKBD\":null,\"gtTheTu\":null,\"gtTheDen\":null,\"maTheMoi\":null,"
    "\"dsLichSuKCB2018\":null}", "01999");

  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_null (e->card_number);
  g_assert_null (e->valid_from);
  g_assert_null (e->registered_facility);
  g_assert_cmpint (e->benefit_level, ==, 0);
}

static void
test_mismatch_keeps_card (void)
{
  g_autoptr(TdnEligibility) e = parse (
    "{\"maKetQua\":\"060\",\"maThe\":\"TE1010112345678\",\"maDKBD\":\"01999\","
    "\"gtTheTu\":\"01/01/2025\",\"gtTheDen\":\"31/12/2030\"}", "01999");

  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_INPUT_MISMATCH);
  g_assert_cmpstr (e->card_number, ==, "TE1010112345678");
  g_assert_cmpint (e->benefit_level, ==, 1);
}

#define NEW_CARD(code, from, to) \
  "{\"maKetQua\":\"" code "\",\"maThe\":\"GD4010112345678\",\"gtTheTu\":\"01/01/2024\"," \
  "\"gtTheDen\":\"31/12/2024\",\"maDKBD\":\"01999\",\"maTheCu\":null," \
  "\"maTheMoi\":\"HT3010112345678\",\"gtTheTuMoi\":\"" from "\",\"gtTheDenMoi\":\"" to "\"," \
  "\"maDKBDMoi\":\"01010\"}"

static void
test_new_card (void)
{
  g_autoptr(TdnEligibility) e003 = parse (NEW_CARD ("003", "01/01/2025", "31/12/2025"), "01999");
  g_autoptr(TdnEligibility) e003_late = parse (NEW_CARD ("003", "01/07/2025", "31/12/2025"), "01999");
  g_autoptr(TdnEligibility) e004 = parse (NEW_CARD ("004", "15/06/2025", "31/12/2025"), "01999");
  g_autoptr(TdnEligibility) e004_out = parse (NEW_CARD ("004", "16/06/2025", "31/12/2025"), "01999");
  g_autoptr(TdnEligibility) ok = parse (OK_BODY, "01999");

  /* 003: only the new card is valid, and only inside its validity. */
  g_assert_cmpint (e003->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_true (e003->new_card);
  g_assert_cmpstr (e003->card_number, ==, "HT3010112345678");
  g_assert_cmpint (e003->benefit_level, ==, 3);
  g_assert_cmpstr (e003->valid_from, ==, "2025-01-01");
  g_assert_cmpstr (e003->registered_facility, ==, "01010");
  g_assert_false (e003->registered_here);
  g_assert_cmpstr (e003->message_en, !=, ok->message_en);

  g_assert_cmpint (e003_late->status, ==, TDN_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_false (e003_late->new_card);
  g_assert_cmpstr (e003_late->card_number, ==, "GD4010112345678");

  /* 004: stays a warning; the new card is preferred when it applies
   * (visit date 15/06/2025 is the first day). */
  g_assert_cmpint (e004->status, ==, TDN_ELIGIBILITY_ELIGIBLE_WARNING);
  g_assert_true (e004->new_card);
  g_assert_cmpstr (e004->card_number, ==, "HT3010112345678");
  g_assert_cmpint (e004_out->status, ==, TDN_ELIGIBILITY_ELIGIBLE_WARNING);
  g_assert_false (e004_out->new_card);
  g_assert_cmpstr (e004_out->card_number, ==, "GD4010112345678");
  g_assert_cmpstr (e004_out->valid_to, ==, "2024-12-31");
}

static void
test_loose_types (void)
{
  /* Numbers where strings are expected, bad dates, wrong-sized fields. */
  g_autoptr(TdnEligibility) num = parse ("{\"maKetQua\":0,\"maThe\":123,\"gtTheTu\":\"31/02/2025\","
                                         "\"gtTheDen\":\"2025-12-31\",\"maDKBD\":\"0199\","
                                         "\"ngayDu5Nam\":true}", "01999");
  g_autoptr(TdnEligibility) unknown = parse ("{\"maKetQua\":\"777\"}", "01999");
  g_autoptr(TdnEligibility) padded = parse ("{\"maKetQua\":\" 10 \"}", NULL);

  g_assert_cmpstr (num->code, ==, "000");
  g_assert_cmpint (num->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_null (num->card_number);
  g_assert_null (num->valid_from);
  g_assert_null (num->valid_to);
  g_assert_null (num->registered_facility);
  g_assert_null (num->five_year_date);
  g_assert_cmpint (unknown->status, ==, TDN_ELIGIBILITY_UNAVAILABLE);
  g_assert_cmpstr (unknown->code, ==, "777");
  g_assert_cmpstr (padded->code, ==, "010");
  g_assert_cmpint (padded->status, ==, TDN_ELIGIBILITY_NOT_ELIGIBLE);
}

static void
test_malformed (void)
{
  const char *html = "<html><body><h1>500 Internal Server Error</h1></body></html>";
  const char *cases[] = {
    html, "", "{\"maKetQua\":\"000\",\"maThe\":\"GD40", "[]", "null", "\"000\"",
    "{}", "{\"maKetQua\":null}", "{\"maKetQua\":\"\"}", "{\"maKetQua\":\"0001\"}",
    "{\"maKetQua\":\"abc\"}", "{\"maKetQua\":1.5}", "{\"maKetQua\":-1}",
    "{\"maKetQua\":{}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_malformed (cases[i], strlen (cases[i]));
  /* The length is what counts, not a terminator. */
  assert_malformed (OK_BODY, strlen (OK_BODY) - 5);
}

/* "Null hoTenCb" means the broker's officer fields are missing: the
 * hospital's configuration, never the patient's details. */
static void
test_null_officer (void)
{
  const char *text = "Null hoTenCb";
  const char *json = "{\"maKetQua\":\"205\",\"ghiChu\":\"Null hoTenCb\",\"maThe\":null}";
  const char *cccd = "{\"maKetQua\":\"205\",\"ghiChu\":\"Null cccdCb\"}";
  g_autoptr(TdnEligibility) a = parse (text, "01999");
  g_autoptr(TdnEligibility) b = parse (json, "01999");
  g_autoptr(TdnEligibility) c = parse (cccd, "01999");
  g_autoptr(TdnEligibility) plain205 = parse ("{\"maKetQua\":\"205\",\"ghiChu\":\"Sai định dạng\"}", "01999");

  g_assert_cmpint (a->status, ==, TDN_ELIGIBILITY_CONFIG_ERROR);
  g_assert_cmpstr (a->code, ==, "205");
  g_assert_null (a->raw_json);
  g_assert_cmpint (b->status, ==, TDN_ELIGIBILITY_CONFIG_ERROR);
  g_assert_cmpstr (b->code, ==, "205");
  g_assert_cmpint (c->status, ==, TDN_ELIGIBILITY_CONFIG_ERROR);
  g_assert_cmpstr (a->message_en, ==, b->message_en);
  g_assert_nonnull (strstr (b->message_en, "desk"));
  g_assert_cmpint (plain205->status, ==, TDN_ELIGIBILITY_INPUT_MISMATCH);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_date_clear (&visit, 1);
  g_date_set_dmy (&visit, 15, G_DATE_JUNE, 2025);
  g_test_add_func ("/eligibility/gateway/eligible", test_eligible);
  g_test_add_func ("/eligibility/gateway/other-facility", test_other_facility);
  g_test_add_func ("/eligibility/gateway/not-found-nulls", test_not_found_nulls);
  g_test_add_func ("/eligibility/gateway/mismatch-keeps-card", test_mismatch_keeps_card);
  g_test_add_func ("/eligibility/gateway/new-card", test_new_card);
  g_test_add_func ("/eligibility/gateway/loose-types", test_loose_types);
  g_test_add_func ("/eligibility/gateway/malformed", test_malformed);
  g_test_add_func ("/eligibility/gateway/null-officer", test_null_officer);
  return g_test_run ();
}
