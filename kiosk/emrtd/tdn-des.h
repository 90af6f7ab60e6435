/* tdn-des.h — 3DES primitives of BAC secure messaging (ICAO 9303-11 §9.8)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_DES_ERROR (tdn_des_error_quark ())
GQuark tdn_des_error_quark (void);

typedef enum {
  TDN_DES_ERROR_BAD_LENGTH, /* data not a multiple of 8 bytes */
  TDN_DES_ERROR_CRYPTO,     /* OpenSSL refused the operation */
} TdnDesError;

/* 2-key 3DES CBC, IV zero, no padding (caller pads). */
gboolean tdn_des3_cbc (const guint8  key[16],
                       gboolean      encrypt,
                       const guint8 *in,
                       gsize         len,
                       guint8       *out,
                       GError      **error);

/* ISO 9797-1 padding method 2 (80 00..) to a multiple of 8; returns new length. */
gsize tdn_pad_iso9797_m2 (GByteArray *data);

/* ISO 9797-1 MAC algorithm 3 (retail MAC) with padding method 2. */
gboolean tdn_retail_mac (const guint8  key[16],
                         const guint8 *data,
                         gsize         len,
                         guint8        mac[8],
                         GError      **error);

G_END_DECLS
