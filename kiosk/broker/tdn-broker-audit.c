/* tdn-broker-audit.c — the broker's append-only audit log (SQLite)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-broker"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>

#include "tdn-broker-audit.h"
#include "tdn-clock.h"
#include "tdn-i18n.h"
#include "tdn-mask.h"

G_DEFINE_QUARK (tdn-broker-error-quark, tdn_broker_error)

struct _TdnBrokerAudit {
  sqlite3      *db;
  sqlite3_stmt *insert;
};

static const char schema_sql[] =
  "PRAGMA journal_mode=WAL;"
  "CREATE TABLE IF NOT EXISTS audit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  time TEXT NOT NULL, kiosk TEXT NOT NULL, masked_id TEXT NOT NULL,"
  "  code TEXT NOT NULL, class TEXT NOT NULL, latency_ms INTEGER NOT NULL,"
  "  cached INTEGER NOT NULL);"
  "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"
  "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;";

static gboolean
db_error (sqlite3 *db, GError **error)
{
  g_set_error (error, TDN_BROKER_ERROR, TDN_BROKER_ERROR_DATABASE,
               _("The broker database failed: %s."), db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

TdnBrokerAudit *
tdn_broker_audit_open (const char *path,
                       GError    **error)
{
  g_autoptr(TdnBrokerAudit) self = g_new0 (TdnBrokerAudit, 1);
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  /* Create it 0600 before SQLite does (it would honour the umask). */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_BROKER_ERROR, TDN_BROKER_ERROR_DATABASE,
                   _("Could not open the broker database %s: %s."), path, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK
      || sqlite3_busy_timeout (self->db, 5000) != SQLITE_OK
      || sqlite3_exec (self->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (self->db,
                             "INSERT INTO audit (time, kiosk, masked_id, code, class, latency_ms, cached)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &self->insert, NULL) != SQLITE_OK)
    {
      db_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
tdn_broker_audit_free (TdnBrokerAudit *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->insert);
  sqlite3_close (self->db);
  g_free (self);
}

gboolean
tdn_broker_audit_append (TdnBrokerAudit *self,
                         const char     *kiosk,
                         const char     *id,
                         const char     *code,
                         const char     *klass,
                         gint64          latency_ms,
                         gboolean        cached,
                         GError        **error)
{
  g_autoptr(GDateTime) now = tdn_clock_now ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *masked = tdn_mask_id (id != NULL ? id : "");
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  sqlite3_reset (self->insert);
  sqlite3_bind_text (self->insert, 1, time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (self->insert, 2, kiosk ? kiosk : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (self->insert, 3, masked, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (self->insert, 4, code ? code : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (self->insert, 5, klass ? klass : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (self->insert, 6, latency_ms);
  sqlite3_bind_int (self->insert, 7, cached ? 1 : 0);
  rc = sqlite3_step (self->insert);
  sqlite3_reset (self->insert);
  if (rc != SQLITE_DONE)
    return db_error (self->db, error);
  return TRUE;
}

gint64
tdn_broker_audit_count (TdnBrokerAudit *self)
{
  sqlite3_stmt *st = NULL;
  gint64 n = -1;

  g_return_val_if_fail (self != NULL, -1);
  if (sqlite3_prepare_v2 (self->db, "SELECT COUNT(*) FROM audit", -1, &st, NULL) == SQLITE_OK
      && sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return n;
}

sqlite3 *
tdn_broker_audit_get_db (TdnBrokerAudit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->db;
}
