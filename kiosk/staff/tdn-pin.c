/* tdn-pin.c — staff PINs stored as slow salted hashes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "tdn-pin.h"

G_DEFINE_QUARK (tdn-pin-error-quark, tdn_pin_error)

#define SALT_LEN 16
#define HASH_LEN 32
#define MAX_ITERATIONS 10000000

gboolean
tdn_pin_check_format (const char  *pin,
                      GError     **error)
{
  gsize len;

  g_return_val_if_fail (pin != NULL, FALSE);

  len = strlen (pin);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, TDN_PIN_ERROR, TDN_PIN_ERROR_NOT_DIGITS,
                             _("A PIN may contain digits only"));
        return FALSE;
      }
  if (len < TDN_PIN_MIN_LENGTH || len > TDN_PIN_MAX_LENGTH)
    {
      g_set_error (error, TDN_PIN_ERROR, TDN_PIN_ERROR_TOO_SHORT,
                   _("A PIN has %d to %d digits"), TDN_PIN_MIN_LENGTH, TDN_PIN_MAX_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static gboolean
derive (const char   *pin,
        const guint8 *salt,
        gsize         salt_len,
        guint         iterations,
        guint8        out[HASH_LEN],
        GError      **error)
{
  if (PKCS5_PBKDF2_HMAC (pin, (int) strlen (pin), salt, (int) salt_len, (int) iterations,
                         EVP_sha256 (), HASH_LEN, out) != 1)
    {
      g_set_error_literal (error, TDN_PIN_ERROR, TDN_PIN_ERROR_CRYPTO,
                           _("The PIN could not be hashed (OpenSSL failed)"));
      return FALSE;
    }
  return TRUE;
}

char *
tdn_pin_hash (const char  *pin,
              guint        iterations,
              GError     **error)
{
  guint8 salt[SALT_LEN];
  guint8 hash[HASH_LEN];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);

  if (!tdn_pin_check_format (pin, error))
    return NULL;
  if (iterations == 0)
    iterations = TDN_PIN_DEFAULT_ITERATIONS;
  if (RAND_bytes (salt, sizeof salt) != 1)
    {
      g_set_error_literal (error, TDN_PIN_ERROR, TDN_PIN_ERROR_CRYPTO,
                           _("No random numbers available to salt the PIN"));
      return NULL;
    }
  if (!derive (pin, salt, sizeof salt, iterations, hash, error))
    return NULL;
  salt64 = g_base64_encode (salt, sizeof salt);
  hash64 = g_base64_encode (hash, sizeof hash);
  OPENSSL_cleanse (hash, sizeof hash);
  return g_strdup_printf ("pbkdf2-sha256$%u$%s$%s", iterations, salt64, hash64);
}

gboolean
tdn_pin_verify (const char  *pin,
                const char  *stored,
                GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *want = NULL;
  guint8 got[HASH_LEN];
  gsize salt_len = 0, want_len = 0;
  guint64 iterations = 0;
  gboolean match;

  g_return_val_if_fail (pin != NULL && stored != NULL, FALSE);

  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], "pbkdf2-sha256") ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1000, MAX_ITERATIONS, &iterations, NULL))
    goto bad;
  salt = g_base64_decode (parts[2], &salt_len);
  want = g_base64_decode (parts[3], &want_len);
  if (salt_len < 8 || want_len != HASH_LEN)
    goto bad;

  /* A malformed PIN still costs a full derivation: no timing hint. */
  if (!derive (pin, salt, salt_len, (guint) iterations, got, error))
    return FALSE;
  match = CRYPTO_memcmp (got, want, HASH_LEN) == 0 && tdn_pin_check_format (pin, NULL);
  OPENSSL_cleanse (got, sizeof got);
  return match;

bad:
  g_set_error_literal (error, TDN_PIN_ERROR, TDN_PIN_ERROR_BAD_HASH,
                       _("The stored PIN hash is not valid; make a new one with "
                         "“tiepdonctl staff hash-pin”"));
  return FALSE;
}
