/* tdn-help-store.c — help requests that survive a broker restart
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-help-store-private.h"

#define SCHEMA_VERSION 1

G_DEFINE_FINAL_TYPE (TdnHelpStore, tdn_help_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdn-help-error-quark, tdn_help_error)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS help_meta ("
  "  key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
  "INSERT OR IGNORE INTO help_meta VALUES ('schema_version', 1), ('seq', 0);"
  "CREATE TABLE IF NOT EXISTS help_requests ("
  "  id TEXT PRIMARY KEY, visit_ref TEXT, kiosk_id TEXT NOT NULL, reason TEXT NOT NULL,"
  "  ticket_number TEXT, language TEXT, masked_name TEXT, masked_id TEXT,"
  "  age_years INTEGER NOT NULL DEFAULT -1, assurance TEXT, eligibility TEXT, photo BLOB,"
  "  state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'resolved')),"
  "  claimed_by TEXT, resolved_by TEXT, resolution TEXT,"
  "  created_at INTEGER NOT NULL, claimed_at INTEGER, resolved_at INTEGER,"
  "  seq INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS help_requests_seq ON help_requests (seq);"
  "CREATE INDEX IF NOT EXISTS help_requests_state ON help_requests (state, created_at);"
  "CREATE TABLE IF NOT EXISTS help_overrides ("
  "  id TEXT PRIMARY KEY, help_id TEXT NOT NULL REFERENCES help_requests (id),"
  "  visit_ref TEXT, kiosk_id TEXT NOT NULL, action TEXT NOT NULL,"
  "  old_value TEXT NOT NULL, new_value TEXT NOT NULL, reason TEXT NOT NULL,"
  "  nurse TEXT NOT NULL, nurse_name TEXT, created_at INTEGER NOT NULL, seq INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS help_overrides_kiosk ON help_overrides (kiosk_id, seq);"
  /* The audit trail is append-only. */
  "CREATE TRIGGER IF NOT EXISTS help_overrides_no_update BEFORE UPDATE ON help_overrides"
  "  BEGIN SELECT RAISE (ABORT, 'overrides are append-only'); END;"
  "CREATE TRIGGER IF NOT EXISTS help_overrides_no_delete BEFORE DELETE ON help_overrides"
  "  BEGIN SELECT RAISE (ABORT, 'overrides are append-only'); END;"
  /* What the owning kiosk did with each override (one row, first word wins). */
  "CREATE TABLE IF NOT EXISTS help_override_acks ("
  "  override_id TEXT PRIMARY KEY REFERENCES help_overrides (id),"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')),"
  "  revision INTEGER, detail TEXT, acked_at INTEGER NOT NULL);";

static const char select_columns[] =
  "SELECT id, visit_ref, kiosk_id, reason, ticket_number, language, masked_name, masked_id,"
  " age_years, assurance, eligibility, photo, state, claimed_by, resolved_by, resolution,"
  " created_at, claimed_at, resolved_at, seq FROM help_requests ";

static void
tdn_help_store_finalize (GObject *object)
{
  TdnHelpStore *self = TDN_HELP_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tdn_help_store_parent_class)->finalize (object);
}

static void
tdn_help_store_class_init (TdnHelpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_help_store_finalize;
}

static void
tdn_help_store_init (TdnHelpStore *self)
{
  g_mutex_init (&self->lock);
}

