/* test-tlv.c — BER-TLV reader
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-tlv.h"

static void
test_tlv_short_and_multibyte_tag (void)
{
  /* DG1 (61) holding 5F1F with 3 bytes */
  static const guint8 buf[] = { 0x61, 0x06, 0x5F, 0x1F, 0x03, 'A', 'B', 'C' };
  TdnTlvReader r;
  TdnTlv outer, inner;
  g_autoptr(GError) error = NULL;

  tdn_tlv_reader_init (&r, buf, sizeof buf);
  g_assert_true (tdn_tlv_reader_next (&r, &outer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outer.tag, ==, 0x61);
  g_assert_true (outer.constructed);
  g_assert_cmpuint (outer.length, ==, 6);
  g_assert_cmpuint (outer.header_len, ==, 2);
  g_assert_true (tdn_tlv_reader_at_end (&r));

  g_assert_true (tdn_tlv_find (outer.value, outer.length, 0x5F1F, &inner, &error));
  g_assert_cmpuint (inner.tag, ==, 0x5F1F);
  g_assert_false (inner.constructed);
  g_assert_cmpmem (inner.value, inner.length, "ABC", 3);
}

static void
test_tlv_long_lengths (void)
{
  guint8 full[4 + 300] = { 0x6D, 0x82, 0x01, 0x2C }; /* 0x012C = 300 */
  TdnTlvReader r;
  TdnTlv t;
  g_autoptr(GError) error = NULL;

  memset (full + 4, 0xAA, 300);
  tdn_tlv_reader_init (&r, full, sizeof full);
  g_assert_true (tdn_tlv_reader_next (&r, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (t.tag, ==, 0x6D);
  g_assert_cmpuint (t.length, ==, 300);
  g_assert_cmpuint (t.header_len, ==, 4);
  g_assert_true (tdn_tlv_reader_at_end (&r));
}

static void
test_tlv_rejects_lies (void)
{
  static const struct { const guint8 b[8]; gsize n; int code; } cases[] = {
    { { 0x61, 0x05, 0x01 }, 3, TDN_TLV_ERROR_TRUNCATED },       /* value short */
    { { 0x61 }, 1, TDN_TLV_ERROR_TRUNCATED },                   /* no length */
    { { 0x61, 0x82, 0x01 }, 3, TDN_TLV_ERROR_TRUNCATED },       /* length short */
    { { 0x61, 0x80, 0x00, 0x00 }, 4, TDN_TLV_ERROR_BAD_LENGTH },/* indefinite */
    { { 0x61, 0x85, 1, 1, 1, 1, 1 }, 7, TDN_TLV_ERROR_BAD_LENGTH },
    { { 0x5F }, 1, TDN_TLV_ERROR_TRUNCATED },                   /* tag short */
    { { 0x5F, 0x81, 0x81, 0x01, 0x00 }, 5, TDN_TLV_ERROR_BAD_TAG },
    { { 0x61, 0x84, 0xFF, 0xFF, 0xFF, 0xFF }, 6, TDN_TLV_ERROR_TRUNCATED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TdnTlvReader r;
      TdnTlv t;
      g_autoptr(GError) error = NULL;

      tdn_tlv_reader_init (&r, cases[i].b, cases[i].n);
      g_assert_false (tdn_tlv_reader_next (&r, &t, &error));
      g_assert_error (error, TDN_TLV_ERROR, cases[i].code);
      g_assert_cmpuint (r.pos, ==, 0);
    }
}

static void
test_tlv_find_missing (void)
{
  static const guint8 buf[] = { 0x5F, 0x01, 0x00, 0x5F, 0x36, 0x00 };
  TdnTlv t;
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_tlv_find (buf, sizeof buf, 0x5F36, &t, &error));
  g_assert_cmpuint (t.length, ==, 0);
  g_assert_false (tdn_tlv_find (buf, sizeof buf, 0x5C, &t, &error));
  g_assert_nonnull (error);
}

static void
test_tlv_encode_length (void)
{
  guint8 out[4];
  g_autoptr(GError) error = NULL;
  const gsize values[] = { 0, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000 };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      guint8 hdr[6] = { 0x04 };
      gsize n = tdn_tlv_encode_length (values[i], out);
      guint32 tag;
      gsize vlen, hlen;

      memcpy (hdr + 1, out, n);
      g_assert_true (tdn_tlv_parse_header (hdr, 1 + n, &tag, &vlen, &hlen, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (vlen, ==, values[i]);
      g_assert_cmpuint (hlen, ==, 1 + n);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/tlv/tags", test_tlv_short_and_multibyte_tag);
  g_test_add_func ("/emrtd/tlv/long-lengths", test_tlv_long_lengths);
  g_test_add_func ("/emrtd/tlv/rejects-lies", test_tlv_rejects_lies);
  g_test_add_func ("/emrtd/tlv/find-missing", test_tlv_find_missing);
  g_test_add_func ("/emrtd/tlv/encode-length", test_tlv_encode_length);
  return g_test_run ();
}
