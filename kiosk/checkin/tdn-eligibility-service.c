/* tdn-eligibility-service.c — the interface of eligibility lookups
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-eligibility-service.h"

G_DEFINE_INTERFACE (TdnEligibilityService, tdn_eligibility_service, G_TYPE_OBJECT)

static void
tdn_eligibility_service_default_init (TdnEligibilityServiceInterface *iface)
{
}

void
tdn_eligibility_service_check_async (TdnEligibilityService *self,
                                     const char            *id,
                                     const char            *name,
                                     const char            *dob,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_return_if_fail (TDN_IS_ELIGIBILITY_SERVICE (self));
  g_return_if_fail (id != NULL);
  TDN_ELIGIBILITY_SERVICE_GET_IFACE (self)->check_async (self, id, name, dob, cancellable,
                                                         callback, user_data);
}

TdnEligibility *
tdn_eligibility_service_check_finish (TdnEligibilityService *self,
                                      GAsyncResult          *result)
{
  TdnEligibility *e;

  g_return_val_if_fail (TDN_IS_ELIGIBILITY_SERVICE (self), tdn_eligibility_new_unavailable ());
  e = TDN_ELIGIBILITY_SERVICE_GET_IFACE (self)->check_finish (self, result);
  return e != NULL ? e : tdn_eligibility_new_unavailable ();
}
