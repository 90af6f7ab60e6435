/* test-bac-keys.c — BAC key derivation against published vectors
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-bac-keys.h"

static void
assert_hex (const guint8 *got,
            const char   *want_hex)
{
  g_autofree char *s = g_malloc0 (33);

  for (int i = 0; i < 16; i++)
    g_snprintf (s + 2 * i, 3, "%02X", got[i]);
  g_assert_cmpstr (s, ==, want_hex);
}

/* ICAO Doc 9303-11 Appendix D.2 worked example. */
static void
test_bac_icao_appendix_d (void)
{
  TdnBacKeys k;
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_bac_keys_derive ("L898902C<369080619406236", &k, &error));
  g_assert_no_error (error);
  assert_hex (k.seed, "239AB9CB282DAF66231DC5A4DF6BFBAE");
  assert_hex (k.enc, "AB94FDECF2674FDFB9B391F85D7F76F2");
  assert_hex (k.mac, "7962D9ECE03D1ACD4C76089DCE131543");
  tdn_bac_keys_clear (&k);
  for (gsize i = 0; i < sizeof k.enc; i++)
    g_assert_cmpuint (k.enc[i], ==, 0);
}

/* Synthetic CCCD example of shared/docs/cccd-chip-and-qr.md §2. */
static void
test_bac_cccd_example (void)
{
  TdnBacKeys k;
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_bac_keys_derive ("195012345295031463503144", &k, &error));
  g_assert_no_error (error);
  assert_hex (k.seed, "495A058E533C4294ED2378533E95C7CC");
  assert_hex (k.enc, "DC139B676B46137661C167AD52A17634");
  assert_hex (k.mac, "E59D7CC1D9987FD3C7130D13B00D702A");
  tdn_bac_keys_clear (&k);
}

static void
test_bac_rejects_bad_input (void)
{
  TdnBacKeys k;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;

  g_assert_false (tdn_bac_keys_derive ("19501234529503146350314", &k, &e1));
  g_assert_error (e1, TDN_BAC_KEYS_ERROR, TDN_BAC_KEYS_ERROR_INVALID_MRZ_INFO);
  g_assert_false (tdn_bac_keys_derive ("19501234529503146350314a", &k, &e2));
  g_assert_error (e2, TDN_BAC_KEYS_ERROR, TDN_BAC_KEYS_ERROR_INVALID_MRZ_INFO);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emrtd/bac-keys/icao-appendix-d", test_bac_icao_appendix_d);
  g_test_add_func ("/emrtd/bac-keys/cccd-example", test_bac_cccd_example);
  g_test_add_func ("/emrtd/bac-keys/bad-input", test_bac_rejects_bad_input);
  return g_test_run ();
}
