/* test-clock.c — fakeable clocks and the hospital time zone
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"

static void
test_fake_and_zone (void)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 mono;

  g_assert_true (tdn_clock_set_timezone ("Asia/Ho_Chi_Minh"));
  g_assert_false (tdn_clock_set_timezone ("Mars/Olympus_Mons"));

  /* 2026-11-23 16:59:50 UTC = 23:59:50 in Vietnam (UTC+7). */
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795453190) * G_USEC_PER_SEC);
  mono = tdn_clock_get_monotonic ();
  now = tdn_clock_now ();
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 23);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 23);
  g_clear_pointer (&now, g_date_time_unref);

  tdn_clock_advance (20 * G_USEC_PER_SEC);
  now = tdn_clock_now ();
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 24);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 0);
  g_assert_cmpint (tdn_clock_get_monotonic () - mono, ==, 20 * G_USEC_PER_SEC);
  g_clear_pointer (&now, g_date_time_unref);

  /* A wall clock set back never moves monotonic time back. */
  tdn_clock_advance (-G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_clock_get_monotonic () - mono, ==, 20 * G_USEC_PER_SEC);
  now = tdn_clock_now ();
  g_assert_cmpint (g_date_time_get_hour (now), ==, 23);

  tdn_clock_clear_fake ();
  g_assert_cmpint (ABS (tdn_clock_get_real () - g_get_real_time ()), <, G_USEC_PER_SEC);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clock/fake-and-zone", test_fake_and_zone);
  return g_test_run ();
}
