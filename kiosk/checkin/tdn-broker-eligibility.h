/* tdn-broker-eligibility.h — eligibility through tiepdon-broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TdnEligibilityService on kiosk/eligibility's broker client: the lookup
 * runs in a GTask worker thread, the answer comes on the caller's main
 * context; a broker that does not answer is `unavailable`.
 */
#pragma once

#include "tdn-config.h"
#include "tdn-eligibility-client.h"
#include "tdn-eligibility-service.h"

G_BEGIN_DECLS

#define TDN_TYPE_BROKER_ELIGIBILITY (tdn_broker_eligibility_get_type ())
G_DECLARE_FINAL_TYPE (TdnBrokerEligibility, tdn_broker_eligibility, TDN, BROKER_ELIGIBILITY, GObject)

/* Takes `client`. */
TdnEligibilityService *tdn_broker_eligibility_new             (TdnEligibilityClient *client) G_GNUC_WARN_UNUSED_RESULT;
/* From [eligibility] (broker_url, token_file, ca_file, timeouts). */
TdnEligibilityService *tdn_broker_eligibility_new_from_config (TdnConfig  *config,
                                                               GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
