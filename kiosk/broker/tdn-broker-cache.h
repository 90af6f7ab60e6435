/* tdn-broker-cache.h — the broker's short cache of gateway answers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Answers for the same person are kept for a configured time to spare the
 * hospital's gateway quota (docs/adr/0303-broker-cache.md). Expired
 * entries are dropped as the cache is used, so a broker that runs for
 * months holds only the last few minutes of lookups.
 */
#pragma once

#include "tdn-eligibility.h"

G_BEGIN_DECLS

typedef struct _TdnBrokerCache TdnBrokerCache;

TdnBrokerCache       *tdn_broker_cache_new    (gint64 ttl_us) G_GNUC_WARN_UNUSED_RESULT;
void                  tdn_broker_cache_free   (TdnBrokerCache *self);
/* The cached answer for `key`, or NULL when absent or expired; owned by
 * the cache and valid until the next call that changes it. */
const TdnEligibility *tdn_broker_cache_lookup (TdnBrokerCache *self,
                                               const char     *key);
/* Keeps a copy of `result` for the cache's time (nothing when it is 0). */
void                  tdn_broker_cache_insert (TdnBrokerCache       *self,
                                               const char           *key,
                                               const TdnEligibility *result);
guint                 tdn_broker_cache_size   (TdnBrokerCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnBrokerCache, tdn_broker_cache_free)

G_END_DECLS
