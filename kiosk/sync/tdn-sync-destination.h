/* tdn-sync-destination.h — where deliveries go: an HIS adapter
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An adapter builds the bytes for one visit revision (once: the outbox
 * keeps them for every retry) and sends them, saying what came of it.
 * tdn_sync_destination_new_for_config() picks FHIR R4 (TdnFhirClient) or
 * HL7 v2 over MLLP (TdnMllpClient) from [sync] adapter. send() blocks
 * (up to [sync] timeout_s) and is meant for a worker thread; cancelling
 * ends it early with TDN_SYNC_RETRY.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-base.h"
#include "tdn-spool.h"
#include "tdn-sync-verdict.h"

G_BEGIN_DECLS

#define TDN_SYNC_ERROR (tdn_sync_error_quark ())

typedef enum {
  TDN_SYNC_ERROR_CONFIG,     /* no adapter, a missing URL, an unreadable token or certificate */
  TDN_SYNC_ERROR_BUSY,       /* another process is delivering this spool */
} TdnSyncError;

GQuark tdn_sync_error_quark (void);

#define TDN_TYPE_SYNC_DESTINATION (tdn_sync_destination_get_type ())
G_DECLARE_INTERFACE (TdnSyncDestination, tdn_sync_destination, TDN, SYNC_DESTINATION, GObject)

struct _TdnSyncDestinationInterface
{
  GTypeInterface parent_iface;

  const char     *(*get_name) (TdnSyncDestination *self);
  GBytes         *(*build)    (TdnSyncDestination *self,
                               const TdnVisit     *visit,
                               gint64              arrived_at,
                               const char         *delivery_id);
  TdnSyncVerdict  (*send)     (TdnSyncDestination *self,
                               GBytes             *payload,
                               const char         *delivery_id,
                               GCancellable       *cancellable,
                               char              **reason);
  gboolean        (*probe)    (TdnSyncDestination *self,
                               char              **message);
};

/* "fhir" or "hl7v2": stored with the bytes it built. */
const char     *tdn_sync_destination_get_name (TdnSyncDestination *self);
/* The bytes for `visit` (the revision being delivered); `arrived_at` is
 * when revision 1 was committed. */
GBytes         *tdn_sync_destination_build    (TdnSyncDestination *self,
                                               const TdnVisit     *visit,
                                               gint64              arrived_at,
                                               const char         *delivery_id);
/* `reason` (never NULL afterwards) is a line for the spool and the log:
 * no personal data. */
TdnSyncVerdict  tdn_sync_destination_send     (TdnSyncDestination *self,
                                               GBytes             *payload,
                                               const char         *delivery_id,
                                               GCancellable       *cancellable,
                                               char              **reason);

/* Can the HIS be reached (FHIR: GET metadata answers a
 * CapabilityStatement; MLLP: the TCP/TLS connection opens)? `message`
 * says what was found. For tiepdonctl selftest; sends no visit. */
gboolean        tdn_sync_destination_probe    (TdnSyncDestination *self,
                                               char              **message);

/* The adapter [sync] adapter names; NULL with TDN_SYNC_ERROR_CONFIG for
 * "none" or an incomplete configuration. */
G_GNUC_WARN_UNUSED_RESULT
TdnSyncDestination *tdn_sync_destination_new_for_config (TdnConfig  *config,
                                                         GError    **error);

G_END_DECLS
