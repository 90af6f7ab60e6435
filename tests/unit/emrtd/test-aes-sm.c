/* test-aes-sm.c — AES primitives (FIPS-197, RFC 4493) and AES secure
 * messaging (ICAO 9303-11 §9.8.6.3: IV = E(KSenc, SSC), CMAC/8, 16-byte SSC)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-aes.h"
#include "tdn-apdu.h"
#include "tdn-replay-transceiver.h"
#include "tdn-sm.h"

static const guint8 kenc[16] = { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
                                 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c };
static const guint8 kmac[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };

static void
test_aes_vectors (void)
{
  g_autoptr(GBytes) pt = tdn_bytes_from_hex ("00112233445566778899aabbccddeeff");
  g_autoptr(GBytes) ct = tdn_bytes_from_hex ("69c4e0d86a7b0430d8cdb78070b4c55a");
  g_autoptr(GBytes) m16 = tdn_bytes_from_hex ("6bc1bee22e409f96e93d7e117393172a");
  g_autoptr(GError) error = NULL;
  guint8 out[16], mac[8];
  static const guint8 cmac_empty[8] = { 0xbb, 0x1d, 0x69, 0x29, 0xe9, 0x59, 0x37, 0x28 };
  static const guint8 cmac_16[8] = { 0x07, 0x0a, 0x16, 0xb4, 0x6b, 0x4d, 0x41, 0x44 };

  /* FIPS-197 C.1: one block of CBC with a zero IV is ECB. */
  g_assert_true (tdn_aes128_cbc (kmac, TRUE, NULL, g_bytes_get_data (pt, NULL), 16, out, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (out, 16, g_bytes_get_data (ct, NULL), 16);
  /* RFC 4493 examples 1 and 2. */
  g_assert_true (tdn_aes128_cmac8 (kenc, NULL, 0, mac, &error));
  g_assert_cmpmem (mac, 8, cmac_empty, 8);
  g_assert_true (tdn_aes128_cmac8 (kenc, g_bytes_get_data (m16, NULL), 16, mac, &error));
  g_assert_cmpmem (mac, 8, cmac_16, 8);
  g_assert_false (tdn_aes128_cbc (kenc, TRUE, NULL, out, 15, out, &error));
  g_assert_error (error, TDN_AES_ERROR, TDN_AES_ERROR_BAD_LENGTH);
}

/* What a card sends back: DO87 (IV = E(KSenc, SSC)), DO99, DO8E. */
static GBytes *
card_response (const guint8 ssc[16],
               const guint8 *plain,
               gsize         plain_len,
               guint16       sw)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GByteArray) mac_in = g_byte_array_new ();
  guint8 iv[16], mac[8], status[4] = { 0x99, 0x02, sw >> 8, sw & 0xFF };
  guint8 tail[2] = { sw >> 8, sw & 0xFF };

  if (plain_len > 0)
    {
      g_autoptr(GByteArray) p = g_byte_array_new ();
      guint8 enc[64], h[3] = { 0x87, 0, 0x01 };

      g_byte_array_append (p, plain, plain_len);
      tdn_pad_iso9797_m2_block (p, 16);
      g_assert_cmpuint (p->len, <=, sizeof enc);
      g_assert_true (tdn_aes128_cbc (kenc, TRUE, NULL, ssc, 16, iv, NULL));
      g_assert_true (tdn_aes128_cbc (kenc, TRUE, iv, p->data, p->len, enc, NULL));
      h[1] = (guint8) (p->len + 1);
      g_byte_array_append (body, h, 3);
      g_byte_array_append (body, enc, p->len);
    }
  g_byte_array_append (body, status, 4);
  g_byte_array_append (mac_in, ssc, 16);
  g_byte_array_append (mac_in, body->data, body->len);
  tdn_pad_iso9797_m2_block (mac_in, 16);
  g_assert_true (tdn_aes128_cmac8 (kmac, mac_in->data, mac_in->len, mac, NULL));
  g_byte_array_append (body, (const guint8 *) "\x8E\x08", 2);
  g_byte_array_append (body, mac, 8);
  g_byte_array_append (body, tail, 2);
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static void
test_aes_sm_round_trip (void)
{
  static const guint8 fid[2] = { 0x01, 0x1E };
  static const guint8 payload[] = { 0x60, 0x14, 0x5F, 0x01, 0x04, 0x30, 0x31, 0x30, 0x37,
                                    0x5F, 0x36, 0x06, 0x30, 0x34, 0x30, 0x30, 0x30, 0x30 };
  TdnSm sm, card;
  g_autoptr(GBytes) cmd = NULL;
  g_autoptr(GBytes) resp = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GByteArray) mac_in = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  const guint8 *c;
  gsize n;
  guint16 sw = 0;
  guint8 iv[16], dec[16], mac[8];
  guint8 ssc1[16] = { 0 }, ssc2[16] = { 0 };

  ssc1[15] = 1;
  ssc2[15] = 2;
  tdn_sm_init_aes (&sm, kenc, kmac);
  g_assert_true (tdn_sm_is_active (&sm));
  cmd = tdn_sm_wrap (&sm, 0x00, 0xA4, 0x02, 0x0C, fid, 2, TDN_APDU_NO_LE, &error);
  g_assert_no_error (error);
  c = g_bytes_get_data (cmd, &n);
  /* 0C A4 02 0C Lc 87 11 01 <16> 8E 08 <8> 00 */
  g_assert_cmpuint (n, ==, 5 + 19 + 10 + 1);
  g_assert_cmphex (c[0], ==, 0x0C);
  g_assert_cmphex (c[5], ==, 0x87);
  g_assert_cmphex (c[6], ==, 0x11);
  g_assert_true (tdn_aes128_cbc (kenc, TRUE, NULL, ssc1, 16, iv, NULL));
  g_assert_true (tdn_aes128_cbc (kenc, FALSE, iv, c + 8, 16, dec, NULL));
  g_assert_cmphex (dec[0], ==, 0x01);
  g_assert_cmphex (dec[1], ==, 0x1E);
  g_assert_cmphex (dec[2], ==, 0x80);
  /* MAC over SSC ‖ header padded to 16 ‖ DO87, padded. */
  g_byte_array_append (mac_in, ssc1, 16);
  g_byte_array_append (mac_in, c, 4);
  tdn_pad_iso9797_m2_block (mac_in, 16);
  g_byte_array_append (mac_in, c + 5, 19);
  tdn_pad_iso9797_m2_block (mac_in, 16);
  g_assert_true (tdn_aes128_cmac8 (kmac, mac_in->data, mac_in->len, mac, NULL));
  g_assert_cmpmem (c + 26, 8, mac, 8);

  resp = card_response (ssc2, payload, sizeof payload, 0x9000);
  plain = tdn_sm_unwrap (&sm, g_bytes_get_data (resp, NULL), g_bytes_get_size (resp), &sw, &error);
  g_assert_no_error (error);
  g_assert_cmphex (sw, ==, 0x9000);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), payload, sizeof payload);

  /* The same response again is a replay: the SSC moved on, the MAC fails. */
  card = sm;
  g_clear_pointer (&plain, g_bytes_unref);
  plain = tdn_sm_unwrap (&card, g_bytes_get_data (resp, NULL), g_bytes_get_size (resp), &sw, &error);
  g_assert_null (plain);
  g_assert_error (error, TDN_SM_ERROR, TDN_SM_ERROR_BAD_MAC);
  tdn_sm_clear (&sm);
  tdn_sm_clear (&card);
}

