/* tdn-help-store-overrides.c — the append-only audit trail of nurses' changes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-base.h"
#include "tdn-help-store-private.h"

#define MAX_REASON 500

static const char select_overrides[] =
  "SELECT id, help_id, visit_ref, kiosk_id, action, old_value, new_value, reason, nurse,"
  " nurse_name, created_at, seq, a.outcome, a.revision, a.detail, a.acked_at"
  " FROM help_overrides LEFT JOIN help_override_acks a ON a.override_id = help_overrides.id ";

static gboolean
check_object (JsonNode    *node,
              const char  *name,
              GError     **error)
{
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID, "“%s” must be an object", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
reason_is_valid (const char *reason)
{
  g_autofree char *trimmed = NULL;

  if (reason == NULL || strlen (reason) > MAX_REASON || !g_utf8_validate (reason, -1, NULL))
    return FALSE;
  trimmed = g_strstrip (g_strdup (reason));
  return *trimmed != '\0';
}

char *
tdn_help_store_add_override (TdnHelpStore *self,
                             const char   *help_id,
                             const char   *nurse,
                             const char   *nurse_name,
                             const char   *action,
                             JsonNode     *old_value,
                             JsonNode     *new_value,
                             const char   *reason,
                             GError      **error)
{
  g_autofree char *id = tdn_uuid_new ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *state = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *visit_ref = NULL;
  g_autofree char *kiosk_id = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 seq;

  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);
  g_return_val_if_fail (help_id != NULL && nurse != NULL, NULL);

  if (!tdn_help_override_action_is_valid (action))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                   "unknown override action “%s”", action ? action : "");
      return NULL;
    }
  if (!reason_is_valid (reason))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                   _("Say why (1 to %d characters)"), MAX_REASON);
      return NULL;
    }
  if (!check_object (old_value, "old", error) || !check_object (new_value, "new", error))
    return NULL;
  old_text = old_value ? json_to_string (old_value, FALSE) : g_strdup ("{}");
  new_text = new_value ? json_to_string (new_value, FALSE) : g_strdup ("{}");

  g_mutex_lock (&self->lock);
  if (!tdn_help_store_exec (self, "BEGIN IMMEDIATE;", error))
    goto unlock;
  sqlite3_prepare_v2 (self->db,
                      "SELECT state, claimed_by, visit_ref, kiosk_id FROM help_requests WHERE id = ?",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, help_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_NOT_FOUND, _("No help request %s"), help_id);
      goto rollback;
    }
  state = tdn_help_store_column_text (stmt, 0);
  holder = tdn_help_store_column_text (stmt, 1);
  visit_ref = tdn_help_store_column_text (stmt, 2);
  kiosk_id = tdn_help_store_column_text (stmt, 3);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (g_str_equal (state, "resolved"))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_RESOLVED,
                   _("This request was already resolved"));
      goto rollback;
    }
  if (!g_str_equal (state, "claimed") || g_strcmp0 (holder, nurse) != 0)
    {
      if (holder != NULL)
        g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_CLAIMED,
                     _("%s is already helping this patient"), holder);
      else
        g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_CLAIMED,
                             _("Take the request before changing the visit"));
      goto rollback;
    }

  seq = tdn_help_store_next_seq (self);
  if (seq < 0 ||
      sqlite3_prepare_v2 (self->db,
                          "INSERT INTO help_overrides (id, help_id, visit_ref, kiosk_id, action,"
                          " old_value, new_value, reason, nurse, nurse_name, created_at, seq)"
                          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_help_store_db_error (self, error, "insert override");
      goto rollback;
    }
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, help_id, -1, SQLITE_TRANSIENT);
  if (visit_ref != NULL)
    sqlite3_bind_text (stmt, 3, visit_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kiosk_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, old_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, new_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, nurse, -1, SQLITE_TRANSIENT);
  if (nurse_name != NULL)
    sqlite3_bind_text (stmt, 10, nurse_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, tdn_clock_get_real ());
  sqlite3_bind_int64 (stmt, 12, seq);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      tdn_help_store_db_error (self, error, "insert override");
      goto rollback;
    }
  sqlite3_finalize (stmt);
  /* The request changed too: desks following it see the new seq. */
  sqlite3_prepare_v2 (self->db, "UPDATE help_requests SET seq = ? WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, help_id, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (!tdn_help_store_exec (self, "COMMIT;", error))
    goto rollback;
  g_mutex_unlock (&self->lock);
  g_message ("override %s on help request %s by %s: %s", id, help_id, nurse, action);
  return g_steal_pointer (&id);

rollback:
  tdn_help_store_exec (self, "ROLLBACK;", NULL);
unlock:
  g_mutex_unlock (&self->lock);
  return NULL;
}

