/* tdn-spool-crypto.h — personal columns encrypted at rest
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AES-256-GCM with a random 96-bit nonce per value, the column name as
 * associated data (a value cannot be moved to another column), and a key
 * id in front so keys can be rotated: "v1:<key id>:<base64 nonce|ct|tag>".
 * Lookups by ID number use HMAC-SHA-256 under a second key derived from
 * the same key file, so the spool never holds an ID in clear.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_SPOOL_KEY_BYTES 32

typedef struct _TdnSpoolKey TdnSpoolKey;

/* Loads the key file (32 random bytes, mode 0600), creating it 0600 when
 * it does not exist and `create` is TRUE. */
TdnSpoolKey *tdn_spool_key_load        (const char   *path,
                                        gboolean      create,
                                        GError      **error);
void         tdn_spool_key_free        (TdnSpoolKey  *key);
/* Short public id of the key (first 8 hex of SHA-256 of the key). */
const char  *tdn_spool_key_id          (TdnSpoolKey  *key);

char        *tdn_spool_encrypt         (TdnSpoolKey  *key,
                                        const char   *column,
                                        const guint8 *data,
                                        gsize         length);
/* NULL with `error` when the value was tampered with, belongs to another
 * column, or was made with another key. */
GBytes      *tdn_spool_decrypt         (TdnSpoolKey  *key,
                                        const char   *column,
                                        const char   *sealed,
                                        GError      **error);
/* Hex HMAC-SHA-256 of `value` for equality lookups. */
char        *tdn_spool_lookup_hash     (TdnSpoolKey  *key,
                                        const char   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnSpoolKey, tdn_spool_key_free)

G_END_DECLS
