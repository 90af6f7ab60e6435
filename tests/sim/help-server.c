/* help-server.c — a test host of the broker's help API
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Serves tdn_help_api on 127.0.0.1, port chosen by the OS, for desk and
 * tiepdonctl tests until tiepdon-broker hosts it. Tokens: "kiosk-k2-token"
 * (kiosk K2), "desk-1-token" and "desk-2-token" (desks). Nurses: lan (PIN
 * 246810, Nguyễn Thị Lan) and hoa (PIN 135791, Trần Thị Hoa).
 *
 * Usage: help-server DB-FILE. Prints the port on one line of stdout, then
 * serves until standard input closes (so it ends with the test that
 * started it, however that test ends).
 */
#define G_LOG_DOMAIN "tiepdon-help-server"

#include "config.h"

#include <stdio.h>
#include <gio/gunixinputstream.h>

#include "tdn-base.h"
#include "tdn-help-soup.h"
#include "tdn-pin.h"

static TdnApiRole
auth_cb (const char  *token,
         const char **client,
         gpointer     data)
{
  if (g_strcmp0 (token, "kiosk-k2-token") == 0)
    return (*client = "K2", TDN_API_ROLE_KIOSK);
  if (g_strcmp0 (token, "desk-1-token") == 0)
    return (*client = "DESK1", TDN_API_ROLE_DESK);
  if (g_strcmp0 (token, "desk-2-token") == 0)
    return (*client = "DESK2", TDN_API_ROLE_DESK);
  return TDN_API_ROLE_NONE;
}

static void
stdin_closed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    g_main_loop_quit (data);
  else
    g_input_stream_read_bytes_async (G_INPUT_STREAM (source), 256, G_PRIORITY_DEFAULT, NULL,
                                     stdin_closed_cb, data);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_broker);
  g_autoptr(TdnHelpStore) store = NULL;
  g_autoptr(TdnStaffAuth) staff = NULL;
  g_autoptr(TdnHelpApi) api = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lan = tdn_pin_hash ("246810", 1000, NULL);
  g_autofree char *hoa = tdn_pin_hash ("135791", 1000, NULL);
  g_autofree char *text = g_strdup_printf (
    "[bhxh]\nusername=01999_BV\npassword=x\nofficer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
    "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n"
    "[staff hoa]\ndisplay_name=Trần Thị Hoa\npin_hash=%s\n", lan, hoa);
  GSList *uris;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DB-FILE\n", argv[0]);
      return 2;
    }
  if (!tdn_config_load_data (config, text, "broker.conf", &error))
    g_error ("config: %s", error->message);
  store = tdn_help_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "help-server: %s\n", error->message);
      return 1;
    }
  staff = tdn_staff_auth_new_with_policy (config, "nurses");
  api = tdn_help_api_new (store, staff);
  server = soup_server_new (NULL, NULL);
  tdn_help_soup_add_handlers (server, api, auth_cb, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      fprintf (stderr, "help-server: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  printf ("%d\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  in = g_unix_input_stream_new (0, FALSE);
  g_input_stream_read_bytes_async (in, 256, G_PRIORITY_DEFAULT, NULL, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  soup_server_disconnect (server);
  return 0;
}
