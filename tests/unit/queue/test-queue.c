/* test-queue.c — queue numbers: format, days, capacity, many writers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-priority.h"
#include "tdn-queue.h"

static TdnClinic *
clinic (const char *code,
        const char *prefix,
        int         capacity)
{
  TdnClinic *c = g_new0 (TdnClinic, 1);

  c->code = g_strdup (code);
  c->name_vi = g_strdup ("Khám Nội");
  c->prefix = g_strdup (prefix);
  c->hours = g_strdup ("07:00-11:30,13:30-17:00");
  c->capacity = capacity;
  return c;
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  sqlite3_exec (db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
  g_assert_true (tdn_queue_ensure_schema (db, NULL));
  return db;
}

static char *
allocate (sqlite3         *db,
          const char      *kiosk,
          const TdnClinic *c,
          GDateTime       *now,
          GError         **error)
{
  TdnQueueNumber n = { 0 };
  char *out = NULL;

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (tdn_queue_allocate (db, "{kiosk}-{prefix}{seq:3}", kiosk, c, now, &n, error))
    {
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      out = g_strdup (n.number);
    }
  else
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  tdn_queue_number_clear (&n);
  return out;
}

static void
test_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = tdn_queue_format_number ("{kiosk}-{prefix}{seq:3}", "K2", "A", 15, &error);
  g_autofree char *b = tdn_queue_format_number ("{prefix}{seq}/{kiosk}", "K10", "NH", 1234, &error);

  g_assert_cmpstr (a, ==, "K2-A015");
  g_assert_cmpstr (b, ==, "NH1234/K10");
  g_assert_null (tdn_queue_format_number ("{prefix}{seq:3}", "K2", "A", 1, &error));
  g_assert_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_null (tdn_queue_format_number ("{kiosk}{bogus}", "K2", "A", 1, &error));
  g_assert_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FORMAT);
}

static void
test_days_and_clock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tdn-queue-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spool.db", NULL);
  sqlite3 *db = open_db (path);
  g_autoptr(TdnClinic) c = clinic ("NOI", "A", 0);
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) late = g_date_time_new (vn, 2026, 11, 23, 23, 59, 50);
  g_autoptr(GDateTime) next = g_date_time_new (vn, 2026, 11, 24, 0, 0, 10);
  g_autoptr(GDateTime) back = g_date_time_new (vn, 2026, 11, 23, 23, 58, 0);
  g_autofree char *n1 = allocate (db, "K2", c, late, NULL);
  g_autofree char *n2 = allocate (db, "K2", c, late, NULL);
  g_autofree char *n3 = allocate (db, "K2", c, next, NULL);
  g_autofree char *n4 = NULL;

  g_assert_cmpstr (n1, ==, "K2-A001");
  g_assert_cmpstr (n2, ==, "K2-A002");
  /* A new day in the hospital's zone starts again at 1. */
  g_assert_cmpstr (n3, ==, "K2-A001");
  g_test_expect_message ("tiepdon-queue", G_LOG_LEVEL_WARNING, "*check the kiosk's clock*");
  n4 = allocate (db, "K2", c, back, NULL);
  g_test_assert_expected_messages ();
  /* The clock set back across midnight continues the newest day's
   * counter: the numbers stay unique in the waiting room. */
  g_assert_cmpstr (n4, ==, "K2-A002");
  g_assert_cmpint (tdn_queue_issued_today (db, "NOI", late), ==, 2);
  g_assert_cmpint (tdn_queue_issued_today (db, "NOI", next), ==, 2);

  /* A restart (new connection) continues too. */
  sqlite3_close (db);
  db = open_db (path);
  {
    g_autofree char *n5 = allocate (db, "K2", c, next, NULL);
    g_assert_cmpstr (n5, ==, "K2-A003");
  }
  sqlite3_close (db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL), *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* Regression: a kiosk whose real-time clock lost its battery boots in
 * 2020 before NTP; its first numbers were 001, 002… again, already in
 * today's waiting room. */
