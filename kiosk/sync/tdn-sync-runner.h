/* tdn-sync-runner.h — taking the outbox to the HIS, one delivery at a time
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step: the oldest delivery that is due (tdn_spool_outbox_next) has
 * its bytes built once and stored, is marked in flight (durably) and sent;
 * then it is delivered, parked (the park callback raises the alert) or
 * due again after an exponential back-off with jitter between [sync]
 * backoff_min_s and backoff_max_s. Deliveries go strictly in commit
 * order, one at a time: a revision never overtakes the visit it revises.
 * A crash anywhere leaves the row pending or in flight with its bytes:
 * the next step sends the same bytes under the same id, and the HIS's
 * conditional create (FHIR) or MSH-10 (HL7) recognises them.
 */
#pragma once

#include "tdn-spool-outbox.h"
#include "tdn-sync-destination.h"

G_BEGIN_DECLS

/* Called (in the runner's thread) when a delivery is parked. */
typedef void (*TdnSyncParkFunc) (const TdnOutboxItem *item,
                                 const char          *reason,
                                 gpointer             user_data);

#define TDN_TYPE_SYNC_RUNNER (tdn_sync_runner_get_type ())
G_DECLARE_FINAL_TYPE (TdnSyncRunner, tdn_sync_runner, TDN, SYNC_RUNNER, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnSyncRunner *tdn_sync_runner_new           (TdnSpool           *spool,
                                              TdnSyncDestination *destination,
                                              int                 backoff_min_s,
                                              int                 backoff_max_s);
void           tdn_sync_runner_set_park_func (TdnSyncRunner      *self,
                                              TdnSyncParkFunc     func,
                                              gpointer            user_data);
/* One attempt if a delivery is due: *attempted says whether one was made;
 * otherwise *next_due is when the head of the queue is due (-1: empty).
 * FALSE only when the spool itself failed. */
gboolean       tdn_sync_runner_step          (TdnSyncRunner      *self,
                                              GCancellable       *cancellable,
                                              gboolean           *attempted,
                                              gint64             *next_due,
                                              GError            **error);
/* Steps until nothing is due now (tiepdonctl sync run --once). */
gboolean       tdn_sync_runner_run_due       (TdnSyncRunner      *self,
                                              GCancellable       *cancellable,
                                              guint              *n_attempts,
                                              GError            **error);
/* Only one process delivers a spool at a time (one request in flight per
 * HIS): an exclusive lock on "<spool path>.deliver.lock", held until the
 * returned descriptor is closed. -1 with TDN_SYNC_ERROR_BUSY when
 * tiepdon-syncd (or another `sync run`) holds it. */
int            tdn_sync_lock                 (const char         *spool_path,
                                              GError            **error);
/* The back-off before attempt `attempts` + 1, in µs, with jitter. */
gint64         tdn_sync_backoff_us           (int                 attempts,
                                              int                 min_s,
                                              int                 max_s,
                                              double              jitter);

G_END_DECLS
