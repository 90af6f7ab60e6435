/* tdn-checkin-ctl.c — tiepdonctl kiosk send: drive a demo kiosk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-ctl"

#include "config.h"

#include <gio/gunixsocketaddress.h>
#include <stdio.h>
#include <string.h>

#include "tdn-control-command.h"
#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"

#define MAX_ANSWER (256 * 1024)

static char *
default_socket (TdnCtl *ctl)
{
  const char *env = g_getenv ("TIEPDON_KIOSK_CONTROL");
  TdnConfig *config;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  config = tdn_ctl_load_config (ctl, NULL);
  return g_build_filename (config != NULL ? tdn_config_get_string (config, "kiosk", "state_dir")
                                          : TDN_LOCALSTATEDIR,
                           "kiosk-control.sock", NULL);
}

static int
send_run (TdnCtl *ctl, int argc, char **argv)
{
  g_autofree char *socket_path = NULL;
  GOptionEntry entries[] = {
    { "socket", 0, 0, G_OPTION_ARG_FILENAME, &socket_path,
      "The kiosk's control socket (default $TIEPDON_KIOSK_CONTROL or STATE_DIR/kiosk-control.sock)", "PATH" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autofree char *line = NULL;
  TdnControlCommand cmd;
  GInputStream *in;
  int timeout_s = 10;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc < 2)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", _("Give a command, e.g. “state?” or “place-card mai”."));
  line = g_strjoinv (" ", argv + 1);
  /* Refuse here what the kiosk would refuse, with the same words. */
  if (!tdn_control_parse (line, strlen (line), &cmd, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  if (cmd.verb == TDN_CONTROL_WAIT)
    timeout_s = cmd.seconds + 5;
  tdn_control_command_clear (&cmd);
  if (socket_path == NULL)
    socket_path = default_socket (ctl);

  client = g_socket_client_new ();
  g_socket_client_set_timeout (client, (guint) timeout_s);
  address = g_unix_socket_address_new (socket_path);
  conn = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
  if (conn == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, _("Cannot reach the demo kiosk at %s: %s"),
                         socket_path, error->message);
  {
    g_autofree char *out = g_strconcat (line, "\n", NULL);

    if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), out, strlen (out),
                                    NULL, NULL, &error))
      return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  }
  in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  while (answer->len < MAX_ANSWER && memchr (answer->str, '\n', answer->len) == NULL)
    {
      char buf[4096];
      gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, &error);

      if (n <= 0)
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s",
                             error != NULL ? error->message : _("The kiosk closed the connection"));
      g_string_append_len (answer, buf, n);
    }
  if (memchr (answer->str, '\n', answer->len) != NULL)
    g_string_truncate (answer, (gsize) ((char *) memchr (answer->str, '\n', answer->len) - answer->str));

  if (g_str_has_prefix (answer->str, "error"))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", answer->str + MIN (answer->len, 6));
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (answer->len > 3 && json_parser_load_from_data (parser, answer->str + 3, -1, NULL))
        tdn_ctl_print_json (ctl, json_parser_get_root (parser));
      else
        printf ("{\"ok\": true}\n");
    }
  else
    printf ("%s\n", answer->str);
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "kiosk send", "[--socket PATH] [--json] COMMAND…",
    N_("Send one control command to a demo kiosk (tiepdon-kiosk --demo) and print its answer"), send_run },
};

void
tdn_checkin_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