static void
test_rtc_reset (void)
{
  sqlite3 *db = open_db (":memory:");
  g_autoptr(TdnClinic) c = clinic ("NOI", "A", 0);
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) today = g_date_time_new (vn, 2026, 11, 23, 7, 0, 0);
  g_autoptr(GDateTime) reset = g_date_time_new (vn, 2020, 1, 1, 0, 0, 5);
  g_autoptr(GDateTime) tomorrow = g_date_time_new (vn, 2026, 11, 24, 7, 0, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < 3; i++)
    g_hash_table_add (seen, allocate (db, "K2", c, today, NULL));
  for (int i = 0; i < 3; i++)
    {
      char *n;
      g_test_expect_message ("tiepdon-queue", G_LOG_LEVEL_WARNING, "*2020-01-01*2026-11-23*");
      n = allocate (db, "K2", c, reset, NULL);
      g_test_assert_expected_messages ();
      g_assert_nonnull (n);
      g_assert_false (g_hash_table_contains (seen, n));
      g_hash_table_add (seen, n);
    }
  g_assert_true (g_hash_table_contains (seen, "K2-A006"));
  /* The next real day starts again at 001. */
  {
    g_autofree char *n = allocate (db, "K2", c, tomorrow, NULL);
    g_assert_cmpstr (n, ==, "K2-A001");
  }
  sqlite3_close (db);
}

static void
test_capacity_and_hours (void)
{
  sqlite3 *db = open_db (":memory:");
  g_autoptr(TdnClinic) c = clinic ("NHI", "B", 2);
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) t = g_date_time_new (vn, 2026, 11, 23, 8, 0, 0);
  g_autoptr(GDateTime) lunch = g_date_time_new (vn, 2026, 11, 23, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = allocate (db, "K1", c, t, NULL);
  g_autofree char *b = allocate (db, "K1", c, t, NULL);
  g_autofree char *full = allocate (db, "K1", c, t, &error);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_null (full);
  g_assert_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FULL);
  /* The refused allocation did not move the counter. */
  g_assert_cmpint (tdn_queue_issued_today (db, "NHI", t), ==, 2);
  g_assert_true (tdn_clinic_is_open_at (c, t));
  g_assert_false (tdn_clinic_is_open_at (c, lunch));
  sqlite3_close (db);
}

static gboolean
open_at (const char *hours,
         int         hour,
         int         minute)
{
  g_autoptr(TdnClinic) c = clinic ("NOI", "A", 0);
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) t = g_date_time_new (vn, 2026, 11, 26, hour, minute, 30);

  g_free (c->hours);
  c->hours = g_strdup (hours);
  return tdn_clinic_is_open_at (c, t);
}

/* All day written either way, the last minute included; past midnight;
 * the end of a range is when it closes. */
static void
test_hours (void)
{
  g_assert_true (open_at ("00:00-23:59", 23, 59));
  g_assert_true (open_at ("00:00-23:59", 0, 0));
  g_assert_true (open_at ("00:00-24:00", 23, 59));
  g_assert_true (open_at ("07:00-11:30,13:30-17:00", 11, 29));
  g_assert_false (open_at ("07:00-11:30,13:30-17:00", 11, 30));
  g_assert_false (open_at ("07:00-11:30,13:30-17:00", 17, 0));
  g_assert_false (open_at ("07:00-11:30,13:30-17:00", 6, 59));
  g_assert_true (open_at ("22:00-06:00", 23, 59));
  g_assert_true (open_at ("22:00-06:00", 0, 0));
  g_assert_true (open_at ("22:00-06:00", 5, 59));
  g_assert_false (open_at ("22:00-06:00", 6, 0));
  g_assert_false (open_at ("22:00-06:00", 21, 59));
  g_assert_false (open_at ("", 12, 0));
}

typedef struct {
  const char *path;
  const char *kiosk;
  GPtrArray  *out;
  GMutex     *lock;
} Worker;

static gpointer
worker (gpointer data)
{
  Worker *w = data;
  sqlite3 *db = open_db (w->path);
  g_autoptr(TdnClinic) c = clinic ("NOI", "A", 0);
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) t = g_date_time_new (vn, 2026, 11, 23, 8, 0, 0);

  for (int i = 0; i < 50; i++)
    {
      g_autoptr(GError) error = NULL;
      char *n = allocate (db, w->kiosk, c, t, &error);

      g_assert_no_error (error);
      g_mutex_lock (w->lock);
      g_ptr_array_add (w->out, n);
      g_mutex_unlock (w->lock);
    }
  sqlite3_close (db);
  return NULL;
}

