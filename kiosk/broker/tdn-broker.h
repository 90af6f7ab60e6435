/* tdn-broker.h — tiepdon-broker: the kiosks' mediated BHYT lookup service
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libsoup-3 server: POST /fhir/CoverageEligibilityRequest/$check
 * (bearer token per [client NAME]), GET /healthz, GET /metrics. Other
 * modules (the help relay, issue 9) add routes with
 * tdn_broker_add_handler() and authenticate with
 * tdn_broker_authenticate(); they share the audit database.
 */
#pragma once

#include <libsoup/soup.h>

#include "tdn-broker-audit.h"
#include "tdn-config.h"

G_BEGIN_DECLS

typedef struct _TdnBroker TdnBroker;

TdnBroker      *tdn_broker_new          (TdnConfig *config,
                                         GError   **error) G_GNUC_WARN_UNUSED_RESULT;
void            tdn_broker_free         (TdnBroker *self);
/* Listens on [broker] listen; the port actually bound (port 0 → OS). */
gboolean        tdn_broker_listen       (TdnBroker *self,
                                         guint     *port,
                                         GError   **error);
SoupServer     *tdn_broker_get_server   (TdnBroker *self);
TdnBrokerAudit *tdn_broker_get_audit    (TdnBroker *self);
/* The [client NAME] whose token the request carries, or NULL (and a 401
 * answer already set on `msg`). */
const char     *tdn_broker_authenticate (TdnBroker         *self,
                                         SoupServerMessage *msg);
void            tdn_broker_add_handler  (TdnBroker            *self,
                                         const char           *path,
                                         SoupServerCallback    callback,
                                         gpointer              user_data);
/* Answers `msg` with a FHIR OperationOutcome. */
void            tdn_broker_respond_outcome (SoupServerMessage *msg,
                                            guint              status,
                                            const char        *code,
                                            const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnBroker, tdn_broker_free)

G_END_DECLS
