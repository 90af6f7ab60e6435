/* test-pin.c — PIN hashing and verification
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-pin.h"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *h1 = tdn_pin_hash ("482913", 1000, &error);
  g_autofree char *h2 = tdn_pin_hash ("482913", 1000, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (h1, "pbkdf2-sha256$1000$"));
  /* Salted: the same PIN never hashes the same twice. */
  g_assert_cmpstr (h1, !=, h2);
  g_assert_true (tdn_pin_verify ("482913", h1, &error));
  g_assert_no_error (error);
  g_assert_false (tdn_pin_verify ("482914", h1, &error));
  g_assert_no_error (error);
  g_assert_false (tdn_pin_verify ("", h1, &error));
  g_assert_no_error (error);
}

static void
test_known_vector (void)
{
  /* PBKDF2-HMAC-SHA256("123456", salt "tiepdon-salt-001", 1000 iterations),
   * computed independently with Python's hashlib.pbkdf2_hmac. */
  const char *stored = "pbkdf2-sha256$1000$dGllcGRvbi1zYWx0LTAwMQ==$"
                       "1lkO1O0doJxabWB6NkjIOlrXnjENS5UioYjeYZM+bfk=";
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_pin_verify ("123456", stored, &error));
  g_assert_no_error (error);
  g_assert_false (tdn_pin_verify ("123457", stored, &error));
  g_assert_no_error (error);
}

static void
test_format (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (tdn_pin_hash ("12345", 1000, &error));
  g_assert_error (error, TDN_PIN_ERROR, TDN_PIN_ERROR_TOO_SHORT);
  g_clear_error (&error);
  g_assert_null (tdn_pin_hash ("12345a", 1000, &error));
  g_assert_error (error, TDN_PIN_ERROR, TDN_PIN_ERROR_NOT_DIGITS);
  g_clear_error (&error);
  g_assert_null (tdn_pin_hash ("1234567890123", 1000, &error));
  g_assert_error (error, TDN_PIN_ERROR, TDN_PIN_ERROR_TOO_SHORT);
}

static void
test_bad_stored (void)
{
  const char *bad[] = {
    "",
    "plain-123456",
    "pbkdf2-sha256$10$c2FsdHNhbHRzYWx0$AAAA",
    "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$AAAA",
    "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tdn_pin_verify ("123456", bad[i], &error));
      g_assert_error (error, TDN_PIN_ERROR, TDN_PIN_ERROR_BAD_HASH);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pin/round-trip", test_round_trip);
  g_test_add_func ("/pin/known-vector", test_known_vector);
  g_test_add_func ("/pin/format", test_format);
  g_test_add_func ("/pin/bad-stored", test_bad_stored);
  return g_test_run ();
}
