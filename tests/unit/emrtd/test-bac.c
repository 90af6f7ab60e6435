/* test-bac.c — BAC mutual authentication and the first SM reads of
 * ICAO 9303-11 Appendix D (D.3 and D.4), byte for byte
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-apdu.h"
#include "tdn-bac.h"
#include "tdn-chip-error.h"
#include "tdn-replay-transceiver.h"

static const char icao_mrz_info[] = "L898902C<369080619406236";

static GBytes *
icao_rnd_k_ifd (void)
{
  /* RND.IFD ‖ K.IFD of D.3 */
  return tdn_bytes_from_hex ("781723860C06C226" "0B795240CB7049B01C19B33E32804F0B");
}

static void
expect_icao_bac (TdnReplayTransceiver *mock)
{
  g_assert_true (tdn_replay_transceiver_expect_hex (mock, "0084000008", "4608F919887022129000"));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock,
    "0082000028"
    "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
    "5F1448EEA8AD90A7" "28",
    "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F"
    "2F2D235D074D7449" "9000"));
}

static void
test_bac_icao_worked_example (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) session = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GBytes) rnd = icao_rnd_k_ifd ();
  g_autoptr(GBytes) sel = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(GBytes) rest = NULL;
  g_autoptr(GBytes) want_head = tdn_bytes_from_hex ("60145F01");
  g_autoptr(GBytes) want_rest = tdn_bytes_from_hex ("04303130365F36063034303030305C026175");
  g_autoptr(GError) error = NULL;
  static const guint8 com[] = { 0x01, 0x1E };
  TdnBacKeys keys;
  guint16 sw = 0;

  g_assert_true (tdn_bac_keys_derive (icao_mrz_info, &keys, &error));
  g_assert_no_error (error);
  expect_icao_bac (mock);
  /* D.4: SELECT EF.COM, READ BINARY 4 bytes, READ BINARY the remaining 18. */
  g_assert_true (tdn_replay_transceiver_expect_hex (mock,
    "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800",
    "990290008E08FA855A5D4C50A8ED9000"));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock,
    "0CB000000D9701048E08ED6705417E96BA5500",
    "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock,
    "0CB000040D9701128E082EA28A70F3C7B53500",
    "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));

  g_assert_true (tdn_bac_authenticate (session, &keys, g_bytes_get_data (rnd, NULL), &error));
  g_assert_no_error (error);
  tdn_bac_keys_clear (&keys);
  g_assert_true (tdn_chip_session_has_sm (session));

  sel = tdn_chip_session_send (session, 0x00, 0xA4, 0x02, 0x0C, com, 2, TDN_APDU_NO_LE, &sw, &error);
  g_assert_no_error (error);
  g_assert_cmphex (sw, ==, 0x9000);
  head = tdn_chip_session_send (session, 0x00, 0xB0, 0x00, 0x00, NULL, 0, 4, &sw, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (head, want_head));
  rest = tdn_chip_session_send (session, 0x00, 0xB0, 0x00, 0x04, NULL, 0, 0x12, &sw, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (rest, want_rest));
  g_assert_cmpuint (tdn_replay_transceiver_get_remaining (mock), ==, 0);
  g_assert_cmpuint (tdn_chip_session_get_apdu_count (session), ==, 5);
}

static void
test_bac_wrong_key (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) session = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GError) error = NULL;
  TdnBacKeys keys;

  g_assert_true (tdn_bac_keys_derive ("L898902C<369080619406244", &keys, &error));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock, "0084000008", "4608F919887022129000"));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock, NULL, "6300"));
  g_assert_false (tdn_bac_authenticate (session, &keys, NULL, &error));
  g_assert_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_ACCESS_DENIED);
  g_assert_false (tdn_chip_session_has_sm (session));
  tdn_bac_keys_clear (&keys);
}

static void
test_bac_card_answers_with_other_key (void)
{
  /* The card's answer (made with the ICAO key) fails our MAC check when we
   * used another key: access denied, no session. */
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) session = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GError) error = NULL;
  TdnBacKeys keys;

  g_assert_true (tdn_bac_keys_derive ("L898902C<369080619406244", &keys, &error));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock, "0084000008", "4608F919887022129000"));
  g_assert_true (tdn_replay_transceiver_expect_hex (mock, NULL,
    "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F"
    "2F2D235D074D7449" "9000"));
  g_assert_false (tdn_bac_authenticate (session, &keys, NULL, &error));
  g_assert_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_ACCESS_DENIED);
  tdn_bac_keys_clear (&keys);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/bac/icao-worked-example", test_bac_icao_worked_example);
  g_test_add_func ("/emrtd/bac/wrong-key", test_bac_wrong_key);
  g_test_add_func ("/emrtd/bac/mac-mismatch", test_bac_card_answers_with_other_key);
  return g_test_run ();
}
