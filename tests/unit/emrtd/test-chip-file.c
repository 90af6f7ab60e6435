/* test-chip-file.c — the file reader: APDU count, Le, status words
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-chip-file.h"
#include "tdn-replay-transceiver.h"

static char *
hex_of (const guint8 *d,
        gsize         n)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (s, "%02X", d[i]);
  return g_string_free (s, FALSE);
}

static void
test_file_small_one_read (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) s = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GBytes) com = NULL;
  g_autoptr(GError) error = NULL;
  const char *content = "60145F0104303130375F36063034303030305C026175";

  /* 22 bytes asked with Le DF: the card gives them with 6282 (end reached). */
  tdn_replay_transceiver_expect_hex (mock, "00A4020C02011E", "9000");
  {
    g_autofree char *r = g_strconcat (content, "6282", NULL);
    tdn_replay_transceiver_expect_hex (mock, "00B00000DF", r);
  }
  com = tdn_chip_read_file (s, TDN_FID_COM, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (com), ==, 22);
  g_assert_cmpuint (tdn_chip_session_get_apdu_count (s), ==, 2);
  g_assert_cmpuint (tdn_chip_session_get_file_bytes (s), ==, 22);
}

static void
test_file_long_exact_chunks (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) s = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GError) error = NULL;
  guint8 file[437];
  g_autofree char *r1 = NULL, *r2 = NULL;

  /* 6D 82 01 B1 + 433 bytes = 437 bytes: DF + 214 = two reads. */
  file[0] = 0x6D; file[1] = 0x82; file[2] = 0x01; file[3] = 0xB1;
  for (gsize i = 4; i < sizeof file; i++)
    file[i] = (guint8) i;
  {
    g_autofree char *h1 = hex_of (file, 0xDF);
    g_autofree char *h2 = hex_of (file + 0xDF, sizeof file - 0xDF);
    r1 = g_strconcat (h1, "9000", NULL);
    r2 = g_strconcat (h2, "9000", NULL);
  }
  tdn_replay_transceiver_expect_hex (mock, "00A4020C02010D", "9000");
  tdn_replay_transceiver_expect_hex (mock, "00B00000DF", r1);
  tdn_replay_transceiver_expect_hex (mock, "00B000DFD6", r2);
  got = tdn_chip_read_file (s, TDN_FID_DG13, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), file, sizeof file);
  g_assert_cmpuint (tdn_chip_session_get_apdu_count (s), ==, 3);
  g_assert_cmpuint (tdn_replay_transceiver_get_remaining (mock), ==, 0);
}

static void
test_file_status_words (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) s = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL;
  g_autoptr(GBytes) f1 = NULL, f2 = NULL, f3 = NULL, f4 = NULL, f5 = NULL, f6 = NULL;
  g_autoptr(GError) e6 = NULL;

  tdn_replay_transceiver_expect_hex (mock, "00A4020C02010B", "6A82");
  f1 = tdn_chip_read_file (s, 0x010B, NULL, NULL, &e1);
  g_assert_error (e1, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND);

  tdn_replay_transceiver_expect_hex (mock, "00A4020C020103", "6982");
  f2 = tdn_chip_read_file (s, 0x0103, NULL, NULL, &e2);
  g_assert_error (e2, TDN_CHIP_ERROR, TDN_CHIP_ERROR_SECURITY);

  /* Header says 0x40 bytes, the card ends after 8: never loops. */
  tdn_replay_transceiver_expect_hex (mock, "00A4020C020101", "9000");
  tdn_replay_transceiver_expect_hex (mock, "00B00000DF", "613E5F1F3A4944566282");
  f3 = tdn_chip_read_file (s, TDN_FID_DG1, NULL, NULL, &e3);
  g_assert_null (f3);
  g_assert_error (e3, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA);

  /* 6B00 on the second read: the header lied. */
  tdn_replay_transceiver_expect_hex (mock, "00A4020C020101", "9000");
  tdn_replay_transceiver_expect_hex (mock, "00B0000004", "61FF9000");
  tdn_replay_transceiver_expect_hex (mock, NULL, "6B00");
  tdn_chip_session_set_max_le (s, 4);
  f4 = tdn_chip_read_file (s, TDN_FID_DG1, NULL, NULL, &e4);
  g_assert_error (e4, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA);
  tdn_chip_session_set_max_le (s, 0xDF);

  /* A length beyond any real file. */
  tdn_replay_transceiver_expect_hex (mock, "00A4020C020102", "9000");
  tdn_replay_transceiver_expect_hex (mock, "00B00000DF", "7583FFFFFF9000");
  f5 = tdn_chip_read_file (s, TDN_FID_DG2, NULL, NULL, &e5);
  g_assert_error (e5, TDN_CHIP_ERROR, TDN_CHIP_ERROR_TOO_LARGE);

  /* 6Cxx: ask again with the card's Le, nothing counted twice. */
  tdn_replay_transceiver_expect_hex (mock, "00A4020C02011E", "9000");
  tdn_replay_transceiver_expect_hex (mock, "00B00000DF", "6C04");
  tdn_replay_transceiver_expect_hex (mock, "00B0000004", "600201029000");
  f6 = tdn_chip_read_file (s, TDN_FID_COM, NULL, NULL, &e6);
  g_assert_no_error (e6);
  g_assert_cmpuint (g_bytes_get_size (f6), ==, 4);
  g_assert_cmpuint (tdn_replay_transceiver_get_remaining (mock), ==, 0);
}

static void
test_file_big_offset_odd_ins (void)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) s = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  gsize total = 4 + 0x8000 + 4, off = 0;

  /* 75 82 80 04 + 0x8004 bytes; the last 8 bytes are at 0x8000 (> 0x7FFF). */
  tdn_chip_session_set_max_le (s, 0x8000);
  tdn_chip_session_set_extended (s, TRUE);
  tdn_replay_transceiver_expect_hex (mock, "00A4020C020102", "9000");
  g_string_append (big, "75828004");
  for (gsize i = 4; i < 0x8000; i++)
    g_string_append (big, "AA");
  g_string_append (big, "9000");
  tdn_replay_transceiver_expect_hex (mock, "00B00000008000", big->str);
  off = 0x8000;
  tdn_replay_transceiver_expect_hex (mock, "00B100000554030080000C", "5308BBBBBBBBBBBBBBBB9000");
  got = tdn_chip_read_file (s, TDN_FID_DG2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (got), ==, total);
  g_assert_cmphex (((const guint8 *) g_bytes_get_data (got, NULL))[off], ==, 0xBB);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/file/small", test_file_small_one_read);
  g_test_add_func ("/emrtd/file/long", test_file_long_exact_chunks);
  g_test_add_func ("/emrtd/file/status-words", test_file_status_words);
  g_test_add_func ("/emrtd/file/odd-ins", test_file_big_offset_odd_ins);
  return g_test_run ();
}
