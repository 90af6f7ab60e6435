/* bench-qr-decode.c — QR decode time per camera frame (hw/scanner, zbar)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a CCCD card QR (libqrencode, 4 px per module) into grey camera
 * frames with a camera's contrast and noise, at 640×480 and 1280×720,
 * and times tdn_qr_image_decode_gray() on each, plus a frame with no code
 * (what the camera sees most of the day). Every decode must give back the
 * payload. Prints FIGURE lines (tools/bench).
 */
#include "config.h"

#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "tdn-qr-image.h"

static const char payload[] = "001190012345|123456789|Lê Thị Mai|14021990|Nữ|"
                              "Phường Láng, Thành phố Hà Nội|10042021";

static guint8 *
frame (guint w, guint h, gboolean with_code)
{
  guint8 *px = g_malloc (w * h);
  guint32 seed = 12345;

  for (guint i = 0; i < w * h; i++)
    {
      seed = seed * 1103515245u + 12345u;
      px[i] = (guint8) (150 + (seed >> 16) % 40);    /* grey background with noise */
    }
  if (!with_code)
    return px;
  QRcode *code = QRcode_encodeString8bit (payload, 0, QR_ECLEVEL_M);
  g_assert_nonnull (code);
  guint scale = 4, quiet = 4, side = (guint) (code->width + 2 * quiet) * scale;
  guint x0 = (w - side) / 2, y0 = (h - side) / 2;
  for (guint y = 0; y < side; y++)
    for (guint x = 0; x < side; x++)
      {
        int mx = (int) (x / scale) - (int) quiet, my = (int) (y / scale) - (int) quiet;
        gboolean dark = mx >= 0 && my >= 0 && mx < code->width && my < code->width
                        && (code->data[my * code->width + mx] & 1);
        seed = seed * 1103515245u + 12345u;
        px[(y0 + y) * w + x0 + x] = (guint8) ((dark ? 35 : 205) + (seed >> 16) % 20);
      }
  QRcode_free (code);
  return px;
}

static double
bench (const char *name, guint w, guint h, gboolean with_code)
{
  g_autofree guint8 *px = frame (w, h, with_code);
  guint iterations = 0;
  gint64 start = g_get_monotonic_time (), now;

  do
    {
      g_autoptr(GPtrArray) codes = tdn_qr_image_decode_gray (px, w, h, w);
      if (with_code)
        {
          g_assert_cmpuint (codes->len, ==, 1);
          GBytes *b = g_ptr_array_index (codes, 0);
          g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), payload, strlen (payload));
        }
      else
        g_assert_cmpuint (codes->len, ==, 0);
      iterations++;
      now = g_get_monotonic_time ();
    }
  while (now - start < 2 * G_USEC_PER_SEC || iterations < 10);
  double ms = (double) (now - start) / 1000.0 / iterations;
  printf ("FIGURE qr_decode_%s %.2f ms/frame (%u frames)\n", name, ms, iterations);
  return ms;
}

int
main (void)
{
  bench ("640x480", 640, 480, TRUE);
  bench ("1280x720", 1280, 720, TRUE);
  bench ("640x480_no_code", 640, 480, FALSE);
  return 0;
}
