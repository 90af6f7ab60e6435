/* test-chip-data.c — DG13, DG1/MRZ and the expiry rule against the shared
 * docs' worked examples
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-dg13.h"
#include "tdn-expiry.h"
#include "tdn-mrz.h"

/* cccd-chip-and-qr.md §4.2: 433 bytes, fields 1–16, unmarried. */
static const char dg13_hex[] =
  "6D8201AD308201A902010106062 8D316010008318201 9A3011020101130C3030"
  "3131393530313233343530170201020C124E677579E1BB856E205468E1BB8B20"
  "4D6169300F020103130A31342F30332F31393935300902010 40C044EE1BBAF30"
  "0F0201050C0A5669E1BB8774204E616D300902010 60C044B696E68300B020107"
  "0C064B68C3B46E6730350201080C305068C6B0E1BB9D6E672048C3A06E672054"
  "72E1BB916E672C20486FC3A06E204B69E1BABF6D2C2048C3A0204EE1BB996930"
  "3F0201090C3A53E1BB912031322050 68E1BB91204DE1BAAB752C205068C6B0E1"
  "BB9D6E67205468E1BBAD2C2042612 0C490C3AC6E682C2048C3A0204EE1BB9969"
  "303402010A0C2F4EE1BB9174207275E1BB93692043 3A31636D2064C6B0E1BB9B"
  "69207472C6B0E1BB9B63206DC3A970207068E1BAA369300F02010B130A31302F"
  "30352F32303231300F02010C0C0A31342F30332F32303335302B02010D30120C"
  "104E677579E1BB856E2056C4836E2042613012 0C105472E1BAA76E205468E1BB"
  "8B2054C6B03003 02010E300E02010F1309303132333435363738301502011013"
  "1030313233343536373839414243444546";

static GBytes *
unhex (const char *text)
{
  GByteArray *a = g_byte_array_new ();
  int hi = -1;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        continue;
      if (hi < 0)
        hi = g_ascii_xdigit_value (*p);
      else
        {
          guint8 b = (guint8) (hi * 16 + g_ascii_xdigit_value (*p));
          g_byte_array_append (a, &b, 1);
          hi = -1;
        }
    }
  return g_byte_array_free_to_bytes (a);
}

static char *
iso (const TdnPartialDate *d)
{
  return d->year ? tdn_partial_date_to_iso (d) : g_strdup ("none");
}

static void
test_dg13_doc_example (void)
{
  g_autoptr(GBytes) dg13 = unhex (dg13_hex);
  g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
  g_autoptr(GError) error = NULL;
  g_autofree char *dob = NULL, *issued = NULL, *expiry = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (dg13, &len);

  g_assert_cmpuint (len, ==, 433);
  g_assert_true (tdn_dg13_parse (data, len, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id->id_number, ==, "001195012345");
  g_assert_cmpstr (id->full_name, ==, "Nguyễn Thị Mai");
  dob = iso (&id->date_of_birth);
  g_assert_cmpstr (dob, ==, "1995-03-14");
  g_assert_cmpint (id->sex, ==, TDN_SEX_FEMALE);
  g_assert_cmpstr (id->nationality, ==, "Việt Nam");
  g_assert_cmpstr (id->ethnicity, ==, "Kinh");
  g_assert_cmpstr (id->religion, ==, "Không");
  g_assert_cmpstr (id->place_of_origin, ==, "Phường Hàng Trống, Hoàn Kiếm, Hà Nội");
  g_assert_cmpstr (id->place_of_residence, ==, "Số 12 Phố Mẫu, Phường Thử, Ba Đình, Hà Nội");
  g_assert_cmpstr (id->identifying_marks, ==, "Nốt ruồi C:1cm dưới trước mép phải");
  issued = iso (&id->date_of_issue);
  g_assert_cmpstr (issued, ==, "2021-05-10");
  expiry = iso (&id->date_of_expiry);
  g_assert_cmpstr (expiry, ==, "2035-03-14");
  g_assert_cmpstr (id->father_name, ==, "Nguyễn Văn Ba");
  g_assert_cmpstr (id->mother_name, ==, "Trần Thị Tư");
  g_assert_null (id->spouse_name);
  g_assert_cmpstr (id->old_id_number, ==, "012345678");
  g_assert_cmpuint (id->extra_fields->len, ==, 1);
  g_assert_cmpstr (id->extra_fields->pdata[0], ==, "16:0123456789ABCDEF");

  /* Every truncation fails cleanly; none reads past the end. */
  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(TdnIdentity) t = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
      guint8 *copy = g_memdup2 (data, cut);

      g_assert_false (tdn_dg13_parse (copy, cut, t, NULL));
      g_free (copy);
    }
}

