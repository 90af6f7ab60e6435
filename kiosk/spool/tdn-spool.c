/* tdn-spool.c — the kiosk's local store of visits, before and after the HIS
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-spool.h"
#include "tdn-spool-crypto.h"
#include "tdn-spool-private.h"

G_DEFINE_FINAL_TYPE (TdnSpool, tdn_spool, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdn-spool-error-quark, tdn_spool_error)

/* Migrations, in order; migration N brings the schema to version N. */
static const char * const migrations[] = {
  NULL,
  "CREATE TABLE visits ("
  "  visit_id TEXT NOT NULL, revision INTEGER NOT NULL, kiosk_id TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL, id_hash TEXT, id_number TEXT, full_name TEXT,"
  "  date_of_birth TEXT, sex TEXT, address TEXT, bhyt_card TEXT, assurance TEXT,"
  "  language TEXT, clinic TEXT, priority TEXT, queue_number TEXT,"
  "  eligibility_status TEXT, eligibility_code TEXT, eligibility_raw TEXT, payment TEXT,"
  "  purged INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (visit_id, revision));"
  "CREATE INDEX visits_id_hash ON visits (id_hash);"
  "CREATE TABLE outbox ("
  "  delivery_id TEXT PRIMARY KEY, visit_id TEXT NOT NULL, revision INTEGER NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'delivered', 'parked')),"
  "  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,"
  "  last_error TEXT, created_at INTEGER NOT NULL, delivered_at INTEGER,"
  "  FOREIGN KEY (visit_id, revision) REFERENCES visits (visit_id, revision));"
  "CREATE INDEX outbox_due ON outbox (state, next_attempt_at);"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,"
  "  action TEXT NOT NULL, visit_id TEXT, detail TEXT);",
  /* 2: the chip photo (sealed); the delivered bytes kept with the outbox
   * row so a retry resends exactly what the first attempt sent. */
  "ALTER TABLE visits ADD COLUMN photo TEXT;"
  "ALTER TABLE outbox ADD COLUMN payload TEXT;"
  "ALTER TABLE outbox ADD COLUMN destination TEXT;"
  "ALTER TABLE outbox ADD COLUMN updated_at INTEGER;"
  "CREATE INDEX outbox_visit ON outbox (visit_id, revision);",
  /* 3: a visit's state (NULL active, "cancelled"), and the changes from
   * outside (nurses' overrides) applied once each, by their id. */
  "ALTER TABLE visits ADD COLUMN state TEXT;"
  "CREATE TABLE applied_changes ("
  "  change_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, visit_id TEXT, revision INTEGER,"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')), detail TEXT,"
  "  acked INTEGER NOT NULL DEFAULT 0, applied_at INTEGER NOT NULL);"
  "CREATE INDEX audit_visit ON audit (visit_id, id);",
};

gboolean
tdn_spool_fail (TdnSpool    *self,
                GError     **error,
                const char  *what)
{
  int rc = sqlite3_extended_errcode (self->db) & 0xff;

  if (rc == SQLITE_FULL)
    g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_FULL,
                 _("The disk is full: the visit could not be saved (%s)"), what);
  else if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_CORRUPT,
                 _("%s is damaged or not a spool (%s); keep it for IT and start a new one"),
                 self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_DATABASE,
                 _("Spool: %s failed: %s"), what, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
tdn_spool_exec (TdnSpool    *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, sql);
  return TRUE;
}

static void
tdn_spool_finalize (GObject *object)
{
  TdnSpool *self = TDN_SPOOL (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->key, tdn_spool_key_free);
  g_free (self->path);
  G_OBJECT_CLASS (tdn_spool_parent_class)->finalize (object);
}

static void
tdn_spool_class_init (TdnSpoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_spool_finalize;
}

static void
tdn_spool_init (TdnSpool *self)
{
}

