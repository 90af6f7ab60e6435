/* tdn-kiosk-control.c — a demo kiosk driven without its screen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the lines of kiosk/checkin's control protocol against the demo
 * devices (simulated card, scanner and paper, fixture gateway) and the
 * check-in, and serves them on a UNIX socket (0600), one answer line per
 * command line. Lines are bounded (TDN_CONTROL_MAX_LINE); a client that
 * sends more without a newline is disconnected.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "tdn-base.h"
#include "tdn-control-command.h"
#include "tdn-kiosk-services-private.h"
#include "tdn-sim-scanner.h"

struct _TdnKioskControl
{
  TdnKioskServices *services;    /* owns us */
  GSocketService   *service;
  char             *path;
  GList            *clients;     /* Client */
};

typedef struct {
  TdnKioskControl   *control;
  GSocketConnection *connection;
  GCancellable      *cancellable;
  GString           *buffer;
  guint8             chunk[512];
  gboolean           busy;        /* an answer is on its way */
  TdnCheckinState    wait_state;
  gulong             wait_handler;
  guint              wait_timeout;
} Client;

/* ---- running one line ------------------------------------------------- */

static char *
refused (TdnKioskServices *s,
         const char       *what)
{
  return g_strdup_printf ("error %s is not possible on the “%s” screen", what,
                          tdn_checkin_state_to_string (tdn_checkin_get_state (s->checkin)));
}

static char *
scan (TdnKioskServices *s,
      const char       *text)
{
  g_autoptr(GBytes) payload = g_bytes_new (text, strlen (text));

  if (s->scanner != NULL && TDN_IS_SIM_SCANNER (s->scanner))
    tdn_sim_scanner_scan (TDN_SIM_SCANNER (s->scanner), payload);
  else if (s->qr != NULL)
    tdn_qr_reader_feed (TDN_QR_READER (s->qr), payload);
  else
    return g_strdup ("error this kiosk has no QR scanner");
  return g_strdup ("ok");
}

static char *
plug (const char *arg,
      gboolean   *plugged)
{
  if (g_str_equal (arg, "plug"))
    *plugged = TRUE;
  else if (g_str_equal (arg, "unplug"))
    *plugged = FALSE;
  else
    return g_strdup ("error plug or unplug");
  return NULL;
}

