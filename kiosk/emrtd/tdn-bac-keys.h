/* tdn-bac-keys.h — ICAO 9303-11 §9.7 document basic access keys
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_BAC_KEYS_ERROR (tdn_bac_keys_error_quark ())
GQuark tdn_bac_keys_error_quark (void);

typedef enum {
  TDN_BAC_KEYS_ERROR_INVALID_MRZ_INFO, /* not 9+1+6+1+6+1 MRZ characters */
  TDN_BAC_KEYS_ERROR_CRYPTO,           /* OpenSSL refused the digest */
} TdnBacKeysError;

/* ICAO 9303-11 key derivation counters. */
#define TDN_KDF_ENC  1u
#define TDN_KDF_MAC  2u
#define TDN_KDF_PACE 3u

/* 16-byte 2-key 3DES keys; wipe with tdn_bac_keys_clear() after use. */
typedef struct {
  guint8 seed[16];
  guint8 enc[16];
  guint8 mac[16];
} TdnBacKeys;

gboolean tdn_bac_keys_derive (const char  *mrz_information,
                              TdnBacKeys  *out,
                              GError     **error);

/* KDF(K, c) = SHA-1(K ‖ c as 4 bytes BE)[0..15] with DES parity fixed. */
gboolean tdn_kdf_3des (const guint8 *secret,
                       gsize         secret_len,
                       guint32       counter,
                       guint8        out[16],
                       GError      **error);

void tdn_des_fix_parity (guint8 *key,
                         gsize   len);

void tdn_bac_keys_clear (TdnBacKeys *keys);

G_END_DECLS
