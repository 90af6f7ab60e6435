/* tdn-sm.c — 3DES secure messaging wrap/unwrap (ICAO 9303-11 §9.8)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>

#include "tdn-apdu.h"
#include "tdn-des.h"
#include "tdn-sm.h"
#include "tdn-tlv.h"

G_DEFINE_QUARK (tdn-sm-error-quark, tdn_sm_error)

void
tdn_sm_init (TdnSm        *self,
             const guint8  ks_enc[16],
             const guint8  ks_mac[16],
             const guint8  ssc[8])
{
  memcpy (self->ks_enc, ks_enc, 16);
  memcpy (self->ks_mac, ks_mac, 16);
  memcpy (self->ssc, ssc, 8);
}

void
tdn_sm_clear (TdnSm *self)
{
  if (self != NULL)
    OPENSSL_cleanse (self, sizeof *self);
}

static void
ssc_increment (TdnSm *self)
{
  for (int i = 7; i >= 0; i--)
    if (++self->ssc[i] != 0)
      break;
}

static void
append_do (GByteArray   *out,
           guint8        tag,
           const guint8 *prefix,
           gsize         prefix_len,
           const guint8 *v,
           gsize         len)
{
  guint8 l[4];
  gsize n = tdn_tlv_encode_length (prefix_len + len, l);

  g_byte_array_append (out, &tag, 1);
  g_byte_array_append (out, l, (guint) n);
  if (prefix_len > 0)
    g_byte_array_append (out, prefix, (guint) prefix_len);
  g_byte_array_append (out, v, (guint) len);
}

GBytes *
tdn_sm_wrap (TdnSm         *self,
             guint8         cla,
             guint8         ins,
             guint8         p1,
             guint8         p2,
             const guint8  *data,
             gsize          data_len,
             gint           le,
             GError       **error)
{
  static const guint8 one = 0x01;
  const guint8 header[4] = { cla | 0x0C, ins, p1, p2 };
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GByteArray) mac_in = g_byte_array_new ();
  guint8 cc[8];

  g_return_val_if_fail (le == TDN_APDU_NO_LE || (le > 0 && le <= 256), NULL);

  if (data_len > 0)
    {
      g_autoptr(GByteArray) plain = g_byte_array_new ();
      g_autofree guint8 *enc = NULL;
      gsize n;

      g_byte_array_append (plain, data, (guint) data_len);
      n = tdn_pad_iso9797_m2 (plain);
      enc = g_malloc (n);
      if (!tdn_des3_cbc (self->ks_enc, TRUE, plain->data, n, enc, error))
        return NULL;
      OPENSSL_cleanse (plain->data, plain->len);
      append_do (body, 0x87, &one, 1, enc, n);
    }
  if (le != TDN_APDU_NO_LE)
    {
      guint8 v = (guint8) (le == 256 ? 0 : le);
      append_do (body, 0x97, NULL, 0, &v, 1);
    }

  ssc_increment (self);
  g_byte_array_append (mac_in, self->ssc, 8);
  g_byte_array_append (mac_in, header, 4);
  tdn_pad_iso9797_m2 (mac_in);
  g_byte_array_append (mac_in, body->data, body->len);
  if (!tdn_retail_mac (self->ks_mac, mac_in->data, mac_in->len, cc, error))
    return NULL;
  append_do (body, 0x8E, NULL, 0, cc, 8);

  return tdn_apdu_build (header[0], ins, p1, p2, body->data, body->len,
                         256, FALSE, error);
}

GBytes *
tdn_sm_unwrap (TdnSm         *self,
               const guint8  *resp,
               gsize          resp_len,
               guint16       *sw,
               GError       **error)
{
  TdnTlvReader r;
  TdnTlv t;
  const guint8 *do87 = NULL, *do99 = NULL, *do8e = NULL;
  gsize do87_len = 0, do99_len = 0, data_len;
  guint16 outer_sw;
  g_autoptr(GByteArray) mac_in = g_byte_array_new ();
  g_autofree guint8 *plain = NULL;
  guint8 cc[8];
  gsize n;

  if (!tdn_apdu_split_response (resp, resp_len, &data_len, &outer_sw, error))
    return NULL;

  ssc_increment (self);
  tdn_tlv_reader_init (&r, resp, data_len);
  while (!tdn_tlv_reader_at_end (&r))
    {
      const guint8 *start = resp + r.pos;
      GError *tlv_error = NULL;

      if (!tdn_tlv_reader_next (&r, &t, &tlv_error))
        {
          /* FALSE without an error: only padding was left. */
          if (tlv_error == NULL)
            break;
          g_propagate_error (error, tlv_error);
          return NULL;
        }
      if (t.tag == 0x87 && do87 == NULL && do8e == NULL)
        { do87 = start; do87_len = t.header_len + t.length; }
      else if (t.tag == 0x99 && do99 == NULL && do8e == NULL && t.length == 2)
        { do99 = start; do99_len = t.header_len + t.length; }
      else if (t.tag == 0x8E && do8e == NULL && t.length == 8)
        do8e = t.value;
      else
        {
          g_set_error (error, TDN_SM_ERROR, TDN_SM_ERROR_MALFORMED,
                       "unexpected SM object %X (SW %04X)", t.tag, outer_sw);
          return NULL;
        }
    }
  if (do99 == NULL || do8e == NULL)
    {
      g_set_error (error, TDN_SM_ERROR, TDN_SM_ERROR_MALFORMED,
                   "SM response without status or checksum (SW %04X)", outer_sw);
      return NULL;
    }

  g_byte_array_append (mac_in, self->ssc, 8);
  if (do87 != NULL)
    g_byte_array_append (mac_in, do87, (guint) do87_len);
  g_byte_array_append (mac_in, do99, (guint) do99_len);
  if (!tdn_retail_mac (self->ks_mac, mac_in->data, mac_in->len, cc, error))
    return NULL;
  if (CRYPTO_memcmp (cc, do8e, 8) != 0)
    {
      g_set_error_literal (error, TDN_SM_ERROR, TDN_SM_ERROR_BAD_MAC,
                           "SM response checksum mismatch");
      return NULL;
    }
  *sw = (guint16) ((do99[2] << 8) | do99[3]);

  if (do87 == NULL)
    return g_bytes_new (NULL, 0);

  {
    const guint8 *v;
    guint32 tag;
    gsize vlen, hlen;

    if (!tdn_tlv_parse_header (do87, do87_len, &tag, &vlen, &hlen, error))
      return NULL;
    v = do87 + hlen;
    if (vlen < 9 || v[0] != 0x01 || (vlen - 1) % 8 != 0)
      {
        g_set_error_literal (error, TDN_SM_ERROR, TDN_SM_ERROR_MALFORMED,
                             "SM cryptogram malformed");
        return NULL;
      }
    n = vlen - 1;
    plain = g_malloc (n);
    if (!tdn_des3_cbc (self->ks_enc, FALSE, v + 1, n, plain, error))
      return NULL;
  }
  while (n > 0 && plain[n - 1] == 0x00)
    n--;
  if (n == 0 || plain[n - 1] != 0x80)
    {
      g_set_error_literal (error, TDN_SM_ERROR, TDN_SM_ERROR_BAD_PADDING,
                           "SM plaintext padding wrong");
      return NULL;
    }
  return g_bytes_new (plain, n - 1);
}
