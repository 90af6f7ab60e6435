/* tdn-escpos.c — ESC/POS bytes for a raster ticket, and printer status
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-ticket"

#include "config.h"

#include "tdn-escpos.h"

GBytes *
tdn_escpos_encode_ticket (const TdnRaster *r,
                          gboolean         beep)
{
  GByteArray *out = g_byte_array_new ();
  static const guint8 init[] = { 0x1B, 0x40 };                 /* ESC @ */
  static const guint8 centre[] = { 0x1B, 0x61, 0x01 };         /* ESC a 1 */
  static const guint8 feed[] = { 0x1B, 0x64, 0x04 };           /* ESC d 4 */
  static const guint8 cut[] = { 0x1D, 0x56, 0x42, 0x00 };      /* GS V 66 0: partial cut */
  static const guint8 bell[] = { 0x1B, 0x42, 0x02, 0x02 };     /* ESC B 2 2 */

  g_byte_array_append (out, init, sizeof init);
  g_byte_array_append (out, centre, sizeof centre);
  for (guint y = 0; y < r->height; y += TDN_ESCPOS_MAX_BAND)
    {
      guint rows = MIN (TDN_ESCPOS_MAX_BAND, r->height - y);
      guint8 head[8] = { 0x1D, 0x76, 0x30, 0x00,
                         (guint8) (r->stride & 0xFF), (guint8) (r->stride >> 8),
                         (guint8) (rows & 0xFF), (guint8) (rows >> 8) };

      g_byte_array_append (out, head, sizeof head);
      g_byte_array_append (out, r->data + (gsize) y * r->stride, rows * r->stride);
    }
  g_byte_array_append (out, feed, sizeof feed);
  g_byte_array_append (out, cut, sizeof cut);
  if (beep)
    g_byte_array_append (out, bell, sizeof bell);
  return g_byte_array_free_to_bytes (out);
}

void
tdn_escpos_status_query (guint8 n,
                         guint8 out[3])
{
  out[0] = 0x10;   /* DLE */
  out[1] = 0x04;   /* EOT */
  out[2] = n;
}

gboolean
tdn_escpos_parse_status (guint8            n,
                         guint8            b,
                         TdnPrinterStatus *s)
{
  /* Fixed bits of every real-time status answer. */
  if ((b & 0x93) != 0x12)
    return FALSE;
  s->known = TRUE;
  switch (n)
    {
    case 1:
      s->online = !(b & 0x08);
      return TRUE;
    case 2:
      s->cover_open = (b & 0x04) != 0;
      if (b & 0x20)
        s->paper_out = TRUE;
      if (b & 0x40)
        s->error = TRUE;
      return TRUE;
    case 3:
      if (b & 0x6C)
        s->error = TRUE;
      return TRUE;
    case 4:
      s->paper_near_end = (b & 0x0C) != 0;
      s->paper_out = (b & 0x60) != 0;
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
tdn_printer_status_to_string (const TdnPrinterStatus *s)
{
  if (!s->known)
    return "unknown";
  if (s->paper_out)
    return "paper_out";
  if (s->cover_open)
    return "cover_open";
  if (s->error)
    return "error";
  if (!s->online)
    return "offline";
  if (s->paper_near_end)
    return "paper_near_end";
  return "ok";
}
