/* test-partial-date.c — dates of birth with and without day and month
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-cccd-error.h"
#include "tdn-partial-date.h"

static void
expect_iso (const char *text,
            gboolean    slashed,
            const char *iso)
{
  TdnPartialDate d;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  gboolean ok = slashed ? tdn_partial_date_parse_slashed (text, &d, &error)
                        : tdn_partial_date_parse_compact (text, &d, &error);

  if (iso == NULL)
    {
      g_assert_false (ok);
      g_assert_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE);
      return;
    }
  g_assert_no_error (error);
  got = tdn_partial_date_to_iso (&d);
  g_assert_cmpstr (got, ==, iso);
}

static void
test_parse (void)
{
  expect_iso ("14031995", FALSE, "1995-03-14");
  expect_iso ("031995", FALSE, "1995-03");
  expect_iso ("1948", FALSE, "1948");
  expect_iso ("29022000", FALSE, "2000-02-29");
  expect_iso ("29022001", FALSE, NULL);
  expect_iso ("31041990", FALSE, NULL);
  expect_iso ("00011990", FALSE, NULL);
  expect_iso ("01001990", FALSE, NULL);
  expect_iso ("131990", FALSE, NULL);
  expect_iso ("1995031", FALSE, NULL);
  expect_iso ("14-03-1995", FALSE, NULL);
  expect_iso ("", FALSE, NULL);
  expect_iso ("0000", FALSE, NULL);
  expect_iso ("14/03/1995", TRUE, "1995-03-14");
  expect_iso ("03/1995", TRUE, "1995-03");
  expect_iso ("1995", TRUE, "1995");
  expect_iso ("30/02/1995", TRUE, NULL);
  expect_iso ("14/3/1995", TRUE, NULL);
}

static void
test_age (void)
{
  TdnPartialDate on = { 2026, 11, 23 };
  TdnPartialDate b1 = { 1951, 11, 23 }, b2 = { 1951, 11, 24 }, b3 = { 1951, 0, 0 }, b4 = { 2020, 11, 0 };

  g_assert_cmpint (tdn_partial_date_age_on (&b1, &on), ==, 75);
  g_assert_cmpint (tdn_partial_date_age_on (&b2, &on), ==, 74);
  /* Year only: the smallest age it can be (born 31 Dec). */
  g_assert_cmpint (tdn_partial_date_age_on (&b3, &on), ==, 74);
  g_assert_cmpint (tdn_partial_date_age_on (&b4, &on), ==, 5);
  g_assert_cmpint (tdn_partial_date_compare (&b1, &b2), <, 0);
  g_assert_cmpint (tdn_partial_date_compare (&b3, &b1), <, 0);
}

static void
test_format (void)
{
  TdnPartialDate a = { 1995, 3, 14 }, b = { 1948, 0, 0 };
  g_autofree char *s1 = tdn_partial_date_to_slashed (&a);
  g_autofree char *s2 = tdn_partial_date_to_slashed (&b);

  g_assert_cmpstr (s1, ==, "14/03/1995");
  g_assert_cmpstr (s2, ==, "1948");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/partial-date/parse", test_parse);
  g_test_add_func ("/partial-date/age", test_age);
  g_test_add_func ("/partial-date/format", test_format);
  return g_test_run ();
}