/* Everything but `wait`. */
static char *
run (TdnKioskServices        *s,
     const TdnControlCommand *cmd)
{
  TdnCheckin *c = s->checkin;
  const TdnDemoPerson *person = NULL;
  gboolean plugged = FALSE;
  char *err;

  if ((cmd->verb == TDN_CONTROL_PLACE_CARD || cmd->verb == TDN_CONTROL_SCAN_PERSON)
      && (s->people == NULL || (person = tdn_demo_people_find (s->people, cmd->arg)) == NULL))
    return g_strdup ("error no such demo patient (try “people?”)");

  switch (cmd->verb)
    {
    case TDN_CONTROL_STATE:
      return tdn_kiosk_report_state (s);
    case TDN_CONTROL_PLACE_CARD:
      if (s->sim_card == NULL)
        return g_strdup ("error this kiosk has no simulated card reader");
      if (person->bhyt_qr)
        return g_strdup ("error this patient has no ID card: use “scan-person”");
      tdn_sim_card_remove (TDN_SIM_CARD (s->sim_card));
      if (!tdn_sim_card_place (TDN_SIM_CARD (s->sim_card), person))
        return g_strdup ("error the card reader is unplugged");
      return g_strdup ("ok");
    case TDN_CONTROL_REMOVE_CARD:
      if (s->sim_card != NULL)
        tdn_sim_card_remove (TDN_SIM_CARD (s->sim_card));
      return g_strdup ("ok");
    case TDN_CONTROL_SCAN_QR:
      return scan (s, cmd->text);
    case TDN_CONTROL_SCAN_PERSON:
      return scan (s, person->qr_payload);
    case TDN_CONTROL_TAP:
      {
        TdnCheckinAction a;

        if (!tdn_checkin_action_from_string (cmd->arg, &a))
          return g_strdup ("error no such action");
        return tdn_checkin_tap (c, a) ? g_strdup ("ok") : refused (s, cmd->arg);
      }
    case TDN_CONTROL_CLINIC:
      return tdn_checkin_select_clinic (c, cmd->arg) ? g_strdup ("ok") : refused (s, "this clinic");
    case TDN_CONTROL_PRIORITY:
      {
        TdnPriority p;

        if (!tdn_priority_from_string (cmd->arg, &p))
          return g_strdup ("error no such priority");
        return tdn_checkin_select_priority (c, p) ? g_strdup ("ok") : refused (s, "this priority");
      }
    case TDN_CONTROL_FIELD:
      {
        TdnCheckinField f;

        if (!tdn_checkin_field_from_string (cmd->arg, &f))
          return g_strdup ("error no such field");
        return tdn_checkin_set_field (c, f, cmd->text) ? g_strdup ("ok") : refused (s, "typing");
      }
    case TDN_CONTROL_LANGUAGE:
      if (!g_str_equal (cmd->arg, "vi") && !g_str_equal (cmd->arg, "en"))
        return g_strdup ("error vi or en");
      tdn_checkin_set_language (c, cmd->arg);
      return g_strdup ("ok");
    case TDN_CONTROL_PULL_PAPER:
    case TDN_CONTROL_LOAD_PAPER:
      tdn_hw_ticket_printer_simulate (TDN_HW_TICKET_PRINTER (s->printer),
                                      cmd->verb == TDN_CONTROL_PULL_PAPER ? TDN_PRINTER_SIMULATION_PAPER_OUT
                                                                          : TDN_PRINTER_SIMULATION_NONE);
      return g_strdup ("ok");
    case TDN_CONTROL_PRINTER:
      {
        TdnPrinterSimulation sim;

        if (g_str_equal (cmd->arg, "online"))
          sim = TDN_PRINTER_SIMULATION_NONE;
        else if (g_str_equal (cmd->arg, "offline"))
          sim = TDN_PRINTER_SIMULATION_OFFLINE;
        else if (g_str_equal (cmd->arg, "uncertain"))
          sim = TDN_PRINTER_SIMULATION_UNCERTAIN;
        else
          return g_strdup ("error online, offline or uncertain");
        tdn_hw_ticket_printer_simulate (TDN_HW_TICKET_PRINTER (s->printer), sim);
        return g_strdup ("ok");
      }
    case TDN_CONTROL_GATEWAY:
      if (!TDN_IS_FIXTURE_ELIGIBILITY (s->eligibility))
        return g_strdup ("error eligibility goes through the broker: stop the BHXH simulator instead");
      if (!g_str_equal (cmd->arg, "up") && !g_str_equal (cmd->arg, "down"))
        return g_strdup ("error up or down");
      tdn_fixture_eligibility_set_down (TDN_FIXTURE_ELIGIBILITY (s->eligibility), g_str_equal (cmd->arg, "down"));
      return g_strdup ("ok");
    case TDN_CONTROL_READER:
      if ((err = plug (cmd->arg, &plugged)) != NULL)
        return err;
      if (s->sim_card == NULL)
        return g_strdup ("error this kiosk has no simulated card reader");
      tdn_sim_card_plug (TDN_SIM_CARD (s->sim_card), plugged);
      return g_strdup ("ok");
    case TDN_CONTROL_SCANNER:
      if ((err = plug (cmd->arg, &plugged)) != NULL)
        return err;
      if (s->scanner == NULL || !TDN_IS_SIM_SCANNER (s->scanner))
        return g_strdup ("error this kiosk has no simulated scanner");
      tdn_sim_scanner_plug (TDN_SIM_SCANNER (s->scanner), plugged);
      return g_strdup ("ok");
    case TDN_CONTROL_PEOPLE:
      return tdn_kiosk_report_people (s);
    case TDN_CONTROL_CLINICS:
      return tdn_kiosk_report_clinics (s);
    case TDN_CONTROL_HELP:
      return tdn_kiosk_report_help ();
    default:
      return g_strdup ("error not here");
    }
}

void
tdn_kiosk_control_run (TdnKioskServices  *services,
                       const char        *line,
                       gsize              length,
                       TdnKioskReplyFunc  reply,
                       gpointer           user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  TdnControlCommand cmd;

  if (!services->demo)
    answer = g_strdup ("error not a demo kiosk");
  else if (!tdn_control_parse (line, length, &cmd, &error))
    answer = g_strdup_printf ("error %s", error->message);
  else
    {
      answer = run (services, &cmd);
      tdn_control_command_clear (&cmd);
    }
  reply (answer, user_data);
}

/* ---- the socket -------------------------------------------------------- */

static void read_more (Client *client);

static void
client_free (Client *client)
{
  if (client->wait_handler != 0)
    g_signal_handler_disconnect (client->control->services->checkin, client->wait_handler);
  g_clear_handle_id (&client->wait_timeout, g_source_remove);
  g_cancellable_cancel (client->cancellable);
  g_clear_object (&client->cancellable);
  g_io_stream_close (G_IO_STREAM (client->connection), NULL, NULL);
  g_clear_object (&client->connection);
  g_string_free (client->buffer, TRUE);
  g_free (client);
}

static void
client_drop (Client *client)
{
  client->control->clients = g_list_remove (client->control->clients, client);
  client_free (client);
}

static void process_lines (Client *client);

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        client_drop (client);
      return;
    }
  client->busy = FALSE;
  process_lines (client);
}

static void
send_answer (const char *answer,
             gpointer    user_data)
{
  Client *client = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (client->connection));
  char *line = g_strconcat (answer, "\n", NULL);

  g_object_set_data_full (G_OBJECT (client->connection), "answer", line, g_free);
  g_output_stream_write_all_async (out, line, strlen (line), G_PRIORITY_DEFAULT, client->cancellable,
                                   written_cb, client);
}

