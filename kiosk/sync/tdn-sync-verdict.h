/* tdn-sync-verdict.h — what one delivery attempt came to
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TDN_SYNC_DELIVERED,   /* the HIS has it */
  TDN_SYNC_RETRY,       /* not now (HIS down, timeout, 5xx): same bytes later */
  TDN_SYNC_PARK,        /* the HIS will not take it as it is: a human decides */
} TdnSyncVerdict;

const char *tdn_sync_verdict_to_string (TdnSyncVerdict verdict);

G_END_DECLS
