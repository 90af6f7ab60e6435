/* tdn-config-keys-private.h — the groups of the product's schemas
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-config-schema.h"

G_BEGIN_DECLS

extern const TdnConfigGroup tdn_config_group_log;
/* tdn-config-keys-hw.c */
extern const TdnConfigGroup tdn_config_group_reader;
extern const TdnConfigGroup tdn_config_group_scanner;
extern const TdnConfigGroup tdn_config_group_printer;
/* tdn-config-keys-data.c */
extern const TdnConfigGroup tdn_config_group_eligibility;
extern const TdnConfigGroup tdn_config_group_spool;
extern const TdnConfigGroup tdn_config_group_sync;
/* tdn-config-keys-queue.c */
extern const TdnConfigGroup tdn_config_group_queue;
extern const TdnConfigGroup tdn_config_group_clinic;
extern const TdnConfigGroup tdn_config_group_ticket;
/* tdn-config-keys-desk.c */
extern const TdnConfigGroup tdn_config_group_desk;
extern const TdnConfigGroup tdn_config_group_staff;
extern const TdnConfigGroup tdn_config_group_nurses;

G_END_DECLS
