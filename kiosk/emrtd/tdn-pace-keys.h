/* tdn-pace-keys.h — PACE password key K_π from a CAN (ICAO 9303-11 §4.4.3.1)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_PACE_KEYS_ERROR (tdn_pace_keys_error_quark ())
GQuark tdn_pace_keys_error_quark (void);

typedef enum {
  TDN_PACE_KEYS_ERROR_INVALID_CAN, /* not 6 digits */
  TDN_PACE_KEYS_ERROR_CRYPTO,
} TdnPaceKeysError;

/* K_π = SHA-1(CAN ‖ 00000003)[0..15] for AES-128; wipe out after use. */
gboolean tdn_pace_key_from_can (const char  *can,
                                guint8       out[16],
                                GError     **error);

G_END_DECLS
