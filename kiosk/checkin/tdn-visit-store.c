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

void
tdn_visit_reprint_free (TdnVisitReprint *reprint)
{
  if (reprint == NULL)
    return;
  g_free (reprint->change_id);
  g_clear_pointer (&reprint->visit, tdn_visit_free);
  g_free (reprint);
}

GPtrArray *
tdn_visit_store_list_reprints (TdnVisitStore  *self,
                               GError        **error)
{
  TdnVisitStoreInterface *iface;

  g_return_val_if_fail (TDN_IS_VISIT_STORE (self), NULL);
  iface = TDN_VISIT_STORE_GET_IFACE (self);
  if (iface->list_reprints == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_visit_reprint_free);
  return iface->list_reprints (self, error);
}

gboolean
tdn_visit_store_finish_reprint (TdnVisitStore         *self,
                                const char            *change_id,
                                TdnVisitReprintResult  result,
                                const char            *why,
                                GError               **error)
{
  TdnVisitStoreInterface *iface;

  g_return_val_if_fail (TDN_IS_VISIT_STORE (self), FALSE);
  g_return_val_if_fail (change_id != NULL, FALSE);
  iface = TDN_VISIT_STORE_GET_IFACE (self);
  if (iface->finish_reprint == NULL)
    return TRUE;
  return iface->finish_reprint (self, change_id, result, why, error);
}
