/* test-pace-keys.c — PACE K_π from a CAN
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-pace-keys.h"
#include "tdn-replay-transceiver.h"

static void
test_pace_key_vector (void)
{
  guint8 k[16];
  g_autoptr(GBytes) want = tdn_bytes_from_hex ("5E5CD537047973C8F8BFDEA168324EC0");
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_pace_key_from_can ("012345", k, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (k, 16, g_bytes_get_data (want, NULL), 16);
}

static void
test_pace_key_bad_can (void)
{
  guint8 k[16];
  const char *bad[] = { "", "12345", "1234567", "12345a" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (tdn_pace_key_from_can (bad[i], k, &error));
      g_assert_error (error, TDN_PACE_KEYS_ERROR, TDN_PACE_KEYS_ERROR_INVALID_CAN);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/pace-keys/vector", test_pace_key_vector);
  g_test_add_func ("/emrtd/pace-keys/bad-can", test_pace_key_bad_can);
  return g_test_run ();
}
