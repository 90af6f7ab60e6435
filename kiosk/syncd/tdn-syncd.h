/* tdn-syncd.h — the sync daemon: the outbox to the HIS, all day long
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker thread runs TdnSyncRunner steps on its own spool connection:
 * it sleeps until the head of the outbox is due, [sync] poll_interval_ms
 * passes, or the kiosk writes to spool.db (inotify on the WAL wakes it at
 * once). Parked deliveries raise a help request on the broker (when
 * [eligibility] broker_url is set; at most one a minute) and a log line. The main
 * thread runs periodic tasks (retention purge, and any task a module
 * adds with tdn_syncd_add_task(), e.g. applying nurses' overrides) and
 * handles SIGTERM/SIGINT: the delivery in progress is cancelled and left
 * due, so a stop — or a kill -9 — never loses or doubles a delivery.
 */
#pragma once

#include "tdn-base.h"
#include "tdn-spool.h"

G_BEGIN_DECLS

#define TDN_TYPE_SYNCD (tdn_syncd_get_type ())
G_DECLARE_FINAL_TYPE (TdnSyncd, tdn_syncd, TDN, SYNCD, GObject)

/* A periodic task on the main thread; `spool` is the main thread's own
 * connection. Return FALSE to be removed. */
typedef gboolean (*TdnSyncdTaskFunc) (TdnSyncd *syncd,
                                      TdnSpool *spool,
                                      gpointer  user_data);

G_GNUC_WARN_UNUSED_RESULT
TdnSyncd  *tdn_syncd_new         (TdnConfig        *config,
                                  GError          **error);
TdnConfig *tdn_syncd_get_config  (TdnSyncd         *self);
/* Runs `func` every `interval_s` seconds (and once at start) while the
 * daemon runs. Call before tdn_syncd_run(). */
void       tdn_syncd_add_task    (TdnSyncd         *self,
                                  const char       *name,
                                  guint             interval_s,
                                  TdnSyncdTaskFunc  func,
                                  gpointer          user_data,
                                  GDestroyNotify    destroy);
/* Hosts the nurses' override applier as a task (tdn-syncd-overrides.c)
 * when [eligibility] broker_url and token_file are set; *added says whether
 * it was. FALSE when they are set but the broker client cannot be made
 * (unreadable token, bad URL). Call before tdn_syncd_run(). */
gboolean   tdn_syncd_add_override_task (TdnSyncd    *self,
                                        gboolean    *added,
                                        GError     **error);
/* Makes the worker look at the outbox now (a visit was committed). */
void       tdn_syncd_wake        (TdnSyncd         *self);
/* Runs until tdn_syncd_stop() or SIGTERM/SIGINT; FALSE when it could not
 * start. Tells systemd READY=1 once delivering (Type=notify). */
gboolean   tdn_syncd_run         (TdnSyncd         *self,
                                  GError          **error);
void       tdn_syncd_stop        (TdnSyncd         *self);

G_END_DECLS
