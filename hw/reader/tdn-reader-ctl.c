/* tdn-reader-ctl.c — tiepdonctl readers, tiepdonctl card read, reader selftest
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tdn-card-reader.h"
#include "tdn-chip-read.h"
#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-pcsc.h"
#include "tdn-qr-payload.h"
#include "tdn-reader-monitor.h"
#include "tdn-reader-options.h"

typedef struct {
  TdnCtl    *ctl;
  GMainLoop *loop;
  int        left;     /* events still to print; -1 = no limit */
  gboolean   timed_out;
} Watch;

static void
watch_event (Watch      *w,
             const char *event,
             const char *reader)
{
  if (tdn_ctl_get_json (w->ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "event");
      json_builder_add_string_value (b, event);
      json_builder_set_member_name (b, "reader");
      json_builder_add_string_value (b, reader);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      line = json_generator_to_data (gen, NULL);
      printf ("%s\n", line);
    }
  else
    printf ("%s\t%s\n", event, reader);
  fflush (stdout);
  if (w->left > 0 && --w->left == 0)
    g_main_loop_quit (w->loop);
}

static void
reader_added_cb (TdnReaderMonitor *m, const char *reader, Watch *w)
{
  watch_event (w, "reader-added", reader);
}

static void
reader_removed_cb (TdnReaderMonitor *m, const char *reader, Watch *w)
{
  watch_event (w, "reader-removed", reader);
}

static void
card_inserted_cb (TdnReaderMonitor *m, const char *reader, Watch *w)
{
  watch_event (w, "card-inserted", reader);
}

static void
card_removed_cb (TdnReaderMonitor *m, const char *reader, Watch *w)
{
  watch_event (w, "card-removed", reader);
}

static gboolean
watch_timeout_cb (gpointer data)
{
  Watch *w = data;

  w->timed_out = TRUE;
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
watch_signal_cb (gpointer data)
{
  g_main_loop_quit (((Watch *) data)->loop);
  return G_SOURCE_REMOVE;
}

static int
readers_watch (TdnCtl *ctl,
               int     count,
               int     timeout_s)
{
  g_autoptr(TdnReaderMonitor) monitor = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Watch w = { ctl, loop, count > 0 ? count : -1, FALSE };
  guint t = 0, s1, s2;

  monitor = tdn_reader_monitor_new ();
  g_signal_connect (monitor, "reader-added", G_CALLBACK (reader_added_cb), &w);
  g_signal_connect (monitor, "reader-removed", G_CALLBACK (reader_removed_cb), &w);
  g_signal_connect (monitor, "card-inserted", G_CALLBACK (card_inserted_cb), &w);
  g_signal_connect (monitor, "card-removed", G_CALLBACK (card_removed_cb), &w);
  if (timeout_s > 0)
    t = g_timeout_add_seconds ((guint) timeout_s, watch_timeout_cb, &w);
  s1 = g_unix_signal_add (SIGINT, watch_signal_cb, &w);
  s2 = g_unix_signal_add (SIGTERM, watch_signal_cb, &w);
  tdn_reader_monitor_start (monitor);
  g_main_loop_run (loop);
  tdn_reader_monitor_stop (monitor);
  g_signal_handlers_disconnect_by_data (monitor, &w);
  if (t != 0 && !w.timed_out)
    g_source_remove (t);
  g_source_remove (s1);
  g_source_remove (s2);
  if (w.timed_out && w.left != -1)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_DEVICE, _("no reader event within %d s"), timeout_s);
  return TDN_CTL_EXIT_OK;
}

static int
readers_run (TdnCtl *ctl,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) present = NULL;
  g_auto(GStrv) readers = NULL;
  gboolean watch = FALSE;
  int count = 0, timeout_s = 0;
  GOptionEntry entries[] = {
    { "watch", 'w', 0, G_OPTION_ARG_NONE, &watch, N_("Print reader and card events as they happen"), NULL },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, N_("With --watch: stop after N events"), N_("N") },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_s, N_("With --watch: stop after S seconds"), N_("S") },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc > 1)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("readers takes no arguments"));
  if (count < 0 || timeout_s < 0 || (!watch && (count != 0 || timeout_s != 0)))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--count and --timeout go with --watch"));
  if (watch)
    return readers_watch (ctl, count, timeout_s);
  readers = tdn_pcsc_list_readers (&present, &error);
  if (readers == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_DEVICE, "%s", error->message);

  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "readers");
      json_builder_begin_array (b);
      for (guint i = 0; readers[i] != NULL; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, readers[i]);
          json_builder_set_member_name (b, "card_present");
          json_builder_add_boolean_value (b, g_array_index (present, gboolean, i));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    {
      for (guint i = 0; readers[i] != NULL; i++)
        printf ("%s\t%s\n", readers[i],
                g_array_index (present, gboolean, i) ? _("card") : _("empty"));
      if (readers[0] == NULL)
        printf ("%s\n", _("no reader connected"));
    }
  return TDN_CTL_EXIT_OK;
}

