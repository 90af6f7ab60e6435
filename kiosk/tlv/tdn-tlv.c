/* tdn-tlv.c — BER-TLV reader for ICAO 9303 data that never trusts a length
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-tlv"

#include "config.h"

#include "tdn-tlv.h"

G_DEFINE_QUARK (tdn-tlv-error-quark, tdn_tlv_error)

/* Lengths on a chip never exceed 16 bits in practice; 4 length bytes are
 * accepted so that a hostile header is rejected by the bounds check with a
 * clear error rather than by an arbitrary limit. */
#define TDN_TLV_MAX_LEN_BYTES 4

gboolean
tdn_tlv_parse_header (const guint8 *data,
                      gsize         len,
                      guint32      *tag,
                      gsize        *value_len,
                      gsize        *header_len,
                      GError      **error)
{
  gsize pos = 0;
  guint32 t;
  gsize l;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len < 1)
    {
      g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
                           "TLV tag missing");
      return FALSE;
    }
  t = data[pos++];
  if ((t & 0x1F) == 0x1F)
    {
      guint n = 0;
      do
        {
          if (pos >= len)
            {
              g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
                                   "TLV tag truncated");
              return FALSE;
            }
          if (++n > 2)
            {
              g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_BAD_TAG,
                                   "TLV tag longer than 3 bytes");
              return FALSE;
            }
          t = (t << 8) | data[pos];
        }
      while (data[pos++] & 0x80);
    }

  if (pos >= len)
    {
      g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
                           "TLV length missing");
      return FALSE;
    }
  l = data[pos++];
  if (l == 0x80)
    {
      g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_BAD_LENGTH,
                           "indefinite TLV length not allowed");
      return FALSE;
    }
  if (l > 0x80)
    {
      gsize nbytes = l & 0x7F;
      if (nbytes > TDN_TLV_MAX_LEN_BYTES)
        {
          g_set_error (error, TDN_TLV_ERROR, TDN_TLV_ERROR_BAD_LENGTH,
                       "TLV length uses %zu bytes", nbytes);
          return FALSE;
        }
      if (nbytes > len - pos)
        {
          g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
                               "TLV length truncated");
          return FALSE;
        }
      l = 0;
      for (gsize i = 0; i < nbytes; i++)
        l = (l << 8) | data[pos++];
    }

  *tag = t;
  *value_len = l;
  *header_len = pos;
  return TRUE;
}

void
tdn_tlv_reader_init (TdnTlvReader *self,
                     const guint8 *data,
                     gsize         len)
{
  g_return_if_fail (self != NULL);
  self->data = data;
  self->len = data != NULL ? len : 0;
  self->pos = 0;
}

gboolean
tdn_tlv_reader_at_end (const TdnTlvReader *self)
{
  return self->pos >= self->len;
}

gboolean
tdn_tlv_reader_next (TdnTlvReader *self,
                     TdnTlv       *out,
                     GError      **error)
{
  guint32 tag;
  gsize vlen, hlen, left;

  g_return_val_if_fail (self != NULL && out != NULL, FALSE);

  left = self->len - self->pos;
  /* The end, possibly after 0x00/0xFF padding: FALSE without an error. */
  {
    gsize i = 0;

    while (i < left && (self->data[self->pos + i] == 0x00 || self->data[self->pos + i] == 0xFF))
      i++;
    if (i == left)
      {
        self->pos = self->len;
        return FALSE;
      }
  }
  if (!tdn_tlv_parse_header (self->data + self->pos, left,
                             &tag, &vlen, &hlen, error))
    return FALSE;
  if (vlen > left - hlen)
    {
      g_set_error (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
                   "TLV %X claims %zu bytes, %zu present",
                   tag, vlen, left - hlen);
      return FALSE;
    }

  out->tag = tag;
  out->constructed = (self->data[self->pos] & 0x20) != 0;
  out->value = self->data + self->pos + hlen;
  out->length = vlen;
  out->header_len = hlen;
  self->pos += hlen + vlen;
  return TRUE;
}

gboolean
tdn_tlv_find (const guint8 *data,
              gsize         len,
              guint32       tag,
              TdnTlv       *out,
              GError      **error)
{
  TdnTlvReader r;

  tdn_tlv_reader_init (&r, data, len);
  while (!tdn_tlv_reader_at_end (&r))
    {
      GError *local = NULL;

      if (!tdn_tlv_reader_next (&r, out, &local))
        {
          /* Without an error only padding was left: not found. */
          if (local == NULL)
            break;
          g_propagate_error (error, local);
          return FALSE;
        }
      if (out->tag == tag)
        return TRUE;
    }
  g_set_error (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
               "TLV %X not found", tag);
  return FALSE;
}

gsize
tdn_tlv_encode_length (gsize   length,
                       guint8 *out)
{
  if (length < 0x80)
    {
      out[0] = (guint8) length;
      return 1;
    }
  if (length <= 0xFF)
    {
      out[0] = 0x81;
      out[1] = (guint8) length;
      return 2;
    }
  if (length <= 0xFFFF)
    {
      out[0] = 0x82;
      out[1] = (guint8) (length >> 8);
      out[2] = (guint8) length;
      return 3;
    }
  out[0] = 0x83;
  out[1] = (guint8) (length >> 16);
  out[2] = (guint8) (length >> 8);
  out[3] = (guint8) length;
  return 4;
}
