/* tdn-active-auth.h — Active Authentication: DG15 key and INTERNAL AUTHENTICATE check (ICAO 9303-11 §6.1)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader sends INTERNAL AUTHENTICATE (00 88 00 00 08 <challenge> 00)
 * under secure messaging with a fresh random 8-byte challenge and passes
 * the response here. Only a chip holding the private key of DG15 answers
 * correctly, so a copied chip fails. DG15 itself is covered by passive
 * authentication; check both.
 *
 * RSA: ISO/IEC 9796-2 digital signature scheme 1 with partial message
 * recovery, F = 6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer, trailer BC (SHA-1)
 * or hh CC with hh = 33 SHA-1, 38 SHA-224, 34 SHA-256, 36 SHA-384,
 * 35 SHA-512. ECDSA: the response is r ‖ s (plain, each half the order
 * size) over the challenge, with the hash DG14's ActiveAuthenticationInfo
 * names; without it, the hash that matches the key size is tried first
 * and then the other SHA-1/SHA-2 hashes (ICAO leaves it to DG14).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_ACTIVE_AUTH_ERROR (tdn_active_auth_error_quark ())
GQuark tdn_active_auth_error_quark (void);

typedef enum {
  TDN_ACTIVE_AUTH_ERROR_BAD_KEY,      /* DG15 malformed or not a usable key */
  TDN_ACTIVE_AUTH_ERROR_UNSUPPORTED,  /* key type or hash we do not implement */
  TDN_ACTIVE_AUTH_ERROR_INVALID,      /* the response is not a valid signature */
  TDN_ACTIVE_AUTH_ERROR_CRYPTO,       /* no randomness or OpenSSL failure */
} TdnActiveAuthError;

#define TDN_ACTIVE_AUTH_CHALLENGE_LEN 8

typedef struct _TdnActiveAuthKey TdnActiveAuthKey;

/* DG15 as read (tag 0x6F around a SubjectPublicKeyInfo). EC keys with
 * explicit parameters are accepted. */
TdnActiveAuthKey *tdn_active_auth_key_parse (const guint8 *dg15,
                                             gsize         len,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void              tdn_active_auth_key_free  (TdnActiveAuthKey *self);
/* "RSA" or "EC", and the key size in bits. */
const char       *tdn_active_auth_key_get_type (const TdnActiveAuthKey *self);
guint             tdn_active_auth_key_get_bits (const TdnActiveAuthKey *self);

/* Fills `challenge` with fresh random bytes (never all zero as some apps do). */
gboolean tdn_active_auth_make_challenge (guint8   challenge[TDN_ACTIVE_AUTH_CHALLENGE_LEN],
                                         GError **error);

/* TRUE when `response` (the INTERNAL AUTHENTICATE data, status word
 * removed) is the chip's signature over `challenge`. `ecdsa_digest` is the
 * OpenSSL digest name from DG14 (tdn_dg14_get_aa_digest()) or NULL; RSA
 * takes its hash from the trailer. FALSE with
 * TDN_ACTIVE_AUTH_ERROR_INVALID for a wrong signature. */
gboolean tdn_active_auth_verify (const TdnActiveAuthKey *key,
                                 const guint8           *challenge,
                                 gsize                   challenge_len,
                                 const guint8           *response,
                                 gsize                   response_len,
                                 const char             *ecdsa_digest,
                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnActiveAuthKey, tdn_active_auth_key_free)

G_END_DECLS
