/* test-broker-cache.c — the broker's answer cache expires and is pruned
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-broker-cache.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

static void
test_hit_and_expiry (void)
{
  g_autoptr(TdnBrokerCache) c = tdn_broker_cache_new (15 * MINUTE);
  g_autoptr(TdnEligibility) r = tdn_eligibility_new_for_code ("000");
  const TdnEligibility *hit;

  tdn_clock_set_fake (G_GINT64_CONSTANT (1750000000) * G_USEC_PER_SEC);
  g_assert_null (tdn_broker_cache_lookup (c, "a"));
  tdn_broker_cache_insert (c, "a", r);
  hit = tdn_broker_cache_lookup (c, "a");
  g_assert_nonnull (hit);
  g_assert_true (hit != r);
  g_assert_cmpstr (hit->code, ==, "000");
  tdn_clock_advance (15 * MINUTE - 1);
  g_assert_nonnull (tdn_broker_cache_lookup (c, "a"));
  tdn_clock_advance (1);
  g_assert_null (tdn_broker_cache_lookup (c, "a"));
  g_assert_cmpuint (tdn_broker_cache_size (c), ==, 0);
  tdn_clock_clear_fake ();
}

/* Regression: entries for people never asked about again stayed in
 * memory for the life of the broker. */
static void
test_pruned_without_lookup (void)
{
  g_autoptr(TdnBrokerCache) c = tdn_broker_cache_new (15 * MINUTE);
  g_autoptr(TdnEligibility) r = tdn_eligibility_new_for_code ("010");

  tdn_clock_set_fake (G_GINT64_CONSTANT (1750000000) * G_USEC_PER_SEC);
  for (int i = 0; i < 500; i++)
    {
      g_autofree char *key = g_strdup_printf ("person-%d", i);
      tdn_broker_cache_insert (c, key, r);
      tdn_clock_advance (G_USEC_PER_SEC);
    }
  g_assert_cmpuint (tdn_broker_cache_size (c), ==, 500);
  /* A day later one new lookup: the old ones are gone. */
  tdn_clock_advance (24 * 60 * MINUTE);
  tdn_broker_cache_insert (c, "new", r);
  g_assert_cmpuint (tdn_broker_cache_size (c), ==, 1);
  g_assert_nonnull (tdn_broker_cache_lookup (c, "new"));
  tdn_clock_clear_fake ();
}

static void
test_disabled (void)
{
  g_autoptr(TdnBrokerCache) c = tdn_broker_cache_new (0);
  g_autoptr(TdnEligibility) r = tdn_eligibility_new_for_code ("000");

  tdn_broker_cache_insert (c, "a", r);
  g_assert_null (tdn_broker_cache_lookup (c, "a"));
  g_assert_cmpuint (tdn_broker_cache_size (c), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_test_add_func ("/broker/cache/hit-and-expiry", test_hit_and_expiry);
  g_test_add_func ("/broker/cache/pruned-without-lookup", test_pruned_without_lookup);
  g_test_add_func ("/broker/cache/disabled", test_disabled);
  return g_test_run ();
}
