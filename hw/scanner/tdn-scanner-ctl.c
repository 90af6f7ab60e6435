/* tdn-scanner-ctl.c — tiepdonctl qr parse and tiepdonctl scanner listen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-qr-image.h"
#include "tdn-qr-payload.h"
#include "tdn-scanner-factory.h"

static void
print_identity_text (const TdnIdentity *id)
{
  g_autoptr(JsonNode) json = tdn_identity_to_json (id);
  JsonObject *o = json_node_get_object (json);
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *v = json_object_get_member (o, l->data);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_NULL (v))
        continue;
      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (v));
      else
        text = json_to_string (v, FALSE);
      if (g_str_equal (text, "[]"))
        continue;
      printf ("%-20s %s\n", (const char *) l->data, text);
    }
}

static int
qr_parse (TdnCtl *ctl,
          int     argc,
          char  **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *image = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) id = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file, N_("Read the payload's bytes from FILE"), N_("FILE") },
    { "image", 'i', 0, G_OPTION_ARG_FILENAME, &image, N_("Decode the QR code in a PNG image"), N_("PNG") },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if ((argc > 1) + (file != NULL) + (image != NULL) != 1 || argc > 2)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("give one of TEXT, --file FILE or --image PNG"));

  if (argc == 2)
    payload = g_bytes_new (argv[1], strlen (argv[1]));
  else if (file != NULL)
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (file, &data, &len, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
      payload = g_bytes_new_take (g_steal_pointer (&data), len);
    }
  else
    {
      g_autoptr(GPtrArray) codes = tdn_qr_image_decode_png (image, &error);

      if (codes == NULL)
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
      if (codes->len > 1)
        g_message ("%u QR codes in the image; using the first", codes->len);
      payload = g_bytes_ref (codes->pdata[0]);
    }

  id = tdn_qr_parse (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload), &error);
  if (id == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonNode) json = tdn_identity_to_json (id);
      tdn_ctl_print_json (ctl, json);
    }
  else
    print_identity_text (id);
  return TDN_CTL_EXIT_OK;
}

typedef struct {
  TdnCtl    *ctl;
  GMainLoop *loop;
  gboolean   reveal;
  int        remaining;   /* payloads to wait for; -1: until stopped */
  int        status;
} Listen;

static void
payload_cb (TdnScanner *scanner,
            GBytes     *payload,
            Listen     *l)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) id = tdn_qr_parse (g_bytes_get_data (payload, NULL),
                                            g_bytes_get_size (payload), &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "length");
  json_builder_add_int_value (b, (gint64) g_bytes_get_size (payload));
  if (id == NULL)
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, error->message);
    }
  else if (l->reveal)
    {
      json_builder_set_member_name (b, "identity");
      json_builder_add_value (b, tdn_identity_to_json (id));
    }
  else
    {
      g_autofree char *mid = tdn_mask_id (id->id_number);
      g_autofree char *mname = tdn_mask_name (id->full_name);

      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, tdn_identity_source_to_string (id->source));
      json_builder_set_member_name (b, "masked_id");
      json_builder_add_string_value (b, mid);
      json_builder_set_member_name (b, "masked_name");
      json_builder_add_string_value (b, mname);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  line = json_to_string (root, FALSE);
  if (tdn_ctl_get_json (l->ctl))
    printf ("%s\n", line);
  else if (id == NULL)
    printf (_("scanned %lu bytes: %s\n"), (unsigned long) g_bytes_get_size (payload), error->message);
  else
    {
      g_autofree char *mid = tdn_mask_id (id->id_number);
      g_autofree char *mname = tdn_mask_name (id->full_name);

      printf (_("scanned %lu bytes: %s %s %s\n"), (unsigned long) g_bytes_get_size (payload),
              tdn_identity_source_to_string (id->source), mid ? mid : "", mname ? mname : "");
    }
  fflush (stdout);
  if (l->remaining > 0 && --l->remaining == 0)
    g_main_loop_quit (l->loop);
}

static void
status_cb (TdnScanner *scanner,
           gboolean    connected,
           const char *reason,
           Listen     *l)
{
  fprintf (stderr, connected ? _("scanner connected\n") : _("scanner disconnected: %s\n"),
           reason ? reason : "");
}

static gboolean
stop_cb (gpointer data)
{
  g_main_loop_quit (((Listen *) data)->loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer data)
{
  Listen *l = data;

  l->status = TDN_CTL_EXIT_DEVICE;
  fprintf (stderr, _("tiepdonctl: no payload before the timeout\n"));
  g_main_loop_quit (l->loop);
  return G_SOURCE_REMOVE;
}

static int
scanner_listen (TdnCtl *ctl,
                int     argc,
                char  **argv)
{
  g_autofree char *device = NULL;
  g_autofree char *backend = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnScanner) scanner = NULL;
  gboolean reveal = FALSE;
  int count = -1, timeout_s = 0;
  Listen l = { 0 };
  TdnConfig *config;
  guint sigint, sigterm, timer = 0;
  GOptionEntry entries[] = {
    { "device", 'd', 0, G_OPTION_ARG_FILENAME, &device, N_("Scanner device (default: from the configuration)"), N_("PATH") },
    { "backend", 'b', 0, G_OPTION_ARG_STRING, &backend, N_("serial, camera or wedge (default: from the configuration)"), N_("NAME") },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, N_("Stop after N payloads"), "N" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_s, N_("Give up after S seconds without N payloads"), "S" },
    { "reveal", 0, 0, G_OPTION_ARG_NONE, &reveal, N_("Show the personal data scanned (not masked)"), NULL },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  scanner = tdn_scanner_new_from_config (config, backend, device, &error);
  if (scanner == NULL)
    return tdn_ctl_fail (ctl, error ? TDN_CTL_EXIT_INVALID : TDN_CTL_EXIT_DEVICE, "%s",
                         error ? error->message : _("no scanner is configured (backend none)"));

  l.ctl = ctl;
  l.loop = g_main_loop_new (NULL, FALSE);
  l.reveal = reveal;
  l.remaining = count > 0 ? count : -1;
  l.status = TDN_CTL_EXIT_OK;
  g_signal_connect (scanner, "payload-scanned", G_CALLBACK (payload_cb), &l);
  g_signal_connect (scanner, "status-changed", G_CALLBACK (status_cb), &l);
  if (!tdn_scanner_start (scanner, &error))
    {
      g_main_loop_unref (l.loop);
      return tdn_ctl_fail (ctl, TDN_CTL_EXIT_DEVICE, "%s", error->message);
    }
  sigint = g_unix_signal_add (SIGINT, stop_cb, &l);
  sigterm = g_unix_signal_add (SIGTERM, stop_cb, &l);
  if (timeout_s > 0)
    timer = g_timeout_add_seconds ((guint) timeout_s, timeout_cb, &l);
  g_main_loop_run (l.loop);
  tdn_scanner_stop (scanner);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (timer != 0 && l.status == TDN_CTL_EXIT_OK)
    g_source_remove (timer);
  g_main_loop_unref (l.loop);
  return l.status;
}

static const TdnCtlCommand commands[] = {
  { "qr parse", "TEXT | --file FILE | --image PNG [--json]",
    N_("Parse a QR payload (card, 2024 card, BHYT card) and print the identity"), qr_parse },
  { "scanner listen", "[--device PATH] [--backend NAME] [--count N] [--timeout S] [--reveal] [--json]",
    N_("Print what the QR scanner reads, masked, until Ctrl-C"), scanner_listen },
};

void
tdn_scanner_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
