/* tdn-replay-transceiver.c — scripted command → response pairs for tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include "tdn-replay-transceiver.h"

G_DEFINE_QUARK (tdn-replay-transceiver-error-quark, tdn_replay_transceiver_error)

typedef struct {
  GBytes *command;   /* NULL: any */
  GBytes *response;
} Step;

struct _TdnReplayTransceiver
{
  GObject  parent_instance;
  GQueue   steps;
  guint    count;
};

static void tdn_replay_transceiver_iface_init (TdnTransceiverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnReplayTransceiver, tdn_replay_transceiver, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_TRANSCEIVER,
                                                      tdn_replay_transceiver_iface_init))

static void
step_free (gpointer p)
{
  Step *s = p;

  g_clear_pointer (&s->command, g_bytes_unref);
  g_clear_pointer (&s->response, g_bytes_unref);
  g_free (s);
}

static char *
hex_of (GBytes *b)
{
  gsize n;
  const guint8 *p = g_bytes_get_data (b, &n);
  GString *s = g_string_sized_new (n * 2 + 1);

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (s, "%02X", p[i]);
  return g_string_free (s, FALSE);
}

static GBytes *
tdn_replay_transceiver_transmit (TdnTransceiver *iface,
                                 GBytes         *command,
                                 GError        **error)
{
  TdnReplayTransceiver *self = TDN_REPLAY_TRANSCEIVER (iface);
  Step *s = g_queue_pop_head (&self->steps);
  GBytes *resp;

  if (s == NULL)
    {
      g_autofree char *got = hex_of (command);
      g_set_error (error, TDN_REPLAY_TRANSCEIVER_ERROR,
                   TDN_REPLAY_TRANSCEIVER_ERROR_EXHAUSTED,
                   "unscripted command #%u: %s", self->count + 1, got);
      return NULL;
    }
  self->count++;
  if (s->command != NULL && !g_bytes_equal (s->command, command))
    {
      g_autofree char *got = hex_of (command);
      g_autofree char *want = hex_of (s->command);
      g_set_error (error, TDN_REPLAY_TRANSCEIVER_ERROR,
                   TDN_REPLAY_TRANSCEIVER_ERROR_UNEXPECTED,
                   "command #%u: got %s, expected %s", self->count, got, want);
      step_free (s);
      return NULL;
    }
  resp = g_bytes_ref (s->response);
  step_free (s);
  return resp;
}

static void
tdn_replay_transceiver_iface_init (TdnTransceiverInterface *iface)
{
  iface->transmit = tdn_replay_transceiver_transmit;
}

static void
tdn_replay_transceiver_finalize (GObject *object)
{
  TdnReplayTransceiver *self = TDN_REPLAY_TRANSCEIVER (object);

  g_queue_clear_full (&self->steps, step_free);
  G_OBJECT_CLASS (tdn_replay_transceiver_parent_class)->finalize (object);
}

static void
tdn_replay_transceiver_class_init (TdnReplayTransceiverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_replay_transceiver_finalize;
}

static void
tdn_replay_transceiver_init (TdnReplayTransceiver *self)
{
  g_queue_init (&self->steps);
}

TdnReplayTransceiver *
tdn_replay_transceiver_new (void)
{
  return g_object_new (TDN_TYPE_REPLAY_TRANSCEIVER, NULL);
}

void
tdn_replay_transceiver_expect (TdnReplayTransceiver *self,
                               GBytes               *command,
                               GBytes               *response)
{
  Step *s;

  g_return_if_fail (TDN_IS_REPLAY_TRANSCEIVER (self));
  g_return_if_fail (response != NULL);

  s = g_new0 (Step, 1);
  s->command = command != NULL ? g_bytes_ref (command) : NULL;
  s->response = g_bytes_ref (response);
  g_queue_push_tail (&self->steps, s);
}

GBytes *
tdn_bytes_from_hex (const char *hex)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  int hi = -1;

  g_return_val_if_fail (hex != NULL, NULL);
  for (const char *p = hex; *p != '\0'; p++)
    {
      int v;

      if (g_ascii_isspace (*p))
        continue;
      v = g_ascii_xdigit_value (*p);
      if (v < 0)
        return NULL;
      if (hi < 0)
        hi = v;
      else
        {
          guint8 b = (guint8) ((hi << 4) | v);
          g_byte_array_append (out, &b, 1);
          hi = -1;
        }
    }
  if (hi >= 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
tdn_replay_transceiver_expect_hex (TdnReplayTransceiver *self,
                                   const char           *command_hex,
                                   const char           *response_hex)
{
  g_autoptr(GBytes) cmd = NULL;
  g_autoptr(GBytes) resp = NULL;

  g_return_val_if_fail (TDN_IS_REPLAY_TRANSCEIVER (self), FALSE);
  if (command_hex != NULL && (cmd = tdn_bytes_from_hex (command_hex)) == NULL)
    return FALSE;
  if ((resp = tdn_bytes_from_hex (response_hex)) == NULL)
    return FALSE;
  tdn_replay_transceiver_expect (self, cmd, resp);
  return TRUE;
}

guint
tdn_replay_transceiver_get_remaining (TdnReplayTransceiver *self)
{
  g_return_val_if_fail (TDN_IS_REPLAY_TRANSCEIVER (self), 0);
  return self->steps.length;
}

guint
tdn_replay_transceiver_get_count (TdnReplayTransceiver *self)
{
  g_return_val_if_fail (TDN_IS_REPLAY_TRANSCEIVER (self), 0);
  return self->count;
}
