/* tdn-spool-queue.c — a visit's queue number, taken inside its commit
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk's check-in, the desk's registration and tiepdonctl's test
 * visits all commit a visit with the same transaction callback, so a
 * number is never handed out for a visit that was not saved.
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include "tdn-spool.h"

gboolean
tdn_spool_take_queue_number (sqlite3   *db,
                             TdnVisit  *visit,
                             gpointer   take,
                             GError   **error)
{
  const TdnSpoolQueueTake *t = take;

  g_return_val_if_fail (t != NULL && t->clinic != NULL, FALSE);

  /* A retried commit takes a fresh number: the first one rolled back. */
  g_free (visit->queue_number);
  visit->queue_number = tdn_queue_take_number (db, t->format, visit->kiosk_id, t->clinic, error);
  return visit->queue_number != NULL;
}
