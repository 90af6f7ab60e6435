/* test-chip-keys.c — access keys from the QR, typed data and MRZ keys
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-chip-read.h"
#include "tdn-mrz.h"
#include "tdn-qr-payload.h"

static TdnIdentity *
from_qr (const char *qr)
{
  g_autoptr(GError) error = NULL;
  TdnIdentity *id = tdn_qr_parse ((const guint8 *) qr, strlen (qr), &error);

  g_assert_no_error (error);
  return id;
}

static void
test_keys_from_qr (void)
{
  g_autoptr(TdnIdentity) id = from_qr ("001195012345|012345678|Nguyễn Thị Mai|14031995|Nữ|"
                                       "Số 12 Phố Mẫu, Phường Thử, Ba Đình, Hà Nội|10052021");
  g_autoptr(TdnChipKeys) keys = tdn_chip_keys_from_identity (id);

  /* cccd-chip-and-qr.md §2: CAN 012345, MRZ information 195012345295031463503144. */
  g_assert_cmpstr (keys->can, ==, "012345");
  g_assert_cmpuint (keys->mrz_infos->len, ==, 1);
  g_assert_cmpstr (keys->mrz_infos->pdata[0], ==, "195012345295031463503144");
}

static void
test_keys_two_year_boundary (void)
{
  /* Issued exactly two years before the 25th birthday: both expiries. */
  g_autoptr(TdnIdentity) id = from_qr ("001300001111||Phạm Thu Hà|20062000|Nữ|Hà Nội|20062023");
  g_autoptr(TdnChipKeys) keys = tdn_chip_keys_from_identity (id);

  g_assert_cmpstr (keys->can, ==, "001111");
  {
  g_autofree char *at40 = tdn_mrz_information ("300001111", "000620", "400620");
  g_autofree char *at25 = tdn_mrz_information ("300001111", "000620", "250620");

  g_assert_cmpuint (keys->mrz_infos->len, ==, 2);
  /* The law's wording favours the next age: 2040 first, then 2025. */
  g_assert_cmpstr (keys->mrz_infos->pdata[0], ==, at40);
  g_assert_cmpstr (keys->mrz_infos->pdata[1], ==, at25);
  }
}

static void
test_keys_lifetime_and_partial (void)
{
  /* Issued at 71: no expiry; the only BAC key has the ICAO filler. */
  g_autoptr(TdnIdentity) old = from_qr ("001050001234||Lê Văn Tám|01011950|Nam|Hà Nội|15072021");
  g_autoptr(TdnChipKeys) k1 = tdn_chip_keys_from_identity (old);
  /* A year-only date of birth. */
  g_autoptr(TdnIdentity) partial = from_qr ("001048001234||Lê Văn Năm|1948|Nam|Hà Nội|15072021");
  g_autoptr(TdnChipKeys) k2 = tdn_chip_keys_from_identity (partial);

  g_assert_cmpstr (k1->can, ==, "001234");
  g_assert_cmpuint (k1->mrz_infos->len, ==, 1);
  g_assert_cmpstr (k1->mrz_infos->pdata[0], ==, "05000123435001013<<<<<<0");
  g_assert_cmpstr (k2->can, ==, "001234");
  g_assert_cmpuint (k2->mrz_infos->len, ==, 0);
}

static void
test_keys_mrz_key (void)
{
  g_autoptr(TdnChipKeys) keys = tdn_chip_keys_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_chip_keys_add_mrz_key (keys, "195012345,950314,350314", &error));
  g_assert_no_error (error);
  /* A short passport-style number is padded with '<' (ICAO 9303-11 worked example). */
  g_assert_true (tdn_chip_keys_add_mrz_key (keys, "l898902c,690806,940623", &error));
  g_assert_cmpstr (keys->mrz_infos->pdata[0], ==, "195012345295031463503144");
  g_assert_cmpstr (keys->mrz_infos->pdata[1], ==, "L898902C<369080619406236");
  /* The same key twice is tried once. */
  g_assert_true (tdn_chip_keys_add_mrz_key (keys, "195012345,950314,350314", &error));
  g_assert_cmpuint (keys->mrz_infos->len, ==, 2);

  g_assert_false (tdn_chip_keys_add_mrz_key (keys, "195012345,9503,350314", &error));
  g_assert_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NO_KEY);
  g_clear_error (&error);
  g_assert_false (tdn_chip_keys_add_mrz_key (keys, "1950123456789,950314,350314", &error));
  g_clear_error (&error);
  g_assert_false (tdn_chip_keys_add_mrz_key (keys, "19-012345,950314,350314", &error));
  g_clear_error (&error);
  g_assert_false (tdn_chip_keys_add_mrz_key (keys, "195012345,950314", &error));
  g_assert_cmpuint (keys->mrz_infos->len, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/chip-keys/qr", test_keys_from_qr);
  g_test_add_func ("/emrtd/chip-keys/two-year-boundary", test_keys_two_year_boundary);
  g_test_add_func ("/emrtd/chip-keys/lifetime-partial", test_keys_lifetime_and_partial);
  g_test_add_func ("/emrtd/chip-keys/mrz-key", test_keys_mrz_key);
  return g_test_run ();
}
