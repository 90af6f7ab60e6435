/* test-eligibility.c — every maKetQua, new cards, and broken answers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-eligibility.h"

static const TdnPartialDate visit = { 2025, 9, 15 };

static TdnEligibility *
classify (const char *body)
{
  return tdn_eligibility_from_gateway (body, strlen (body), 200, &visit, "01999");
}

static void
test_every_code (void)
{
  const struct { const char *code; TdnEligibilityStatus status; } table[] = {
    { "000", TDN_ELIGIBILITY_ELIGIBLE }, { "001", TDN_ELIGIBILITY_ELIGIBLE_WARNING },
    { "002", TDN_ELIGIBILITY_ELIGIBLE_WARNING }, { "003", TDN_ELIGIBILITY_NOT_ELIGIBLE },
    { "004", TDN_ELIGIBILITY_ELIGIBLE_WARNING }, { "010", TDN_ELIGIBILITY_NOT_ELIGIBLE },
    { "050", TDN_ELIGIBILITY_NOT_ELIGIBLE }, { "051", TDN_ELIGIBILITY_INPUT_MISMATCH },
    { "052", TDN_ELIGIBILITY_INPUT_MISMATCH }, { "053", TDN_ELIGIBILITY_INPUT_MISMATCH },
    { "054", TDN_ELIGIBILITY_CONFIG_ERROR }, { "055", TDN_ELIGIBILITY_CONFIG_ERROR },
    { "060", TDN_ELIGIBILITY_INPUT_MISMATCH }, { "061", TDN_ELIGIBILITY_INPUT_MISMATCH },
    { "070", TDN_ELIGIBILITY_INPUT_MISMATCH }, { "100", TDN_ELIGIBILITY_UNAVAILABLE },
    { "101", TDN_ELIGIBILITY_UNAVAILABLE }, { "110", TDN_ELIGIBILITY_NOT_ELIGIBLE },
    { "120", TDN_ELIGIBILITY_NOT_ELIGIBLE }, { "121", TDN_ELIGIBILITY_NOT_ELIGIBLE },
    { "122", TDN_ELIGIBILITY_NOT_ELIGIBLE }, { "123", TDN_ELIGIBILITY_NOT_ELIGIBLE },
    { "124", TDN_ELIGIBILITY_NOT_ELIGIBLE }, { "130", TDN_ELIGIBILITY_ELIGIBLE_WARNING },
    { "205", TDN_ELIGIBILITY_CONFIG_ERROR }, { "401", TDN_ELIGIBILITY_CONFIG_ERROR },
    { "500", TDN_ELIGIBILITY_UNAVAILABLE }, { "999", TDN_ELIGIBILITY_UNAVAILABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"maKetQua\":\"%s\",\"ghiChu\":\"x\"}", table[i].code);
      g_autoptr(TdnEligibility) e = classify (body);

      g_test_message ("%s → %s", table[i].code, tdn_eligibility_status_to_string (e->status));
      g_assert_cmpint (e->status, ==, table[i].status);
      g_assert_cmpstr (e->code, ==, table[i].code);
      g_assert_nonnull (e->message_vi);
      g_assert_nonnull (e->message_en);
    }
}

static void
test_eligible_doc_example (void)
{
  const char *body =
    "{\"maKetQua\":\"000\",\"ghiChu\":\"Thẻ còn giá trị sử dụng!\","
    "\"maThe\":\"GD4010112345678\",\"hoTen\":\"Lê Thị Mai\",\"ngaySinh\":\"14/02/1990\",\"gioiTinh\":\"Nữ\","
    "\"diaChi\":\"Phường Láng, Thành phố Hà Nội\",\"maDKBD\":\"01999\",\"gtTheTu\":\"01/01/2025\","
    "\"gtTheDen\":\"31/12/2025\",\"maKV\":\"\",\"ngayDu5Nam\":\"01/03/2019\",\"maSoBHXH\":\"0112345678\","
    "\"maTheCu\":\"\",\"maTheMoi\":\"GD4010112345678\",\"gtTheTuMoi\":\"01/01/2025\",\"gtTheDenMoi\":\"31/12/2025\","
    "\"maDKBDMoi\":\"01999\",\"dsLichSuKCB2018\":null}";
  g_autoptr(TdnEligibility) e = classify (body);
  g_autoptr(JsonNode) json = tdn_eligibility_to_json (e);
  JsonObject *o = json_node_get_object (json);

  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpstr (e->card_number, ==, "GD4010112345678");
  g_assert_cmpint (e->benefit_level, ==, 4);
  g_assert_cmpint (e->facility, ==, TDN_FACILITY_MATCH);
  g_assert_false (e->new_card);
  g_assert_cmpstr (json_object_get_string_member (o, "valid_to"), ==, "2025-12-31");
  g_assert_cmpstr (json_object_get_string_member (o, "five_year_date"), ==, "2019-03-01");
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "eligible");
  g_assert_cmpint (json_object_get_int_member (o, "benefit_level"), ==, 4);
}

static void
test_new_cards (void)
{
  /* 003: the old card expired; the new one covers the visit → eligible. */
  g_autoptr(TdnEligibility) a = classify (
    "{\"maKetQua\":\"003\",\"maThe\":\"HC4010100000001\",\"gtTheTu\":\"01/01/2024\",\"gtTheDen\":\"31/12/2024\","
    "\"maTheMoi\":\"HT3010100000001\",\"gtTheTuMoi\":\"01/01/2025\",\"gtTheDenMoi\":\"31/12/2025\",\"maDKBDMoi\":\"01010\"}");
  /* 003, but the new card starts after the visit → not eligible. */
  g_autoptr(TdnEligibility) b = classify (
    "{\"maKetQua\":\"003\",\"maThe\":\"HC4010100000001\",\"maTheMoi\":\"HT3010100000001\","
    "\"gtTheTuMoi\":\"01/10/2025\",\"gtTheDenMoi\":\"31/12/2025\"}");
  /* 004: both valid; the new card is used, the desk still looks. */
  g_autoptr(TdnEligibility) c = classify (
    "{\"maKetQua\":\"004\",\"maThe\":\"HC4010100000001\",\"gtTheTu\":\"01/01/2025\",\"gtTheDen\":\"31/12/2025\","
    "\"maTheMoi\":\"HT3010100000001\",\"gtTheTuMoi\":\"01/09/2025\",\"gtTheDenMoi\":\"31/08/2026\"}");

  g_assert_cmpint (a->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_true (a->new_card);
  g_assert_cmpstr (a->card_number, ==, "HT3010100000001");
  g_assert_cmpint (a->benefit_level, ==, 3);
  g_assert_cmpint (a->facility, ==, TDN_FACILITY_ELSEWHERE);
  g_assert_cmpint (b->status, ==, TDN_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_false (b->new_card);
  g_assert_cmpint (c->status, ==, TDN_ELIGIBILITY_ELIGIBLE_WARNING);
  g_assert_true (c->new_card);
  g_assert_cmpstr (c->card_number, ==, "HT3010100000001");
}

static void
test_mismatch_keeps_card_data (void)
{
  g_autoptr(TdnEligibility) e = classify (
    "{\"maKetQua\":\"070\",\"maThe\":\"GD4010112345678\",\"hoTen\":\"Lê Thị Mai\",\"ngaySinh\":\"1990\"}");

  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_INPUT_MISMATCH);
  g_assert_cmpstr (e->name, ==, "Lê Thị Mai");
  g_assert_cmpint (e->date_of_birth.year, ==, 1990);
  g_assert_cmpint (e->date_of_birth.month, ==, 0);
}

