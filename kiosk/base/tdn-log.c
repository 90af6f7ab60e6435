/* tdn-log.c — structured logging with masking
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "tdn-log.h"

static GMutex log_lock;
static char *log_program;
static GLogLevelFlags log_max = G_LOG_LEVEL_MESSAGE;
static TdnLogTarget log_target = TDN_LOG_TARGET_AUTO;
static TdnLogCaptureFunc log_capture;
static gpointer log_capture_data;

static const struct {
  const char     *name;
  GLogLevelFlags  level;
} level_names[] = {
  { "error", G_LOG_LEVEL_CRITICAL },
  { "warning", G_LOG_LEVEL_WARNING },
  { "message", G_LOG_LEVEL_MESSAGE },
  { "info", G_LOG_LEVEL_INFO },
  { "debug", G_LOG_LEVEL_DEBUG },
};

gboolean
tdn_log_set_level_name (const char *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_strcmp0 (level, level_names[i].name) == 0)
      {
        g_mutex_lock (&log_lock);
        log_max = level_names[i].level;
        g_mutex_unlock (&log_lock);
        return TRUE;
      }
  return FALSE;
}

void
tdn_log_set_target (TdnLogTarget target)
{
  g_mutex_lock (&log_lock);
  log_target = target;
  g_mutex_unlock (&log_lock);
}

gboolean
tdn_log_set_target_name (const char *target)
{
  if (g_strcmp0 (target, "auto") == 0)
    tdn_log_set_target (TDN_LOG_TARGET_AUTO);
  else if (g_strcmp0 (target, "journal") == 0)
    tdn_log_set_target (TDN_LOG_TARGET_JOURNAL);
  else if (g_strcmp0 (target, "stderr") == 0)
    tdn_log_set_target (TDN_LOG_TARGET_STDERR);
  else
    return FALSE;
  return TRUE;
}

void
tdn_log_set_capture (TdnLogCaptureFunc func,
                     gpointer          user_data)
{
  g_mutex_lock (&log_lock);
  log_capture = func;
  log_capture_data = user_data;
  g_mutex_unlock (&log_lock);
}

static const char *
level_label (GLogLevelFlags level)
{
  if (level & G_LOG_LEVEL_ERROR)
    return "ERROR";
  if (level & G_LOG_LEVEL_CRITICAL)
    return "CRITICAL";
  if (level & G_LOG_LEVEL_WARNING)
    return "WARNING";
  if (level & G_LOG_LEVEL_MESSAGE)
    return "Message";
  if (level & G_LOG_LEVEL_INFO)
    return "INFO";
  return "DEBUG";
}

/* GLib's own rule for G_MESSAGES_DEBUG: "all" or a list of domains. */
static gboolean
debug_enabled_for (const char *domain)
{
  const char *env = g_getenv ("G_MESSAGES_DEBUG");

  if (env == NULL)
    return FALSE;
  if (strcmp (env, "all") == 0)
    return TRUE;
  return domain != NULL && strstr (env, domain) != NULL;
}

static GLogWriterOutput
tdn_log_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree GLogField *copy = NULL;
  g_autofree char *masked = NULL;
  const char *domain = NULL;
  const char *message = NULL;
  GLogLevelFlags max;
  TdnLogTarget target;
  TdnLogCaptureFunc capture;
  gpointer capture_data;
  gsize n = 0;

  g_mutex_lock (&log_lock);
  max = log_max;
  target = log_target;
  capture = log_capture;
  capture_data = log_capture_data;
  g_mutex_unlock (&log_lock);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (strcmp (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  /* Level filter: levels are bit flags, smaller bit = more severe. */
  if ((level & G_LOG_LEVEL_MASK) > max && !debug_enabled_for (domain))
    return G_LOG_WRITER_HANDLED;

  masked = tdn_mask_text (message != NULL ? message : "");

  if (capture != NULL)
    capture (level, domain, masked, capture_data);

  copy = g_new0 (GLogField, n_fields + 1);
  for (gsize i = 0; i < n_fields; i++)
    {
      copy[n] = fields[i];
      if (strcmp (fields[i].key, "MESSAGE") == 0)
        {
          copy[n].value = masked;
          copy[n].length = -1;
        }
      n++;
    }
  if (log_program != NULL)
    copy[n++] = (GLogField) { "SYSLOG_IDENTIFIER", log_program, -1 };

  if (target == TDN_LOG_TARGET_JOURNAL ||
      (target == TDN_LOG_TARGET_AUTO && g_log_writer_is_journald (fileno (stderr))))
    {
      if (g_log_writer_journald (level, copy, n, user_data) == G_LOG_WRITER_HANDLED)
        return G_LOG_WRITER_HANDLED;
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *stamp = g_date_time_format (now, "%H:%M:%S.%f");

    fprintf (stderr, "%.12s %s[%d] %s%s%s: %s\n",
             stamp,
             log_program != NULL ? log_program : g_get_prgname () ? g_get_prgname () : "tiepdon",
             (int) getpid (),
             domain != NULL ? domain : "",
             domain != NULL ? " " : "",
             level_label (level),
             masked);
    fflush (stderr);
  }
  return G_LOG_WRITER_HANDLED;
}

void
tdn_log_init (const char *program)
{
  static gsize once;

  g_mutex_lock (&log_lock);
  g_free (log_program);
  log_program = g_strdup (program);
  g_mutex_unlock (&log_lock);

  if (g_once_init_enter (&once))
    {
      g_log_set_writer_func (tdn_log_writer, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}
