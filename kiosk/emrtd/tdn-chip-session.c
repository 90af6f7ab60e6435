/* tdn-chip-session.c — one conversation with a chip: transceiver, SM, counters
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <glib/gi18n.h>

#include "tdn-apdu.h"
#include "tdn-chip-session.h"

G_DEFINE_QUARK (tdn-chip-error-quark, tdn_chip_error)

struct _TdnChipSession
{
  TdnTransceiver *transceiver;
  TdnSm           sm;
  gboolean        has_sm;
  guint           max_le;
  gboolean        extended;
  guint           apdus;
  guint64         sent;
  guint64         received;
  guint64         file_bytes;
  GCancellable   *cancellable;
};

TdnChipSession *
tdn_chip_session_new (TdnTransceiver *transceiver)
{
  TdnChipSession *self;

  g_return_val_if_fail (TDN_IS_TRANSCEIVER (transceiver), NULL);

  self = g_new0 (TdnChipSession, 1);
  self->transceiver = g_object_ref (transceiver);
  self->max_le = 0xDF;
  return self;
}

void
tdn_chip_session_free (TdnChipSession *self)
{
  if (self == NULL)
    return;
  tdn_sm_clear (&self->sm);
  g_clear_object (&self->transceiver);
  g_clear_object (&self->cancellable);
  g_free (self);
}

void
tdn_chip_session_set_max_le (TdnChipSession *self,
                             guint           max_le)
{
  g_return_if_fail (max_le >= 1 && max_le <= 65536);
  self->max_le = max_le;
}

guint
tdn_chip_session_get_max_le (TdnChipSession *self)
{
  return self->max_le;
}

void
tdn_chip_session_set_extended (TdnChipSession *self,
                               gboolean        extended)
{
  self->extended = extended;
}

gboolean
tdn_chip_session_get_extended (TdnChipSession *self)
{
  return self->extended;
}

void
tdn_chip_session_set_cancellable (TdnChipSession *self,
                                  GCancellable   *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
}

void
tdn_chip_session_set_sm (TdnChipSession *self,
                         const TdnSm    *sm)
{
  tdn_sm_clear (&self->sm);
  self->has_sm = sm != NULL;
  if (sm != NULL)
    self->sm = *sm;
}

gboolean
tdn_chip_session_has_sm (TdnChipSession *self)
{
  return self->has_sm;
}

static GBytes *
transmit (TdnChipSession  *self,
          GBytes          *command,
          GError         **error)
{
  GBytes *resp;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;
  self->apdus++;
  self->sent += g_bytes_get_size (command);
  resp = tdn_transceiver_transmit (self->transceiver, command, error);
  if (resp != NULL)
    self->received += g_bytes_get_size (resp);
  return resp;
}

GBytes *
tdn_chip_session_plain (TdnChipSession *self,
                        guint8          cla,
                        guint8          ins,
                        guint8          p1,
                        guint8          p2,
                        const guint8   *data,
                        gsize           data_len,
                        gint            le,
                        guint16        *sw,
                        GError        **error)
{
  g_autoptr(GBytes) cmd = NULL;
  g_autoptr(GBytes) resp = NULL;
  gsize n;
  const guint8 *r;

  cmd = tdn_apdu_build (cla, ins, p1, p2, data, data_len, le,
                        le > 256 || data_len > 255, error);
  if (cmd == NULL)
    return NULL;
  resp = transmit (self, cmd, error);
  if (resp == NULL)
    return NULL;
  r = g_bytes_get_data (resp, NULL);
  if (!tdn_apdu_split_response (r, g_bytes_get_size (resp), &n, sw, error))
    return NULL;
  return g_bytes_new (r, n);
}

GBytes *
tdn_chip_session_send (TdnChipSession *self,
                       guint8          cla,
                       guint8          ins,
                       guint8          p1,
                       guint8          p2,
                       const guint8   *data,
                       gsize           data_len,
                       gint            le,
                       guint16        *sw,
                       GError        **error)
{
  g_autoptr(GBytes) cmd = NULL;
  g_autoptr(GBytes) resp = NULL;
  g_autoptr(GError) local = NULL;
  GBytes *plain;
  gsize n;
  guint16 outer;
  const guint8 *r;

  if (!self->has_sm)
    return tdn_chip_session_plain (self, cla, ins, p1, p2, data, data_len, le, sw, error);

  cmd = tdn_sm_wrap (&self->sm, cla, ins, p1, p2, data, data_len, le, error);
  if (cmd == NULL)
    return NULL;
  resp = transmit (self, cmd, error);
  if (resp == NULL)
    return NULL;
  r = g_bytes_get_data (resp, NULL);
  if (!tdn_apdu_split_response (r, g_bytes_get_size (resp), &n, &outer, error))
    return NULL;
  /* A card answers a command it refuses before SM (wrong file, no
   * access, SM objects wrong) with a bare status word. 6987/6988 mean it
   * no longer trusts our SM: the session is over. */
  if (n == 0 && outer != TDN_SW_OK)
    {
      *sw = outer;
      if (outer == TDN_SW_SM_OBJECTS_WRONG || outer == TDN_SW_SM_MISSING)
        tdn_chip_session_set_sm (self, NULL);
      return g_bytes_new (NULL, 0);
    }
  plain = tdn_sm_unwrap (&self->sm, r, g_bytes_get_size (resp), sw, &local);
  if (plain == NULL)
    {
      tdn_chip_session_set_sm (self, NULL);
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_SECURITY,
                   _("The card's answer failed its security check (%s). "
                     "Take the card away and place it on the reader again."),
                   local->message);
      return NULL;
    }
  return plain;
}

guint
tdn_chip_session_get_apdu_count (TdnChipSession *self)
{
  return self->apdus;
}

guint64
tdn_chip_session_get_bytes_sent (TdnChipSession *self)
{
  return self->sent;
}

guint64
tdn_chip_session_get_bytes_received (TdnChipSession *self)
{
  return self->received;
}

guint64
tdn_chip_session_get_file_bytes (TdnChipSession *self)
{
  return self->file_bytes;
}

void
tdn_chip_session_add_file_bytes (TdnChipSession *self,
                                 gsize           n)
{
  self->file_bytes += n;
}
