/* tiepdon-demo-kiosk.c — a demo kiosk without a screen, driven by its control socket
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check-in of tiepdon-kiosk --demo with the same services, for
 * end-to-end tests, the benchmark and machines without a display:
 *
 *   tiepdon-demo-kiosk --config demo.conf [--control PATH] [--chip-reader]
 *
 * With --chip-reader the kiosk also reads real chips on the configured
 * PC/SC [reader] (keyed by the QR shown first), beside the simulated card.
 *
 * Prints "CONTROL <path>" once the socket listens; stops on SIGTERM or
 * SIGINT. Drive it with `tiepdonctl kiosk send --socket PATH …`.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "tdn-base.h"
#include "tdn-kiosk-services.h"

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autofree char *config_file = NULL, *control = NULL;
  gboolean chip_reader = FALSE;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, "tiepdon.conf to use", "FILE" },
    { "control", 0, 0, G_OPTION_ARG_FILENAME, &control, "Control socket (default STATE_DIR/kiosk-control.sock)", "PATH" },
    { "chip-reader", 0, 0, G_OPTION_ARG_NONE, &chip_reader, "Also read chips on the PC/SC [reader]", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— a demo kiosk without a screen");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnConfig) config = NULL;
  g_autoptr(TdnKioskServices) services = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  tdn_i18n_init ();
  tdn_log_init ("tiepdon-demo-kiosk");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("tiepdon-demo-kiosk: %s\n", error->message);
      return 2;
    }
  config = tdn_config_new (&tdn_config_schema_kiosk);
  if (!tdn_config_load (config, config_file, &error))
    {
      g_printerr ("tiepdon-demo-kiosk: %s\n", error->message);
      return 2;
    }
  tdn_clock_set_timezone (tdn_config_get_string (config, "kiosk", "timezone"));
  services = tdn_kiosk_services_new (config, TRUE, &error);
  if (services == NULL || (chip_reader && !tdn_kiosk_services_add_chip_reader (services, &error))
      || !tdn_kiosk_services_start_control (services, control, &error))
    {
      g_printerr ("tiepdon-demo-kiosk: %s\n", error->message);
      return 1;
    }
  printf ("CONTROL %s\n", tdn_kiosk_services_get_control_path (services));
  fflush (stdout);
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