static void
test_broken_answers (void)
{
  const char *bodies[] = {
    "<html><body><h1>502 Bad Gateway</h1></body></html>",
    "{\"maKetQua\":\"000\",\"maThe\":\"GD40",
    "",
    "[]",
    "{\"ghiChu\":\"Null hoTenCb\"}",
    "{\"maKetQua\":null}",
    "{\"maKetQua\":{\"x\":1}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(TdnEligibility) e = classify (bodies[i]);

      g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_UNAVAILABLE);
    }
  {
    /* maKetQua as a number; nulls and "" for dates; an expired 000. */
    g_autoptr(TdnEligibility) e = classify ("{\"maKetQua\":0,\"maThe\":null,\"gtTheDen\":\"31/12/2024\",\"gtTheTu\":\"\"}");

    g_assert_cmpstr (e->code, ==, "000");
    g_assert_null (e->card_number);
    g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_NOT_ELIGIBLE);
  }
  {
    g_autoptr(TdnEligibility) e = tdn_eligibility_from_gateway ("", 0, 401, &visit, "01999");

    g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_CONFIG_ERROR);
    g_assert_cmpstr (e->code, ==, "401");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eligibility/every-code", test_every_code);
  g_test_add_func ("/eligibility/eligible-doc-example", test_eligible_doc_example);
  g_test_add_func ("/eligibility/new-cards", test_new_cards);
  g_test_add_func ("/eligibility/mismatch-keeps-card-data", test_mismatch_keeps_card_data);
  g_test_add_func ("/eligibility/broken-answers", test_broken_answers);
  return g_test_run ();
}
