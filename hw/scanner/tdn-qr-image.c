/* tdn-qr-image.c — QR codes in a picture (PNG), decoded with zbar
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include <cairo.h>
#include <zbar.h>

#include "tdn-base.h"
#include "tdn-qr-image.h"
#include "tdn-scanner.h"

GPtrArray *
tdn_qr_image_decode_gray (const guint8 *pixels,
                          guint         width,
                          guint         height,
                          guint         stride)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();
  zbar_image_t *image = zbar_image_create ();
  guint8 *packed = g_malloc ((gsize) width * height);

  for (guint y = 0; y < height; y++)
    memcpy (packed + (gsize) y * width, pixels + (gsize) y * stride, width);

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, width, height);
  zbar_image_set_data (image, packed, (unsigned long) width * height, zbar_image_free_data);

  if (zbar_scan_image (scanner, image) > 0)
    for (const zbar_symbol_t *s = zbar_image_first_symbol (image); s != NULL; s = zbar_symbol_next (s))
      g_ptr_array_add (out, g_bytes_new (zbar_symbol_get_data (s), zbar_symbol_get_data_length (s)));

  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);
  return g_steal_pointer (&out);
}

GPtrArray *
tdn_qr_image_decode_png (const char  *path,
                         GError     **error)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  g_autofree guint8 *gray = NULL;
  GPtrArray *codes;
  int w, h, stride;
  cairo_format_t format;
  const guint8 *data;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_IMAGE,
                   _("Cannot read %s as a PNG image: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  format = cairo_image_surface_get_format (surface);
  data = cairo_image_surface_get_data (surface);
  gray = g_malloc ((gsize) w * h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = data + (gsize) y * stride;
        guint v;

        if (format == CAIRO_FORMAT_A8)
          v = 255 - p[x];
        else if (format == CAIRO_FORMAT_A1)
          v = (p[x / 8] >> (x % 8)) & 1 ? 0 : 255;
        else
          {
            guint32 px;
            guint a, r, g, b;

            memcpy (&px, p + 4 * x, 4);
            a = format == CAIRO_FORMAT_ARGB32 ? (px >> 24) & 0xff : 255;
            r = (px >> 16) & 0xff;
            g = (px >> 8) & 0xff;
            b = px & 0xff;
            /* Premultiplied colour over a white background. */
            v = (r * 299 + g * 587 + b * 114) / 1000 + (255 - a);
            v = MIN (v, 255);
          }
        gray[(gsize) y * w + x] = (guint8) v;
      }
  cairo_surface_destroy (surface);

  codes = tdn_qr_image_decode_gray (gray, (guint) w, (guint) h, (guint) w);
  if (codes->len == 0)
    {
      g_ptr_array_unref (codes);
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_IMAGE,
                   _("No QR code found in %s"), path);
      return NULL;
    }
  return codes;
}