/* The identity the access keys come from: QR, typed ID (+ dates). */
static TdnIdentity *
key_identity (const char  *qr,
              const char  *id,
              const char  *dob,
              const char  *issued,
              GError     **error)
{
  g_autoptr(TdnIdentity) who = NULL;

  if (qr != NULL)
    {
      who = tdn_qr_parse ((const guint8 *) qr, strlen (qr), error);
      if (who == NULL)
        return NULL;
      if (who->id_number == NULL)
        {
          g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID,
                               _("this QR code is not a CCCD or Căn cước card QR code"));
          return NULL;
        }
      return g_steal_pointer (&who);
    }
  if (!tdn_id_number_check (id, error))
    return NULL;
  who = tdn_identity_new (TDN_IDENTITY_SOURCE_MANUAL);
  who->id_number = g_strdup (id);
  if (dob != NULL && !tdn_partial_date_parse_slashed (dob, &who->date_of_birth, error))
    return NULL;
  if (issued != NULL && !tdn_partial_date_parse_slashed (issued, &who->date_of_issue, error))
    return NULL;
  return g_steal_pointer (&who);
}

static void
add_security (JsonBuilder         *b,
              const TdnChipResult *res)
{
  json_builder_set_member_name (b, "security");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "access");
  json_builder_add_string_value (b, tdn_chip_access_to_string (res->access));
  json_builder_set_member_name (b, "passive_auth");
  json_builder_add_string_value (b, tdn_chip_check_to_string (res->passive_auth));
  json_builder_set_member_name (b, "active_auth");
  json_builder_add_string_value (b, tdn_chip_check_to_string (res->active_auth));
  json_builder_set_member_name (b, "chip_auth");
  json_builder_add_string_value (b, tdn_chip_check_to_string (res->chip_auth));
  json_builder_set_member_name (b, "apdu_count");
  json_builder_add_int_value (b, res->apdu_count);
  json_builder_set_member_name (b, "read_ms");
  json_builder_add_int_value (b, res->read_ms);
  json_builder_end_object (b);
}

/* key value lines; nested objects as "security.access value". */
static void
print_object_text (JsonObject *o,
                   const char *prefix)
{
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *v = json_object_get_member (o, l->data);
      g_autofree char *key = g_strconcat (prefix, l->data, NULL);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_NULL (v))
        continue;
      if (JSON_NODE_HOLDS_OBJECT (v))
        {
          g_autofree char *sub = g_strconcat (key, ".", NULL);
          print_object_text (json_node_get_object (v), sub);
          continue;
        }
      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (v));
      else
        text = json_to_string (v, FALSE);
      if (g_str_equal (text, "[]"))
        continue;
      printf ("%-24s %s\n", key, text);
    }
}

