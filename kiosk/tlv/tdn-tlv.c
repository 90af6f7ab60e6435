/* tdn-tlv.c — BER-TLV that never trusts a length
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-tlv"

#include "config.h"

#include "tdn-tlv.h"

G_DEFINE_QUARK (tdn-tlv-error-quark, tdn_tlv_error)

void
tdn_tlv_reader_init (TdnTlvReader *reader,
                     const guint8 *data,
                     gsize         length)
{
  reader->data = data;
  reader->length = data != NULL ? length : 0;
  reader->pos = 0;
}

gboolean
tdn_tlv_parse_header (const guint8  *data,
                      gsize          length,
                      gsize          max_length,
                      guint32       *tag,
                      gsize         *header_length,
                      gsize         *value_length,
                      GError       **error)
{
  gsize pos = 0, len = 0;
  guint32 t;

  if (length < 2)
    goto truncated;
  t = data[pos++];
  if ((t & 0x1F) == 0x1F)
    {
      /* Multi-byte tag: up to three more bytes, the last without bit 8. */
      for (int i = 0;; i++)
        {
          if (pos >= length)
            goto truncated;
          if (i == 3)
            {
              g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_MALFORMED, "tag longer than 4 bytes");
              return FALSE;
            }
          t = (t << 8) | data[pos];
          if (!(data[pos++] & 0x80))
            break;
        }
    }
  if (pos >= length)
    goto truncated;
  if (data[pos] < 0x80)
    len = data[pos++];
  else if (data[pos] == 0x80)
    {
      g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_MALFORMED, "indefinite length");
      return FALSE;
    }
  else
    {
      guint n = data[pos++] & 0x7F;

      if (n > 4)
        {
          g_set_error (error, TDN_TLV_ERROR, TDN_TLV_ERROR_MALFORMED, "length of %u bytes", n);
          return FALSE;
        }
      if (length - pos < n)
        goto truncated;
      for (guint i = 0; i < n; i++)
        len = (len << 8) | data[pos++];
    }
  if (len > max_length)
    {
      g_set_error (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED,
                   "announced length %" G_GSIZE_FORMAT " exceeds %" G_GSIZE_FORMAT, len, max_length);
      return FALSE;
    }
  *tag = t;
  *header_length = pos;
  *value_length = len;
  return TRUE;

truncated:
  g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED, "TLV header cut short");
  return FALSE;
}

gboolean
tdn_tlv_reader_next (TdnTlvReader *reader,
                     TdnTlv       *tlv,
                     GError      **error)
{
  gsize remaining = reader->length - reader->pos;
  const guint8 *p = reader->data + reader->pos;
  gsize hlen, vlen;
  guint32 tag;
  gsize i;

  if (remaining == 0)
    return FALSE;
  for (i = 0; i < remaining && (p[i] == 0x00 || p[i] == 0xFF); i++)
    ;
  if (i == remaining)
    {
      reader->pos = reader->length;
      return FALSE;
    }
  if (!tdn_tlv_parse_header (p, remaining, remaining, &tag, &hlen, &vlen, error))
    return FALSE;
  if (vlen > remaining - hlen)
    {
      g_set_error_literal (error, TDN_TLV_ERROR, TDN_TLV_ERROR_TRUNCATED, "TLV value cut short");
      return FALSE;
    }
  tlv->tag = tag;
  tlv->constructed = (p[0] & 0x20) != 0;
  tlv->value = p + hlen;
  tlv->length = vlen;
  tlv->header_length = hlen;
  reader->pos += hlen + vlen;
  return TRUE;
}

gboolean
tdn_tlv_find (const guint8  *data,
              gsize          length,
              guint32        tag,
              TdnTlv        *out,
              GError       **error)
{
  TdnTlvReader r;
  TdnTlv t;

  tdn_tlv_reader_init (&r, data, length);
  while (tdn_tlv_reader_next (&r, &t, error))
    if (t.tag == tag)
      {
        *out = t;
        return TRUE;
      }
  return FALSE;
}
