/* test-qr-hostile.c — every QR example of the shared docs, and what a
 * broken scanner or an attacker can send: truncation at every byte,
 * mojibake, separators, NUL, sizes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-qr-payload.h"

/* cccd-chip-and-qr.md §5, his-printing-platform.md §4. */
static const char *const cccd_examples[] = {
  "001195012345|012345678|Nguyễn Thị Mai|14031995|Nữ|Số 12 Phố Mẫu, Phường Thử, Ba Đình, Hà Nội|10052021",
  "079203001234||TRẦN VĂN BÌNH|01012003|Nam|Ấp Mẫu, Xã Thử, Huyện Củ Chi, TP. Hồ Chí Minh|15072021",
  "001085012345|123456789|Nguyễn Văn An|15031985|Nam|…|01072021",
};

static char *
hex (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    g_string_append_printf (out, "%02X", *p);
  return g_string_free (out, FALSE);
}

/* bhyt-gateway.md §4: the QĐ 1313 layout, ĐKBĐ printed "79 - 014". */
static char *
bhyt_example (void)
{
  g_autofree char *name = hex ("Lê Thị Mai");
  g_autofree char *addr = hex ("Phường Láng, Thành phố Hà Nội");

  return g_strdup_printf ("GD4790112345678|%s|14/02/1990|2|%s|79 - 014|01/01/2025|31/12/2025|"
                          "01/01/2025|79000||K1|01/03/2019|$", name, addr);
}

static TdnIdentity *
parse_len (const char *text, gsize len, GError **error)
{
  return tdn_qr_parse ((const guint8 *) text, len, error);
}

static void
test_doc_examples (void)
{
  g_autofree char *bhyt = bhyt_example ();
  const char *ids[] = { "001195012345", "079203001234", "001085012345" };
  const char *names[] = { "Nguyễn Thị Mai", "TRẦN VĂN BÌNH", "Nguyễn Văn An" };

  for (guint i = 0; i < G_N_ELEMENTS (cccd_examples); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnIdentity) id = parse_len (cccd_examples[i], strlen (cccd_examples[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_CCCD_QR);
      g_assert_cmpstr (id->id_number, ==, ids[i]);
      g_assert_cmpstr (id->full_name, ==, names[i]);
    }
  {
    const char *p = "001224098765||NGUYỄN GIA BẢO|02022018|Nam|Thôn Mẫu, Xã Thử, Tỉnh Hà Nam|20082024|…";
    g_autoptr(TdnIdentity) id = parse_len (p, strlen (p), NULL);

    g_assert_nonnull (id);
    g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_CAN_CUOC_QR);
    g_assert_cmpuint (id->extra_fields->len, ==, 1);
    g_assert_cmpstr (id->extra_fields->pdata[0], ==, "…");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TdnIdentity) id = parse_len (bhyt, strlen (bhyt), &error);

    g_assert_no_error (error);
    g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_BHYT_QR);
    g_assert_cmpstr (id->bhyt_card->registered_facility, ==, "79014");
    g_assert_cmpstr (id->bhyt_card->card_number, ==, "GD4790112345678");
  }
}

/* The national VNeID QR (cccd-chip-and-qr.md §6) starts with the ID
 * number but is not the card's layout: recorded, never trusted. */
static void
test_vneid_national (void)
{
  const char *p = "001195012345|Nguyễn Thị Mai|14031995|CCCD|QID7f3a9c|EXT";
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) id = parse_len (p, strlen (p), &error);

  g_assert_no_error (error);
  g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_UNRECOGNISED);
  g_assert_cmpuint (id->payload_length, ==, strlen (p));
  g_assert_null (id->id_number);
  g_assert_null (id->full_name);
}

/* Cut at every byte: an error or "unrecognised", never a wrong identity
 * and never a crash. */
static void
test_truncated_everywhere (void)
{
  g_autofree char *bhyt = bhyt_example ();
  const char *all[G_N_ELEMENTS (cccd_examples) + 1];
  guint errors = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cccd_examples); i++)
    all[i] = cccd_examples[i];
  all[G_N_ELEMENTS (cccd_examples)] = bhyt;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    for (gsize len = 1; len < strlen (all[i]); len++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *copy = g_strndup (all[i], len);
        g_autoptr(TdnIdentity) id = parse_len (copy, len, &error);

        if (id == NULL)
          {
            g_assert_nonnull (error);
            g_assert_true (error->domain == TDN_CCCD_ERROR);
            g_assert_null (strchr (error->message, '\n'));
            errors++;
            continue;
          }
        g_assert_no_error (error);
        /* A card payload cut short never passes as the card. */
        g_assert_cmpint (id->source, ==, TDN_IDENTITY_SOURCE_UNRECOGNISED);
        g_assert_null (id->id_number);
      }
  g_assert_cmpuint (errors, >, 300);
}

