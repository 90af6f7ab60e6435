/* test-card-access.c — PACEInfo from EF.CardAccess (the CCCD's 54 bytes)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-card-access.h"
#include "tdn-chip-error.h"
#include "tdn-replay-transceiver.h"

static void
test_card_access_cccd (void)
{
  g_autoptr(GBytes) ca = tdn_bytes_from_hex (
    "3134"
    "300D060804007F0007020202020101"
    "300F060A04007F00070202030202020101"
    "3012060A04007F0007020204020202010202010D");
  g_autoptr(GError) error = NULL;
  TdnCardAccess access = { 0 };
  const TdnPaceInfo *pi;

  g_assert_true (tdn_card_access_parse (g_bytes_get_data (ca, NULL), g_bytes_get_size (ca),
                                        &access, &error));
  g_assert_no_error (error);
  g_assert_true (access.chip_auth);
  g_assert_cmpuint (access.pace->len, ==, 1);
  pi = tdn_card_access_choose_pace (&access);
  g_assert_nonnull (pi);
  g_assert_cmpint (pi->mapping, ==, 2);   /* ECDH GM */
  g_assert_cmpint (pi->cipher, ==, 2);    /* AES-128 */
  g_assert_cmpint (pi->version, ==, 2);
  g_assert_cmpint (pi->parameter_id, ==, 13);
  g_assert_cmpuint (pi->oid_len, ==, 10);
  tdn_card_access_clear (&access);
}

static void
test_card_access_no_pace_and_garbage (void)
{
  g_autoptr(GBytes) only_ta = tdn_bytes_from_hex ("310F300D060804007F0007020202020101");
  g_autoptr(GBytes) garbage = tdn_bytes_from_hex ("3134300D0608");
  g_autoptr(GBytes) not_set = tdn_bytes_from_hex ("300D060804007F0007020202020101");
  g_autoptr(GBytes) bad_version = tdn_bytes_from_hex ("3110300E060A04007F0007020204020204");
  g_autoptr(GError) error = NULL;
  TdnCardAccess access = { 0 };

  g_assert_true (tdn_card_access_parse (g_bytes_get_data (only_ta, NULL),
                                        g_bytes_get_size (only_ta), &access, &error));
  g_assert_null (tdn_card_access_choose_pace (&access));
  tdn_card_access_clear (&access);

  g_assert_false (tdn_card_access_parse (g_bytes_get_data (garbage, NULL),
                                         g_bytes_get_size (garbage), &access, &error));
  g_assert_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA);
  g_clear_error (&error);
  g_assert_null (access.pace);
  g_assert_false (tdn_card_access_parse (g_bytes_get_data (not_set, NULL),
                                         g_bytes_get_size (not_set), &access, &error));
  g_assert_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA);
  g_clear_error (&error);
  g_assert_false (tdn_card_access_parse (g_bytes_get_data (bad_version, NULL),
                                         g_bytes_get_size (bad_version), &access, &error));
  g_assert_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/card-access/cccd", test_card_access_cccd);
  g_test_add_func ("/emrtd/card-access/no-pace-garbage", test_card_access_no_pace_and_garbage);
  return g_test_run ();
}
