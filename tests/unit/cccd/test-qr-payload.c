/* test-qr-payload.c — card, 2024 card, BHYT and unknown QR payloads
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-qr-payload.h"

static TdnIdentity *
parse (const char *text)
{
  return tdn_qr_parse ((const guint8 *) text, strlen (text), NULL);
}

#define expect_error_str(text, code) expect_error ((text), strlen (text), (code))

static void
expect_error (const char   *text,
              gsize         len,
              TdnCccdError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) id = tdn_qr_parse ((const guint8 *) text, len, &error);

  g_assert_null (id);
  g_assert_error (error, TDN_CCCD_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
}

static void
expect_iso (const TdnPartialDate *d,
            const char           *iso)
{
  g_autofree char *got = d->year ? tdn_partial_date_to_iso (d) : NULL;

  g_assert_cmpstr (got, ==, iso);
}

static void
test_cccd_doc_examples (void)
{
  g_autoptr(TdnIdentity) a = parse ("001195012345|012345678|Nguyễn Thị Mai|14031995|Nữ|"
                                    "Số 12 Phố Mẫu, Phường Thử, Ba Đình, Hà Nội|10052021");
  g_autoptr(TdnIdentity) b = parse ("079203001234||TRẦN VĂN BÌNH|01012003|Nam|"
                                    "Ấp Mẫu, Xã Thử, Huyện Củ Chi, TP. Hồ Chí Minh|15072021");

  g_assert_nonnull (a);
  g_assert_cmpint (a->source, ==, TDN_IDENTITY_SOURCE_CCCD_QR);
  g_assert_cmpstr (a->id_number, ==, "001195012345");
  g_assert_cmpstr (a->old_id_number, ==, "012345678");
  g_assert_cmpstr (a->full_name, ==, "Nguyễn Thị Mai");
  expect_iso (&a->date_of_birth, "1995-03-14");
  g_assert_cmpint (a->sex, ==, TDN_SEX_FEMALE);
  g_assert_cmpstr (a->place_of_residence, ==, "Số 12 Phố Mẫu, Phường Thử, Ba Đình, Hà Nội");
  expect_iso (&a->date_of_issue, "2021-05-10");
  g_assert_null (a->warnings);

  g_assert_nonnull (b);
  g_assert_null (b->old_id_number);
  g_assert_cmpstr (b->full_name, ==, "TRẦN VĂN BÌNH");
  g_assert_cmpint (b->sex, ==, TDN_SEX_MALE);
  expect_iso (&b->date_of_birth, "2003-01-01");
}

static void
test_can_cuoc_2024 (void)
{
  g_autoptr(TdnIdentity) id = parse ("001224098765||NGUYỄN GIA BẢO|02022018|Nam|"
                                     "Thôn Mẫu, Xã Thử, Tỉnh Hà Nam|20082024|NGUYỄN VĂN AN|LÊ THỊ HOA");

  g_assert_nonnull (id);
  g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_CAN_CUOC_QR);
  g_assert_cmpuint (id->extra_fields->len, ==, 2);
  g_assert_cmpstr (id->extra_fields->pdata[1], ==, "LÊ THỊ HOA");
  expect_iso (&id->date_of_issue, "2024-08-20");
}

static void
test_partial_dob_and_normalisation (void)
{
  /* Decomposed input (NFD), CR LF, a BOM and doubled spaces. */
  g_autoptr(TdnIdentity) a = parse ("\xEF\xBB\xBF" "001048001234||Nguye\xcc\x82\xcc\x83n  Va\xcc\x86n Ba|1948|Nam|Ha\xcc\x80 Nội|01072021\r\n");
  g_autoptr(TdnIdentity) b = parse ("001148001234||Trần Thị Tư|071948|NỮ|Hà Nội|01072021");

  g_assert_nonnull (a);
  g_assert_cmpstr (a->full_name, ==, "Nguyễn Văn Ba");
  g_assert_cmpstr (a->place_of_residence, ==, "Hà Nội");
  expect_iso (&a->date_of_birth, "1948");
  g_assert_nonnull (b);
  expect_iso (&b->date_of_birth, "1948-07");
  g_assert_cmpint (b->sex, ==, TDN_SEX_FEMALE);
}

