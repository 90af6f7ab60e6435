/* tdn-card-access.h — EF.CardAccess: which PACE the chip offers (ICAO 9303-11 §9.2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SET OF SecurityInfo { OID protocol, requiredData, optionalData }.
 * PACEInfo is protocol id-PACE-* (0.4.0.127.0.7.2.2.4.x.y), version
 * INTEGER, optional parameterId INTEGER. Every other SecurityInfo (TA,
 * CA, unknown) is skipped; a CA info is remembered.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint8 oid[16];       /* DER content of the protocol OID */
  gsize  oid_len;
  int    version;
  int    parameter_id;  /* -1 when absent */
  int    mapping;       /* 1 DH-GM, 2 ECDH-GM, 3 DH-IM, 4 ECDH-IM, 6 ECDH-CAM */
  int    cipher;        /* 1 3DES, 2 AES-128, 3 AES-192, 4 AES-256 */
} TdnPaceInfo;

typedef struct {
  GArray   *pace;       /* TdnPaceInfo, in file order */
  gboolean  chip_auth;  /* a ChipAuthenticationInfo is present */
} TdnCardAccess;

/* Errors are TDN_CHIP_ERROR_BAD_DATA; a file without PACEInfo parses
 * (pace empty). */
gboolean           tdn_card_access_parse (const guint8  *data,
                                          gsize          len,
                                          TdnCardAccess *out,
                                          GError       **error);
void               tdn_card_access_clear (TdnCardAccess *self);
/* The PACEInfo we use: ECDH generic mapping with AES-128 preferred,
 * else the first ECDH-GM or DH-GM one; NULL when none is usable. */
const TdnPaceInfo *tdn_card_access_choose_pace (const TdnCardAccess *self);

G_END_DECLS
