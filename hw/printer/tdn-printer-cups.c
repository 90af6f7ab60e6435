/* tdn-printer-cups.c — a CUPS raw queue as the ticket printer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-printer"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "tdn-base.h"
#include "tdn-printer.h"
#include "tdn-printer-cups.h"

/* Runs a CUPS client with the C locale (its output is parsed); TRUE when
 * it exited 0. `out` gets stdout; on failure `error` says why. */
static gboolean
run_client (const char * const *argv,
            GBytes             *input,
            char              **out,
            GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                               (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) stdout_buf = NULL;
  g_autoptr(GBytes) stderr_buf = NULL;
  g_autoptr(GError) local = NULL;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  proc = g_subprocess_launcher_spawnv (launcher, argv, &local);
  if (proc == NULL ||
      !g_subprocess_communicate (proc, input, NULL, &stdout_buf, &stderr_buf, &local))
    {
      g_set_error (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNREACHABLE,
                   _("The print queue cannot be reached: %s"), local->message);
      return FALSE;
    }
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    {
      g_autofree char *msg = g_strndup (g_bytes_get_data (stderr_buf, NULL),
                                        MIN (g_bytes_get_size (stderr_buf), 300));
      g_set_error (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNREACHABLE,
                   _("The print queue cannot be reached: %s"), g_strstrip (g_strdelimit (msg, "\n", ' ')));
      return FALSE;
    }
  if (out != NULL)
    *out = g_strndup (g_bytes_get_data (stdout_buf, NULL), g_bytes_get_size (stdout_buf));
  return TRUE;
}

static void
add_server (GPtrArray  *argv,
            const char *server)
{
  if (server != NULL && *server != '\0')
    {
      g_ptr_array_add (argv, (gpointer) "-h");
      g_ptr_array_add (argv, (gpointer) server);
    }
}

gboolean
tdn_printer_cups_status (const char        *server,
                         const char        *queue,
                         TdnPrinterStatus  *status,
                         GError           **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (argv, (gpointer) "lpstat");
  add_server (argv, server);
  g_ptr_array_add (argv, (gpointer) "-l");
  g_ptr_array_add (argv, (gpointer) "-p");
  g_ptr_array_add (argv, (gpointer) queue);
  g_ptr_array_add (argv, NULL);
  if (!run_client ((const char * const *) argv->pdata, NULL, &out, error))
    return FALSE;

  /* "printer ticket is idle.  enabled since …" or "printer ticket disabled
   * since …", then indented lines, among them "Alerts: media-empty-error …"
   * (the queue's printer-state-reasons). */
  memset (status, 0, sizeof *status);
  lines = g_strsplit (out, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "printer "))
    {
      g_set_error (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_NO_ANSWER,
                   _("CUPS gave no state for the print queue %s"), queue);
      return FALSE;
    }
  status->known = TRUE;
  status->online = strstr (lines[0], " disabled") == NULL;
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *l = g_strstrip (lines[i]);

      if (!g_str_has_prefix (l, "Alerts:"))
        continue;
      if (strstr (l, "media-empty") != NULL || strstr (l, "media-needed") != NULL)
        status->paper_out = TRUE;
      if (strstr (l, "media-low") != NULL)
        status->paper_near_end = TRUE;
      if (strstr (l, "cover-open") != NULL || strstr (l, "door-open") != NULL)
        status->cover_open = TRUE;
      if (strstr (l, "offline") != NULL || strstr (l, "paused") != NULL)
        status->online = FALSE;
      if (strstr (l, "media-jam") != NULL || strstr (l, "-error") != NULL)
        status->error = status->error || (!status->paper_out && !status->cover_open);
    }
  return TRUE;
}

gboolean
tdn_printer_cups_submit (const char  *server,
                         const char  *queue,
                         const char  *title,
                         GBytes      *job,
                         GError     **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) "lp");
  add_server (argv, server);
  g_ptr_array_add (argv, (gpointer) "-d");
  g_ptr_array_add (argv, (gpointer) queue);
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, (gpointer) "raw");
  g_ptr_array_add (argv, (gpointer) "-t");
  g_ptr_array_add (argv, (gpointer) title);
  g_ptr_array_add (argv, NULL);
  /* The job's bytes on standard input: nothing personal on a command line
   * or in a temporary file. */
  if (!run_client ((const char * const *) argv->pdata, job, &out, error))
    return FALSE;
  g_debug ("CUPS: %s", g_strstrip (out));
  return TRUE;
}
