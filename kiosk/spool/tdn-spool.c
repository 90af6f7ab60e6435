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

struct _TdnSpool
{
  GObject      parent_instance;
  sqlite3     *db;
  TdnSpoolKey *key;
  char        *path;
};

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
  /* 2: a visit's state (NULL active, "cancelled"), and the changes from
   * outside (nurses' overrides) applied once each, by their id. */
  "ALTER TABLE visits ADD COLUMN state TEXT;"
  "CREATE TABLE applied_changes ("
  "  change_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, visit_id TEXT, revision INTEGER,"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')), detail TEXT,"
  "  acked INTEGER NOT NULL DEFAULT 0, applied_at INTEGER NOT NULL);"
  "CREATE INDEX audit_visit ON audit (visit_id, id);",
};

/* The columns that hold personal data, sealed in the file. */
static const char * const sealed_columns[] = {
  "id_number", "full_name", "date_of_birth", "address", "bhyt_card", "eligibility_raw", NULL
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

TdnVisit *
tdn_visit_new (void)
{
  return g_new0 (TdnVisit, 1);
}

#define VISIT_STRINGS(v) \
  &(v)->visit_id, &(v)->kiosk_id, &(v)->id_number, &(v)->full_name, &(v)->date_of_birth, \
  &(v)->sex, &(v)->address, &(v)->bhyt_card, &(v)->assurance, &(v)->language, &(v)->clinic, \
  &(v)->priority, &(v)->queue_number, &(v)->eligibility_status, &(v)->eligibility_code, \
  &(v)->eligibility_raw, &(v)->payment, &(v)->state

void
tdn_visit_free (TdnVisit *visit)
{
  if (visit == NULL)
    return;
  {
    char **fields[] = { VISIT_STRINGS (visit) };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        if (*fields[i] != NULL)
          explicit_bzero (*fields[i], strlen (*fields[i]));
        g_free (*fields[i]);
      }
  }
  g_free (visit);
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
  int fd;

  g_return_val_if_fail (path != NULL && key_path != NULL, NULL);
  self->path = g_strdup (path);

  if (stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_PERMISSIONS,
                   _("%s can be read by other users; run “chmod 600 %s”"), path, path);
      return NULL;
    }
  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_OPEN,
                   _("Cannot open the spool %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  close (fd);

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
  g_return_val_if_fail (config != NULL, NULL);
  return tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                         tdn_config_get_string (config, "spool", "key_file"), error);
}

sqlite3 *
tdn_spool_get_db (TdnSpool *self)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  return self->db;
}

static gboolean
is_sealed (const char *column)
{
  return g_strv_contains (sealed_columns, column);
}

