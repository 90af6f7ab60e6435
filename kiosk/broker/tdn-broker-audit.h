/* tdn-broker-audit.h — the broker's append-only audit log (SQLite)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per lookup answered: time, kiosk, masked ID, maKetQua, class,
 * latency, whether it came from the cache. Triggers refuse UPDATE and
 * DELETE. The database file is created 0600. Issue 9 adds its own tables
 * to the same database through tdn_broker_audit_get_db().
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TDN_BROKER_ERROR (tdn_broker_error_quark ())
GQuark tdn_broker_error_quark (void);

typedef enum {
  TDN_BROKER_ERROR_DATABASE,
  TDN_BROKER_ERROR_CONFIG,
  TDN_BROKER_ERROR_LISTEN,
} TdnBrokerError;

typedef struct _TdnBrokerAudit TdnBrokerAudit;

TdnBrokerAudit *tdn_broker_audit_open   (const char *path,
                                         GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void            tdn_broker_audit_free   (TdnBrokerAudit *self);
gboolean        tdn_broker_audit_append (TdnBrokerAudit *self,
                                         const char     *kiosk,
                                         const char     *id,
                                         const char     *code,
                                         const char     *klass,
                                         gint64          latency_ms,
                                         gboolean        cached,
                                         GError        **error);
gint64          tdn_broker_audit_count  (TdnBrokerAudit *self);
sqlite3        *tdn_broker_audit_get_db (TdnBrokerAudit *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnBrokerAudit, tdn_broker_audit_free)

G_END_DECLS