static void
wait_done (Client     *client,
           const char *answer)
{
  if (client->wait_handler != 0)
    g_signal_handler_disconnect (client->control->services->checkin, client->wait_handler);
  client->wait_handler = 0;
  g_clear_handle_id (&client->wait_timeout, g_source_remove);
  send_answer (answer, client);
}

static void
wait_state_cb (TdnCheckin *checkin,
               GParamSpec *pspec,
               Client     *client)
{
  if (tdn_checkin_get_state (checkin) == client->wait_state)
    {
      g_autofree char *json = tdn_kiosk_report_state (client->control->services);

      wait_done (client, json);
    }
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  Client *client = user_data;
  g_autofree char *answer = g_strdup_printf ("error timeout: the kiosk is on “%s”",
                                             tdn_checkin_state_to_string (tdn_checkin_get_state (
                                               client->control->services->checkin)));

  client->wait_timeout = 0;
  wait_done (client, answer);
  return G_SOURCE_REMOVE;
}

static void
run_line (Client     *client,
          const char *line,
          gsize       length)
{
  TdnKioskServices *s = client->control->services;
  TdnControlCommand cmd;
  g_autoptr(GError) error = NULL;

  client->busy = TRUE;
  if (tdn_control_parse (line, length, &cmd, &error) && cmd.verb == TDN_CONTROL_WAIT)
    {
      TdnCheckinState target;

      if (!tdn_checkin_state_from_string (cmd.arg, &target))
        send_answer ("error no such state", client);
      else if (tdn_checkin_get_state (s->checkin) == target)
        {
          g_autofree char *json = tdn_kiosk_report_state (s);

          send_answer (json, client);
        }
      else
        {
          client->wait_state = target;
          client->wait_handler = g_signal_connect (s->checkin, "notify::state", G_CALLBACK (wait_state_cb), client);
          client->wait_timeout = g_timeout_add_seconds ((guint) cmd.seconds, wait_timeout_cb, client);
        }
      tdn_control_command_clear (&cmd);
      return;
    }
  if (error == NULL)
    tdn_control_command_clear (&cmd);
  tdn_kiosk_control_run (s, line, length, send_answer, client);
}

static void
process_lines (Client *client)
{
  char *nl;

  if (client->busy)
    return;
  nl = memchr (client->buffer->str, '\n', client->buffer->len);
  if (nl == NULL)
    {
      if (client->buffer->len > TDN_CONTROL_MAX_LINE + 1)
        {
          g_message ("control: a line is too long; disconnecting");
          client_drop (client);
          return;
        }
      read_more (client);
      return;
    }
  {
    gsize len = (gsize) (nl - client->buffer->str) + 1;
    g_autofree char *line = g_strndup (client->buffer->str, len);

    g_string_erase (client->buffer, 0, (gssize) len);
    run_line (client, line, len);
  }
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);

  if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (n <= 0)
    {
      client_drop (client);
      return;
    }
  g_string_append_len (client->buffer, (const char *) client->chunk, n);
  process_lines (client);
}

static void
read_more (Client *client)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (client->connection));

  g_input_stream_read_async (in, client->chunk, sizeof client->chunk, G_PRIORITY_DEFAULT,
                             client->cancellable, read_cb, client);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  TdnKioskControl *control = user_data;
  Client *client = g_new0 (Client, 1);

  client->control = control;
  client->connection = g_object_ref (connection);
  client->cancellable = g_cancellable_new ();
  client->buffer = g_string_new (NULL);
  control->clients = g_list_prepend (control->clients, client);
  read_more (client);
  return TRUE;
}

TdnKioskControl *
tdn_kiosk_control_new (TdnKioskServices  *services,
                       const char        *path,
                       GError           **error)
{
  TdnKioskControl *control = g_new0 (TdnKioskControl, 1);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  mode_t old;
  gboolean ok;

  control->services = services;
  control->path = g_strdup (path);
  control->service = g_socket_service_new ();
  /* A socket left by a kiosk that crashed. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_unlink (path);
  old = umask (0077);
  ok = g_socket_listener_add_address (G_SOCKET_LISTENER (control->service), address, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_DEFAULT, NULL, NULL, error);
  umask (old);
  if (!ok)
    {
      g_prefix_error (error, _("Cannot listen on %s: "), path);
      g_clear_object (&control->service);
      g_free (control->path);
      g_free (control);
      return NULL;
    }
  g_signal_connect (control->service, "incoming", G_CALLBACK (incoming_cb), control);
  g_socket_service_start (control->service);
  g_message ("demo control socket: %s", path);
  return control;
}

void
tdn_kiosk_control_free (TdnKioskControl *control)
{
  if (control == NULL)
    return;
  g_socket_service_stop (control->service);
  g_socket_listener_close (G_SOCKET_LISTENER (control->service));
  g_clear_object (&control->service);
  g_list_free_full (control->clients, (GDestroyNotify) client_free);
  g_unlink (control->path);
  g_free (control->path);
  g_free (control);
}

const char *
tdn_kiosk_control_get_path (TdnKioskControl *control)
{
  return control->path;
}
