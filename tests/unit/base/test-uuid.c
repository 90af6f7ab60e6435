/* test-uuid.c — visit and delivery identifiers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"

static void
test_random (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < 1000; i++)
    {
      char *u = tdn_uuid_new ();

      g_assert_true (tdn_uuid_is_valid (u));
      g_assert_cmpint (u[14], ==, '4');
      g_assert_false (g_hash_table_contains (seen, u));
      g_hash_table_add (seen, u);
    }
  g_assert_false (tdn_uuid_is_valid ("not-a-uuid"));
  g_assert_false (tdn_uuid_is_valid (NULL));
}

static void
test_seeded (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  tdn_uuid_set_test_seed (42);
  a = tdn_uuid_new ();
  tdn_uuid_set_test_seed (42);
  b = tdn_uuid_new ();
  tdn_uuid_set_test_seed (0);
  c = tdn_uuid_new ();
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (tdn_uuid_is_valid (a));
  g_assert_true (strchr ("89ab", a[19]) != NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uuid/random", test_random);
  g_test_add_func ("/uuid/seeded", test_seeded);
  return g_test_run ();
}
