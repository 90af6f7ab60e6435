/* test-control-command.c — the demo control protocol's parser
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdn-control-command.h"

static void
ok (const char *line, TdnControlVerb verb, const char *arg, const char *text)
{
  g_autoptr(GError) error = NULL;
  TdnControlCommand c;

  g_assert_true (tdn_control_parse (line, strlen (line), &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.verb, ==, verb);
  g_assert_cmpstr (c.arg, ==, arg);
  g_assert_cmpstr (c.text, ==, text);
  tdn_control_command_clear (&c);
}

static void
bad (const char *line, gsize len, int code)
{
  g_autoptr(GError) error = NULL;
  TdnControlCommand c;

  g_assert_false (tdn_control_parse (line, len, &c, &error));
  g_assert_error (error, TDN_CONTROL_ERROR, code);
  g_assert_null (c.arg);
  g_assert_null (c.text);
}

static void
test_parse (void)
{
  TdnControlCommand c;

  ok ("state?", TDN_CONTROL_STATE, NULL, NULL);
  ok ("state?\r\n", TDN_CONTROL_STATE, NULL, NULL);
  ok ("place-card mai\n", TDN_CONTROL_PLACE_CARD, "mai", NULL);
  ok ("scan-qr 001190012345||Lê Thị Mai|14021990|Nữ|Hà Nội|10042021", TDN_CONTROL_SCAN_QR, NULL,
      "001190012345||Lê Thị Mai|14021990|Nữ|Hà Nội|10042021");
  ok ("tap call-staff", TDN_CONTROL_TAP, "call-staff", NULL);
  ok ("field full-name Lê Thị Mai", TDN_CONTROL_FIELD, "full-name", "Lê Thị Mai");
  ok ("field id-number", TDN_CONTROL_FIELD, "id-number", "");
  ok ("priority severe_disability", TDN_CONTROL_PRIORITY, "severe_disability", NULL);
  g_assert_true (tdn_control_parse ("wait done 30", 12, &c, NULL));
  g_assert_cmpint (c.seconds, ==, 30);
  tdn_control_command_clear (&c);
  g_assert_true (tdn_control_parse ("wait done", 9, &c, NULL));
  g_assert_cmpint (c.seconds, ==, 10);
  tdn_control_command_clear (&c);

  bad ("", 0, TDN_CONTROL_ERROR_SYNTAX);
  bad ("\n", 1, TDN_CONTROL_ERROR_SYNTAX);
  bad ("fly away", 8, TDN_CONTROL_ERROR_UNKNOWN);
  bad ("state? now", 10, TDN_CONTROL_ERROR_ARGUMENT);
  bad ("tap", 3, TDN_CONTROL_ERROR_ARGUMENT);
  bad ("tap yes no", 10, TDN_CONTROL_ERROR_ARGUMENT);
  bad ("tap y\x01s", 7, TDN_CONTROL_ERROR_SYNTAX);
  bad ("tap\0yes", 7, TDN_CONTROL_ERROR_SYNTAX);
  bad ("place-card \xc3\x28", 13, TDN_CONTROL_ERROR_SYNTAX);
  bad ("place-card Lê", strlen ("place-card Lê"), TDN_CONTROL_ERROR_ARGUMENT);
  bad ("scan-qr ", 8, TDN_CONTROL_ERROR_ARGUMENT);
  bad ("wait done 0", 11, TDN_CONTROL_ERROR_ARGUMENT);
  bad ("wait done 1x", 12, TDN_CONTROL_ERROR_ARGUMENT);
  bad ("wait done 99999", 15, TDN_CONTROL_ERROR_ARGUMENT);
  {
    g_autofree char *longline = g_strnfill (TDN_CONTROL_MAX_LINE + 1, 'a');

    bad (longline, strlen (longline), TDN_CONTROL_ERROR_SYNTAX);
  }
  g_assert_nonnull (strstr (tdn_control_usage (), "place-card NAME\n"));
  g_assert_cmpstr (tdn_control_verb_to_string (TDN_CONTROL_PULL_PAPER), ==, "pull-paper");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checkin/control/parse", test_parse);
  return g_test_run ();
}
