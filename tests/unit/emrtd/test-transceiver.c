/* test-transceiver.c — the scripted transceiver asserts the commands it gets
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-apdu.h"
#include "tdn-replay-transceiver.h"

static void
test_replay_in_order (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(GBytes) sel = tdn_bytes_from_hex ("00A4020C02011E");
  g_autoptr(GBytes) challenge = tdn_bytes_from_hex ("0084000008");
  g_autoptr(GBytes) r1 = NULL;
  g_autoptr(GBytes) r2 = NULL;
  g_autoptr(GError) error = NULL;
  gsize n;
  guint16 sw;

  g_assert_true (tdn_replay_transceiver_expect_hex (mock, "00 A4 02 0C 02 01 1E", "9000"));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock, NULL, "4608F919887022129000"));

  r1 = tdn_transceiver_transmit (TDN_TRANSCEIVER (mock), sel, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_apdu_split_response (g_bytes_get_data (r1, NULL), g_bytes_get_size (r1), &n, &sw, &error));
  g_assert_cmphex (sw, ==, TDN_SW_OK);

  r2 = tdn_transceiver_transmit (TDN_TRANSCEIVER (mock), challenge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (r2), ==, 10);
  g_assert_cmpuint (tdn_replay_transceiver_get_remaining (mock), ==, 0);
  g_assert_cmpuint (tdn_replay_transceiver_get_count (mock), ==, 2);
}

static void
test_replay_mismatch_and_exhausted (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(GBytes) wrong = tdn_bytes_from_hex ("00A4020C02010D");
  g_autoptr(GBytes) r = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;

  g_assert_true (tdn_replay_transceiver_expect_hex (mock, "00A4020C02011E", "9000"));
  r = tdn_transceiver_transmit (TDN_TRANSCEIVER (mock), wrong, &e1);
  g_assert_null (r);
  g_assert_error (e1, TDN_REPLAY_TRANSCEIVER_ERROR, TDN_REPLAY_TRANSCEIVER_ERROR_UNEXPECTED);
  g_assert_nonnull (strstr (e1->message, "00A4020C02010D"));

  r = tdn_transceiver_transmit (TDN_TRANSCEIVER (mock), wrong, &e2);
  g_assert_null (r);
  g_assert_error (e2, TDN_REPLAY_TRANSCEIVER_ERROR, TDN_REPLAY_TRANSCEIVER_ERROR_EXHAUSTED);
}

static void
test_hex_parse (void)
{
  g_autoptr(GBytes) b = tdn_bytes_from_hex ("de AD 01");

  g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), "\xDE\xAD\x01", 3);
  g_assert_null (tdn_bytes_from_hex ("ABC"));
  g_assert_null (tdn_bytes_from_hex ("zz"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/transceiver/replay", test_replay_in_order);
  g_test_add_func ("/emrtd/transceiver/mismatch", test_replay_mismatch_and_exhausted);
  g_test_add_func ("/emrtd/transceiver/hex", test_hex_parse);
  return g_test_run ();
}
