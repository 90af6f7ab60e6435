/* tdn-aes.h — AES primitives of PACE secure messaging (ICAO 9303-11 §9.8.7)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_AES_ERROR (tdn_aes_error_quark ())
GQuark tdn_aes_error_quark (void);

typedef enum {
  TDN_AES_ERROR_BAD_LENGTH, /* data not a multiple of 16 bytes */
  TDN_AES_ERROR_CRYPTO,     /* OpenSSL refused the operation */
} TdnAesError;

/* AES-128 CBC with the given IV (NULL = zero), no padding. */
gboolean tdn_aes128_cbc (const guint8  key[16],
                         gboolean      encrypt,
                         const guint8 *iv,
                         const guint8 *in,
                         gsize         len,
                         guint8       *out,
                         GError      **error);

/* AES-128 CMAC (NIST SP 800-38B) truncated to 8 bytes. */
gboolean tdn_aes128_cmac8 (const guint8  key[16],
                           const guint8 *data,
                           gsize         len,
                           guint8        mac[8],
                           GError      **error);

/* ISO 9797-1 padding method 2 to a multiple of `block`; returns new length. */
gsize tdn_pad_iso9797_m2_block (GByteArray *data,
                                guint       block);

G_END_DECLS
