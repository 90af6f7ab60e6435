/* tdn-sync-destination.c — where deliveries go: an HIS adapter
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include "tdn-fhir-client.h"
#include "tdn-mllp-client.h"
#include "tdn-sync-destination.h"

G_DEFINE_QUARK (tdn-sync-error-quark, tdn_sync_error)
G_DEFINE_INTERFACE (TdnSyncDestination, tdn_sync_destination, G_TYPE_OBJECT)

static void
tdn_sync_destination_default_init (TdnSyncDestinationInterface *iface)
{
}

const char *
tdn_sync_destination_get_name (TdnSyncDestination *self)
{
  g_return_val_if_fail (TDN_IS_SYNC_DESTINATION (self), NULL);
  return TDN_SYNC_DESTINATION_GET_IFACE (self)->get_name (self);
}

GBytes *
tdn_sync_destination_build (TdnSyncDestination *self,
                            const TdnVisit     *visit,
                            gint64              arrived_at,
                            const char         *delivery_id)
{
  g_return_val_if_fail (TDN_IS_SYNC_DESTINATION (self), NULL);
  g_return_val_if_fail (visit != NULL && delivery_id != NULL, NULL);
  return TDN_SYNC_DESTINATION_GET_IFACE (self)->build (self, visit, arrived_at, delivery_id);
}

TdnSyncVerdict
tdn_sync_destination_send (TdnSyncDestination  *self,
                           GBytes              *payload,
                           const char          *delivery_id,
                           GCancellable        *cancellable,
                           char               **reason)
{
  g_return_val_if_fail (TDN_IS_SYNC_DESTINATION (self), TDN_SYNC_RETRY);
  g_return_val_if_fail (payload != NULL && delivery_id != NULL && reason != NULL, TDN_SYNC_RETRY);
  *reason = NULL;
  return TDN_SYNC_DESTINATION_GET_IFACE (self)->send (self, payload, delivery_id, cancellable, reason);
}

gboolean
tdn_sync_destination_probe (TdnSyncDestination  *self,
                            char               **message)
{
  g_return_val_if_fail (TDN_IS_SYNC_DESTINATION (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  *message = NULL;
  if (TDN_SYNC_DESTINATION_GET_IFACE (self)->probe == NULL)
    {
      *message = g_strdup ("this adapter cannot be checked without sending a visit");
      return TRUE;
    }
  return TDN_SYNC_DESTINATION_GET_IFACE (self)->probe (self, message);
}

TdnSyncDestination *
tdn_sync_destination_new_for_config (TdnConfig  *config,
                                     GError    **error)
{
  const char *adapter = tdn_config_get_string (config, "sync", "adapter");

  if (g_strcmp0 (adapter, "fhir") == 0)
    return TDN_SYNC_DESTINATION (tdn_fhir_client_new (config, error));
  if (g_strcmp0 (adapter, "hl7v2") == 0)
    return TDN_SYNC_DESTINATION (tdn_mllp_client_new (config, error));
  g_set_error_literal (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                       _("No HIS is configured ([sync] adapter = none); set it to fhir or hl7v2"));
  return NULL;
}
