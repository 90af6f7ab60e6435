/* tdn-pace.h — PACE with the CAN (ICAO 9303-11 §4.4), through OpenPACE
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MSE:Set AT names the PACEInfo's protocol, the CAN as password (83 01 02)
 * and the domain parameters; four chained GENERAL AUTHENTICATE commands
 * exchange the encrypted nonce, the mapping keys, the ephemeral keys and
 * the authentication tokens. OpenPACE (libeac) does the cryptography;
 * the session keys then drive our own AES secure messaging. Runs at MF
 * level, before the eMRTD application is selected.
 */
#pragma once

#include "tdn-card-access.h"
#include "tdn-chip-session.h"

G_BEGIN_DECLS

/* True when this build has OpenPACE. */
gboolean tdn_pace_available (void);

/* `card_access` is EF.CardAccess as read (libeac parses its domain
 * parameters); `info` the PACEInfo chosen from it. A refused CAN is
 * TDN_CHIP_ERROR_ACCESS_DENIED. On success the session has AES SM. */
gboolean tdn_pace_authenticate (TdnChipSession    *session,
                                GBytes            *card_access,
                                const TdnPaceInfo *info,
                                const char        *can,
                                GError           **error);

G_END_DECLS
