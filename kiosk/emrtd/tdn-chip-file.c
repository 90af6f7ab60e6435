/* tdn-chip-file.c — read an elementary file of the chip, by FID, under SM
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <glib/gi18n.h>

#include "tdn-apdu.h"
#include "tdn-chip-file.h"
#include "tdn-tlv.h"

#define SW_WRONG_LENGTH 0x6700

const char *
tdn_chip_file_name (guint16 fid)
{
  switch (fid)
    {
    case TDN_FID_CARD_ACCESS: return "EF.CardAccess";
    case TDN_FID_COM: return "EF.COM";
    case TDN_FID_SOD: return "EF.SOD";
    case TDN_FID_DG1: return "DG1";
    case TDN_FID_DG2: return "DG2";
    case TDN_FID_DG13: return "DG13";
    case TDN_FID_DG14: return "DG14";
    case TDN_FID_DG15: return "DG15";
    default: return "EF";
    }
}

gboolean
tdn_chip_tlv_total_length (const guint8 *data,
                           gsize         len,
                           gsize        *total)
{
  guint32 tag;
  gsize vlen, hlen;

  if (!tdn_tlv_parse_header (data, len, &tag, &vlen, &hlen, NULL))
    return FALSE;
  *total = hlen + vlen;
  return TRUE;
}

static gboolean
status_error (guint16       sw,
              guint16       fid,
              GError      **error)
{
  const char *name = tdn_chip_file_name (fid);

  switch (sw)
    {
    case TDN_SW_FILE_NOT_FOUND:
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND,
                   _("The card has no %s file."), name);
      break;
    case TDN_SW_SECURITY_STATUS:
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_SECURITY,
                   _("The card does not allow reading %s."), name);
      break;
    case TDN_SW_SM_OBJECTS_WRONG:
    case TDN_SW_SM_MISSING:
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_SECURITY,
                   _("The card ended the secure session while reading %s. "
                     "Place the card on the reader again."), name);
      break;
    default:
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                   _("The card answered status %04X while reading %s. "
                     "Place the card on the reader again."), sw, name);
      break;
    }
  return FALSE;
}

/* One READ BINARY of up to `le` bytes at `offset`. */
static GBytes *
read_binary (TdnChipSession  *session,
             gsize            offset,
             guint            le,
             guint16         *sw,
             GError         **error)
{
  g_autoptr(GBytes) resp = NULL;
  guint8 do54[5];
  const guint8 *d;
  gsize n;

  if (offset <= 0x7FFF)
    return tdn_chip_session_send (session, 0x00, 0xB0, (guint8) (offset >> 8),
                                  (guint8) offset, NULL, 0, (gint) le, sw, error);

  /* Odd INS: the offset in DO54, the data back in DO53 (ISO 7816-4 §11.3.3). */
  do54[0] = 0x54;
  do54[1] = 3;
  do54[2] = (guint8) (offset >> 16);
  do54[3] = (guint8) (offset >> 8);
  do54[4] = (guint8) offset;
  resp = tdn_chip_session_send (session, 0x00, 0xB1, 0x00, 0x00, do54, sizeof do54,
                                (gint) MIN (le + 4, tdn_chip_session_get_extended (session) ? 65536u : 256u),
                                sw, error);
  if (resp == NULL)
    return NULL;
  d = g_bytes_get_data (resp, &n);
  if (n == 0)
    return g_steal_pointer (&resp);
  {
    guint32 tag = 0;
    gsize vlen = 0, hlen = 0;

    if (!tdn_tlv_parse_header (d, n, &tag, &vlen, &hlen, NULL) || tag != 0x53
        || hlen + vlen > n)
      {
        g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                             _("The card answered a long file read wrongly. "
                               "Place the card on the reader again."));
        return NULL;
      }
    return g_bytes_new_from_bytes (resp, hlen, vlen);
  }
}

