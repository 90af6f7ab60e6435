/* tdn-eligibility-service.h — "is this patient insured today?", asynchronously
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check-in asks as soon as it knows who the patient is and carries on
 * without waiting. Implementations: the broker client
 * (TdnBrokerEligibility), and an in-process one answering from fixture
 * people (TdnFixtureEligibility, tests, benchmark, demo without broker).
 * A check always ends with a TdnEligibility, never an error: a gateway
 * that cannot be reached is status `unavailable`.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-eligibility.h"

G_BEGIN_DECLS

#define TDN_TYPE_ELIGIBILITY_SERVICE (tdn_eligibility_service_get_type ())
G_DECLARE_INTERFACE (TdnEligibilityService, tdn_eligibility_service, TDN, ELIGIBILITY_SERVICE, GObject)

struct _TdnEligibilityServiceInterface
{
  GTypeInterface parent_iface;

  void            (*check_async)  (TdnEligibilityService *self,
                                   const char            *id,
                                   const char            *name,
                                   const char            *dob,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data);
  TdnEligibility *(*check_finish) (TdnEligibilityService *self,
                                   GAsyncResult          *result);
};

/* `id`: the 12-digit CCCD, a 15-character BHYT card or a 10-digit BHXH
 * number; `name` as on the card; `dob` "dd/mm/yyyy" or "yyyy" (what the
 * gateway takes, tdn_partial_date_to_slashed()). */
void            tdn_eligibility_service_check_async  (TdnEligibilityService *self,
                                                      const char            *id,
                                                      const char            *name,
                                                      const char            *dob,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
/* Never NULL. */
TdnEligibility *tdn_eligibility_service_check_finish (TdnEligibilityService *self,
                                                      GAsyncResult          *result) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
