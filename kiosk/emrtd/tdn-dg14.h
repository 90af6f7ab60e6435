/* tdn-dg14.h — DG14 security infos: Chip Authentication and Active Authentication parameters
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DG14 (tag 0x6E) is a SET OF SecurityInfo (ICAO 9303-11 §9.2, BSI
 * TR-03110): ChipAuthenticationInfo (id-CA-{DH,ECDH}-{3DES,AES}…, version,
 * keyId), ChipAuthenticationPublicKeyInfo (id-PK-{DH,ECDH}, the chip's
 * static key, keyId) and ActiveAuthenticationInfo (the ECDSA hash for AA).
 * Other infos (PACE, TA) are skipped. Never trusts a length.
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

#define TDN_DG14_ERROR (tdn_dg14_error_quark ())
GQuark tdn_dg14_error_quark (void);

typedef enum {
  TDN_DG14_ERROR_MALFORMED,
  TDN_DG14_ERROR_NO_CHIP_AUTH, /* no usable ChipAuthenticationInfo + public key pair */
} TdnDg14Error;

typedef enum {
  TDN_CHIP_AUTH_CIPHER_3DES,   /* id-CA-*-3DES-CBC-CBC: KDF SHA-1, 16-byte keys */
  TDN_CHIP_AUTH_CIPHER_AES128, /* id-CA-*-AES-CBC-CMAC-128: KDF SHA-1 */
  TDN_CHIP_AUTH_CIPHER_AES192, /* KDF SHA-256, 24-byte keys */
  TDN_CHIP_AUTH_CIPHER_AES256, /* KDF SHA-256, 32-byte keys */
} TdnChipAuthCipher;

/* One Chip Authentication option of the chip. */
typedef struct {
  gboolean          ecdh;          /* ECDH, else DH */
  TdnChipAuthCipher cipher;
  guint             version;
  gboolean          has_key_id;
  guint             key_id;
  GBytes           *protocol_oid;  /* value bytes of the id-CA-… OID (for MSE:Set AT) */
  EVP_PKEY         *public_key;    /* the chip's static key, named curve when possible */
} TdnChipAuthInfo;

typedef struct _TdnDg14 TdnDg14;

TdnDg14    *tdn_dg14_parse          (const guint8 *data,
                                     gsize         len,
                                     GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void        tdn_dg14_free           (TdnDg14 *self);

/* The Chip Authentication option to use (the strongest cipher we support
 * whose public key is present), or NULL with TDN_DG14_ERROR_NO_CHIP_AUTH.
 * Owned by `self`. */
const TdnChipAuthInfo *tdn_dg14_get_chip_auth (const TdnDg14 *self,
                                               GError       **error);
/* The hash ActiveAuthenticationInfo names for ECDSA AA as an OpenSSL
 * digest name ("SHA256"), or NULL when DG14 has none. */
const char *tdn_dg14_get_aa_digest  (const TdnDg14 *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnDg14, tdn_dg14_free)

G_END_DECLS
