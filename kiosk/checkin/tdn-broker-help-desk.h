/* tdn-broker-help-desk.h — "call staff" through tiepdon-broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TdnHelpDesk on kiosk/help's client ([eligibility] broker_url, token_file,
 * ca_file: the same broker and credentials as eligibility lookups).
 */
#pragma once

#include "tdn-config.h"
#include "tdn-help-client.h"
#include "tdn-help-desk.h"

G_BEGIN_DECLS

#define TDN_TYPE_BROKER_HELP_DESK (tdn_broker_help_desk_get_type ())
G_DECLARE_FINAL_TYPE (TdnBrokerHelpDesk, tdn_broker_help_desk, TDN, BROKER_HELP_DESK, GObject)

TdnHelpDesk *tdn_broker_help_desk_new             (TdnHelpClient *client) G_GNUC_WARN_UNUSED_RESULT;
TdnHelpDesk *tdn_broker_help_desk_new_from_config (TdnConfig     *config,
                                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