static TdnHelpOverride *
row_to_override (sqlite3_stmt *stmt)
{
  TdnHelpOverride *o = tdn_help_override_new ();
  g_autofree char *old_text = tdn_help_store_column_text (stmt, 5);
  g_autofree char *new_text = tdn_help_store_column_text (stmt, 6);

  o->id = tdn_help_store_column_text (stmt, 0);
  o->help_id = tdn_help_store_column_text (stmt, 1);
  o->visit_ref = tdn_help_store_column_text (stmt, 2);
  o->kiosk_id = tdn_help_store_column_text (stmt, 3);
  o->action = tdn_help_store_column_text (stmt, 4);
  o->old_value = json_from_string (old_text, NULL);
  o->new_value = json_from_string (new_text, NULL);
  o->reason = tdn_help_store_column_text (stmt, 7);
  o->nurse = tdn_help_store_column_text (stmt, 8);
  o->nurse_name = tdn_help_store_column_text (stmt, 9);
  o->created_at = sqlite3_column_int64 (stmt, 10);
  o->seq = sqlite3_column_int64 (stmt, 11);
  o->outcome = tdn_help_store_column_text (stmt, 12);
  o->applied_revision = sqlite3_column_int (stmt, 13);
  o->outcome_detail = tdn_help_store_column_text (stmt, 14);
  o->acked_at = sqlite3_column_int64 (stmt, 15);
  return o;
}

static GPtrArray *
query_overrides (TdnHelpStore *self,
                 const char   *where,
                 const char   *text_arg,
                 gint64        int_arg,
                 GError      **error)
{
  g_autofree char *sql = g_strconcat (select_overrides, where, NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_help_override_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_mutex_lock (&self->lock);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_help_store_db_error (self, error, "query overrides");
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, text_arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, int_arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_override (stmt));
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->lock);
  if (rc != SQLITE_DONE)
    {
      g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_DATABASE, "query overrides failed");
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
tdn_help_store_list_overrides (TdnHelpStore *self,
                               const char   *help_id,
                               GError      **error)
{
  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);
  return query_overrides (self, "WHERE help_id = ? ORDER BY seq", help_id, 0, error);
}

GPtrArray *
tdn_help_store_overrides_since (TdnHelpStore *self,
                                const char   *kiosk_id,
                                gint64        seq,
                                GError      **error)
{
  g_return_val_if_fail (TDN_IS_HELP_STORE (self), NULL);
  return query_overrides (self, "WHERE kiosk_id = ? AND seq > ? ORDER BY seq", kiosk_id, seq, error);
}

gboolean
tdn_help_store_ack_override (TdnHelpStore *self,
                             const char   *kiosk_id,
                             const char   *override_id,
                             const char   *outcome,
                             int           revision,
                             const char   *detail,
                             GError      **error)
{
  g_autofree char *help_id = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  gint64 seq;

  g_return_val_if_fail (TDN_IS_HELP_STORE (self), FALSE);
  g_return_val_if_fail (kiosk_id != NULL && override_id != NULL, FALSE);

  if (g_strcmp0 (outcome, "applied") != 0 && g_strcmp0 (outcome, "rejected") != 0)
    {
      g_set_error_literal (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                           "“outcome” is applied or rejected");
      return FALSE;
    }
  if (detail != NULL && (strlen (detail) > MAX_REASON || !g_utf8_validate (detail, -1, NULL)))
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_INVALID,
                   "“detail” is at most %d characters of UTF-8", MAX_REASON);
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  if (!tdn_help_store_exec (self, "BEGIN IMMEDIATE;", error))
    goto unlock;
  /* A kiosk acknowledges only its own overrides. */
  sqlite3_prepare_v2 (self->db, "SELECT help_id FROM help_overrides WHERE id = ? AND kiosk_id = ?",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, override_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kiosk_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    help_id = tdn_help_store_column_text (stmt, 0);
  sqlite3_finalize (stmt);
  if (help_id == NULL)
    {
      g_set_error (error, TDN_HELP_ERROR, TDN_HELP_ERROR_NOT_FOUND, _("No override %s"), override_id);
      goto rollback;
    }
  sqlite3_prepare_v2 (self->db,
                      "INSERT OR IGNORE INTO help_override_acks (override_id, outcome, revision, detail, acked_at)"
                      " VALUES (?,?,?,?,?)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, override_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, outcome, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, revision);
  if (detail != NULL)
    sqlite3_bind_text (stmt, 4, detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, tdn_clock_get_real ());
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      tdn_help_store_db_error (self, error, "insert override acknowledgement");
      goto rollback;
    }
  if (sqlite3_changes (self->db) > 0)
    {
      /* Desks following the request see that the visit changed. */
      seq = tdn_help_store_next_seq (self);
      sqlite3_prepare_v2 (self->db, "UPDATE help_requests SET seq = ? WHERE id = ?", -1, &stmt, NULL);
      sqlite3_bind_int64 (stmt, 1, seq);
      sqlite3_bind_text (stmt, 2, help_id, -1, SQLITE_TRANSIENT);
      ok = seq >= 0 && sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_finalize (stmt);
      if (!ok)
        {
          tdn_help_store_db_error (self, error, "mark request changed");
          goto rollback;
        }
    }
  if (!tdn_help_store_exec (self, "COMMIT;", error))
    goto rollback;
  g_mutex_unlock (&self->lock);
  g_message ("override %s %s by kiosk %s", override_id, outcome, kiosk_id);
  return TRUE;

rollback:
  tdn_help_store_exec (self, "ROLLBACK;", NULL);
unlock:
  g_mutex_unlock (&self->lock);
  return FALSE;
}
