/* tdn-kiosk-speech.c — optional spoken guidance (espeak-ng by default)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include <gio/gio.h>

#include "tdn-kiosk-speech.h"

struct _TdnKioskSpeech
{
  GObject      parent_instance;

  GStrv        argv;
  gboolean     enabled;
  GSubprocess *current;
};

G_DEFINE_FINAL_TYPE (TdnKioskSpeech, tdn_kiosk_speech, G_TYPE_OBJECT)

static void
tdn_kiosk_speech_dispose (GObject *object)
{
  TdnKioskSpeech *self = TDN_KIOSK_SPEECH (object);

  tdn_kiosk_speech_stop (self);
  G_OBJECT_CLASS (tdn_kiosk_speech_parent_class)->dispose (object);
}

static void
tdn_kiosk_speech_finalize (GObject *object)
{
  TdnKioskSpeech *self = TDN_KIOSK_SPEECH (object);

  g_strfreev (self->argv);
  G_OBJECT_CLASS (tdn_kiosk_speech_parent_class)->finalize (object);
}

static void
tdn_kiosk_speech_class_init (TdnKioskSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tdn_kiosk_speech_dispose;
  object_class->finalize = tdn_kiosk_speech_finalize;
}

static void
tdn_kiosk_speech_init (TdnKioskSpeech *self)
{
}

TdnKioskSpeech *
tdn_kiosk_speech_new (const char *command)
{
  TdnKioskSpeech *self = g_object_new (TDN_TYPE_KIOSK_SPEECH, NULL);
  g_autoptr(GError) error = NULL;

  if (command != NULL && *command != '\0' &&
      !g_shell_parse_argv (command, NULL, &self->argv, &error))
    g_warning ("speech: cannot use speech_command: %s", error->message);
  return self;
}

void
tdn_kiosk_speech_set_enabled (TdnKioskSpeech *self,
                              gboolean        enabled)
{
  g_return_if_fail (TDN_IS_KIOSK_SPEECH (self));

  self->enabled = !!enabled;
  if (!self->enabled)
    tdn_kiosk_speech_stop (self);
}

gboolean
tdn_kiosk_speech_get_enabled (TdnKioskSpeech *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SPEECH (self), FALSE);

  return self->enabled;
}

void
tdn_kiosk_speech_stop (TdnKioskSpeech *self)
{
  g_return_if_fail (TDN_IS_KIOSK_SPEECH (self));

  if (self->current != NULL)
    {
      g_subprocess_force_exit (self->current);
      g_clear_object (&self->current);
    }
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TdnKioskSpeech) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_communicate_finish (G_SUBPROCESS (source), result, NULL, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("speech: %s", error->message);
  if (self->current == G_SUBPROCESS (source))
    g_clear_object (&self->current);
}

void
tdn_kiosk_speech_say (TdnKioskSpeech *self,
                      const char     *lang,
                      const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GPtrArray) argv = NULL;

  g_return_if_fail (TDN_IS_KIOSK_SPEECH (self));

  if (!self->enabled || self->argv == NULL || text == NULL || *text == '\0')
    return;
  tdn_kiosk_speech_stop (self);

  argv = g_ptr_array_new ();
  for (guint i = 0; self->argv[i] != NULL; i++)
    {
      const char *arg = self->argv[i];

      /* The configured voice is Vietnamese; an English patient hears the
       * English voice of the same synthesiser. */
      if (i > 0 && g_strcmp0 (lang, "en") == 0 && g_str_equal (arg, "vi") &&
          g_str_equal (self->argv[i - 1], "-v"))
        arg = "en";
      g_ptr_array_add (argv, (gpointer) arg);
    }
  g_ptr_array_add (argv, NULL);

  self->current = g_subprocess_newv ((const char * const *) argv->pdata,
                                     G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                     G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                     &error);
  if (self->current == NULL)
    {
      g_debug ("speech: cannot start %s: %s", self->argv[0], error->message);
      return;
    }
  input = g_bytes_new (text, strlen (text));
  g_subprocess_communicate_async (self->current, input, NULL, communicate_cb, g_object_ref (self));
}
