/* tdn-qr-image.h — QR codes in a picture (PNG), decoded with zbar
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zbar guesses the text encoding of a QR code and can turn Vietnamese
 * UTF-8 into Shift-JIS mojibake; ZBAR_CFG_BINARY makes it hand over the
 * raw bytes, which the QR parser validates itself.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes every QR code in an 8-bit grey image (`stride` bytes a row);
 * returns GBytes payloads, in the order zbar found them. */
GPtrArray *tdn_qr_image_decode_gray (const guint8 *pixels,
                                     guint         width,
                                     guint         height,
                                     guint         stride);
/* Loads a PNG and decodes it; an error when it is not a PNG or holds no
 * QR code. */
GPtrArray *tdn_qr_image_decode_png  (const char   *path,
                                     GError      **error);

G_END_DECLS