static void
test_dg13_variants (void)
{
  /* Lifetime card, spouse present, flat parents' sequence, unknown field,
   * long-form lengths everywhere. */
  const char *hex =
    "6D 81 83 30 81 80 02 01 01 06 06 28 D3 16 01 00 08 31 73"
    " 30 11 02 01 01 13 0C 30 30 31 30 36 32 30 30 30 30 30 31"
    " 30 18 02 01 0C 0C 13 4B 68 C3 B4 6E 67 20 74 68 E1 BB 9D 69 20 68 E1 BA A1 6E"
    " 30 15 02 01 0D 30 10 0C 06 42 E1 BB 91 20 41 0C 06 4D E1 BA B9 20 42"
    " 30 0D 02 01 0E 30 08 0C 06 56 E1 BB A3 20 43"
    " 30 09 02 01 11 04 04 DE AD BE EF"
    " 30 0C 02 01 03 13 07 30 31 2F 31 39 36 32"
    " 30 05 02 01 04 0C 00";
  g_autoptr(GBytes) b = unhex (hex);
  g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
  g_autoptr(GError) error = NULL;
  g_autofree char *dob = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (b, &len);

  g_assert_true (tdn_dg13_parse (data, len, id, &error));
  g_assert_no_error (error);
  g_assert_true (id->no_expiry);
  g_assert_cmpint (id->date_of_expiry.year, ==, 0);
  g_assert_cmpstr (id->father_name, ==, "Bố A");
  g_assert_cmpstr (id->mother_name, ==, "Mẹ B");
  g_assert_cmpstr (id->spouse_name, ==, "Vợ C");
  dob = iso (&id->date_of_birth);
  g_assert_cmpstr (dob, ==, "1962-01");
  g_assert_cmpuint (id->extra_fields->len, ==, 1);
  g_assert_cmpstr (id->extra_fields->pdata[0], ==, "17:DEADBEEF");
}

static void
test_dg13_refused (void)
{
  const char *bad[] = {
    "6D 05 30 03 02 01 01",                                   /* no SET */
    "6D 84 FF FF FF FF 30",                                   /* length past the end */
    "6D 80 30 00 00 00",                                      /* indefinite length */
    "6D 0C 30 0A 31 08 30 06 02 01 01 0C 01 FF",              /* not UTF-8 */
    "6D 12 30 10 31 0E 30 0C 02 01 03 13 07 33 31 2F 30 32 2F",   /* cut date */
    "6D 13 30 11 31 0F 30 0D 02 01 01 13 08 30 30 31 31 39 35 30 31", /* 8-digit ID */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) b = unhex (bad[i]);
      g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
      g_autoptr(GError) error = NULL;
      gsize len;
      const guint8 *data = g_bytes_get_data (b, &len);

      g_assert_false (tdn_dg13_parse (data, len, id, &error));
      g_assert_error (error, TDN_CCCD_ERROR, error->code);
      g_test_message ("%u: %s", i, error->message);
    }
}

static void
test_mrz_doc_example (void)
{
  const char *mrz = "IDVNM1950123452001195012345<<3"
                    "9503146F3503144VNM<<<<<<<<<<<6"
                    "NGUYEN<<THI<MAI<<<<<<<<<<<<<<<";
  g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
  g_autoptr(GError) error = NULL;
  g_autofree char *dob = NULL, *doe = NULL, *info = NULL;

  g_assert_true (tdn_mrz_parse (mrz, strlen (mrz), id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id->id_number, ==, "001195012345");
  dob = iso (&id->date_of_birth);
  doe = iso (&id->date_of_expiry);
  g_assert_cmpstr (dob, ==, "1995-03-14");
  g_assert_cmpstr (doe, ==, "2035-03-14");
  g_assert_cmpint (id->sex, ==, TDN_SEX_FEMALE);
  g_assert_cmpstr (id->nationality, ==, "VNM");
  g_assert_cmpstr (id->full_name, ==, "NGUYEN THI MAI");
  g_assert_cmpstr (id->mrz[2], ==, "NGUYEN<<THI<MAI<<<<<<<<<<<<<<<");

  info = tdn_mrz_information ("195012345", "950314", "350314");
  g_assert_cmpstr (info, ==, "195012345295031463503144");

  /* One wrong character anywhere is caught by a check digit. */
  for (int i = 5; i < 60; i++)
    {
      g_autofree char *bad = g_strdup (mrz);
      g_autoptr(TdnIdentity) t = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);

      if (!g_ascii_isdigit (bad[i]) || (i >= 18 && i <= 28 && i >= 45))
        continue;
      bad[i] = bad[i] == '9' ? '8' : '9';
      g_assert_false (tdn_mrz_parse (bad, 90, t, NULL));
    }

  /* The same MRZ inside DG1, as three lines. */
  {
    g_autoptr(TdnIdentity) t = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
    GByteArray *a = g_byte_array_new ();
    static const guint8 head[] = { 0x61, 0x5D, 0x5F, 0x1F, 0x5A };
    g_autoptr(GBytes) bytes = NULL;

    g_byte_array_append (a, head, sizeof head);
    g_byte_array_append (a, (const guint8 *) mrz, 90);
    bytes = g_byte_array_free_to_bytes (a);
    g_assert_true (tdn_dg1_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), t, &error));
    g_assert_cmpstr (t->id_number, ==, "001195012345");
  }
}