static gboolean
migrate (TdnSpool  *self,
         GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!tdn_spool_exec (self, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", error))
    goto rollback;
  sqlite3_prepare_v2 (self->db, "SELECT COALESCE (MAX (version), 0) FROM schema_version", -1, &stmt, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version > TDN_SPOOL_SCHEMA_VERSION)
    {
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NEWER_SCHEMA,
                   _("%s was made by a newer Tiếp đón (schema %d, this one knows %d); upgrade the package"),
                   self->path, version, TDN_SPOOL_SCHEMA_VERSION);
      goto rollback;
    }
  for (int v = version + 1; v <= TDN_SPOOL_SCHEMA_VERSION; v++)
    {
      g_autofree char *mark = g_strdup_printf ("INSERT INTO schema_version VALUES (%d)", v);

      if (!tdn_spool_exec (self, migrations[v], error) || !tdn_spool_exec (self, mark, error))
        goto rollback;
      g_message ("spool schema migrated to version %d", v);
    }
  return tdn_spool_exec (self, "COMMIT", error);

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

TdnSpool *
tdn_spool_open (const char  *path,
                const char  *key_path,
                GError     **error)
{
  g_autoptr(TdnSpool) self = g_object_new (TDN_TYPE_SPOOL, NULL);
  struct stat st;

  g_return_val_if_fail (path != NULL && key_path != NULL, NULL);
  self->path = g_strdup (path);

  if (stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_PERMISSIONS,
                   _("%s can be read by other users; run “chmod 600 %s”"), path, path);
      return NULL;
    }
  /* Create the file 0600 before SQLite does, but never open and close an
   * existing spool here: closing any descriptor of the file drops the
   * POSIX locks that this process's other SQLite connections hold on it
   * (syncd has two), which breaks WAL readers. */
  if (stat (path, &st) != 0)
    {
      int fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

      if (fd >= 0)
        close (fd);
      else if (errno != EEXIST)
        {
          int saved = errno;
          g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_OPEN,
                       _("Cannot open the spool %s: %s"), path, g_strerror (saved));
          return NULL;
        }
    }

  self->key = tdn_spool_key_load (key_path, TRUE, error);
  if (self->key == NULL)
    return NULL;
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "open");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  if (!tdn_spool_exec (self, "PRAGMA journal_mode=WAL", error) ||
      !tdn_spool_exec (self, "PRAGMA synchronous=FULL", error) ||
      !tdn_spool_exec (self, "PRAGMA foreign_keys=ON", error) ||
      !migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

TdnSpool *
tdn_spool_open_from_config (TdnConfig  *config,
                            GError    **error)
{
  TdnSpool *spool;

  g_return_val_if_fail (config != NULL, NULL);
  spool = tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                          tdn_config_get_string (config, "spool", "key_file"), error);
  if (spool != NULL)
    tdn_spool_set_busy_timeout (spool, (int) tdn_config_get_int (config, "spool", "busy_timeout_ms"));
  return spool;
}

sqlite3 *
tdn_spool_get_db (TdnSpool *self)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  return self->db;
}

gboolean
tdn_spool_audit (TdnSpool    *self,
                 const char  *actor,
                 const char  *action,
                 const char  *visit_id,
                 const char  *detail,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  sqlite3_prepare_v2 (self->db, "INSERT INTO audit (at, actor, action, visit_id, detail) VALUES (?,?,?,?,?)",
                      -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, tdn_clock_get_real ());
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, visit_id, -1, SQLITE_TRANSIENT);
  if (detail != NULL)
    sqlite3_bind_text (stmt, 5, detail, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || tdn_spool_fail (self, error, "insert audit");
}

gboolean
tdn_spool_add_audit (TdnSpool    *self,
                     const char  *actor,
                     const char  *action,
                     const char  *visit_id,
                     const char  *detail,
                     GError     **error)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (actor != NULL && action != NULL, FALSE);
  return tdn_spool_audit (self, actor, action, visit_id, detail, error);
}

void
tdn_spool_set_busy_timeout (TdnSpool *self,
                            int       ms)
{
  g_return_if_fail (TDN_IS_SPOOL (self));
  sqlite3_busy_timeout (self->db, ms);
}
