/* tdn-spool-rekey.c — rotating the key that seals personal columns
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sealed value names the key that sealed it ("v1:<key id>:…"). A
 * rotation re-seals, in one transaction, every value not yet under the
 * new key and recomputes the ID lookup hashes; values already under the
 * new key are left alone, so a rotation cut short (power lost after the
 * commit but before the key files were swapped) is finished by running
 * it again. The key files themselves are swapped by the caller
 * (tiepdonctl spool rekey) after this returns.
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include "tdn-base.h"
#include "tdn-spool-private.h"

static const char * const visit_columns[] = {
  "id_number", "full_name", "date_of_birth", "address", "bhyt_card", "eligibility_raw", "photo",
};

/* Re-seals `value` (a sealed text) for `column` under `to`; NULL when it
 * already is. */
static char *
reseal (TdnSpoolKey  *from,
        TdnSpoolKey  *to,
        const char   *column,
        const char   *value,
        GBytes      **plain_out,
        GError      **error)
{
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *prefix = g_strdup_printf ("v1:%s:", tdn_spool_key_id (to));

  if (g_str_has_prefix (value, prefix))
    {
      if (plain_out != NULL)
        *plain_out = tdn_spool_decrypt (to, column, value, error);
      return NULL;
    }
  plain = tdn_spool_decrypt (from, column, value, error);
  if (plain == NULL)
    return NULL;
  if (plain_out != NULL)
    *plain_out = g_bytes_ref (plain);
  return tdn_spool_encrypt (to, column, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
}

static gboolean
update_text (TdnSpool    *self,
             const char  *sql,
             const char  *value,
             sqlite3_int64 rowid)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rowid);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Re-seals one column of one table; for visits.id_number also the hash. */
static gboolean
reseal_column (TdnSpool     *self,
               TdnSpoolKey  *to,
               const char   *table,
               const char   *column,
               guint        *n,
               GError      **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT rowid, %s FROM %s WHERE %s IS NOT NULL", column, table, column);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE rowid = ?2", table, column);
  gboolean id = g_str_equal (column, "id_number");
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, select, -1, &stmt, NULL) != SQLITE_OK)
    return tdn_spool_fail (self, error, "rekey");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GError) local = NULL;
      g_autofree char *sealed = reseal (self->key, to, column, (const char *) sqlite3_column_text (stmt, 1),
                                        id ? &plain : NULL, &local);

      if (local != NULL)
        {
          sqlite3_finalize (stmt);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (sealed != NULL && !update_text (self, update, sealed, rowid))
        {
          sqlite3_finalize (stmt);
          return tdn_spool_fail (self, error, "rekey");
        }
      if (id)
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
          g_autofree char *hash = tdn_spool_lookup_hash (to, text);

          explicit_bzero (text, strlen (text));
          if (!update_text (self, "UPDATE visits SET id_hash = ?1 WHERE rowid = ?2", hash, rowid))
            {
              sqlite3_finalize (stmt);
              return tdn_spool_fail (self, error, "rekey");
            }
        }
      if (sealed != NULL)
        (*n)++;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || tdn_spool_fail (self, error, "rekey");
}

gboolean
tdn_spool_rekey (TdnSpool    *self,
                 const char  *new_key_path,
                 const char  *actor,
                 guint       *n_values,
                 GError     **error)
{
  g_autoptr(TdnSpoolKey) to = NULL;
  g_autofree char *detail = NULL;
  guint n = 0;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (new_key_path != NULL && actor != NULL, FALSE);

  to = tdn_spool_key_load (new_key_path, TRUE, error);
  if (to == NULL)
    return FALSE;
  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (visit_columns); i++)
    if (!reseal_column (self, to, "visits", visit_columns[i], &n, error))
      goto rollback;
  if (!reseal_column (self, to, "outbox", "payload", &n, error))
    goto rollback;
  detail = g_strdup_printf ("key %s → %s, %u values", tdn_spool_key_id (self->key), tdn_spool_key_id (to), n);
  if (!tdn_spool_audit (self, actor, "rekey", NULL, detail, error) ||
      !tdn_spool_exec (self, "COMMIT", error))
    goto rollback;
  g_message ("spool re-sealed under key %s (%u values)", tdn_spool_key_id (to), n);
  tdn_spool_key_free (self->key);
  self->key = g_steal_pointer (&to);
  if (n_values != NULL)
    *n_values = n;
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