static gboolean
write_photo (const char  *path,
             GBytes      *photo,
             GError     **error)
{
  gsize n;
  const guint8 *d = g_bytes_get_data (photo, &n);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gsize done = 0;

  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("cannot write the photo to %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  while (done < n)
    {
      ssize_t w = write (fd, d + done, n - done);
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        {
          int e = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (e),
                       _("cannot write the photo to %s: %s"), path, g_strerror (e));
          return FALSE;
        }
      done += (gsize) w;
    }
  if (close (fd) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("cannot write the photo to %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static int
card_read_run (TdnCtl *ctl,
               int     argc,
               char  **argv)
{
  g_autofree char *reader_opt = NULL, *qr = NULL, *id = NULL, *dob = NULL;
  g_autofree char *issued = NULL, *mrz_key = NULL, *photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) who = NULL;
  g_autoptr(TdnChipKeys) keys = NULL;
  TdnCardReadParams params = { 0 };
  g_autoptr(TdnChipResult) res = NULL;
  TdnConfig *config;
  g_auto(TdnChipReadOptions) options = { 0 };
  GOptionEntry entries[] = {
    { "reader", 'r', 0, G_OPTION_ARG_STRING, &reader_opt, N_("PC/SC reader to use"), N_("NAME") },
    { "qr", 0, 0, G_OPTION_ARG_STRING, &qr, N_("The card's QR code text"), N_("TEXT") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The 12-digit ID number"), N_("NUM") },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob, N_("Date of birth, with --id"), N_("DD/MM/YYYY") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &issued, N_("Date of issue, with --id"), N_("DD/MM/YYYY") },
    { "mrz-key", 0, 0, G_OPTION_ARG_STRING, &mrz_key, N_("BAC key from the MRZ"),
      N_("DOCNO,YYMMDD,YYMMDD") },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo, N_("Also read the photo and save it"), N_("FILE.jpg") },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc > 1)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("unexpected argument “%s”"), argv[1]);
  if ((qr != NULL) + (id != NULL) + (mrz_key != NULL) != 1)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID,
                         _("give one of --qr TEXT, --id NUM or --mrz-key DOCNO,YYMMDD,YYMMDD"));
  if ((dob != NULL || issued != NULL) && (id == NULL || dob == NULL || issued == NULL))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID,
                         _("--dob and --issued go together, with --id"));

  if (mrz_key != NULL)
    {
      keys = tdn_chip_keys_new ();
      if (!tdn_chip_keys_add_mrz_key (keys, mrz_key, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
    }
  else
    {
      who = key_identity (qr, id, dob, issued, &error);
      if (who == NULL)
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
      keys = tdn_chip_keys_from_identity (who);
    }

  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  tdn_reader_options_from_config (config, &options);
  options.read_photo = photo != NULL;

  params.reader = reader_opt != NULL ? reader_opt : tdn_config_get_string (config, "reader", "name");
  params.timeout_ms = (guint) tdn_config_get_int (config, "reader", "timeout_ms");
  res = tdn_card_read_sync (&params, keys, &options, &error);
  if (res == NULL)
    return tdn_ctl_fail (ctl, g_error_matches (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NO_KEY)
                              ? TDN_CTL_EXIT_INVALID : TDN_CTL_EXIT_DEVICE,
                         "%s", error->message);

  if (photo != NULL)
    {
      if (res->photo != NULL)
        {
          if (!write_photo (photo, res->photo, &error))
            return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
        }
      else
        fprintf (stderr, "tiepdonctl: %s\n", _("the chip holds no photo; no file was written"));
    }

  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (b);
    tdn_identity_add_json_members (res->identity, b);
    add_security (b, res);
    json_builder_end_object (b);
    root = json_builder_get_root (b);
    if (tdn_ctl_get_json (ctl))
      tdn_ctl_print_json (ctl, root);
    else
      print_object_text (json_node_get_object (root), "");
  }
  return TDN_CTL_EXIT_OK;
}

static TdnCtlCheckStatus
check_reader (TdnCtl     *ctl,
              TdnConfig  *config,
              char      **message)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) readers = NULL;
  const char *want = tdn_config_get_string (config, "reader", "name");

  if (!tdn_config_get_bool (config, "reader", "enabled"))
    {
      *message = g_strdup (_("chip reading is turned off ([reader] enabled=false)"));
      return TDN_CTL_CHECK_SKIPPED;
    }
  /* No pcscd or no reader is a warning while no reader is named in the
   * configuration (a development machine, a reader being replaced), and
   * a failure once one is. */
  readers = tdn_pcsc_list_readers (NULL, &error);
  if (readers == NULL)
    {
      *message = g_strdup (error->message);
      return want != NULL && *want != '\0' ? TDN_CTL_CHECK_FAILED : TDN_CTL_CHECK_WARNING;
    }
  if (readers[0] == NULL)
    {
      *message = g_strdup (_("no card reader is connected: plug it in"));
      return want != NULL && *want != '\0' ? TDN_CTL_CHECK_FAILED : TDN_CTL_CHECK_WARNING;
    }
  if (want != NULL && *want != '\0' && !g_strv_contains ((const char * const *) readers, want))
    {
      *message = g_strdup_printf (_("the configured reader “%s” is not connected (found “%s”)"),
                                  want, readers[0]);
      return TDN_CTL_CHECK_FAILED;
    }
  *message = g_strdup_printf (_("card reader “%s” is ready"),
                              want != NULL && *want != '\0' ? want : readers[0]);
  return TDN_CTL_CHECK_OK;
}

static const TdnCtlCommand commands[] = {
  { "readers", "[--watch [--count N] [--timeout S]] [--json]",
    N_("List the chip card readers and whether a card is on them, or watch them"), readers_run },
  { "card read",
    "[--reader NAME] (--qr TEXT | --id NUM [--dob DD/MM/YYYY --issued DD/MM/YYYY] | "
    "--mrz-key DOCNO,YYMMDD,YYMMDD) [--photo FILE.jpg] [--json]",
    N_("Read a CCCD chip (PACE or BAC, secure messaging) and print who it belongs to"),
    card_read_run },
};

static const TdnCtlCheck reader_check = {
  "reader", N_("a PC/SC chip card reader is connected"), check_reader,
};

void
tdn_reader_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
  tdn_ctl_add_check (ctl, &reader_check);
}
