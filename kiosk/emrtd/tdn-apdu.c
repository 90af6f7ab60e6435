/* tdn-apdu.c — ISO 7816-4 command APDU encoding and response decoding
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include "tdn-apdu.h"

G_DEFINE_QUARK (tdn-apdu-error-quark, tdn_apdu_error)

/* Cases 1–4 of ISO 7816-3 §12.1, short or extended. Short form carries
 * Lc ≤ 255 and Le ≤ 256 (256 encoded 00); extended Lc ≤ 65535 and
 * Le ≤ 65536 (65536 encoded 0000). le = 0 is not a valid request: callers
 * say how many bytes they want. */
GBytes *
tdn_apdu_build (guint8         cla,
                guint8         ins,
                guint8         p1,
                guint8         p2,
                const guint8  *data,
                gsize          data_len,
                gint           le,
                gboolean       extended,
                GError       **error)
{
  g_autoptr(GByteArray) out = NULL;
  const guint8 header[4] = { cla, ins, p1, p2 };
  gsize max_lc = extended ? 65535 : 255;
  gint max_le = extended ? 65536 : 256;

  g_return_val_if_fail (data != NULL || data_len == 0, NULL);
  g_return_val_if_fail (le == TDN_APDU_NO_LE || le > 0, NULL);

  if (data_len > max_lc || le > max_le)
    {
      g_set_error (error, TDN_APDU_ERROR, TDN_APDU_ERROR_TOO_LONG,
                   "APDU Lc %zu / Le %d too long for %s form",
                   data_len, le, extended ? "extended" : "short");
      return NULL;
    }

  out = g_byte_array_sized_new (4 + 3 + data_len + 3);
  g_byte_array_append (out, header, 4);

  if (!extended)
    {
      if (data_len > 0)
        {
          guint8 lc = (guint8) data_len;
          g_byte_array_append (out, &lc, 1);
          g_byte_array_append (out, data, data_len);
        }
      if (le != TDN_APDU_NO_LE)
        {
          guint8 b = (guint8) (le == 256 ? 0 : le);
          g_byte_array_append (out, &b, 1);
        }
    }
  else
    {
      if (data_len > 0)
        {
          guint8 lc[3] = { 0, (guint8) (data_len >> 8), (guint8) data_len };
          g_byte_array_append (out, lc, 3);
          g_byte_array_append (out, data, data_len);
        }
      if (le != TDN_APDU_NO_LE)
        {
          guint v = le == 65536 ? 0 : (guint) le;
          guint8 b[3] = { 0, (guint8) (v >> 8), (guint8) v };
          /* The leading 00 is present only when there is no Lc field. */
          if (data_len > 0)
            g_byte_array_append (out, b + 1, 2);
          else
            g_byte_array_append (out, b, 3);
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
tdn_apdu_split_response (const guint8  *resp,
                         gsize          resp_len,
                         gsize         *data_len,
                         guint16       *sw,
                         GError       **error)
{
  g_return_val_if_fail (resp != NULL || resp_len == 0, FALSE);

  if (resp_len < 2)
    {
      g_set_error (error, TDN_APDU_ERROR, TDN_APDU_ERROR_SHORT,
                   "response APDU of %zu bytes has no status word", resp_len);
      return FALSE;
    }
  *data_len = resp_len - 2;
  *sw = (guint16) ((resp[resp_len - 2] << 8) | resp[resp_len - 1]);
  return TRUE;
}
