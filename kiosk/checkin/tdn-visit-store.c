/* tdn-visit-store.c — the interface of the visit store
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-visit-store.h"

G_DEFINE_INTERFACE (TdnVisitStore, tdn_visit_store, G_TYPE_OBJECT)

static void
tdn_visit_store_default_init (TdnVisitStoreInterface *iface)
{
}

void
tdn_clinic_status_free (TdnClinicStatus *status)
{
  if (status == NULL)
    return;
  g_clear_pointer (&status->clinic, tdn_clinic_free);
  g_free (status);
}

GPtrArray *
tdn_visit_store_list_clinics (TdnVisitStore  *self,
                              GError        **error)
{
  g_return_val_if_fail (TDN_IS_VISIT_STORE (self), NULL);
  return TDN_VISIT_STORE_GET_IFACE (self)->list_clinics (self, error);
}

void
tdn_visit_store_commit_async (TdnVisitStore       *self,
                              const TdnVisit      *visit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (TDN_IS_VISIT_STORE (self));
  g_return_if_fail (visit != NULL && visit->clinic != NULL);
  TDN_VISIT_STORE_GET_IFACE (self)->commit_async (self, visit, cancellable, callback, user_data);
}

TdnVisit *
tdn_visit_store_commit_finish (TdnVisitStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (TDN_IS_VISIT_STORE (self), NULL);
  return TDN_VISIT_STORE_GET_IFACE (self)->commit_finish (self, result, error);
}

void
tdn_visit_store_update_async (TdnVisitStore       *self,
                              const char          *visit_id,
                              const TdnVisit      *changes,
                              const char          *reason,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (TDN_IS_VISIT_STORE (self));
  g_return_if_fail (visit_id != NULL && changes != NULL);
  TDN_VISIT_STORE_GET_IFACE (self)->update_async (self, visit_id, changes, reason, cancellable,
                                                  callback, user_data);
}

gboolean
tdn_visit_store_update_finish (TdnVisitStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (TDN_IS_VISIT_STORE (self), FALSE);
  return TDN_VISIT_STORE_GET_IFACE (self)->update_finish (self, result, error);
}
