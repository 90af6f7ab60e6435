/* bench-passive-auth.c — CPU time of passive authentication per card, per algorithm
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes test PKIs and SODs with tests/sim/card (as the unit tests do), then
 * times tdn_passive_auth_verify() over a CCCD-sized set of data groups
 * (DG1 95 B, DG13 433 B, DG14, DG15, DG2 20 KB). Prints FIGURE lines
 * (tools/bench collects them).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pa-fixture.h"
#include "tdn-passive-auth.h"

static guint8 dg1[95], dg13[433], dg14[300], dg15[200], dg2[20000];

int
main (int argc, char **argv)
{
  static const struct { const char *name, *alg, *pki_args, *sod_args; } cases[] = {
    { "brainpoolP256r1_sha256", "ecdsa-brainpoolP256r1", "", "--hash sha256" },
    { "brainpoolP256r1_explicit_sha256", "ecdsa-brainpoolP256r1", "--explicit", "--hash sha256" },
    { "rsa2048_pss_sha256", "rsa-pss", "", "--hash sha256 --pss" },
    { "p256_sha1", "ecdsa-p256", "", "--hash sha1" },
  };
  const TdnDataGroupRef dgs[] = {
    { 1, dg1, sizeof dg1 }, { 2, dg2, sizeof dg2 }, { 13, dg13, sizeof dg13 },
    { 14, dg14, sizeof dg14 }, { 15, dg15, sizeof dg15 },
  };
  g_autofree char *args = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL, *p13 = NULL, *p14 = NULL, *p15 = NULL;
  const int rounds = 200;

  memset (dg1, 0x61, sizeof dg1);
  memset (dg2, 0x75, sizeof dg2);
  memset (dg13, 0x6D, sizeof dg13);
  memset (dg14, 0x6E, sizeof dg14);
  memset (dg15, 0x6F, sizeof dg15);
  p1 = pa_fixture_write ("dg1", dg1, sizeof dg1);
  p2 = pa_fixture_write ("dg2", dg2, sizeof dg2);
  p13 = pa_fixture_write ("dg13", dg13, sizeof dg13);
  p14 = pa_fixture_write ("dg14", dg14, sizeof dg14);
  p15 = pa_fixture_write ("dg15", dg15, sizeof dg15);
  args = g_strdup_printf ("1=%s 2=%s 13=%s 14=%s 15=%s", p1, p2, p13, p14, p15);

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *pki = pa_fixture_pki (cases[c].alg, cases[c].pki_args);
      g_autoptr(GBytes) sod = pa_fixture_sod (pki, "ds", "%s %s", cases[c].sod_args, args);
      g_autofree char *csca = g_build_filename (pki, "csca.pem", NULL);
      g_autoptr(GBytes) pem = pa_fixture_read (csca);
      g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
      gint64 start;
      double us;

      g_assert_true (tdn_csca_store_add_certificates (store, g_bytes_get_data (pem, NULL),
                                                      g_bytes_get_size (pem), NULL, NULL));
      start = g_get_monotonic_time ();
      for (int i = 0; i < rounds; i++)
        {
          TdnPassiveAuthResult r;

          tdn_passive_auth_verify (store, g_bytes_get_data (sod, NULL), g_bytes_get_size (sod),
                                   dgs, G_N_ELEMENTS (dgs), TDN_PASSIVE_AUTH_DEFAULT, &r);
          g_assert_cmpint (r.status, ==, TDN_PASSIVE_AUTH_VALID);
          tdn_passive_auth_result_clear (&r);
        }
      us = (double) (g_get_monotonic_time () - start) / rounds;
      printf ("FIGURE passive_auth_%s %.0f us/card\n", cases[c].name, us);
    }
  pa_fixture_cleanup ();
  return 0;
}
