/* test-mask.c — personal data masking
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"

static void
check (char       *got,
       const char *want)
{
  g_assert_cmpstr (got, ==, want);
  g_free (got);
}

static void
test_ids (void)
{
  check (tdn_mask_id ("001195012345"), "0011******45");
  check (tdn_mask_id ("GD4010112345678"), "GD40*********78");
  check (tdn_mask_id ("0112345678"), "0112****78");
  check (tdn_mask_id ("012345678"), "01*****78");
  check (tdn_mask_id ("12345"), "*****");
  check (tdn_mask_id (""), "");
}

static void
test_names (void)
{
  check (tdn_mask_name ("Nguyễn Thị Mai"), "N. T. M.");
  check (tdn_mask_name ("  đặng   văn  ấn "), "Đ. V. Ấ.");
  check (tdn_mask_name ("\xff\xfe"), "[name]");
  check (tdn_mask_address ("Số 12 Phố Mẫu, Hà Nội"), "[address]");
  check (tdn_mask_date ("14/03/1995"), "1995-**-**");
  check (tdn_mask_date ("1995-03-14"), "1995-**-**");
  check (tdn_mask_date ("14031995"), "****-**-**");
}

static void
test_text (void)
{
  check (tdn_mask_text ("lookup for 001195012345 took 3 ms"), "lookup for 0011******45 took 3 ms");
  check (tdn_mask_text ("card GD4010112345678, cmnd 012345678."),
         "card GD40*********78, cmnd 01*****78.");
  check (tdn_mask_text ("queue K2-A015 at 12:30"), "queue K2-A015 at 12:30");
  check (tdn_mask_text ("001195012345|012345678|Nguyễn Thị Mai"),
         "0011******45|01*****78|Nguyễn Thị Mai");
}

static void
capture (GLogLevelFlags level,
         const char    *domain,
         const char    *message,
         gpointer       user_data)
{
  g_string_append_printf (user_data, "%s\n", message);
}

static void
test_log_writer_masks (void)
{
  g_autoptr(GString) seen = g_string_new (NULL);

  tdn_log_init ("test-mask");
  tdn_log_set_target (TDN_LOG_TARGET_STDERR);
  tdn_log_set_capture (capture, seen);
  g_message ("read card 079203001234 for visit");
  tdn_log_set_capture (NULL, NULL);
  g_assert_null (strstr (seen->str, "079203001234"));
  g_assert_nonnull (strstr (seen->str, "0792******34"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mask/ids", test_ids);
  g_test_add_func ("/mask/names", test_names);
  g_test_add_func ("/mask/text", test_text);
  g_test_add_func ("/mask/log-writer", test_log_writer_masks);
  return g_test_run ();
}