static void
test_sm_extended_le (void)
{
  TdnSm sm;
  g_autoptr(GBytes) cmd = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *c;
  gsize n;

  tdn_sm_init_aes (&sm, kenc, kmac);
  cmd = tdn_sm_wrap (&sm, 0x00, 0xB0, 0x00, 0x00, NULL, 0, 1000, &error);
  g_assert_no_error (error);
  c = g_bytes_get_data (cmd, &n);
  /* 0C B0 00 00 00 00 0E 97 02 03 E8 8E 08 <8> 00 00 */
  g_assert_cmpuint (n, ==, 7 + 4 + 10 + 2);
  g_assert_cmphex (c[4], ==, 0x00);
  g_assert_cmphex (c[6], ==, 0x0E);
  g_assert_cmphex (c[7], ==, 0x97);
  g_assert_cmphex (c[8], ==, 0x02);
  g_assert_cmphex (c[9], ==, 0x03);
  g_assert_cmphex (c[10], ==, 0xE8);
  tdn_sm_clear (&sm);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/aes/vectors", test_aes_vectors);
  g_test_add_func ("/emrtd/aes-sm/round-trip", test_aes_sm_round_trip);
  g_test_add_func ("/emrtd/aes-sm/extended-le", test_sm_extended_le);
  return g_test_run ();
}
