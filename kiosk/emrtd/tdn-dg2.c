/* tdn-dg2.c — the face image inside DG2 (ICAO 9303-10 §4.7.2, ISO 19794-5)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tdn-chip-read.h"
#include "tdn-tlv.h"

/* 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E|7F2E record } } }. The
 * record is a 19794-5 facial record whose image starts at the JPEG SOI
 * (FF D8 FF) or a JPEG 2000 signature; the image runs to the record's end. */
GBytes *
tdn_dg2_extract_image (GBytes  *dg2,
                       GError **error)
{
  static const guint8 jpeg[] = { 0xFF, 0xD8, 0xFF };
  static const guint8 jp2[] = { 0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20 };
  static const guint8 j2k[] = { 0xFF, 0x4F, 0xFF, 0x51 };
  TdnTlv t75, t61, t60, rec;
  g_autoptr(GError) local = NULL;
  const guint8 *d;
  gsize n;

  d = g_bytes_get_data (dg2, &n);
  if (!tdn_tlv_find (d, n, 0x75, &t75, &local)
      || !tdn_tlv_find (t75.value, t75.length, 0x7F61, &t61, &local)
      || !tdn_tlv_find (t61.value, t61.length, 0x7F60, &t60, &local))
    {
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                   _("The chip's photo (DG2) is not valid data: %s"),
                   local != NULL ? local->message : "no biometric template");
      return NULL;
    }
  if (!tdn_tlv_find (t60.value, t60.length, 0x5F2E, &rec, NULL)
      && !tdn_tlv_find (t60.value, t60.length, 0x7F2E, &rec, NULL))
    return NULL; /* a template without image data: no photo */

  for (gsize i = 0; i + sizeof jp2 <= rec.length || i + sizeof jpeg <= rec.length; i++)
    {
      gsize left = rec.length - i;

      if ((left >= sizeof jpeg && memcmp (rec.value + i, jpeg, sizeof jpeg) == 0)
          || (left >= sizeof jp2 && memcmp (rec.value + i, jp2, sizeof jp2) == 0)
          || (left >= sizeof j2k && memcmp (rec.value + i, j2k, sizeof j2k) == 0))
        return g_bytes_new (rec.value + i, left);
    }
  return NULL;
}