GBytes *
tdn_chip_read_file (TdnChipSession      *session,
                    guint16              fid,
                    TdnChipProgressFunc  progress,
                    gpointer             user_data,
                    GError             **error)
{
  const guint8 fid_bytes[2] = { (guint8) (fid >> 8), (guint8) fid };
  g_autoptr(GBytes) sel = NULL;
  g_autoptr(GByteArray) content = g_byte_array_new ();
  guint max_le = tdn_chip_session_get_max_le (session);
  gsize total = 0;
  gboolean known = FALSE;
  guint16 sw = 0;
  guint le;

  if (!tdn_chip_session_get_extended (session))
    max_le = MIN (max_le, 256u);

  sel = tdn_chip_session_send (session, 0x00, 0xA4, 0x02, 0x0C, fid_bytes, 2,
                               TDN_APDU_NO_LE, &sw, error);
  if (sel == NULL)
    return NULL;
  if (sw != TDN_SW_OK)
    {
      status_error (sw, fid, error);
      return NULL;
    }

  le = max_le;
  while (!known || content->len < total)
    {
      g_autoptr(GBytes) chunk = NULL;
      const guint8 *d;
      gsize n;

      chunk = read_binary (session, content->len, le, &sw, error);
      if (chunk == NULL)
        return NULL;
      d = g_bytes_get_data (chunk, &n);

      if ((sw & 0xFF00) == 0x6C00 && n == 0)
        {
          /* "Wrong Le, use xx": nothing was delivered, ask again. */
          le = (sw & 0xFF) == 0 ? 256 : (sw & 0xFF);
          continue;
        }
      if (sw == SW_WRONG_LENGTH && n == 0 && le > 256)
        {
          /* The reader or the card refuses extended length after all:
           * short APDUs for the rest of the session. */
          tdn_chip_session_set_extended (session, FALSE);
          max_le = MIN (max_le, 0xDFu);
          le = MIN (le, max_le);
          continue;
        }
      if (sw == SW_WRONG_LENGTH && n == 0 && le > 8 && !known)
        {
          le = 8; /* a card that refuses a long first read: header first */
          continue;
        }
      if (sw != TDN_SW_OK && sw != TDN_SW_EOF_WARNING)
        {
          if (sw == TDN_SW_WRONG_OFFSET)
            g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                         _("%s on the card is shorter than it says."),
                         tdn_chip_file_name (fid));
          else
            status_error (sw, fid, error);
          return NULL;
        }
      if (n == 0)
        {
          g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                       _("%s on the card is shorter than it says."),
                       tdn_chip_file_name (fid));
          return NULL;
        }
      if (known && n > total - content->len)
        n = total - content->len;
      g_byte_array_append (content, d, (guint) n);
      tdn_chip_session_add_file_bytes (session, n);

      if (!known)
        {
          if (!tdn_chip_tlv_total_length (content->data, content->len, &total))
            {
              if (content->len >= 8 || sw == TDN_SW_EOF_WARNING)
                {
                  g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                               _("%s on the card is not valid data."),
                               tdn_chip_file_name (fid));
                  return NULL;
                }
              continue;
            }
          if (total > TDN_CHIP_FILE_MAX_SIZE)
            {
              g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_TOO_LARGE,
                           _("%s on the card claims %zu bytes, more than any real card holds."),
                           tdn_chip_file_name (fid), total);
              return NULL;
            }
          known = TRUE;
          if (content->len > total)
            g_byte_array_set_size (content, (guint) total);
        }
      if (sw == TDN_SW_EOF_WARNING && content->len < total)
        {
          g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                       _("%s on the card is shorter than it says."),
                       tdn_chip_file_name (fid));
          return NULL;
        }
      if (progress != NULL)
        progress (fid, content->len, known ? total : 0, user_data);
      le = (guint) MIN ((gsize) max_le, known ? total - content->len : (gsize) max_le);
      if (le == 0)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&content));
}
