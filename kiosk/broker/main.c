/* main.c — tiepdon-broker: the mediated BHYT lookup daemon
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tiepdon-broker [--config FILE]. Prints "LISTENING <port>" on stdout
 * once it accepts connections (tests bind port 0); stops on SIGTERM/SIGINT.
 */
#define G_LOG_DOMAIN "tiepdon-broker"

#include "config.h"

#include <stdio.h>
#include <glib-unix.h>

#include "tdn-base.h"
#include "tdn-broker.h"

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autofree char *config_file = NULL;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, "broker.conf to read", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— BHYT eligibility broker");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnConfig) config = NULL;
  g_autoptr(TdnBroker) broker = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  guint port = 0;

  tdn_i18n_init ();
  tdn_log_init ("tiepdon-broker");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("tiepdon-broker: %s\n", error->message);
      return 2;
    }
  if (config_file == NULL)
    config_file = g_build_filename (TDN_SYSCONFDIR, "broker.conf", NULL);
  config = tdn_config_new (&tdn_config_schema_broker);
  if (!tdn_config_load (config, config_file, &error))
    {
      g_printerr ("tiepdon-broker: %s\n", error->message);
      return 2;
    }
  broker = tdn_broker_new (config, &error);
  if (broker == NULL || !tdn_broker_listen (broker, &port, &error))
    {
      g_printerr ("tiepdon-broker: %s\n", error->message);
      return 1;
    }
  printf ("LISTENING %u\n", port);
  fflush (stdout);
  g_message ("listening on port %u", port);
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