/* Inserts `v` as a row; personal columns sealed. */
gboolean
tdn_spool_insert_revision (TdnSpool  *self,
                 TdnVisit  *v,
                 GError   **error)
{
  const char *names[] = { "id_number", "full_name", "date_of_birth", "sex", "address", "bhyt_card",
                          "assurance", "language", "clinic", "priority", "queue_number",
                          "eligibility_status", "eligibility_code", "eligibility_raw", "payment", "state" };
  const char *values[] = { v->id_number, v->full_name, v->date_of_birth, v->sex, v->address, v->bhyt_card,
                           v->assurance, v->language, v->clinic, v->priority, v->queue_number,
                           v->eligibility_status, v->eligibility_code, v->eligibility_raw, v->payment,
                           v->state };
  g_autofree char *id_hash = v->id_number ? tdn_spool_lookup_hash (self->key, v->id_number) : NULL;
  g_autofree char *delivery = tdn_uuid_new ();
  sqlite3_stmt *stmt = NULL;
  gint64 now = tdn_clock_get_real ();

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO visits (visit_id, revision, kiosk_id, created_at, id_hash, id_number,"
                          " full_name, date_of_birth, sex, address, bhyt_card, assurance, language, clinic,"
                          " priority, queue_number, eligibility_status, eligibility_code, eligibility_raw,"
                          " payment, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "insert visit");
  sqlite3_bind_text (stmt, 1, v->visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, v->revision);
  sqlite3_bind_text (stmt, 3, v->kiosk_id ? v->kiosk_id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, v->created_at);
  if (id_hash != NULL)
    sqlite3_bind_text (stmt, 5, id_hash, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (values[i] == NULL)
        continue;
      if (is_sealed (names[i]))
        sqlite3_bind_text (stmt, 6 + (int) i,
                           tdn_spool_encrypt (self->key, names[i], (const guint8 *) values[i], strlen (values[i])),
                           -1, g_free);
      else
        sqlite3_bind_text (stmt, 6 + (int) i, values[i], -1, SQLITE_TRANSIENT);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return tdn_spool_fail (self, error, "insert visit");
    }
  sqlite3_finalize (stmt);

  /* The delivery id is fixed now and reused by every attempt. */
  sqlite3_prepare_v2 (self->db,
                      "INSERT INTO outbox (delivery_id, visit_id, revision, state, next_attempt_at, created_at)"
                      " VALUES (?, ?, ?, 'pending', ?, ?)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, delivery, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, v->visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, v->revision);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return tdn_spool_fail (self, error, "insert outbox");
    }
  sqlite3_finalize (stmt);
  return TRUE;
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
tdn_spool_commit_visit (TdnSpool         *self,
                        TdnVisit         *visit,
                        TdnSpoolTxnFunc   txn,
                        gpointer          user_data,
                        GError          **error)
{
  return tdn_spool_commit_visit_as (self, visit, txn, user_data, NULL, error);
}

gboolean
tdn_spool_commit_visit_as (TdnSpool         *self,
                           TdnVisit         *visit,
                           TdnSpoolTxnFunc   txn,
                           gpointer          user_data,
                           const char       *actor,
                           GError          **error)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);

  if (visit->visit_id == NULL)
    visit->visit_id = tdn_uuid_new ();
  visit->revision = 1;
  visit->created_at = tdn_clock_get_real ();
  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((txn != NULL && !txn (self->db, visit, user_data, error)) ||
      !tdn_spool_insert_revision (self, visit, error) ||
      !tdn_spool_audit (self, actor ? actor : visit->kiosk_id ? visit->kiosk_id : "kiosk", "commit",
                        visit->visit_id, NULL, error) ||
      !tdn_spool_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_message ("visit %s committed (queue %s)", visit->visit_id,
             visit->queue_number ? visit->queue_number : "-");
  return TRUE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const char *t = (const char *) sqlite3_column_text (stmt, i);

  return t != NULL ? g_strdup (t) : NULL;
}

/* The latest revision; call with or without a transaction. */
TdnVisit *
tdn_spool_load_latest (TdnSpool    *self,
             const char  *visit_id,
             GError     **error)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  sqlite3_stmt *stmt = NULL;
  const char *names[] = { "id_number", "full_name", "date_of_birth", "sex", "address", "bhyt_card",
                          "assurance", "language", "clinic", "priority", "queue_number",
                          "eligibility_status", "eligibility_code", "eligibility_raw", "payment", "state" };
  char **fields[] = { &v->id_number, &v->full_name, &v->date_of_birth, &v->sex, &v->address, &v->bhyt_card,
                      &v->assurance, &v->language, &v->clinic, &v->priority, &v->queue_number,
                      &v->eligibility_status, &v->eligibility_code, &v->eligibility_raw, &v->payment,
                      &v->state };
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT revision, kiosk_id, created_at, id_number, full_name, date_of_birth, sex,"
                          " address, bhyt_card, assurance, language, clinic, priority, queue_number,"
                          " eligibility_status, eligibility_code, eligibility_raw, payment, state"
                          " FROM visits WHERE visit_id = ? ORDER BY revision DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read visit");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND, _("No visit %s in the spool"), visit_id);
      else
        tdn_spool_fail (self, error, "read visit");
      return NULL;
    }
  v->visit_id = g_strdup (visit_id);
  v->revision = sqlite3_column_int (stmt, 0);
  v->kiosk_id = column_text (stmt, 1);
  v->created_at = sqlite3_column_int64 (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *raw = column_text (stmt, 3 + (int) i);

      if (raw == NULL)
        continue;
      if (is_sealed (names[i]))
        {
          g_autoptr(GBytes) plain = tdn_spool_decrypt (self->key, names[i], raw, error);

          if (plain == NULL)
            {
              sqlite3_finalize (stmt);
              return NULL;
            }
          *fields[i] = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
        }
      else
        *fields[i] = g_steal_pointer (&raw);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&v);
}