static void
test_mojibake (void)
{
  /* UTF-8 read as Windows-1252 then sent as UTF-8 again; read as
   * Latin-1 and sent as Latin-1 bytes (invalid UTF-8); zbar's SJIS guess. */
  const char *garbled[] = {
    "079203001234||TRáº¦N VÄ‚N BÃŒNH|01012003|Nam|áº¤p Máº«u|15072021",
    "079203001234||TR\xc2\xba\xa6N V\xc4\x82N B\xc3\x8cNH|01012003|Nam|\xe1p|15072021",
    "079203001234||TR\xe1\xba\xa6N V\xc3\x82N|01012003|N\xe1\xbb|H\xe0 N\xf4i|15072021",
    "001195012345||Nguy繝ｼn Th盻 Mai|14031995|N盻ｯ|H\xc3\xa0 N盻冓|10052021",
  };

  for (guint i = 0; i < G_N_ELEMENTS (garbled); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnIdentity) id = parse_len (garbled[i], strlen (garbled[i]), &error);

      g_test_message ("case %u", i);
      g_assert_null (id);
      g_assert_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_NOT_TEXT);
    }
}

static void
test_hostile (void)
{
  struct { gsize len; char fill; } cases[] = {
    { 10000, '|' }, { 1 << 20, '|' }, { 1 << 20, 'A' }, { TDN_QR_MAX_PAYLOAD, '|' },
    { TDN_QR_MAX_PAYLOAD + 1, '9' }, { TDN_QR_MAX_PAYLOAD, '$' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *p = g_malloc (cases[i].len);
      g_autoptr(TdnIdentity) id = NULL;

      memset (p, cases[i].fill, cases[i].len);
      id = parse_len (p, cases[i].len, &error);
      g_test_message ("case %u", i);
      if (cases[i].len > TDN_QR_MAX_PAYLOAD)
        g_assert_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_TOO_LONG);
      else
        g_assert_true (id == NULL ? error != NULL
                                  : id->source == TDN_IDENTITY_SOURCE_UNRECOGNISED);
    }
  /* A real card payload with a NUL in every position. */
  for (gsize at = 0; at < strlen (cccd_examples[0]); at += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *p = g_strdup (cccd_examples[0]);
      g_autoptr(TdnIdentity) id = NULL;

      p[at] = '\0';
      id = parse_len (p, strlen (cccd_examples[0]), &error);
      g_assert_null (id);
      g_assert_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_NOT_TEXT);
    }
  /* A card payload with 60 extra separators: kept as 2024 extras, counted. */
  {
    g_autofree char *tail = g_strnfill (50, '|');
    g_autofree char *p = g_strconcat (cccd_examples[1], tail, NULL);
    g_autoptr(TdnIdentity) id = parse_len (p, strlen (p), NULL);

    g_assert_nonnull (id);
    g_assert_cmpuint (id->extra_fields->len, ==, 50);
  }
  /* The JSON of a hostile but valid payload is still one line of JSON. */
  {
    const char *p = "079203001234||TRẦN \"VĂN\" \\BÌNH\\|01012003|Nam|<script>alert(1)</script>|15072021";
    g_autoptr(TdnIdentity) id = parse_len (p, strlen (p), NULL);
    g_autoptr(JsonNode) json = tdn_identity_to_json (id);
    g_autofree char *text = json_to_string (json, FALSE);

    g_assert_nonnull (strstr (text, "\\\"VĂN\\\""));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  tdn_clock_set_timezone ("Asia/Ho_Chi_Minh");
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795417200) * G_USEC_PER_SEC);
  g_test_add_func ("/qr/doc-examples", test_doc_examples);
  g_test_add_func ("/qr/vneid-national", test_vneid_national);
  g_test_add_func ("/qr/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/qr/mojibake", test_mojibake);
  g_test_add_func ("/qr/hostile", test_hostile);
  return g_test_run ();
}
