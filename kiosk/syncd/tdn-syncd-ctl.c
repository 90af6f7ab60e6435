/* tdn-syncd-ctl.c — tiepdonctl sync run --once
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-syncd"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-sync-runner.h"

/* The delivery lock, released when the command returns. */
typedef int TdnLockFd;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (TdnLockFd, close, -1)

static int
sync_run (TdnCtl *ctl,
          int     argc,
          char  **argv)
{
  gboolean once = FALSE;
  GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Deliver what is due now, then stop"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(TdnSyncDestination) destination = NULL;
  g_autoptr(TdnSyncRunner) runner = NULL;
  TdnSpoolCounts c;
  g_auto(TdnLockFd) lock_fd = -1;
  TdnConfig *config;
  guint attempts = 0;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (!once)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID,
                         _("only “sync run --once” is offered here; the service is tiepdon-syncd"));
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  tdn_clock_set_timezone (tdn_config_get_string (config, "kiosk", "timezone"));
  destination = tdn_sync_destination_new_for_config (config, &error);
  if (destination == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  lock_fd = tdn_sync_lock (tdn_config_get_string (config, "spool", "path"), &error);
  if (lock_fd < 0)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  spool = tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                          tdn_config_get_string (config, "spool", "key_file"), &error);
  if (spool == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  tdn_spool_set_busy_timeout (spool, (int) tdn_config_get_int (config, "spool", "busy_timeout_ms"));
  runner = tdn_sync_runner_new (spool, destination,
                                (int) tdn_config_get_int (config, "sync", "backoff_min_s"),
                                (int) tdn_config_get_int (config, "sync", "backoff_max_s"));
  if (!tdn_sync_runner_run_due (runner, NULL, &attempts, &error) ||
      !tdn_spool_get_counts (spool, &c, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);

  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "attempts");
      json_builder_add_int_value (b, attempts);
      tdn_spool_counts_add_json (&c, b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf (_("%u attempts; pending %lld, in flight %lld, delivered %lld, parked %lld\n"), attempts,
            (long long) c.pending, (long long) c.in_flight, (long long) c.delivered, (long long) c.parked);
  return TDN_CTL_EXIT_OK;
}

/* selftest: the spool opens and nothing is stuck. */
static TdnCtlCheckStatus
check_spool (TdnCtl     *ctl,
             TdnConfig  *config,
             char      **message)
{
  const char *path = tdn_config_get_string (config, "spool", "path");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  TdnSpoolCounts c;

  /* A selftest must not create the spool (and its key) itself. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *message = g_strdup_printf (_("%s does not exist yet (no visit on this host)"), path);
      return TDN_CTL_CHECK_SKIPPED;
    }
  spool = tdn_spool_open (path, tdn_config_get_string (config, "spool", "key_file"), &error);
  if (spool == NULL || !tdn_spool_get_counts (spool, &c, &error))
    {
      *message = g_strdup (error->message);
      return TDN_CTL_CHECK_FAILED;
    }
  *message = g_strdup_printf (_("%lld waiting, %lld delivered, %lld parked"),
                              (long long) (c.pending + c.in_flight), (long long) c.delivered, (long long) c.parked);
  /* Parked visits need a human; a queue older than 10 minutes means the
   * HIS or syncd is not doing its job. */
  if (c.parked > 0 || c.oldest_pending_age_s > 600)
    return TDN_CTL_CHECK_WARNING;
  return TDN_CTL_CHECK_OK;
}

/* selftest: the configured HIS answers (no visit is sent). */
static TdnCtlCheckStatus
check_his (TdnCtl     *ctl,
           TdnConfig  *config,
           char      **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSyncDestination) destination = NULL;

  if (g_strcmp0 (tdn_config_get_string (config, "sync", "adapter"), "none") == 0)
    {
      *message = g_strdup (_("no HIS configured on this host"));
      return TDN_CTL_CHECK_SKIPPED;
    }
  destination = tdn_sync_destination_new_for_config (config, &error);
  if (destination == NULL)
    {
      *message = g_strdup (error->message);
      return TDN_CTL_CHECK_FAILED;
    }
  return tdn_sync_destination_probe (destination, message) ? TDN_CTL_CHECK_OK : TDN_CTL_CHECK_FAILED;
}

static const TdnCtlCheck checks[] = {
  { "spool", N_("The spool opens and no visit is stuck on its way to the HIS"), check_spool },
  { "his", N_("The hospital information system answers"), check_his },
};

static const TdnCtlCommand commands[] = {
  { "sync run", "--once [--json]",
    N_("Deliver every visit that is due to the HIS now, then print the outbox counts"), sync_run },
};

void
tdn_syncd_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    tdn_ctl_add_check (ctl, &checks[i]);
}
