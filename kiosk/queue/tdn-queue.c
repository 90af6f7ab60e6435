/* tdn-queue.c — queue numbers per clinic per day, unique across kiosks
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-queue"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tdn-queue.h"

G_DEFINE_QUARK (tdn-queue-error-quark, tdn_queue_error)

void
tdn_clinic_free (TdnClinic *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c->name_vi);
  g_free (c->name_en);
  g_free (c->room);
  g_free (c->location);
  g_free (c->location_en);
  g_free (c->prefix);
  g_free (c->hours);
  g_free (c);
}

static TdnClinic *
clinic_from_group (TdnConfig  *config,
                   const char *code)
{
  g_autofree char *group = g_strconcat ("clinic ", code, NULL);
  TdnClinic *c = g_new0 (TdnClinic, 1);

  c->code = g_strdup (code);
  c->name_vi = g_strdup (tdn_config_get_string (config, group, "name_vi"));
  c->name_en = g_strdup (tdn_config_get_string (config, group, "name_en"));
  if (c->name_en == NULL || *c->name_en == '\0')
    {
      g_free (c->name_en);
      c->name_en = g_strdup (c->name_vi);
    }
  c->room = g_strdup (tdn_config_get_string (config, group, "room"));
  c->location = g_strdup (tdn_config_get_string (config, group, "location"));
  c->location_en = g_strdup (tdn_config_get_string (config, group, "location_en"));
  c->prefix = g_strdup (tdn_config_get_string (config, group, "prefix"));
  c->hours = g_strdup (tdn_config_get_string (config, group, "hours"));
  c->capacity = (int) tdn_config_get_int (config, group, "capacity");
  return c;
}

GPtrArray *
tdn_clinics_from_config (TdnConfig *config)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_clinic_free);
  g_auto(GStrv) all = tdn_config_list_instances (config, "clinic");
  const char * const *order = tdn_config_get_strv (config, "queue", "clinics");

  if (order[0] != NULL)
    {
      for (guint i = 0; order[i] != NULL; i++)
        if (g_strv_contains ((const char * const *) all, order[i]))
          g_ptr_array_add (out, clinic_from_group (config, order[i]));
        else
          g_warning ("[queue] clinics names “%s”, which has no [clinic %s] group", order[i], order[i]);
    }
  else
    for (guint i = 0; all[i] != NULL; i++)
      g_ptr_array_add (out, clinic_from_group (config, all[i]));
  return out;
}

gboolean
tdn_clinic_is_open_at (const TdnClinic *clinic,
                       GDateTime       *now)
{
  g_auto(GStrv) ranges = g_strsplit (clinic->hours ? clinic->hours : "", ",", -1);
  int minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  for (guint i = 0; ranges[i] != NULL; i++)
    {
      int h1, m1, h2, m2;

      int from, to;

      if (sscanf (ranges[i], "%d:%d-%d:%d", &h1, &m1, &h2, &m2) != 4)
        continue;
      from = h1 * 60 + m1;
      to = h2 * 60 + m2;
      /* "…-23:59" means to the end of the day, as "…-24:00" does: an
       * all-day clinic written 00:00-23:59 must not close for its last
       * minute (it did, and the e2e morning that ran over midnight saw it). */
      if (to == 23 * 60 + 59)
        to = 24 * 60;
      if (from < to ? (minute >= from && minute < to)
                    : (minute >= from || minute < to))  /* past midnight: 22:00-06:00 */
        return TRUE;
    }
  return FALSE;
}

void
tdn_queue_number_clear (TdnQueueNumber *n)
{
  g_clear_pointer (&n->number, g_free);
  g_clear_pointer (&n->day, g_free);
  g_clear_pointer (&n->clinic, g_free);
  n->seq = 0;
}

