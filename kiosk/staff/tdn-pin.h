/* tdn-pin.h — staff PINs stored as slow salted hashes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format: "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>", the
 * value of `pin_hash` in a [staff LOGIN] group. PBKDF2-HMAC-SHA256 from
 * OpenSSL 3 (Argon2 is not in Debian 12's OpenSSL).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_PIN_ERROR (tdn_pin_error_quark ())

typedef enum {
  TDN_PIN_ERROR_TOO_SHORT,
  TDN_PIN_ERROR_NOT_DIGITS,
  TDN_PIN_ERROR_BAD_HASH,
  TDN_PIN_ERROR_CRYPTO,
} TdnPinError;

GQuark    tdn_pin_error_quark (void);

/* Work factor for new hashes: about 0.3 s on a desk PC (OWASP 2023). */
#define TDN_PIN_DEFAULT_ITERATIONS 600000
#define TDN_PIN_MIN_LENGTH 6
#define TDN_PIN_MAX_LENGTH 12

/* PINs are 6–12 ASCII digits. */
gboolean  tdn_pin_check_format (const char  *pin,
                                GError     **error);
char     *tdn_pin_hash         (const char  *pin,
                                guint        iterations,
                                GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE when `pin` matches; FALSE with `error` unset on a mismatch, or with
 * `error` set when `stored` is not a valid hash. Constant time. */
gboolean  tdn_pin_verify       (const char  *pin,
                                const char  *stored,
                                GError     **error);

G_END_DECLS
