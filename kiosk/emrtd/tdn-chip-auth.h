/* tdn-chip-auth.h — Chip Authentication key agreement (ICAO 9303-11 §6.2, BSI TR-03110 CA v1/v2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure half of Chip Authentication. The reader, inside the current
 * secure messaging session:
 *   1. takes the option from DG14 (tdn_dg14_get_chip_auth());
 *   2. calls tdn_chip_auth_agree(): a fresh ephemeral key pair on the
 *      chip's domain parameters, the shared secret with the chip's static
 *      key, and the new session keys KS_enc = KDF(K, 1), KS_mac = KDF(K, 2);
 *   3. sends, for 3DES: MSE:Set KAT 00 22 41 A6 with
 *      tdn_chip_auth_mse_set_kat_data(); for AES: MSE:Set AT 00 22 41 A4
 *      with tdn_chip_auth_mse_set_at_data(), then GENERAL AUTHENTICATE
 *      00 86 00 00 with tdn_chip_auth_general_authenticate_data() (Le 00);
 *   4. on 9000, restarts secure messaging with the new keys and SSC 0
 *      (tdn_sm_init() with a zero SSC, or tdn_sm_init_aes()).
 * A chip that is a copy cannot compute the same keys, so the first command
 * under the new session fails its MAC: that is a failed chip_auth. An
 * error in the MSE/GA step itself means "not supported" or "invalid" as the
 * status word says.
 */
#pragma once

#include <glib.h>

#include "tdn-dg14.h"

G_BEGIN_DECLS

#define TDN_CHIP_AUTH_ERROR (tdn_chip_auth_error_quark ())
GQuark tdn_chip_auth_error_quark (void);

typedef enum {
  TDN_CHIP_AUTH_ERROR_CRYPTO,  /* key generation or agreement failed (bad chip key) */
} TdnChipAuthError;

typedef struct {
  TdnChipAuthCipher cipher;
  gsize             key_len;       /* 16 (3DES, AES-128), 24 or 32 */
  guint8            ks_enc[32];
  guint8            ks_mac[32];
  /* The terminal's ephemeral public key as the chip expects it: an
   * uncompressed point 04‖X‖Y (ECDH) or the public value padded to the
   * length of p (DH). */
  GBytes           *ephemeral_public_key;
} TdnChipAuthSession;

gboolean tdn_chip_auth_agree         (const TdnChipAuthInfo *info,
                                      TdnChipAuthSession    *session,
                                      GError               **error);
/* Wipes the keys. */
void     tdn_chip_auth_session_clear (TdnChipAuthSession *session);

/* Command data fields (without CLA INS P1 P2 and lengths). */
GBytes  *tdn_chip_auth_mse_set_kat_data (const TdnChipAuthInfo    *info,
                                         const TdnChipAuthSession *session) G_GNUC_WARN_UNUSED_RESULT;
GBytes  *tdn_chip_auth_mse_set_at_data  (const TdnChipAuthInfo    *info) G_GNUC_WARN_UNUSED_RESULT;
GBytes  *tdn_chip_auth_general_authenticate_data (const TdnChipAuthSession *session) G_GNUC_WARN_UNUSED_RESULT;

/* KDF(K, c) of ICAO 9303-11 §9.7.1 for `cipher` (SHA-1 for 3DES with DES
 * parity, and AES-128; SHA-256 for AES-192/256); `out` gets key_len bytes. */
gboolean tdn_chip_auth_kdf (TdnChipAuthCipher cipher,
                            const guint8     *secret,
                            gsize             secret_len,
                            guint32           counter,
                            guint8           *out,
                            gsize            *key_len,
                            GError          **error);

G_END_DECLS
