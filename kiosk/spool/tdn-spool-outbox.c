/* tdn-spool-outbox.c — the outbox: one delivery per visit revision
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include "tdn-base.h"
#include "tdn-spool-outbox.h"
#include "tdn-spool-private.h"

static const char * const state_names[] = { "pending", "in_flight", "delivered", "parked" };

#define ITEM_COLUMNS \
  "rowid, delivery_id, visit_id, revision, state, attempts, next_attempt_at, last_error," \
  " created_at, COALESCE (updated_at, created_at), COALESCE (delivered_at, 0), destination, payload"

void
tdn_outbox_item_free (TdnOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->delivery_id);
  g_free (item->visit_id);
  g_free (item->last_error);
  g_free (item->destination);
  g_clear_pointer (&item->payload, g_bytes_unref);
  g_free (item);
}

const char *
tdn_outbox_state_to_string (TdnOutboxState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), "pending");
  return state_names[state];
}

gboolean
tdn_outbox_state_from_string (const char     *text,
                              TdnOutboxState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = (TdnOutboxState) i;
        return TRUE;
      }
  return FALSE;
}

static char *
text_at (sqlite3_stmt *stmt,
         int           i)
{
  const char *t = (const char *) sqlite3_column_text (stmt, i);

  return t != NULL ? g_strdup (t) : NULL;
}

/* One row of ITEM_COLUMNS; the payload is opened only when asked. */
static TdnOutboxItem *
read_item (TdnSpool      *self,
           sqlite3_stmt  *stmt,
           gboolean       with_payload,
           GError       **error)
{
  g_autoptr(TdnOutboxItem) item = g_new0 (TdnOutboxItem, 1);

  item->seq = sqlite3_column_int64 (stmt, 0);
  item->delivery_id = text_at (stmt, 1);
  item->visit_id = text_at (stmt, 2);
  item->revision = sqlite3_column_int (stmt, 3);
  if (!tdn_outbox_state_from_string ((const char *) sqlite3_column_text (stmt, 4), &item->state))
    item->state = TDN_OUTBOX_PENDING;
  item->attempts = sqlite3_column_int (stmt, 5);
  item->next_attempt_at = sqlite3_column_int64 (stmt, 6);
  item->last_error = text_at (stmt, 7);
  item->created_at = sqlite3_column_int64 (stmt, 8);
  item->updated_at = sqlite3_column_int64 (stmt, 9);
  item->delivered_at = sqlite3_column_int64 (stmt, 10);
  item->destination = text_at (stmt, 11);
  if (with_payload && sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      item->payload = tdn_spool_decrypt (self->key, "payload", (const char *) sqlite3_column_text (stmt, 12),
                                         error);
      if (item->payload == NULL)
        return NULL;
    }
  return g_steal_pointer (&item);
}

TdnOutboxItem *
tdn_spool_outbox_next (TdnSpool  *self,
                       gint64     now,
                       gint64    *next_due,
                       GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  TdnOutboxItem *item = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  *next_due = -1;
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT " ITEM_COLUMNS " FROM outbox WHERE state IN ('pending', 'in_flight')"
                          " ORDER BY rowid LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read outbox");
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean in_flight = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "in_flight") == 0;
      gint64 due = in_flight ? now : sqlite3_column_int64 (stmt, 6);

      if (due <= now)
        item = read_item (self, stmt, TRUE, error);
      else
        *next_due = due;
    }
  else if (rc != SQLITE_DONE)
    tdn_spool_fail (self, error, "read outbox");
  sqlite3_finalize (stmt);
  return item;
}

/* Runs `sql` with ?1 = delivery id, ?2 text, ?3 time, ?4 text, ?5 time
 * (NULL texts stay NULL); FALSE and NOT_FOUND when no row changed. */