static void
test_many_writers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tdn-queue-XXXXXX", NULL);
  g_autofree char *p1 = g_build_filename (dir, "k1.db", NULL);
  g_autofree char *p2 = g_build_filename (dir, "k2.db", NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GMutex lock;
  GThread *threads[8];
  Worker w[8];

  g_mutex_init (&lock);
  /* Two kiosks, each with its own spool, four threads each. */
  for (int i = 0; i < 8; i++)
    {
      w[i] = (Worker) { i < 4 ? p1 : p2, i < 4 ? "K1" : "K2", out, &lock };
      threads[i] = g_thread_new ("alloc", worker, &w[i]);
    }
  for (int i = 0; i < 8; i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (out->len, ==, 400);
  for (guint i = 0; i < out->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, out->pdata[i]));
      g_hash_table_add (seen, out->pdata[i]);
    }
  g_mutex_clear (&lock);
  for (const char *const *p = (const char *const[]) { "k1.db", "k2.db", "k1.db-wal", "k2.db-wal", "k1.db-shm", "k2.db-shm", NULL }; *p; p++)
    {
      g_autofree char *f = g_build_filename (dir, *p, NULL);
      g_unlink (f);
    }
  g_rmdir (dir);
}

static void
test_priority (void)
{
  TdnPartialDate day = { 2026, 11, 23 };
  TdnPartialDate old = { 1951, 11, 23 }, almost = { 1951, 11, 24 }, child = { 2020, 11, 24 };
  TdnPartialDate six = { 2020, 11, 23 }, year_only_old = { 1950, 0, 0 }, year_only_edge = { 1951, 0, 0 };
  TdnPriority p;

  g_assert_cmpint (tdn_priority_from_age (&old, &day), ==, TDN_PRIORITY_AGE_75);
  g_assert_cmpint (tdn_priority_from_age (&almost, &day), ==, TDN_PRIORITY_NONE);
  g_assert_cmpint (tdn_priority_from_age (&child, &day), ==, TDN_PRIORITY_CHILD_UNDER_6);
  g_assert_cmpint (tdn_priority_from_age (&six, &day), ==, TDN_PRIORITY_NONE);
  g_assert_cmpint (tdn_priority_from_age (&year_only_old, &day), ==, TDN_PRIORITY_AGE_75);
  /* 1951 only: 74 or 75 — not derived; the patient may declare it. */
  g_assert_cmpint (tdn_priority_from_age (&year_only_edge, &day), ==, TDN_PRIORITY_NONE);
  g_assert_true (tdn_priority_needs_check (TDN_PRIORITY_PREGNANT));
  g_assert_false (tdn_priority_needs_check (TDN_PRIORITY_AGE_75));
  g_assert_true (tdn_priority_from_string ("merit", &p));
  g_assert_cmpint (p, ==, TDN_PRIORITY_MERIT);
  g_assert_cmpint (tdn_priority_rank (TDN_PRIORITY_EMERGENCY), <, tdn_priority_rank (TDN_PRIORITY_AGE_75));
}

/* The helper a visit's commit uses: schema, then the next number now. */
static void
test_take_number (void)
{
  g_autoptr(TdnClinic) c = clinic ("NOI", "A", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  sqlite3 *db = NULL;

  tdn_clock_set_timezone ("Asia/Ho_Chi_Minh");
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795399200) * G_USEC_PER_SEC);   /* 09:00 in Hà Nội */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  first = tdn_queue_take_number (db, "{kiosk}-{prefix}{seq:3}", "K2", c, &error);
  g_assert_no_error (error);
  second = tdn_queue_take_number (db, "{kiosk}-{prefix}{seq:3}", "K2", c, &error);
  g_assert_cmpstr (first, ==, "K2-A001");
  g_assert_cmpstr (second, ==, "K2-A002");
  g_assert_null (tdn_queue_take_number (db, "{nope}", "K2", c, &error));
  g_assert_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FORMAT);
  sqlite3_close (db);
  tdn_clock_clear_fake ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/queue/format", test_format);
  g_test_add_func ("/queue/days-and-clock", test_days_and_clock);
  g_test_add_func ("/queue/rtc-reset", test_rtc_reset);
  g_test_add_func ("/queue/capacity-and-hours", test_capacity_and_hours);
  g_test_add_func ("/queue/hours", test_hours);
  g_test_add_func ("/queue/many-writers", test_many_writers);
  g_test_add_func ("/queue/priority", test_priority);
  g_test_add_func ("/queue/take-number", test_take_number);
  return g_test_run ();
}
