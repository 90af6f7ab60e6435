/* test-sm.c — 3DES secure messaging against ICAO 9303-11 D.4
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-apdu.h"
#include "tdn-replay-transceiver.h"
#include "tdn-sm.h"

static void
init_icao (TdnSm *sm)
{
  g_autoptr(GBytes) enc = tdn_bytes_from_hex ("979EC13B1CBFE9DCD01AB0FED307EAE5");
  g_autoptr(GBytes) mac = tdn_bytes_from_hex ("F1CB1F1FB5ADF208806B89DC579DC1F8");
  g_autoptr(GBytes) ssc = tdn_bytes_from_hex ("887022120C06C226");

  tdn_sm_init (sm, g_bytes_get_data (enc, NULL), g_bytes_get_data (mac, NULL),
               g_bytes_get_data (ssc, NULL));
}

static void
test_sm_icao_select (void)
{
  static const guint8 fid[] = { 0x01, 0x1E };
  TdnSm sm;
  g_autoptr(GBytes) want = tdn_bytes_from_hex ("0CA4020C158709016375432908C044F6"
                                               "8E08BF8B92D635FF24F800");
  g_autoptr(GBytes) resp = tdn_bytes_from_hex ("990290008E08FA855A5D4C50A8ED9000");
  g_autoptr(GBytes) cmd = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  guint16 sw = 0;

  init_icao (&sm);
  cmd = tdn_sm_wrap (&sm, 0x00, 0xA4, 0x02, 0x0C, fid, 2, TDN_APDU_NO_LE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (cmd, want));

  plain = tdn_sm_unwrap (&sm, g_bytes_get_data (resp, NULL), g_bytes_get_size (resp), &sw, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (plain), ==, 0);
  g_assert_cmphex (sw, ==, 0x9000);
  tdn_sm_clear (&sm);
}

static void
test_sm_bad_mac_and_malformed (void)
{
  TdnSm sm;
  g_autoptr(GBytes) bad = tdn_bytes_from_hex ("990290008E08FA855A5D4C50A8EE9000");
  g_autoptr(GBytes) nomac = tdn_bytes_from_hex ("990290009000");
  g_autoptr(GBytes) p1 = NULL;
  g_autoptr(GBytes) p2 = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  guint16 sw;

  init_icao (&sm);
  p1 = tdn_sm_unwrap (&sm, g_bytes_get_data (bad, NULL), g_bytes_get_size (bad), &sw, &e1);
  g_assert_null (p1);
  g_assert_error (e1, TDN_SM_ERROR, TDN_SM_ERROR_BAD_MAC);
  p2 = tdn_sm_unwrap (&sm, g_bytes_get_data (nomac, NULL), g_bytes_get_size (nomac), &sw, &e2);
  g_assert_null (p2);
  g_assert_error (e2, TDN_SM_ERROR, TDN_SM_ERROR_MALFORMED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/sm/icao-select", test_sm_icao_select);
  g_test_add_func ("/emrtd/sm/bad-mac", test_sm_bad_mac_and_malformed);
  return g_test_run ();
}
