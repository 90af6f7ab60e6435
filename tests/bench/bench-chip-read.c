/* bench-chip-read.c — APDUs, bytes and CPU time of a chip read through
 * real pcscd + vpcd (run by bench-chip-read.py, which starts them)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPU time is this process's (getrusage): our code, OpenSSL and
 * libpcsclite's client side; pcscd and the card emulator are other
 * processes and are not counted. Prints FIGURE lines per access method,
 * with and without the photo, and the least number of APDUs the file
 * sizes and Le allow.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "tdn-chip-read.h"
#include "tdn-pcsc-transceiver.h"

static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3
         + ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
}

static guint
file_apdus (GBytes *b,
            guint   le)
{
  return b == NULL ? 0 : 1 + (guint) ((g_bytes_get_size (b) + le - 1) / le);
}

static gboolean
run (const char   *reader,
     TdnChipKeys  *keys,
     const char   *mode,
     gboolean      photo,
     guint         iterations,
     TdnCscaStore *store)
{
  TdnChipReadOptions options = { .read_photo = photo, .max_le = 0xDF, .csca_store = store };
  guint apdus = 0, least = 0;
  guint64 bytes = 0;
  double cpu = 0, wall = 0;

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnPcscTransceiver) t = NULL;
      g_autoptr(TdnChipResult) res = NULL;
      double c0 = cpu_ms ();
      gint64 w0 = g_get_monotonic_time ();

      t = tdn_pcsc_transceiver_new (reader, 0, &error);
      if (t != NULL)
        res = tdn_chip_read (TDN_TRANSCEIVER (t), keys, &options, &error);
      g_clear_object (&t);
      cpu += cpu_ms () - c0;
      wall += (g_get_monotonic_time () - w0) / 1e3;
      if (res == NULL)
        {
          g_printerr ("bench-chip-read: %s: %s\n", mode, error->message);
          return FALSE;
        }
      apdus = res->apdu_count;
      bytes = res->bytes_read;
      least = (res->access == TDN_CHIP_ACCESS_BAC ? 3 : 8)
              + file_apdus (res->com, 0xDF)
              + file_apdus (g_hash_table_lookup (res->dgs, GUINT_TO_POINTER (1)), 0xDF)
              + file_apdus (g_hash_table_lookup (res->dgs, GUINT_TO_POINTER (13)), 0xDF)
              + file_apdus (res->sod, 0xDF)
              + file_apdus (g_hash_table_lookup (res->dgs, GUINT_TO_POINTER (2)), 0xDF);
    }
  printf ("FIGURE chip_read_%s_apdus %u apdus/read\n", mode, apdus);
  printf ("FIGURE chip_read_%s_apdus_minimum %u apdus/read\n", mode, least);
  printf ("FIGURE chip_read_%s_bytes %" G_GUINT64_FORMAT " bytes/read\n", mode, bytes);
  printf ("FIGURE chip_read_%s_cpu %.2f ms/read\n", mode, cpu / iterations);
  printf ("FIGURE chip_read_%s_wall %.0f ms/read\n", mode, wall / iterations);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(TdnChipKeys) bac = tdn_chip_keys_new ();
  g_autoptr(TdnChipKeys) pace = tdn_chip_keys_new ();
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;
  guint iterations;
  gboolean ok = TRUE;

  if (argc != 6)
    {
      g_printerr ("usage: bench-chip-read READER MRZ-KEY CAN CSCA-DIR ITERATIONS\n");
      return 2;
    }
  if (!tdn_chip_keys_add_mrz_key (bac, argv[2], &error))
    {
      g_printerr ("bench-chip-read: %s\n", error->message);
      return 2;
    }
  pace->can = g_strdup (argv[3]);
  if (!tdn_csca_store_load_dir (store, argv[4], &error))
    {
      g_printerr ("bench-chip-read: %s\n", error->message);
      return 2;
    }
  iterations = (guint) g_ascii_strtoull (argv[5], NULL, 10);
  if (iterations == 0)
    iterations = 1;

  ok = ok && run (argv[1], bac, "bac", FALSE, iterations, store);
  ok = ok && run (argv[1], bac, "bac_photo", TRUE, iterations, store);
  ok = ok && run (argv[1], pace, "pace", FALSE, iterations, store);
  ok = ok && run (argv[1], pace, "pace_photo", TRUE, iterations, store);
  return ok ? 0 : 1;
}
