/* tdn-spool-visit.c — a visit's revisions: written sealed with their
 * outbox row, read back, and new revisions on top of the latest
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-spool.h"
#include "tdn-spool-crypto.h"
#include "tdn-spool-private.h"

/* The columns that hold personal data, sealed in the file. */
static const char * const sealed_columns[] = {
  "id_number", "full_name", "date_of_birth", "address", "bhyt_card", "eligibility_raw", NULL
};

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
  g_clear_pointer (&visit->photo, g_bytes_unref);
  g_free (visit);
}

static gboolean
is_sealed (const char *column)
{
  return g_strv_contains (sealed_columns, column);
}

/* Inserts `v` as a row with its outbox row; personal columns sealed. */
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
                          " payment, state, photo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
  if (v->photo != NULL)
    sqlite3_bind_text (stmt, 6 + (int) G_N_ELEMENTS (names),
                       tdn_spool_encrypt (self->key, "photo", g_bytes_get_data (v->photo, NULL),
                                          g_bytes_get_size (v->photo)),
                       -1, g_free);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return tdn_spool_fail (self, error, "insert visit");
    }
  sqlite3_finalize (stmt);

  /* The delivery id is fixed now and reused by every attempt. */
  sqlite3_prepare_v2 (self->db,
                      "INSERT INTO outbox (delivery_id, visit_id, revision, state, next_attempt_at, created_at,"
                      " updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, delivery, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, v->visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, v->revision);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return tdn_spool_fail (self, error, "insert outbox");
    }
  sqlite3_finalize (stmt);
  return TRUE;
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

/* Revision `revision` (0: the latest); call with or without a transaction. */
static TdnVisit *
load_revision (TdnSpool    *self,
               const char  *visit_id,
               int          revision,
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
                          " eligibility_status, eligibility_code, eligibility_raw, payment, state, photo, purged"
                          " FROM visits WHERE visit_id = ?1 AND (?2 = 0 OR revision = ?2)"
                          " ORDER BY revision DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read visit");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, revision);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND,
                     _("No visit %s in the spool; check the reference on the ticket"), visit_id);
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
  if (sqlite3_column_type (stmt, 19) != SQLITE_NULL)
    {
      v->photo = tdn_spool_decrypt (self->key, "photo", (const char *) sqlite3_column_text (stmt, 19), error);
      if (v->photo == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
    }
  v->purged = sqlite3_column_int (stmt, 20) != 0;
  sqlite3_finalize (stmt);
  return g_steal_pointer (&v);
}

TdnVisit *
tdn_spool_load_latest (TdnSpool    *self,
                       const char  *visit_id,
                       GError     **error)
{
  return load_revision (self, visit_id, 0, error);
}

TdnVisit *
tdn_spool_get_visit (TdnSpool    *self,
                     const char  *visit_id,
                     GError     **error)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  return load_revision (self, visit_id, 0, error);
}

TdnVisit *
tdn_spool_get_revision (TdnSpool    *self,
                        const char  *visit_id,
                        int          revision,
                        GError     **error)
{
  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  g_return_val_if_fail (visit_id != NULL && revision > 0, NULL);
  return load_revision (self, visit_id, revision, error);
}

/* The latest revision of `visit_id` with `changes` on top, as a new
 * revision with its outbox and audit rows; inside the caller's transaction.
 * `txn` (optional) runs on the merged visit before it is written. */
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
  g_autoptr(TdnVisit) v = load_revision (self, visit_id, 0, error);

  if (v == NULL)
    return FALSE;
  /* A revision of an anonymised visit would reach the HIS as a stranger. */
  if (v->purged)
    {
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_PURGED,
                   _("Visit %s is older than the retention period and its personal data is erased; "
                     "register the change at the desk"), visit_id);
      return FALSE;
    }
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
  if (changes->photo != NULL)
    {
      g_clear_pointer (&v->photo, g_bytes_unref);
      v->photo = g_bytes_ref (changes->photo);
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
