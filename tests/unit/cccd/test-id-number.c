/* test-id-number.c — the 12-digit number and what it encodes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-cccd-error.h"
#include "tdn-id-number.h"

static void
test_check (void)
{
  const char *bad[] = { "", "00119501234", "0011950123456", "00119501234A", " 01195012345", "001195012345\n" };
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_id_number_check ("001195012345", &error));
  /* Unknown province codes (births registered abroad) are fine. */
  g_assert_true (tdn_id_number_check ("999295012345", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (tdn_id_number_check (bad[i], &error));
      g_assert_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID);
      g_clear_error (&error);
    }
  g_assert_false (tdn_id_number_check (NULL, NULL));
}

static void
test_decode (void)
{
  int year;
  TdnSex sex;
  TdnPartialDate dob = { 1995, 3, 14 };
  g_autofree char *doc = tdn_id_number_document_number ("001195012345");
  g_autofree char *can = tdn_id_number_can ("001195012345");
  g_autofree char *d1 = NULL, *d2 = NULL, *d3 = NULL;

  tdn_id_number_decode ("001195012345", &year, &sex);
  g_assert_cmpint (year, ==, 1995);
  g_assert_cmpint (sex, ==, TDN_SEX_FEMALE);
  tdn_id_number_decode ("079203001234", &year, &sex);
  g_assert_cmpint (year, ==, 2003);
  g_assert_cmpint (sex, ==, TDN_SEX_MALE);
  tdn_id_number_decode ("001085009876", &year, &sex);
  g_assert_cmpint (year, ==, 1985);
  g_assert_cmpint (sex, ==, TDN_SEX_MALE);

  g_assert_cmpstr (doc, ==, "195012345");
  g_assert_cmpstr (can, ==, "012345");

  g_assert_null (tdn_id_number_disagreement ("001195012345", &dob, TDN_SEX_FEMALE));
  d1 = tdn_id_number_disagreement ("001195012345", &dob, TDN_SEX_MALE);
  g_assert_nonnull (d1);
  dob.year = 1996;
  d2 = tdn_id_number_disagreement ("001195012345", &dob, TDN_SEX_UNKNOWN);
  g_assert_nonnull (strstr (d2, "1995"));
  d3 = tdn_id_number_disagreement ("001195012345", NULL, TDN_SEX_UNKNOWN);
  g_assert_null (d3);
}

static void
test_sex (void)
{
  g_assert_cmpint (tdn_sex_parse ("Nam"), ==, TDN_SEX_MALE);
  g_assert_cmpint (tdn_sex_parse ("NAM"), ==, TDN_SEX_MALE);
  g_assert_cmpint (tdn_sex_parse ("Nữ"), ==, TDN_SEX_FEMALE);
  g_assert_cmpint (tdn_sex_parse ("NỮ"), ==, TDN_SEX_FEMALE);
  g_assert_cmpint (tdn_sex_parse ("Nu\xcc\x9b\xcc\x83"), ==, TDN_SEX_FEMALE);  /* decomposed */
  g_assert_cmpint (tdn_sex_parse ("2"), ==, TDN_SEX_FEMALE);
  g_assert_cmpint (tdn_sex_parse ("x"), ==, TDN_SEX_UNKNOWN);
  g_assert_cmpstr (tdn_sex_to_string (TDN_SEX_MALE), ==, "male");
  g_assert_null (tdn_sex_to_string (TDN_SEX_UNKNOWN));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/id-number/check", test_check);
  g_test_add_func ("/id-number/decode", test_decode);
  g_test_add_func ("/id-number/sex", test_sex);
  return g_test_run ();
}
