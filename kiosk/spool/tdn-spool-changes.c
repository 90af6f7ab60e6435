/* tdn-spool-changes.c — changes from outside the kiosk, applied once each
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A nurse's override reaches the kiosk that owns the visit, possibly more
 * than once (a lost acknowledgement, a restart between fetch and apply).
 * The table applied_changes, written in the same transaction as the
 * revision, makes applying idempotent by the change's id.
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include "tdn-base.h"
#include "tdn-spool-private.h"

void
tdn_spool_change_free (TdnSpoolChange *change)
{
  if (change == NULL)
    return;
  g_free (change->change_id);
  g_free (change->visit_id);
  g_free (change->outcome);
  g_free (change->detail);
  g_free (change);
}

void
tdn_spool_audit_entry_free (TdnSpoolAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->visit_id);
  g_free (entry->detail);
  g_free (entry);
}

static char *
text_at (sqlite3_stmt *stmt,
         int           i)
{
  const char *t = (const char *) sqlite3_column_text (stmt, i);

  return t != NULL ? g_strdup (t) : NULL;
}

/* TRUE in *seen when change_id is recorded; inside a transaction or not. */
static gboolean
change_seen (TdnSpool    *self,
             const char  *change_id,
             gboolean    *seen,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self), "SELECT 1 FROM applied_changes WHERE change_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "read applied change");
  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tdn_spool_fail (self, error, "read applied change");
  *seen = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
record_change (TdnSpool    *self,
               const char  *change_id,
               gint64       seq,
               const char  *visit_id,
               int          revision,
               const char  *outcome,
               const char  *detail,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self),
                          "INSERT INTO applied_changes (change_id, seq, visit_id, revision, outcome, detail,"
                          " applied_at) VALUES (?,?,?,?,?,?,?)", -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "record applied change");
  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, seq);
  if (visit_id != NULL)
    sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, revision);
  sqlite3_bind_text (stmt, 5, outcome, -1, SQLITE_STATIC);
  if (detail != NULL)
    sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, tdn_clock_get_real ());
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || tdn_spool_fail (self, error, "record applied change");
}

gboolean
tdn_spool_apply_change (TdnSpool         *self,
                        const char       *change_id,
                        gint64            seq,
                        const char       *visit_id,
                        const TdnVisit   *changes,
                        TdnSpoolTxnFunc   txn,
                        gpointer          user_data,
                        const char       *actor,
                        const char       *action,
                        const char       *detail,
                        int              *revision,
                        gboolean         *already,
                        GError          **error)
{
  sqlite3 *db;
  gboolean seen = FALSE;
  int rev = 0;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (change_id != NULL && visit_id != NULL && actor != NULL && action != NULL, FALSE);

  db = tdn_spool_get_db (self);
  if (already != NULL)
    *already = FALSE;
  if (revision != NULL)
    *revision = 0;
  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!change_seen (self, change_id, &seen, error))
    goto rollback;
  if (seen)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      if (already != NULL)
        *already = TRUE;
      return TRUE;
    }
  if (changes != NULL)
    {
      if (!tdn_spool_add_revision_in_txn (self, visit_id, changes, txn, user_data, actor, action, detail,
                                          &rev, error))
        goto rollback;
    }
  else
    {
      g_autoptr(TdnVisit) v = tdn_spool_load_latest (self, visit_id, error);

      if (v == NULL || !tdn_spool_audit (self, actor, action, visit_id, detail, error))
        goto rollback;
    }
  if (!record_change (self, change_id, seq, visit_id, rev, "applied", NULL, error) ||
      !tdn_spool_exec (self, "COMMIT", error))
    goto rollback;
  if (revision != NULL)
    *revision = rev;
  g_message ("change %s applied to visit %s (revision %d)", change_id, visit_id, rev);
  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
tdn_spool_reject_change (TdnSpool    *self,
                         const char  *change_id,
                         gint64       seq,
                         const char  *visit_id,
                         const char  *actor,
                         const char  *why,
                         GError     **error)
{
  gboolean seen = FALSE;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (change_id != NULL && actor != NULL && why != NULL, FALSE);

  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!change_seen (self, change_id, &seen, error))
    goto rollback;
  if (!seen &&
      (!record_change (self, change_id, seq, visit_id, 0, "rejected", why, error) ||
       !tdn_spool_audit (self, actor, "change-rejected", visit_id, why, error)))
    goto rollback;
  if (!tdn_spool_exec (self, "COMMIT", error))
    goto rollback;
  if (!seen)
    g_message ("change %s not applied: %s", change_id, why);
  return TRUE;

rollback:
  sqlite3_exec (tdn_spool_get_db (self), "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gint64
tdn_spool_get_change_seq (TdnSpool *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0;

  g_return_val_if_fail (TDN_IS_SPOOL (self), 0);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self), "SELECT COALESCE (MAX (seq), 0) FROM applied_changes",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return seq;
}

static const char select_changes[] =
  "SELECT change_id, seq, visit_id, revision, outcome, detail, acked FROM applied_changes ";

static TdnSpoolChange *
change_from_row (sqlite3_stmt *stmt)
{
  TdnSpoolChange *c = g_new0 (TdnSpoolChange, 1);

  c->change_id = text_at (stmt, 0);
  c->seq = sqlite3_column_int64 (stmt, 1);
  c->visit_id = text_at (stmt, 2);
  c->revision = sqlite3_column_int (stmt, 3);
  c->outcome = text_at (stmt, 4);
  c->detail = text_at (stmt, 5);
  c->acked = sqlite3_column_int (stmt, 6) != 0;
  return c;
}

TdnSpoolChange *
tdn_spool_get_change (TdnSpool    *self,
                      const char  *change_id,
                      GError     **error)
{
  g_autofree char *sql = g_strconcat (select_changes, "WHERE change_id = ?", NULL);
  sqlite3_stmt *stmt = NULL;
  TdnSpoolChange *c = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read applied change");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    c = change_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND,
                 _("Change %s was never applied here"), change_id);
  else
    tdn_spool_fail (self, error, "read applied change");
  sqlite3_finalize (stmt);
  return c;
}

GPtrArray *
tdn_spool_list_unacked_changes (TdnSpool  *self,
                                GError   **error)
{
  g_autofree char *sql = g_strconcat (select_changes, "WHERE acked = 0 ORDER BY seq", NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_spool_change_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "list applied changes");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, change_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tdn_spool_fail (self, error, "list applied changes");
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
tdn_spool_mark_change_acked (TdnSpool    *self,
                             const char  *change_id,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self), "UPDATE applied_changes SET acked = 1 WHERE change_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "mark change acknowledged");
  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || tdn_spool_fail (self, error, "mark change acknowledged");
}

GPtrArray *
tdn_spool_list_audit (TdnSpool    *self,
                      const char  *visit_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_spool_audit_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self),
                          "SELECT at, actor, action, visit_id, detail FROM audit WHERE visit_id = ? ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read audit");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdnSpoolAuditEntry *e = g_new0 (TdnSpoolAuditEntry, 1);

      e->at = sqlite3_column_int64 (stmt, 0);
      e->actor = text_at (stmt, 1);
      e->action = text_at (stmt, 2);
      e->visit_id = text_at (stmt, 3);
      e->detail = text_at (stmt, 4);
      g_ptr_array_add (out, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tdn_spool_fail (self, error, "read audit");
      return NULL;
    }
  return g_steal_pointer (&out);
}
