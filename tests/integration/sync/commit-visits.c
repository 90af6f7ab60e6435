/* commit-visits.c — commit many varied visits to a spool, as a kiosk does
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * commit-visits --config FILE --count N [--repeat K] [--revise K]
 *               [--delay-ms D] [--seed S] [--figure]
 * Commits N visits through tdn_spool_commit_visit() with a queue number,
 * each durable before the next (WAL, synchronous=FULL). Every Kth visit
 * (--repeat) reuses an earlier visit's ID number; every Kth (--revise)
 * also gets a second revision (a late eligibility answer). Names and
 * addresses carry Vietnamese text and HL7 delimiters; dates of birth are
 * full, year-month or year only. Prints "VISIT_ID ID_NUMBER REVISIONS"
 * per visit, and with --figure the durable insert rate as a FIGURE line.
 */
#include "config.h"

#include <stdio.h>

#include "tdn-base.h"
#include "tdn-queue.h"
#include "tdn-spool.h"

static const char * const families[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi" };
static const char * const middles[] = { "Văn", "Thị", "Hữu", "Ngọc", "Đức", "Minh" };
static const char * const givens[] = { "An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Yến", "Ánh" };
static const char * const priorities[] = { "none", "none", "none", "age_75", "child_under_6", "pregnant",
                                            "emergency" };

typedef struct {
  TdnClinic  *clinic;
  const char *format;
} Alloc;

static gboolean
allocate_cb (sqlite3   *db,
             TdnVisit  *visit,
             gpointer   data,
             GError   **error)
{
  Alloc *a = data;
  g_autoptr(GDateTime) now = tdn_clock_now ();
  TdnQueueNumber n = { 0 };

  if (!tdn_queue_allocate (db, a->format, visit->kiosk_id, a->clinic, now, &n, error))
    return FALSE;
  visit->queue_number = g_strdup (n.number);
  tdn_queue_number_clear (&n);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *config_file = NULL;
  int count = 10, repeat = 0, revise = 0, delay_ms = 0, seed = 1;
  gboolean figure = FALSE;
  GOptionEntry entries[] = {
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_file, "tiepdon.conf", "FILE" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "visits to commit", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "every Kth visit reuses an ID number", "K" },
    { "revise", 0, 0, G_OPTION_ARG_INT, &revise, "every Kth visit gets a second revision", "K" },
    { "delay-ms", 0, 0, G_OPTION_ARG_INT, &delay_ms, "pause between visits", "D" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "random seed", "S" },
    { "figure", 0, 0, G_OPTION_ARG_NONE, &figure, "print the insert rate", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = NULL;
  gint64 start;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || !tdn_config_load (config, config_file, &error))
    {
      g_printerr ("commit-visits: %s\n", error->message);
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) seed);
  clinics = tdn_clinics_from_config (config);
  spool = tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                          tdn_config_get_string (config, "spool", "key_file"), &error);
  if (spool == NULL || !tdn_queue_ensure_schema (tdn_spool_get_db (spool), &error))
    {
      g_printerr ("commit-visits: %s\n", error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  for (int i = 1; i <= count; i++)
    {
      g_autoptr(TdnVisit) v = tdn_visit_new ();
      Alloc a = { clinics->pdata[(guint) i % clinics->len], tdn_config_get_string (config, "queue", "number_format") };
      int dob_kind = g_rand_int_range (rand, 0, 10);
      int year = g_rand_int_range (rand, 1930, 2024);

      v->kiosk_id = g_strdup (tdn_config_get_string (config, "kiosk", "id"));
      if (repeat > 0 && i % repeat == 0 && ids->len > 0)
        v->id_number = g_strdup (ids->pdata[(guint) g_rand_int_range (rand, 0, (gint32) ids->len)]);
      else
        {
          v->id_number = g_strdup_printf ("0%02d%d%02d%06d", g_rand_int_range (rand, 1, 96), year >= 2000 ? 1 : 0,
                                          year % 100, (seed * 100000 + i) % 1000000);
          g_ptr_array_add (ids, g_strdup (v->id_number));
        }
      v->full_name = g_strdup_printf ("%s %s %s", families[i % G_N_ELEMENTS (families)],
                                      middles[i % G_N_ELEMENTS (middles)], givens[i % G_N_ELEMENTS (givens)]);
      v->date_of_birth = dob_kind == 0 ? g_strdup_printf ("%d", year)
                         : dob_kind == 1 ? g_strdup_printf ("%d-%02d", year, g_rand_int_range (rand, 1, 13))
                         : g_strdup_printf ("%d-%02d-%02d", year, g_rand_int_range (rand, 1, 13),
                                            g_rand_int_range (rand, 1, 29));
      v->sex = g_strdup (i % 2 ? "male" : "female");
      v->address = g_strdup_printf ("Số %d ngõ 5|7 phố Hàng Bài^Tổ 3 & 4, Hà Nội", i);
      if (i % 3 != 0)
        {
          v->bhyt_card = g_strdup_printf ("DN%d01%010d", g_rand_int_range (rand, 1, 6), i);
          v->eligibility_status = g_strdup ("eligible");
          v->eligibility_code = g_strdup ("000");
          v->eligibility_raw = g_strdup ("{\"maKetQua\":\"000\",\"gtTheTu\":\"01/01/2026\",\"gtTheDen\":\"31/12/2026\"}");
          v->payment = g_strdup ("bhyt");
        }
      else
        {
          v->eligibility_status = g_strdup ("unavailable");
          v->payment = g_strdup ("pending");
        }
      v->assurance = g_strdup (i % 4 == 0 ? "chip" : "qr");
      v->language = g_strdup ("vi");
      v->clinic = g_strdup (a.clinic->code);
      v->priority = g_strdup (priorities[(guint) i % G_N_ELEMENTS (priorities)]);
      if (!tdn_spool_commit_visit (spool, v, allocate_cb, &a, &error))
        {
          g_printerr ("commit-visits: %s\n", error->message);
          return 1;
        }
      if (revise > 0 && i % revise == 0)
        {
          g_autoptr(TdnVisit) change = tdn_visit_new ();

          change->priority = g_strdup ("merit");
          change->eligibility_status = g_strdup ("eligible");
          if (!tdn_spool_add_revision (spool, v->visit_id, change, "desk:test", "late answer", &error))
            {
              g_printerr ("commit-visits: %s\n", error->message);
              return 1;
            }
        }
      printf ("%s %s %d\n", v->visit_id, v->id_number, revise > 0 && i % revise == 0 ? 2 : 1);
      fflush (stdout);
      if (delay_ms > 0)
        g_usleep ((gulong) delay_ms * 1000);
    }
  if (figure)
    printf ("FIGURE spool_durable_inserts %.0f visits/s\n",
            count / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC));
  return 0;
}