gboolean
tdn_queue_ensure_schema (sqlite3  *db,
                         GError  **error)
{
  if (sqlite3_exec (db,
                    "CREATE TABLE IF NOT EXISTS queue_counters ("
                    "  day TEXT NOT NULL, clinic TEXT NOT NULL, last_seq INTEGER NOT NULL,"
                    "  PRIMARY KEY (day, clinic));",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_DATABASE,
                   _("Cannot create the queue table: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

char *
tdn_queue_format_number (const char  *format,
                         const char  *kiosk_id,
                         const char  *prefix,
                         gint64       seq,
                         GError     **error)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *end;

      if (*p != '{')
        {
          g_string_append_c (s, *p);
          continue;
        }
      end = strchr (p, '}');
      if (end == NULL)
        goto bad;
      if (strncmp (p, "{kiosk}", 7) == 0)
        g_string_append (s, kiosk_id);
      else if (strncmp (p, "{prefix}", 8) == 0)
        g_string_append (s, prefix);
      else if (strncmp (p, "{seq}", 5) == 0)
        g_string_append_printf (s, "%" G_GINT64_FORMAT, seq);
      else if (strncmp (p, "{seq:", 5) == 0 && end - p == 6 && g_ascii_isdigit (p[5]))
        g_string_append_printf (s, "%0*" G_GINT64_FORMAT, p[5] - '0', seq);
      else
        goto bad;
      p = end;
    }
  if (strstr (s->str, kiosk_id) == NULL)
    {
      g_set_error_literal (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FORMAT,
                           _("[queue] number_format must contain {kiosk}: numbers must differ between kiosks"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&s), FALSE);

bad:
  g_set_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FORMAT,
               _("[queue] number_format “%s” is not valid; use {kiosk}, {prefix}, {seq:N}"), format);
  return NULL;
}

/* The queue day for `now`: the hospital-local date, but never before the
 * latest day this spool has handed numbers out for. A clock set back
 * (a wobble across midnight, an RTC that lost its battery and boots in
 * 2020 before NTP) would otherwise restart at 001 and print numbers
 * already in today's waiting room; continuing the latest day's counter
 * keeps every number unique (docs/adr/0710-queue-day.md). */
static char *
queue_day (sqlite3   *db,
           GDateTime *now,
           gboolean   warn)
{
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt *stmt = NULL;
  char *latest = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT max(day) FROM queue_counters", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    latest = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (latest != NULL && strcmp (latest, day) > 0)
    {
      if (warn)
        g_warning ("the clock says %s but queue numbers were already given for %s; "
                 "continuing that day's numbers (check the kiosk's clock)", day, latest);
      return latest;
    }
  g_free (latest);
  return g_steal_pointer (&day);
}

gboolean
tdn_queue_allocate (sqlite3         *db,
                    const char      *format,
                    const char      *kiosk_id,
                    const TdnClinic *clinic,
                    GDateTime       *now,
                    TdnQueueNumber  *out,
                    GError         **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 seq = -1;
  char *number;

  g_return_val_if_fail (db != NULL && clinic != NULL && out != NULL, FALSE);

  day = queue_day (db, now, TRUE);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO queue_counters (day, clinic, last_seq) VALUES (?1, ?2, 1)"
                          " ON CONFLICT (day, clinic) DO UPDATE SET last_seq = last_seq + 1"
                          " RETURNING last_seq", -1, &stmt, NULL) != SQLITE_OK)
    goto db_error;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clinic->code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE || seq < 1)
    goto db_error;
  sqlite3_finalize (stmt);

  if (clinic->capacity > 0 && seq > clinic->capacity)
    {
      /* The caller rolls back; the counter does not move. */
      g_set_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FULL,
                   _("%s has no more numbers today"), clinic->name_vi);
      return FALSE;
    }
  number = tdn_queue_format_number (format, kiosk_id, clinic->prefix, seq, error);
  if (number == NULL)
    return FALSE;
  out->number = number;
  out->day = g_steal_pointer (&day);
  out->clinic = g_strdup (clinic->code);
  out->seq = seq;
  return TRUE;

db_error:
  g_set_error (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_DATABASE,
               _("Cannot allocate a queue number: %s"), sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

gint64
tdn_queue_issued_today (sqlite3    *db,
                        const char *clinic_code,
                        GDateTime  *now)
{
  g_autofree char *day = queue_day (db, now, FALSE);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT last_seq FROM queue_counters WHERE day = ? AND clinic = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clinic_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

char *
tdn_queue_take_number (sqlite3          *db,
                       const char       *format,
                       const char       *kiosk_id,
                       const TdnClinic  *clinic,
                       GError          **error)
{
  g_autoptr(GDateTime) now = tdn_clock_now ();
  TdnQueueNumber n = { 0 };
  char *number;

  g_return_val_if_fail (db != NULL && clinic != NULL, NULL);

  if (!tdn_queue_ensure_schema (db, error) ||
      !tdn_queue_allocate (db, format, kiosk_id, clinic, now, &n, error))
    return NULL;
  number = g_steal_pointer (&n.number);
  tdn_queue_number_clear (&n);
  return number;
}
