/* test-log.c — log levels and targets
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"

static void
capture (GLogLevelFlags level,
         const char    *domain,
         const char    *message,
         gpointer       user_data)
{
  g_string_append_printf (user_data, "%s:%s\n", domain ? domain : "-", message);
}

static void
test_levels (void)
{
  g_autoptr(GString) seen = g_string_new (NULL);

  g_unsetenv ("G_MESSAGES_DEBUG");
  tdn_log_init ("test-log");
  tdn_log_set_target (TDN_LOG_TARGET_STDERR);
  tdn_log_set_capture (capture, seen);

  g_assert_true (tdn_log_set_level_name ("warning"));
  g_log ("tiepdon-test", G_LOG_LEVEL_MESSAGE, "hidden message");
  g_log ("tiepdon-test", G_LOG_LEVEL_DEBUG, "hidden debug");
  g_assert_true (tdn_log_set_level_name ("debug"));
  g_log ("tiepdon-test", G_LOG_LEVEL_DEBUG, "shown debug");
  g_assert_false (tdn_log_set_level_name ("loud"));
  g_assert_true (tdn_log_set_target_name ("journal"));
  g_assert_true (tdn_log_set_target_name ("stderr"));
  g_assert_false (tdn_log_set_target_name ("syslog"));

  tdn_log_set_capture (NULL, NULL);
  g_assert_null (strstr (seen->str, "hidden"));
  g_assert_nonnull (strstr (seen->str, "tiepdon-test:shown debug"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/log/levels", test_levels);
  return g_test_run ();
}