typedef struct {
  const char *dob;
  const char *issued;
  const char *want;   /* candidates in order, "|" separated; "L" = lifetime */
} ExpiryCase;

static void
test_expiry_rule (void)
{
  const ExpiryCase cases[] = {
    /* The shared doc's checks against real cards. */
    { "05/01/1993", "24/07/2021", "2033-01-05" },
    { "14/03/1995", "10/05/2021", "2035-03-14" },
    { "10/05/2000", "15/03/2021", "2025-05-10" },
    { "10/05/2000", "15/08/2024", "2040-05-10" },
    /* Issued at 24 (within two years of 25): valid to 40. */
    { "01/01/1990", "01/06/2013", "2030-01-01" },
    /* Issued at 38: valid to 60. */
    { "01/01/1970", "01/06/2008", "2030-01-01" },
    /* Issued at 58 or later: no expiry. */
    { "01/01/1950", "01/06/2008", "L" },
    { "01/01/1940", "01/06/2021", "L" },
    /* After 1 July 2024 the new age 14 counts; at 13 it is skipped. */
    { "02/02/2018", "20/08/2024", "2032-02-02" },
    { "02/02/2011", "20/08/2024", "2036-02-02" },
    /* Before 1 July 2024, a child's card runs to 25. */
    { "02/02/2018", "20/06/2024", "2043-02-02" },
    /* Exactly two years before 25: both readings of the law. */
    { "01/01/1990", "01/01/2013", "2030-01-01|2015-01-01" },
    /* Exactly two years before 60: lifetime or the 60th birthday. */
    { "01/01/1950", "01/01/2008", "L|2010-01-01" },
    /* 29 February: 28 Feb and 1 Mar in a common year. */
    { "29/02/1996", "10/05/2021", "2036-02-29" },            /* 2036 is a leap year */
    { "29/02/1988", "10/05/2010", "2013-02-28|2013-03-01" },
    { "29/02/2000", "10/05/2021", "2025-02-28|2025-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TdnPartialDate dob, issued;
      TdnExpiryCandidates c;
      g_autoptr(GString) got = g_string_new (NULL);

      g_assert_true (tdn_partial_date_parse_slashed (cases[i].dob, &dob, NULL));
      g_assert_true (tdn_partial_date_parse_slashed (cases[i].issued, &issued, NULL));
      g_assert_true (tdn_expiry_candidates (&dob, &issued, &c));
      if (c.lifetime)
        g_string_append (got, "L");
      for (guint k = 0; k < c.dates->len; k++)
        {
          g_autofree char *s = tdn_partial_date_to_iso (&g_array_index (c.dates, TdnPartialDate, k));
          g_string_append_printf (got, "%s%s", got->len ? "|" : "", s);
        }
      g_test_message ("DOB %s issued %s → %s", cases[i].dob, cases[i].issued, got->str);
      g_assert_cmpstr (got->str, ==, cases[i].want);
      tdn_expiry_candidates_clear (&c);
    }

  /* A partial date of birth gives no candidates: PACE is needed. */
  {
    TdnPartialDate dob = { 1948, 0, 0 }, issued = { 2021, 7, 1 };
    TdnExpiryCandidates c;

    g_assert_false (tdn_expiry_candidates (&dob, &issued, &c));
    tdn_expiry_candidates_clear (&c);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795417200) * G_USEC_PER_SEC);
  g_test_add_func ("/chip-data/dg13-doc-example", test_dg13_doc_example);
  g_test_add_func ("/chip-data/dg13-variants", test_dg13_variants);
  g_test_add_func ("/chip-data/dg13-refused", test_dg13_refused);
  g_test_add_func ("/chip-data/mrz-doc-example", test_mrz_doc_example);
  g_test_add_func ("/chip-data/expiry-rule", test_expiry_rule);
  return g_test_run ();
}
