/* tdn-spool-reprints.c — tickets a nurse asked to print again
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include "tdn-base.h"
#include "tdn-spool-private.h"
#include "tdn-spool-reprints.h"

void
tdn_spool_reprint_free (TdnSpoolReprint *reprint)
{
  if (reprint == NULL)
    return;
  g_free (reprint->change_id);
  g_free (reprint->visit_id);
  g_free (reprint->requested_by);
  g_free (reprint);
}

gboolean
tdn_spool_insert_reprint (TdnSpool    *self,
                          const char  *change_id,
                          const char  *visit_id,
                          const char  *requested_by,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self),
                          "INSERT OR IGNORE INTO reprints (change_id, visit_id, requested_by, requested_at)"
                          " VALUES (?,?,?,?)", -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "record reprint");
  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, requested_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, tdn_clock_get_real ());
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || tdn_spool_fail (self, error, "record reprint");
}

GPtrArray *
tdn_spool_list_pending_reprints (TdnSpool    *self,
                                 const char  *kiosk_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_spool_reprint_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  g_return_val_if_fail (kiosk_id != NULL, NULL);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self),
                          "SELECT r.change_id, r.visit_id, r.requested_by, r.requested_at, r.attempts"
                          " FROM reprints r WHERE r.done_at IS NULL AND EXISTS"
                          " (SELECT 1 FROM visits v WHERE v.visit_id = r.visit_id AND v.revision = 1"
                          "  AND v.kiosk_id = ?) ORDER BY r.requested_at, r.change_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "list reprints");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, kiosk_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdnSpoolReprint *r = g_new0 (TdnSpoolReprint, 1);

      r->change_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      r->visit_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r->requested_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      r->requested_at = sqlite3_column_int64 (stmt, 3);
      r->attempts = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (list, r);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tdn_spool_fail (self, error, "list reprints");
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
tdn_spool_finish_reprint (TdnSpool    *self,
                          const char  *change_id,
                          gboolean     uncertain,
                          gboolean    *marked,
                          GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (change_id != NULL, FALSE);

  db = tdn_spool_get_db (self);
  if (marked != NULL)
    *marked = FALSE;
  if (sqlite3_prepare_v2 (db, "UPDATE reprints SET done_at = ?, outcome = ? WHERE change_id = ? AND done_at IS NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "finish reprint");
  sqlite3_bind_int64 (stmt, 1, tdn_clock_get_real ());
  sqlite3_bind_text (stmt, 2, uncertain ? "uncertain" : "printed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change_id, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return tdn_spool_fail (self, error, "finish reprint");
  if (marked != NULL)
    *marked = sqlite3_changes (db) == 1;
  return TRUE;
}

gboolean
tdn_spool_fail_reprint (TdnSpool    *self,
                        const char  *change_id,
                        const char  *why,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (change_id != NULL, FALSE);

  if (sqlite3_prepare_v2 (tdn_spool_get_db (self),
                          "UPDATE reprints SET attempts = attempts + 1, last_error = ?"
                          " WHERE change_id = ? AND done_at IS NULL", -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "count failed reprint");
  if (why != NULL)
    sqlite3_bind_text (stmt, 1, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, change_id, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || tdn_spool_fail (self, error, "count failed reprint");
}