gboolean
tdn_help_store_db_error (TdnHelpStore *self,
                         GError      **error,
                         const char   *what)
{
  g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_DATABASE,
               _("Help requests database: %s failed: %s"), what, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
tdn_help_store_exec (TdnHelpStore *self,
                     const char   *sql,
                     GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tdn_help_store_db_error (self, error, sql);
  return TRUE;
}

TdnHelpStore *
tdn_help_store_open (const char  *path,
                     GError     **error)
{
  g_autoptr(TdnHelpStore) self = g_object_new (TDN_TYPE_HELP_STORE, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Create it 0600 before SQLite does (its default follows the umask). */
  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_DATABASE,
                   _("Cannot open %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  close (fd);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      tdn_help_store_db_error (self, error, "open");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!tdn_help_store_exec (self, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", error) ||
      !tdn_help_store_exec (self, "BEGIN IMMEDIATE;", error))
    return NULL;
  if (!tdn_help_store_exec (self, schema_sql, error))
    {
      tdn_help_store_exec (self, "ROLLBACK;", NULL);
      return NULL;
    }
  sqlite3_prepare_v2 (self->db, "SELECT value FROM help_meta WHERE key = 'schema_version'", -1, &stmt, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (version > SCHEMA_VERSION)
    {
      tdn_help_store_exec (self, "ROLLBACK;", NULL);
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_SCHEMA,
                   _("%s was made by a newer Tiếp đón (help schema %d); upgrade this one"),
                   path, (int) version);
      return NULL;
    }
  if (!tdn_help_store_exec (self, "COMMIT;", error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
tdn_help_store_next_seq (TdnHelpStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq = -1;

  if (sqlite3_exec (self->db, "UPDATE help_meta SET value = value + 1 WHERE key = 'seq'",
                    NULL, NULL, NULL) != SQLITE_OK)
    return -1;
  sqlite3_prepare_v2 (self->db, "SELECT value FROM help_meta WHERE key = 'seq'", -1, &stmt, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return seq;
}

gint64
tdn_help_store_get_seq (TdnHelpStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0;

  g_return_val_if_fail (TDN_IS_HELP_STORE (self), 0);

  g_mutex_lock (&self->lock);
  sqlite3_prepare_v2 (self->db, "SELECT value FROM help_meta WHERE key = 'seq'", -1, &stmt, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->lock);
  return seq;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

char *
tdn_help_store_add (TdnHelpStore         *self,
                    const TdnHelpRequest *request,
                    GError              **error)
{
  g_autofree char *id = tdn_uuid_new ();
  g_autofree char *elig = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 seq;
  int rc;

  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (!tdn_help_reason_is_valid (request->reason) || request->kiosk_id == NULL)
    {
      g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                           "a help request needs a kiosk and a known reason");
      return NULL;
    }
  if (request->eligibility != NULL)
    elig = json_to_string (request->eligibility, FALSE);

  g_mutex_lock (&self->lock);
  if (!tdn_help_store_exec (self, "BEGIN IMMEDIATE;", error))
    goto fail;
  seq = tdn_help_store_next_seq (self);
  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO help_requests (id, visit_ref, kiosk_id, reason, ticket_number,"
                           " language, masked_name, masked_id, age_years, assurance, eligibility, photo,"
                           " state, created_at, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'open',?,?)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK || seq < 0)
    goto rollback;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, request->visit_ref);
  bind_text (stmt, 3, request->kiosk_id);
  bind_text (stmt, 4, request->reason);
  bind_text (stmt, 5, request->ticket_number);
  bind_text (stmt, 6, request->language);
  bind_text (stmt, 7, request->masked_name);
  bind_text (stmt, 8, request->masked_id);
  sqlite3_bind_int (stmt, 9, request->age_years);
  bind_text (stmt, 10, request->assurance);
  bind_text (stmt, 11, elig);
  if (request->photo != NULL)
    {
      gsize len;
      const void *data = g_bytes_get_data (request->photo, &len);
      sqlite3_bind_blob64 (stmt, 12, data, len, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_int64 (stmt, 13, tdn_clock_get_real ());
  sqlite3_bind_int64 (stmt, 14, seq);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto rollback;
  sqlite3_finalize (stmt);
  if (!tdn_help_store_exec (self, "COMMIT;", error))
    goto fail;
  g_mutex_unlock (&self->lock);
  g_message ("help request %s from kiosk %s: %s", id, request->kiosk_id, request->reason);
  return g_steal_pointer (&id);

rollback:
  tdn_help_store_db_error (self, error, "insert");
  sqlite3_finalize (stmt);
  tdn_help_store_exec (self, "ROLLBACK;", NULL);
fail:
  g_mutex_unlock (&self->lock);
  return NULL;
}

char *
tdn_help_store_column_text (sqlite3_stmt *stmt,
                            int           i)
{
  const unsigned char *t = sqlite3_column_text (stmt, i);

  return t != NULL ? g_strdup ((const char *) t) : NULL;
}

static TdnHelpRequest *
row_to_request (sqlite3_stmt *stmt)
{
  TdnHelpRequest *r = tdn_help_request_new ();
  g_autofree char *elig = NULL;
  g_autofree char *state = NULL;

  r->id = tdn_help_store_column_text (stmt, 0);
  r->visit_ref = tdn_help_store_column_text (stmt, 1);
  r->kiosk_id = tdn_help_store_column_text (stmt, 2);
  r->reason = tdn_help_store_column_text (stmt, 3);
  r->ticket_number = tdn_help_store_column_text (stmt, 4);
  r->language = tdn_help_store_column_text (stmt, 5);
  r->masked_name = tdn_help_store_column_text (stmt, 6);
  r->masked_id = tdn_help_store_column_text (stmt, 7);
  r->age_years = sqlite3_column_int (stmt, 8);
  r->assurance = tdn_help_store_column_text (stmt, 9);
  elig = tdn_help_store_column_text (stmt, 10);
  if (elig != NULL)
    r->eligibility = json_from_string (elig, NULL);
  if (sqlite3_column_type (stmt, 11) == SQLITE_BLOB)
    r->photo = g_bytes_new (sqlite3_column_blob (stmt, 11), sqlite3_column_bytes (stmt, 11));
  state = tdn_help_store_column_text (stmt, 12);
  tdn_help_state_from_string (state, &r->state);
  r->claimed_by = tdn_help_store_column_text (stmt, 13);
  r->resolved_by = tdn_help_store_column_text (stmt, 14);
  r->resolution = tdn_help_store_column_text (stmt, 15);
  r->created_at = sqlite3_column_int64 (stmt, 16);
  r->claimed_at = sqlite3_column_int64 (stmt, 17);
  r->resolved_at = sqlite3_column_int64 (stmt, 18);
  r->seq = sqlite3_column_int64 (stmt, 19);
  return r;
}

static GPtrArray *
query (TdnHelpStore *self,
       const char   *where,
       gint64        arg,
       const char   *text_arg,
       GError      **error)
{
  g_autofree char *sql = g_strconcat (select_columns, where, NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_help_request_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_mutex_lock (&self->lock);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_help_store_db_error (self, error, "query");
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (text_arg != NULL)
    sqlite3_bind_text (stmt, 1, text_arg, -1, SQLITE_TRANSIENT);
  else if (strchr (where, '?') != NULL)
    sqlite3_bind_int64 (stmt, 1, arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_request (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tdn_help_store_db_error (self, error, "query");
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  g_mutex_unlock (&self->lock);
  return g_steal_pointer (&out);
}

TdnHelpRequest *
tdn_help_store_get (TdnHelpStore *self,
                    const char   *id,
                    GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);

  rows = query (self, "WHERE id = ?", 0, id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_NOT_FOUND,
                   _("No help request %s"), id);
      return NULL;
    }
  return g_steal_pointer (&rows->pdata[0]);
}

GPtrArray *
tdn_help_store_list (TdnHelpStore *self,
                     gboolean      include_resolved,
                     GError      **error)
{
  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);
  return query (self,
                include_resolved ? "ORDER BY created_at, seq"
                                 : "WHERE state != 'resolved' ORDER BY created_at, seq",
                0, NULL, error);
}

GPtrArray *
tdn_help_store_changes_since (TdnHelpStore *self,
                              gint64        seq,
                              GError      **error)
{
  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);
  return query (self, "WHERE seq > ? ORDER BY seq", seq, NULL, error);
}

typedef enum {
  ACTION_CLAIM,
  ACTION_RELEASE,
  ACTION_RESOLVE,
} Action;

static gboolean
transition (TdnHelpStore *self,
            const char   *id,
            const char   *nurse,
            Action        action,
            const char   *resolution,
            GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *state = NULL;
  g_autofree char *holder = NULL;
  gint64 seq, now = tdn_clock_get_real ();
  const char *sql;

  g_return_val_if_fail (TDN_IS_HELP_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && nurse != NULL && *nurse != '\0', FALSE);

  g_mutex_lock (&self->lock);
  if (!tdn_help_store_exec (self, "BEGIN IMMEDIATE;", error))
    goto out_unlock;
  sqlite3_prepare_v2 (self->db, "SELECT state, claimed_by FROM help_requests WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_NOT_FOUND, _("No help request %s"), id);
      goto out_rollback;
    }
  state = tdn_help_store_column_text (stmt, 0);
  holder = tdn_help_store_column_text (stmt, 1);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (g_str_equal (state, "resolved"))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_RESOLVED,
                   _("This request was already resolved"));
      goto out_rollback;
    }
  if (g_str_equal (state, "claimed") && g_strcmp0 (holder, nurse) != 0)
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_CLAIMED,
                   _("%s is already helping this patient"), holder);
      goto out_rollback;
    }
  if (action == ACTION_RELEASE && !g_str_equal (state, "claimed"))
    {
      /* Nothing to release; not an error worth failing a desk over. */
      tdn_help_store_exec (self, "ROLLBACK;", NULL);
      g_mutex_unlock (&self->lock);
      return TRUE;
    }

  seq = tdn_help_store_next_seq (self);
  switch (action)
    {
    case ACTION_CLAIM:
      sql = "UPDATE help_requests SET state = 'claimed', claimed_by = ?1, claimed_at = ?2, seq = ?3"
            " WHERE id = ?4";
      break;
    case ACTION_RELEASE:
      sql = "UPDATE help_requests SET state = 'open', claimed_by = NULL, claimed_at = NULL, seq = ?3"
            " WHERE id = ?4 AND ?1 IS NOT NULL AND ?2 IS NOT NULL";
      break;
    case ACTION_RESOLVE:
    default:
      /* The photo was there for the identity check: drop it now. */
      sql = "UPDATE help_requests SET state = 'resolved', claimed_by = ?1,"
            " claimed_at = COALESCE(claimed_at, ?2), resolved_by = ?1, resolved_at = ?2,"
            " resolution = ?5, photo = NULL, seq = ?3 WHERE id = ?4";
      break;
    }
  if (seq < 0 || sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_help_store_db_error (self, error, "update");
      goto out_rollback;
    }
  sqlite3_bind_text (stmt, 1, nurse, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  if (action == ACTION_RESOLVE)
    bind_text (stmt, 5, resolution);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      tdn_help_store_db_error (self, error, "update");
      goto out_rollback;
    }
  sqlite3_finalize (stmt);
  if (!tdn_help_store_exec (self, "COMMIT;", error))
    goto out_rollback;
  g_mutex_unlock (&self->lock);
  return TRUE;

out_rollback:
  tdn_help_store_exec (self, "ROLLBACK;", NULL);
out_unlock:
  g_mutex_unlock (&self->lock);
  return FALSE;
}

gboolean
tdn_help_store_claim (TdnHelpStore *self,
                      const char   *id,
                      const char   *nurse,
                      GError      **error)
{
  return transition (self, id, nurse, ACTION_CLAIM, NULL, error);
}

gboolean
tdn_help_store_release (TdnHelpStore *self,
                        const char   *id,
                        const char   *nurse,
                        GError      **error)
{
  return transition (self, id, nurse, ACTION_RELEASE, NULL, error);
}

gboolean
tdn_help_store_resolve (TdnHelpStore *self,
                        const char   *id,
                        const char   *nurse,
                        const char   *resolution,
                        GError      **error)
{
  return transition (self, id, nurse, ACTION_RESOLVE, resolution, error);
}
