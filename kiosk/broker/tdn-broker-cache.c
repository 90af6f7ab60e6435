/* tdn-broker-cache.c — the broker's short cache of gateway answers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-broker"

#include "config.h"

#include "tdn-broker-cache.h"
#include "tdn-clock.h"

typedef struct {
  TdnEligibility *result;
  gint64          until;  /* tdn_clock_get_real () */
} Entry;

struct _TdnBrokerCache {
  GHashTable *entries;    /* key → Entry */
  gint64      ttl_us;
  gint64      next_prune; /* tdn_clock_get_real () */
};

static void
entry_free (gpointer data)
{
  Entry *e = data;

  tdn_eligibility_free (e->result);
  g_free (e);
}

TdnBrokerCache *
tdn_broker_cache_new (gint64 ttl_us)
{
  TdnBrokerCache *self = g_new0 (TdnBrokerCache, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->ttl_us = MAX (ttl_us, 0);
  return self;
}

void
tdn_broker_cache_free (TdnBrokerCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entries);
  g_free (self);
}

static gboolean
expired_cb (gpointer key, gpointer value, gpointer user_data)
{
  (void) key;
  return ((Entry *) value)->until <= *(gint64 *) user_data;
}

/* Drops every expired entry, at most once per cache time (so the cost
 * stays proportional to the lookups made). */
static void
prune (TdnBrokerCache *self,
       gint64          now)
{
  if (now < self->next_prune)
    return;
  g_hash_table_foreach_remove (self->entries, expired_cb, &now);
  self->next_prune = now + MAX (self->ttl_us, G_USEC_PER_SEC);
}

const TdnEligibility *
tdn_broker_cache_lookup (TdnBrokerCache *self,
                         const char     *key)
{
  gint64 now = tdn_clock_get_real ();
  Entry *e;

  g_return_val_if_fail (self != NULL && key != NULL, NULL);
  prune (self, now);
  e = g_hash_table_lookup (self->entries, key);
  if (e == NULL)
    return NULL;
  if (e->until <= now)
    {
      g_hash_table_remove (self->entries, key);
      return NULL;
    }
  return e->result;
}

void
tdn_broker_cache_insert (TdnBrokerCache       *self,
                         const char           *key,
                         const TdnEligibility *result)
{
  gint64 now = tdn_clock_get_real ();
  Entry *e;

  g_return_if_fail (self != NULL && key != NULL && result != NULL);
  if (self->ttl_us == 0)
    return;
  prune (self, now);
  e = g_new0 (Entry, 1);
  e->result = tdn_eligibility_copy (result);
  e->until = now + self->ttl_us;
  g_hash_table_replace (self->entries, g_strdup (key), e);
}

guint
tdn_broker_cache_size (TdnBrokerCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->entries);
}
