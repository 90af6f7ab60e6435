/* tdn-sm.h — secure messaging wrap/unwrap, 3DES (BAC) and AES (PACE) (ICAO 9303-11 §9.8)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_SM_ERROR (tdn_sm_error_quark ())
GQuark tdn_sm_error_quark (void);

typedef enum {
  TDN_SM_ERROR_MALFORMED,  /* response objects missing or malformed */
  TDN_SM_ERROR_BAD_MAC,    /* checksum wrong: assume SSC desync */
  TDN_SM_ERROR_BAD_PADDING,
  TDN_SM_ERROR_CRYPTO,
} TdnSmError;

typedef enum {
  TDN_SM_CIPHER_3DES, /* BAC: 2-key 3DES CBC, IV 0, retail MAC, 8-byte SSC */
  TDN_SM_CIPHER_AES,  /* PACE: AES-128 CBC, IV = E(KSenc, SSC), CMAC/8, 16-byte SSC */
} TdnSmCipher;

/* Session keys and send sequence counter; wipe with tdn_sm_clear(). One
 * type for both ciphers: the reader above never cares which. */
typedef struct {
  TdnSmCipher cipher;
  guint8      ks_enc[16];
  guint8      ks_mac[16];
  guint8      ssc[16];    /* 3DES uses the first 8 bytes */
} TdnSm;

/* 3DES session (BAC) with its 8-byte starting SSC. */
void tdn_sm_init (TdnSm        *self,
                  const guint8  ks_enc[16],
                  const guint8  ks_mac[16],
                  const guint8  ssc[8]);
/* AES-128 session (PACE); the SSC starts at zero. */
void tdn_sm_init_aes (TdnSm        *self,
                      const guint8  ks_enc[16],
                      const guint8  ks_mac[16]);
void tdn_sm_clear (TdnSm *self);
gboolean tdn_sm_is_active (const TdnSm *self);

/* le: TDN_APDU_NO_LE or 1..65536; above 256 the protected APDU uses the
 * extended form (DO97 of two bytes), which only a reader and card that
 * both allow extended length accept. */
GBytes *tdn_sm_wrap (TdnSm         *self,
                     guint8         cla,
                     guint8         ins,
                     guint8         p1,
                     guint8         p2,
                     const guint8  *data,
                     gsize          data_len,
                     gint           le,
                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* resp is the whole response APDU; returns the plain data and sets *sw. */
GBytes *tdn_sm_unwrap (TdnSm         *self,
                       const guint8  *resp,
                       gsize          resp_len,
                       guint16       *sw,
                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