static void
test_disagreement_is_a_warning (void)
{
  /* The 4th digit says a woman born in 1995; the card says a man. */
  g_autoptr(TdnIdentity) id = parse ("001195012345||Nguyễn Văn Nam|14031995|Nam|Hà Nội|10052021");

  g_assert_nonnull (id);
  g_assert_nonnull (id->warnings);
  g_assert_cmpuint (id->warnings->len, ==, 1);
}

static void
test_errors (void)
{
  g_autofree char *many = NULL;
  g_autofree char *huge = g_malloc (1 << 20);
  const char nul[] = "001195012345|\0|Nguyễn Thị Mai|14031995|Nữ|Hà Nội|10052021";

  expect_error_str ("", TDN_CCCD_ERROR_EMPTY);
  expect_error_str (" \r\n", TDN_CCCD_ERROR_EMPTY);
  expect_error_str ("001195012345|012345678|Nguyễn Thị Mai|1403", TDN_CCCD_ERROR_FIELD_COUNT);
  expect_error_str ("00119501234X||Nguyễn Thị Mai|14031995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_ID);
  expect_error_str ("00119501234||Nguyễn Thị Mai|14031995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_ID);
  expect_error_str ("001195012345||Nguyễn Thị Mai|30021995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_DATE);
  expect_error_str ("001195012345||Nguyễn Thị Mai|14031995|Nữ|Hà Nội|10051991", TDN_CCCD_ERROR_BAD_DATE);
  expect_error_str ("001195012345||Nguyễn Thị Mai|14031995|Nữ|Hà Nội|102021", TDN_CCCD_ERROR_BAD_DATE);
  expect_error_str ("001195012345||Nguyễn Thị Mai|14031995|X|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_SEX);
  expect_error_str ("001195012345|12345|Nguyễn Thị Mai|14031995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_FIELD);
  expect_error_str ("001195012345|||14031995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_FIELD);
  /* Born in the future (the test clock says 2026-11-23). */
  expect_error_str ("001330012345||Nguyễn Thị Mai|14032030|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_BAD_DATE);
  /* Mojibake: UTF-8 read as Windows-1252, and as Shift-JIS. */
  expect_error_str ("001195012345||Nguyá»…n Thá»‹ Mai|14031995|Ná»¯|HÃ  Ná»™i|10052021", TDN_CCCD_ERROR_NOT_TEXT);
  expect_error_str ("001195012345||Nguy繝ｼn Th盻 Mai|14031995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_NOT_TEXT);
  /* Invalid UTF-8 and embedded NUL. */
  expect_error_str ("001195012345||Nguy\xc3\x28n|14031995|Nữ|Hà Nội|10052021", TDN_CCCD_ERROR_NOT_TEXT);
  expect_error (nul, sizeof nul - 1, TDN_CCCD_ERROR_NOT_TEXT);

  /* Hostile: 4 000 separators after a real ID, 10 000 separators, 1 MB. */
  many = g_strnfill (4000, '|');
  {
    g_autofree char *p = g_strconcat ("001195012345", many, NULL);
    expect_error (p, strlen (p), TDN_CCCD_ERROR_FIELD_COUNT);
  }
  {
    g_autofree char *p = g_strnfill (10000, '|');
    expect_error (p, strlen (p), TDN_CCCD_ERROR_TOO_LONG);
  }
  memset (huge, 'A', 1 << 20);
  expect_error (huge, 1 << 20, TDN_CCCD_ERROR_TOO_LONG);
}

static void
test_unrecognised (void)
{
  const char *others[] = {
    "https://vneid.gov.vn/xac-thuc?ma=ABCDEF123",
    "{\"cccd\":\"001195012345\",\"hoTen\":\"Nguyễn Thị Mai\"}",
    "||||||||",
    "Xin chào",
    "VNEID|7f3a9c|2|QID|EXT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnIdentity) id = tdn_qr_parse ((const guint8 *) others[i], strlen (others[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_UNRECOGNISED);
      g_assert_cmpuint (id->payload_length, ==, strlen (others[i]));
      g_assert_null (id->id_number);
      g_assert_null (id->full_name);
    }
}

static char *
hex (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    g_string_append_printf (out, "%02X", *p);
  return g_string_free (out, FALSE);
}

static void
test_bhyt (void)
{
  g_autofree char *name = hex ("Lê Thị Mai");
  g_autofree char *addr = hex ("Phường Láng, Thành phố Hà Nội");
  g_autofree char *payload = g_strdup_printf ("GD4010112345678|%s|14/02/1990|2|%s|01 - 999|01/01/2025|"
                                              "31/12/2025|01/01/2025|01000|||01/03/2019|$", name, addr);
  g_autoptr(TdnIdentity) id = parse (payload);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *card;

  g_assert_nonnull (id);
  g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_BHYT_QR);
  g_assert_cmpstr (id->full_name, ==, "Lê Thị Mai");
  g_assert_cmpstr (id->place_of_residence, ==, "Phường Láng, Thành phố Hà Nội");
  g_assert_cmpint (id->sex, ==, TDN_SEX_FEMALE);
  expect_iso (&id->date_of_birth, "1990-02-14");
  g_assert_cmpstr (id->bhyt_card->card_number, ==, "GD4010112345678");
  g_assert_cmpstr (id->bhyt_card->registered_facility, ==, "01999");
  expect_iso (&id->bhyt_card->valid_from, "2025-01-01");
  expect_iso (&id->bhyt_card->valid_to, "2025-12-31");
  expect_iso (&id->bhyt_card->five_year_date, "2019-03-01");

  json = tdn_identity_to_json (id);
  card = json_object_get_object_member (json_node_get_object (json), "bhyt_card");
  g_assert_cmpstr (json_object_get_string_member (card, "registered_facility"), ==, "01999");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "source"), ==, "bhyt_qr");

  {
    g_autofree char *p = g_strdup_printf ("GD4010112345678|C328|14/02/1990|2|%s|01 - 999|01/01/2025|31/12/2025|01/01/2025|$", addr);
    expect_error (p, strlen (p), TDN_CCCD_ERROR_NOT_TEXT);
  }
  {
    g_autofree char *p = g_strdup_printf ("GD4010112345678|%s|14/02/1990|2|%s|01 - 99|01/01/2025|31/12/2025|01/01/2025|$", name, addr);
    expect_error (p, strlen (p), TDN_CCCD_ERROR_BAD_FIELD);
  }
  {
    g_autofree char *p = g_strdup_printf ("GD4010112345678|%s|14/02/1990|2|%s|01 - 999|01/01/2026|31/12/2025|01/01/2025|$", name, addr);
    expect_error (p, strlen (p), TDN_CCCD_ERROR_BAD_DATE);
  }
  {
    g_autofree char *p = g_strdup_printf ("GD4010112345678|%s|14/02/1990|$", name);
    expect_error (p, strlen (p), TDN_CCCD_ERROR_FIELD_COUNT);
  }
}

static void
test_json_keys (void)
{
  g_autoptr(TdnIdentity) id = parse ("079203001234||TRẦN VĂN BÌNH|01012003|Nam|TP. Hồ Chí Minh|15072021");
  g_autoptr(JsonNode) json = tdn_identity_to_json (id);
  JsonObject *o = json_node_get_object (json);
  const char *keys[] = {
    "id_number", "old_id_number", "full_name", "date_of_birth", "sex", "nationality", "ethnicity",
    "religion", "place_of_origin", "place_of_residence", "identifying_marks", "date_of_issue",
    "date_of_expiry", "father_name", "mother_name", "spouse_name", "mrz", "source", "bhyt_card",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (o, "sex"), ==, "male");
  g_assert_cmpstr (json_object_get_string_member (o, "date_of_birth"), ==, "2003-01-01");
  g_assert_true (json_object_get_null_member (o, "old_id_number"));
  g_assert_true (json_object_get_null_member (o, "date_of_expiry"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* 2026-11-23 10:00 in Vietnam. */
  tdn_clock_set_timezone ("Asia/Ho_Chi_Minh");
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795417200) * G_USEC_PER_SEC);
  g_test_add_func ("/qr/cccd-doc-examples", test_cccd_doc_examples);
  g_test_add_func ("/qr/can-cuoc-2024", test_can_cuoc_2024);
  g_test_add_func ("/qr/partial-dob-and-normalisation", test_partial_dob_and_normalisation);
  g_test_add_func ("/qr/disagreement-is-a-warning", test_disagreement_is_a_warning);
  g_test_add_func ("/qr/errors", test_errors);
  g_test_add_func ("/qr/unrecognised", test_unrecognised);
  g_test_add_func ("/qr/bhyt", test_bhyt);
  g_test_add_func ("/qr/json-keys", test_json_keys);
  return g_test_run ();
}
