/* tdn-sm.c — secure messaging wrap/unwrap, 3DES (BAC) and AES (PACE) (ICAO 9303-11 §9.8)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>

#include "tdn-aes.h"
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
  memset (self, 0, sizeof *self);
  self->cipher = TDN_SM_CIPHER_3DES;
  memcpy (self->ks_enc, ks_enc, 16);
  memcpy (self->ks_mac, ks_mac, 16);
  memcpy (self->ssc, ssc, 8);
}

void
tdn_sm_init_aes (TdnSm        *self,
                 const guint8  ks_enc[16],
                 const guint8  ks_mac[16])
{
  memset (self, 0, sizeof *self);
  self->cipher = TDN_SM_CIPHER_AES;
  memcpy (self->ks_enc, ks_enc, 16);
  memcpy (self->ks_mac, ks_mac, 16);
}

void
tdn_sm_clear (TdnSm *self)
{
  if (self != NULL)
    OPENSSL_cleanse (self, sizeof *self);
}

gboolean
tdn_sm_is_active (const TdnSm *self)
{
  static const guint8 zero[16] = { 0 };

  return self != NULL && CRYPTO_memcmp (self->ks_mac, zero, 16) != 0;
}

static guint
block_size (const TdnSm *self)
{
  return self->cipher == TDN_SM_CIPHER_AES ? 16 : 8;
}

static void
ssc_increment (TdnSm *self)
{
  for (int i = (int) block_size (self) - 1; i >= 0; i--)
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

/* The IV: zero for 3DES, E(KSenc, SSC) for AES (9303-11 §9.8.6.3). */
static gboolean
cipher (TdnSm         *self,
        gboolean       encrypt,
        const guint8  *in,
        gsize          len,
        guint8        *out,
        GError       **error)
{
  guint8 iv[16];
  gboolean ok;

  if (self->cipher == TDN_SM_CIPHER_3DES)
    return tdn_des3_cbc (self->ks_enc, encrypt, in, len, out, error);
  if (!tdn_aes128_cbc (self->ks_enc, TRUE, NULL, self->ssc, 16, iv, error))
    return FALSE;
  ok = tdn_aes128_cbc (self->ks_enc, encrypt, iv, in, len, out, error);
  OPENSSL_cleanse (iv, sizeof iv);
  return ok;
}

/* mac_in already starts with the SSC; pads and MACs it. */
static gboolean
mac (TdnSm       *self,
     GByteArray  *mac_in,
     guint8       cc[8],
     GError     **error)
{
  if (self->cipher == TDN_SM_CIPHER_3DES)
    return tdn_retail_mac (self->ks_mac, mac_in->data, mac_in->len, cc, error);
  tdn_pad_iso9797_m2_block (mac_in, 16);
  return tdn_aes128_cmac8 (self->ks_mac, mac_in->data, mac_in->len, cc, error);
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
  guint bs = block_size (self);
  gboolean extended = le > 256;
  guint8 cc[8];

  g_return_val_if_fail (le == TDN_APDU_NO_LE || (le > 0 && le <= 65536), NULL);

  if (data_len > 0)
    {
      g_autoptr(GByteArray) plain = g_byte_array_new ();
      g_autofree guint8 *enc = NULL;
      gsize n;

      g_byte_array_append (plain, data, (guint) data_len);
      n = tdn_pad_iso9797_m2_block (plain, bs);
      enc = g_malloc (n);
      ssc_increment (self);
      if (!cipher (self, TRUE, plain->data, n, enc, error))
        return NULL;
      OPENSSL_cleanse (plain->data, plain->len);
      append_do (body, 0x87, &one, 1, enc, n);
    }
  else
    ssc_increment (self);
  if (le != TDN_APDU_NO_LE)
    {
      guint8 v[2] = { (guint8) ((le >> 8) & 0xFF), (guint8) (le & 0xFF) };
      if (extended)
        append_do (body, 0x97, NULL, 0, v, 2);
      else
        append_do (body, 0x97, NULL, 0, v + 1, 1);
    }

  g_byte_array_append (mac_in, self->ssc, bs);
  g_byte_array_append (mac_in, header, 4);
  tdn_pad_iso9797_m2_block (mac_in, bs);
  g_byte_array_append (mac_in, body->data, body->len);
  if (!mac (self, mac_in, cc, error))
    return NULL;
  append_do (body, 0x8E, NULL, 0, cc, 8);

  extended = extended || body->len > 255;
  return tdn_apdu_build (header[0], ins, p1, p2, body->data, body->len,
                         extended ? 65536 : 256, extended, error);
}

static GBytes *
decrypt_do87 (TdnSm         *self,
              const guint8  *do87,
              gsize          do87_len,
              GError       **error)
{
  g_autofree guint8 *plain = NULL;
  const guint8 *v;
  guint32 tag;
  gsize vlen, hlen, n;
  guint bs = block_size (self);

  if (!tdn_tlv_parse_header (do87, do87_len, &tag, &vlen, &hlen, error))
    return NULL;
  v = do87 + hlen;
  if (vlen < 1 + bs || v[0] != 0x01 || (vlen - 1) % bs != 0)
    {
      g_set_error_literal (error, TDN_SM_ERROR, TDN_SM_ERROR_MALFORMED,
                           "SM cryptogram malformed");
      return NULL;
    }
  n = vlen - 1;
  plain = g_malloc (n);
  if (!cipher (self, FALSE, v + 1, n, plain, error))
    return NULL;
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
  guint8 cc[8];

  if (!tdn_apdu_split_response (resp, resp_len, &data_len, &outer_sw, error))
    return NULL;

  ssc_increment (self);
  tdn_tlv_reader_init (&r, resp, data_len);
  while (!tdn_tlv_reader_at_end (&r))
    {
      const guint8 *start = resp + r.pos;
      g_autoptr(GError) local = NULL;

      if (!tdn_tlv_reader_next (&r, &t, &local))
        {
          if (local == NULL)
            break;  /* 00/FF padding: the end of the objects */
          g_propagate_error (error, g_steal_pointer (&local));
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

  g_byte_array_append (mac_in, self->ssc, block_size (self));
  if (do87 != NULL)
    g_byte_array_append (mac_in, do87, (guint) do87_len);
  g_byte_array_append (mac_in, do99, (guint) do99_len);
  if (!mac (self, mac_in, cc, error))
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
  return decrypt_do87 (self, do87, do87_len, error);
}
