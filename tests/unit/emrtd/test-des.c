/* test-des.c — BAC mutual authentication cryptogram of ICAO 9303-11 D.3
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-bac-keys.h"
#include "tdn-des.h"
#include "tdn-replay-transceiver.h"

static void
test_des_icao_mutual_auth (void)
{
  TdnBacKeys k;
  g_autoptr(GBytes) s = tdn_bytes_from_hex ("781723860C06C2264608F91988702212"
                                            "0B795240CB7049B01C19B33E32804F0B");
  g_autoptr(GBytes) want_e = tdn_bytes_from_hex ("72C29C2371CC9BDB65B779B8E8D37B29"
                                                 "ECC154AA56A8799FAE2F498F76ED92F2");
  g_autoptr(GBytes) want_m = tdn_bytes_from_hex ("5F1448EEA8AD90A7");
  guint8 e[32], back[32], m[8];
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_bac_keys_derive ("L898902C<369080619406236", &k, &error));
  g_assert_true (tdn_des3_cbc (k.enc, TRUE, g_bytes_get_data (s, NULL), 32, e, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (e, 32, g_bytes_get_data (want_e, NULL), 32);

  g_assert_true (tdn_retail_mac (k.mac, e, 32, m, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (m, 8, g_bytes_get_data (want_m, NULL), 8);

  g_assert_true (tdn_des3_cbc (k.enc, FALSE, e, 32, back, &error));
  g_assert_cmpmem (back, 32, g_bytes_get_data (s, NULL), 32);
  tdn_bac_keys_clear (&k);
}

static void
test_des_rejects_unaligned (void)
{
  guint8 key[16] = { 0 }, out[8] = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (tdn_des3_cbc (key, TRUE, out, 7, out, &error));
  g_assert_error (error, TDN_DES_ERROR, TDN_DES_ERROR_BAD_LENGTH);
}

static void
test_des_padding (void)
{
  g_autoptr(GByteArray) a = g_byte_array_new ();
  static const guint8 eight[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

  g_assert_cmpuint (tdn_pad_iso9797_m2 (a), ==, 8);
  g_assert_cmphex (a->data[0], ==, 0x80);
  g_byte_array_set_size (a, 0);
  g_byte_array_append (a, eight, 8);
  g_assert_cmpuint (tdn_pad_iso9797_m2 (a), ==, 16);
  g_assert_cmphex (a->data[8], ==, 0x80);
  g_assert_cmphex (a->data[15], ==, 0x00);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/des/icao-mutual-auth", test_des_icao_mutual_auth);
  g_test_add_func ("/emrtd/des/unaligned", test_des_rejects_unaligned);
  g_test_add_func ("/emrtd/des/padding", test_des_padding);
  return g_test_run ();
}
