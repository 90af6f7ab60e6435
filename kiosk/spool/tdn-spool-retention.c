/* tdn-spool-retention.c — erasing personal data after delivery
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What stays of a purged visit: its id, revisions, kiosk, times, sex,
 * assurance level, language, clinic, priority, queue number, eligibility
 * status and code, payment — enough for statistics, nothing that names
 * a person. The audit log never held personal data.
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include "tdn-base.h"
#include "tdn-spool-private.h"

/* Visits not yet purged whose every delivery was delivered before ?1. */
#define DUE \
  "SELECT visit_id FROM outbox GROUP BY visit_id" \
  " HAVING SUM (state <> 'delivered') = 0 AND MAX (delivered_at) < ?1"

gboolean
tdn_spool_purge (TdnSpool    *self,
                 gint64       cutoff,
                 const char  *actor,
                 guint       *n_purged,
                 GError     **error)
{
  static const char * const steps[] = {
    "SELECT COUNT (*) FROM (" DUE ") AS d"
    " WHERE EXISTS (SELECT 1 FROM visits AS v WHERE v.visit_id = d.visit_id AND v.purged = 0)",
    "UPDATE visits SET id_hash = NULL, id_number = NULL, full_name = NULL, date_of_birth = NULL,"
    " address = NULL, bhyt_card = NULL, eligibility_raw = NULL, photo = NULL, purged = 1"
    " WHERE purged = 0 AND visit_id IN (" DUE ")",
    "UPDATE outbox SET payload = NULL WHERE payload IS NOT NULL AND visit_id IN (" DUE ")",
  };
  sqlite3_stmt *stmt = NULL;
  g_autofree char *detail = NULL;
  int rc;

  g_return_val_if_fail (TDN_IS_SPOOL (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  *n_purged = 0;
  if (!tdn_spool_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (sqlite3_prepare_v2 (self->db, steps[i], -1, &stmt, NULL) != SQLITE_OK)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, cutoff);
      rc = sqlite3_step (stmt);
      if (i == 0 && rc == SQLITE_ROW)
        {
          *n_purged = (guint) sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_DONE;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
    }
  detail = g_strdup_printf ("%u visits anonymised", *n_purged);
  if (*n_purged > 0 && !tdn_spool_audit (self, actor, "purge", NULL, detail, error))
    goto rollback;
  if (!tdn_spool_exec (self, "COMMIT", error))
    goto rollback;
  if (*n_purged > 0)
    g_message ("retention: personal data of %u visits erased", *n_purged);
  return TRUE;

fail:
  tdn_spool_fail (self, error, "purge");
rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
