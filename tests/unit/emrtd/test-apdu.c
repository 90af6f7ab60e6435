/* test-apdu.c — command APDU encoding, response status words
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-apdu.h"

static void
check (GBytes       *b,
       const guint8 *want,
       gsize         want_len)
{
  gsize n;
  const guint8 *p;

  g_assert_nonnull (b);
  p = g_bytes_get_data (b, &n);
  g_assert_cmpmem (p, n, want, want_len);
  g_bytes_unref (b);
}

static void
test_apdu_short_cases (void)
{
  static const guint8 fid[] = { 0x01, 0x1E };
  static const guint8 c1[] = { 0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1E };
  static const guint8 c2[] = { 0x00, 0xB0, 0x00, 0x00, 0xDF };
  static const guint8 c2_256[] = { 0x00, 0xB0, 0x00, 0x00, 0x00 };
  static const guint8 c4[] = { 0x00, 0xA4, 0x02, 0x00, 0x02, 0x01, 0x1E, 0x10 };
  static const guint8 c0[] = { 0x00, 0x84, 0x00, 0x00 };
  g_autoptr(GError) error = NULL;

  check (tdn_apdu_build (0x00, 0xA4, 0x02, 0x0C, fid, 2, TDN_APDU_NO_LE, FALSE, &error), c1, sizeof c1);
  check (tdn_apdu_build (0x00, 0xB0, 0x00, 0x00, NULL, 0, 0xDF, FALSE, &error), c2, sizeof c2);
  check (tdn_apdu_build (0x00, 0xB0, 0x00, 0x00, NULL, 0, 256, FALSE, &error), c2_256, sizeof c2_256);
  check (tdn_apdu_build (0x00, 0xA4, 0x02, 0x00, fid, 2, 0x10, FALSE, &error), c4, sizeof c4);
  check (tdn_apdu_build (0x00, 0x84, 0x00, 0x00, NULL, 0, TDN_APDU_NO_LE, FALSE, &error), c0, sizeof c0);
  g_assert_no_error (error);
}

static void
test_apdu_extended_cases (void)
{
  static const guint8 fid[] = { 0x01, 0x1E };
  static const guint8 e2[] = { 0x00, 0xB0, 0x00, 0x00, 0x00, 0x04, 0x00 };
  static const guint8 e2max[] = { 0x00, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x00 };
  static const guint8 e4[] = { 0x00, 0xA4, 0x02, 0x00, 0x00, 0x00, 0x02, 0x01, 0x1E, 0x01, 0x00 };
  g_autoptr(GError) error = NULL;

  check (tdn_apdu_build (0x00, 0xB0, 0x00, 0x00, NULL, 0, 1024, TRUE, &error), e2, sizeof e2);
  check (tdn_apdu_build (0x00, 0xB0, 0x00, 0x00, NULL, 0, 65536, TRUE, &error), e2max, sizeof e2max);
  check (tdn_apdu_build (0x00, 0xA4, 0x02, 0x00, fid, 2, 256, TRUE, &error), e4, sizeof e4);
  g_assert_no_error (error);
}

static void
test_apdu_too_long (void)
{
  guint8 big[256] = { 0 };
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;

  g_assert_null (tdn_apdu_build (0x00, 0xD6, 0, 0, big, sizeof big, TDN_APDU_NO_LE, FALSE, &e1));
  g_assert_error (e1, TDN_APDU_ERROR, TDN_APDU_ERROR_TOO_LONG);
  g_assert_null (tdn_apdu_build (0x00, 0xB0, 0, 0, NULL, 0, 257, FALSE, &e2));
  g_assert_error (e2, TDN_APDU_ERROR, TDN_APDU_ERROR_TOO_LONG);
}

static void
test_apdu_response (void)
{
  static const guint8 r[] = { 0xAA, 0xBB, 0x90, 0x00 };
  static const guint8 r2[] = { 0x6A, 0x82 };
  gsize n = 99;
  guint16 sw = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_apdu_split_response (r, sizeof r, &n, &sw, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmphex (sw, ==, TDN_SW_OK);
  g_assert_true (tdn_apdu_split_response (r2, sizeof r2, &n, &sw, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmphex (sw, ==, TDN_SW_FILE_NOT_FOUND);
  g_assert_false (tdn_apdu_split_response (r, 1, &n, &sw, &error));
  g_assert_error (error, TDN_APDU_ERROR, TDN_APDU_ERROR_SHORT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/apdu/short", test_apdu_short_cases);
  g_test_add_func ("/emrtd/apdu/extended", test_apdu_extended_cases);
  g_test_add_func ("/emrtd/apdu/too-long", test_apdu_too_long);
  g_test_add_func ("/emrtd/apdu/response", test_apdu_response);
  return g_test_run ();
}
