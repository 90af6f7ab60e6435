/* main.c — tiepdon-syncd: delivers the kiosk's spool to the HIS
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tiepdon-syncd [--config FILE]. Runs until SIGTERM/SIGINT (systemd
 * Type=notify: READY=1 once delivering). Exit 0 after a clean stop, 1 when
 * the spool or the HIS adapter cannot be set up, 2 for a bad
 * configuration.
 */
#define G_LOG_DOMAIN "tiepdon-syncd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-syncd.h"

int
main (int argc, char **argv)
{
  g_autofree char *config_file = NULL;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, N_("tiepdon.conf to read"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— deliver visits to the hospital system"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnConfig) config = NULL;
  g_autoptr(TdnSyncd) syncd = NULL;

  tdn_i18n_init ();
  tdn_log_init ("tiepdon-syncd");
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("tiepdon-syncd: %s\n", error->message);
      return 2;
    }
  config = tdn_config_new (&tdn_config_schema_kiosk);
  if (!tdn_config_load (config, config_file, &error))
    {
      g_printerr ("tiepdon-syncd: %s\n", error->message);
      return 2;
    }
  tdn_clock_set_timezone (tdn_config_get_string (config, "kiosk", "timezone"));
  syncd = tdn_syncd_new (config, &error);
  /* Other modules' periodic work is hosted here with tdn_syncd_add_task()
   * before tdn_syncd_run(): the retention purge is built in; the desk's
   * override applier (new visit revisions from nurses' overrides) joins
   * when a broker and the kiosk's token are configured. Without it, visits
   * still go to the HIS: a broken broker setting is reported, not fatal. */
  if (syncd != NULL)
    {
      g_autoptr(GError) local = NULL;
      gboolean added;

      if (!tdn_syncd_add_override_task (syncd, &added, &local))
        g_warning ("Nurses' overrides are not applied: %s", local->message);
    }
  if (syncd == NULL || !tdn_syncd_run (syncd, &error))
    {
      g_printerr ("tiepdon-syncd: %s\n", error->message);
      return 1;
    }
  return 0;
}