TdnVisit *
tdn_spool_get_visit (TdnSpool    *self,
                     const char  *visit_id,
                     GError     **error)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  return tdn_spool_load_latest (self, visit_id, error);
}

/* The latest revision of `visit_id` with `changes` on top, as a new
 * revision with its outbox and audit rows; inside the caller's transaction. */
gboolean
tdn_spool_add_revision_in_txn (TdnSpool        *self,
                               const char      *visit_id,
                               const TdnVisit  *changes,
                               TdnSpoolTxnFunc  txn,
                               gpointer         user_data,
                               const char      *actor,
                               const char      *action,
                               const char      *detail,
                               int             *revision,
                               GError         **error)
{
  g_autoptr(TdnVisit) v = tdn_spool_load_latest (self, visit_id, error);

  if (v == NULL)
    return FALSE;
  {
    char **dst[] = { VISIT_STRINGS (v) };
    char * const *src[] = { VISIT_STRINGS (changes) };

    /* visit_id (index 0) and kiosk_id (1) stay the visit's own. */
    for (guint i = 2; i < G_N_ELEMENTS (dst); i++)
      if (*src[i] != NULL)
        {
          g_free (*dst[i]);
          *dst[i] = g_strdup (*src[i]);
        }
  }
  v->revision++;
  v->created_at = tdn_clock_get_real ();
  if ((txn != NULL && !txn (self->db, v, user_data, error)) ||
      !tdn_spool_insert_revision (self, v, error) ||
      !tdn_spool_audit (self, actor, action, visit_id, detail, error))
    return FALSE;
  if (revision != NULL)
    *revision = v->revision;
  return TRUE;
}

gboolean
tdn_spool_add_revision (TdnSpool        *self,
                        const char      *visit_id,
                        const TdnVisit  *changes,
                        const char      *actor,
                        const char      *reason,
                        GError         **error)
{
  int revision = 0;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (visit_id != NULL && changes != NULL && actor != NULL, FALSE);

  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!tdn_spool_add_revision_in_txn (self, visit_id, changes, NULL, NULL, actor, "revision", reason,
                                      &revision, error) ||
      !tdn_spool_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_message ("visit %s revision %d by %s", visit_id, revision, actor);
  return TRUE;
}

GStrv
tdn_spool_find_by_id_number (TdnSpool    *self,
                             const char  *id_number,
                             GError     **error)
{
  g_autofree char *hash = tdn_spool_lookup_hash (self->key, id_number);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT DISTINCT visit_id FROM visits WHERE id_hash = ? ORDER BY created_at",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "find visit");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (b);
}

gboolean
tdn_spool_get_counts (TdnSpool        *self,
                      TdnSpoolCounts  *c,
                      GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  memset (c, 0, sizeof *c);
  c->oldest_pending_age_s = -1;
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT state, COUNT (*), MIN (created_at) FROM outbox GROUP BY state",
                          -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "count outbox");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *state = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (g_str_equal (state, "pending"))
        {
          c->pending = n;
          c->oldest_pending_age_s = (tdn_clock_get_real () - sqlite3_column_int64 (stmt, 2)) / G_USEC_PER_SEC;
        }
      else if (g_str_equal (state, "in_flight"))
        c->in_flight = n;
      else if (g_str_equal (state, "delivered"))
        c->delivered = n;
      else if (g_str_equal (state, "parked"))
        c->parked = n;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}