static gboolean
update_one (TdnSpool    *self,
            const char  *sql,
            const char  *delivery_id,
            const char  *text2,
            gint64       int3,
            const char  *text4,
            gint64       int5,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "update outbox");
  sqlite3_bind_text (stmt, 1, delivery_id, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, int3);
  if (text4 != NULL)
    sqlite3_bind_text (stmt, 4, text4, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    sqlite3_bind_int64 (stmt, 5, int5);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return tdn_spool_fail (self, error, "update outbox");
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND,
                   _("No delivery %s in the spool in a state that allows this; check its id with “tiepdonctl spool list”"),
                   delivery_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
tdn_spool_outbox_begin (TdnSpool    *self,
                        const char  *delivery_id,
                        const char  *destination,
                        GBytes      *payload,
                        GError     **error)
{
  g_autofree char *sealed = NULL;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (delivery_id != NULL, FALSE);

  if (payload != NULL)
    sealed = tdn_spool_encrypt (self->key, "payload", g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  /* The stored payload wins: a row that has one keeps it. */
  return update_one (self,
                     "UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, updated_at = ?3,"
                     " payload = COALESCE (payload, ?2), destination = COALESCE (destination, ?4)"
                     " WHERE delivery_id = ?1 AND state IN ('pending', 'in_flight')",
                     delivery_id, sealed, tdn_clock_get_real (), destination, 0, error);
}

gboolean
tdn_spool_outbox_finish (TdnSpool        *self,
                         const char      *delivery_id,
                         TdnOutboxState   state,
                         gint64           next_attempt_at,
                         const char      *reason,
                         GError         **error)
{
  gint64 now = tdn_clock_get_real ();
  const char *sql;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (delivery_id != NULL, FALSE);

  switch (state)
    {
    case TDN_OUTBOX_DELIVERED:
      sql = "UPDATE outbox SET state = 'delivered', delivered_at = ?3, updated_at = ?3, last_error = NULL"
            " WHERE delivery_id = ?1 AND state = 'in_flight'";
      next_attempt_at = now;
      break;
    case TDN_OUTBOX_PARKED:
      sql = "UPDATE outbox SET state = 'parked', updated_at = ?3, last_error = ?2"
            " WHERE delivery_id = ?1 AND state IN ('in_flight', 'pending')";
      next_attempt_at = now;
      break;
    case TDN_OUTBOX_PENDING:
      sql = "UPDATE outbox SET state = 'pending', next_attempt_at = ?3, updated_at = ?5, last_error = ?2"
            " WHERE delivery_id = ?1 AND state IN ('in_flight', 'pending')";
      break;
    case TDN_OUTBOX_IN_FLIGHT:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (state != TDN_OUTBOX_PARKED)
    return update_one (self, sql, delivery_id, reason, next_attempt_at, NULL, now, error);
  /* Parking is a human's business: it goes in the audit log too. */
  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  {
    g_autoptr(TdnOutboxItem) item = tdn_spool_outbox_get (self, delivery_id, error);

    if (item == NULL ||
        !update_one (self, sql, delivery_id, reason, now, NULL, now, error) ||
        !tdn_spool_audit (self, "tiepdon-syncd", "parked", item->visit_id, reason, error) ||
        !tdn_spool_exec (self, "COMMIT", error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
tdn_spool_outbox_retry (TdnSpool    *self,
                        const char  *delivery_id,
                        gboolean     rebuild,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(TdnOutboxItem) item = NULL;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (delivery_id != NULL && actor != NULL, FALSE);

  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  item = tdn_spool_outbox_get (self, delivery_id, error);
  if (item == NULL ||
      !update_one (self,
                   rebuild
                   ? "UPDATE outbox SET state = 'pending', next_attempt_at = ?3, updated_at = ?3,"
                     " payload = NULL, destination = NULL WHERE delivery_id = ?1 AND state IN ('pending', 'parked')"
                   : "UPDATE outbox SET state = 'pending', next_attempt_at = ?3, updated_at = ?3"
                     " WHERE delivery_id = ?1 AND state IN ('pending', 'parked')",
                   delivery_id, NULL, tdn_clock_get_real (), NULL, 0, error) ||
      !tdn_spool_audit (self, actor, rebuild ? "retry-rebuild" : "retry", item->visit_id, delivery_id, error) ||
      !tdn_spool_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_message ("delivery %s queued again by %s", delivery_id, actor);
  return TRUE;
}

TdnOutboxItem *
tdn_spool_outbox_get (TdnSpool    *self,
                      const char  *delivery_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  TdnOutboxItem *item = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  if (sqlite3_prepare_v2 (self->db, "SELECT " ITEM_COLUMNS " FROM outbox WHERE delivery_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read outbox");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, delivery_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = read_item (self, stmt, TRUE, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND,
                 _("No delivery %s in the spool; check its id with “tiepdonctl spool list”"), delivery_id);
  else
    tdn_spool_fail (self, error, "read outbox");
  sqlite3_finalize (stmt);
  return item;
}

GPtrArray *
tdn_spool_outbox_list (TdnSpool    *self,
                       int          state,
                       const char  *visit_id,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_outbox_item_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), NULL);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT " ITEM_COLUMNS " FROM outbox WHERE (?1 IS NULL OR state = ?1)"
                          " AND (?2 IS NULL OR visit_id = ?2) ORDER BY rowid LIMIT ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tdn_spool_fail (self, error, "read outbox");
      return NULL;
    }
  if (state >= 0)
    sqlite3_bind_text (stmt, 1, tdn_outbox_state_to_string ((TdnOutboxState) state), -1, SQLITE_STATIC);
  if (visit_id != NULL)
    sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item (self, stmt, FALSE, NULL));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tdn_spool_fail (self, error, "read outbox");
      return NULL;
    }
  return g_steal_pointer (&items);
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

void
tdn_spool_counts_add_json (const TdnSpoolCounts *c,
                           JsonBuilder          *b)
{
  const char *names[] = { "pending", "in_flight", "delivered", "parked" };
  const gint64 values[] = { c->pending, c->in_flight, c->delivered, c->parked };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (b, names[i]);
      json_builder_add_int_value (b, values[i]);
    }
  json_builder_set_member_name (b, "oldest_pending_age_s");
  if (c->oldest_pending_age_s >= 0)
    json_builder_add_int_value (b, c->oldest_pending_age_s);
  else
    json_builder_add_null_value (b);
}
