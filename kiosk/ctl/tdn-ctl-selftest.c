/* tdn-ctl-selftest.c — tiepdonctl selftest: is this machine ready?
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs every registered health check (each module registers its own from
 * its tdn-<module>-ctl.c) and prints one line per check, or JSON. Exit 0
 * when nothing failed (warnings allowed), 1 otherwise, 2 when the
 * configuration itself is invalid.
 */
#define G_LOG_DOMAIN "tiepdon-ctl"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tdn-ctl.h"

static const char *
status_word (TdnCtlCheckStatus status)
{
  switch (status)
    {
    case TDN_CTL_CHECK_OK: return "ok";
    case TDN_CTL_CHECK_SKIPPED: return "skipped";
    case TDN_CTL_CHECK_WARNING: return "warning";
    case TDN_CTL_CHECK_FAILED: default: return "failed";
    }
}

static TdnCtlCheckStatus
check_timezone (TdnCtl     *ctl,
                TdnConfig  *config,
                char      **message)
{
  const char *tz = tdn_config_get_string (config, "kiosk", "timezone");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tz);

  if (zone == NULL)
    {
      *message = g_strdup_printf (_("time zone “%s” is not installed (package tzdata)"), tz);
      return TDN_CTL_CHECK_FAILED;
    }
  *message = g_strdup_printf (_("queue days follow %s"), tz);
  return TDN_CTL_CHECK_OK;
}

static TdnCtlCheckStatus
check_state_dir (TdnCtl     *ctl,
                 TdnConfig  *config,
                 char      **message)
{
  const char *dir = tdn_config_get_string (config, "kiosk", "state_dir");
  struct stat st;

  if (stat (dir, &st) != 0)
    {
      int saved = errno;
      *message = g_strdup_printf (_("%s: %s (the package creates it; check tmpfiles.d)"),
                                  dir, g_strerror (saved));
      return TDN_CTL_CHECK_FAILED;
    }
  if (!S_ISDIR (st.st_mode))
    {
      *message = g_strdup_printf (_("%s is not a directory"), dir);
      return TDN_CTL_CHECK_FAILED;
    }
  if (access (dir, W_OK | X_OK) != 0)
    {
      *message = g_strdup_printf (_("%s is not writable by this user (run as the tiepdon user)"), dir);
      return TDN_CTL_CHECK_FAILED;
    }
  if (st.st_mode & 0007)
    {
      *message = g_strdup_printf (_("%s can be read by any user; run “chmod o-rwx %s”"), dir, dir);
      return TDN_CTL_CHECK_WARNING;
    }
  *message = g_strdup_printf (_("%s is writable"), dir);
  return TDN_CTL_CHECK_OK;
}

static int
selftest (TdnCtl *ctl,
          int     argc,
          char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *checks;
  TdnConfig *config;
  guint failed = 0, warned = 0;

  if (!tdn_ctl_parse (ctl, NULL, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);

  checks = tdn_ctl_get_checks (ctl);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "checks");
  json_builder_begin_array (b);
  for (guint i = 0; i < checks->len; i++)
    {
      const TdnCtlCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *message = NULL;
      TdnCtlCheckStatus status = check->run (ctl, config, &message);

      if (status == TDN_CTL_CHECK_FAILED)
        failed++;
      else if (status == TDN_CTL_CHECK_WARNING)
        warned++;
      if (!tdn_ctl_get_json (ctl))
        printf ("%-8s %-12s %s\n", status_word (status), check->name, message ? message : "");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, check->name);
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, _(check->summary));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, status_word (status));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, message ? message : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "failed");
  json_builder_add_int_value (b, failed);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_int_value (b, warned);
  json_builder_end_object (b);

  if (tdn_ctl_get_json (ctl))
    {
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf (_("%u checks: %u failed, %u warnings\n"), checks->len, failed, warned);
  return failed > 0 ? TDN_CTL_EXIT_FAILURE : TDN_CTL_EXIT_OK;
}

static const TdnCtlCheck base_checks[] = {
  { "timezone", N_("The hospital's time zone is known"), check_timezone },
  { "state-dir", N_("The state directory exists and is writable"), check_state_dir },
};

static const TdnCtlCommand commands[] = {
  { "selftest", "[--config FILE] [--json]",
    N_("Check that this machine is ready: configuration, directories, devices, services"),
    selftest },
};

void
tdn_ctl_selftest_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
  for (guint i = 0; i < G_N_ELEMENTS (base_checks); i++)
    tdn_ctl_add_check (ctl, &base_checks[i]);
}
