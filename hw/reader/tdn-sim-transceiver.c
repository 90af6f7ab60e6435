/* tdn-sim-transceiver.c — the simulator backend: a card emulator over TCP
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "tdn-sim-transceiver.h"

struct _TdnSimTransceiver
{
  GObject  parent_instance;
  GSocket *listener;
  GSocket *card;
  guint16  port;
  guint    apdu_timeout_ms;
};

static void transceiver_iface_init (TdnTransceiverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnSimTransceiver, tdn_sim_transceiver, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_TRANSCEIVER, transceiver_iface_init))

static gboolean
card_gone (TdnSimTransceiver *self,
           GError           **error)
{
  g_clear_object (&self->card);
  g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_CARD_REMOVED,
                       _("The card was moved during the reading. Place it on the reader "
                         "again and keep it still."));
  return FALSE;
}

/* Reads exactly `len` bytes before the socket's timeout. */
static gboolean
read_exact (TdnSimTransceiver *self,
            guint8            *buf,
            gsize              len,
            GError           **error)
{
  gsize got = 0;

  while (got < len)
    {
      g_autoptr(GError) local = NULL;
      gssize n = g_socket_receive (self->card, (char *) buf + got, len - got, NULL, &local);

      if (n > 0)
        {
          got += (gsize) n;
          continue;
        }
      if (n < 0 && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        {
          g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_TIMEOUT,
                               _("The card did not answer in time. Place it on the reader again."));
          return FALSE;
        }
      return card_gone (self, error);
    }
  return TRUE;
}

static gboolean
send_frame (TdnSimTransceiver *self,
            const guint8      *data,
            gsize              len,
            GError           **error)
{
  guint8 hdr[2] = { (guint8) (len >> 8), (guint8) len };

  if (len > 0xFFFF
      || g_socket_send (self->card, (const char *) hdr, 2, NULL, NULL) != 2
      || g_socket_send (self->card, (const char *) data, len, NULL, NULL) != (gssize) len)
    return card_gone (self, error);
  return TRUE;
}

static GBytes *
recv_frame (TdnSimTransceiver *self,
            GError           **error)
{
  guint8 hdr[2];
  gsize len;
  g_autofree guint8 *buf = NULL;

  if (!read_exact (self, hdr, 2, error))
    return NULL;
  len = ((gsize) hdr[0] << 8) | hdr[1];
  buf = g_malloc (len + 1);
  if (!read_exact (self, buf, len, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buf), len);
}

static GBytes *
sim_transmit (TdnTransceiver  *transceiver,
              GBytes          *command,
              GError         **error)
{
  TdnSimTransceiver *self = TDN_SIM_TRANSCEIVER (transceiver);
  gsize n;
  const guint8 *c = g_bytes_get_data (command, &n);

  if (self->card == NULL)
    {
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_CARD,
                           _("There is no card on the reader “sim”. Place the card on it."));
      return NULL;
    }
  g_socket_set_timeout (self->card, (self->apdu_timeout_ms + 999) / 1000);
  if (!send_frame (self, c, n, error))
    return NULL;
  return recv_frame (self, error);
}

static void
transceiver_iface_init (TdnTransceiverInterface *iface)
{
  iface->transmit = sim_transmit;
}

static void
tdn_sim_transceiver_finalize (GObject *object)
{
  TdnSimTransceiver *self = TDN_SIM_TRANSCEIVER (object);

  if (self->card != NULL)
    g_socket_close (self->card, NULL);
  g_clear_object (&self->card);
  if (self->listener != NULL)
    g_socket_close (self->listener, NULL);
  g_clear_object (&self->listener);
  G_OBJECT_CLASS (tdn_sim_transceiver_parent_class)->finalize (object);
}

static void
tdn_sim_transceiver_class_init (TdnSimTransceiverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_sim_transceiver_finalize;
}

static void
tdn_sim_transceiver_init (TdnSimTransceiver *self)
{
  self->apdu_timeout_ms = 5000;
}

TdnSimTransceiver *
tdn_sim_transceiver_new (guint16   port,
                         GError  **error)
{
  g_autoptr(TdnSimTransceiver) self = g_object_new (TDN_TYPE_SIM_TRANSCEIVER, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, port);
  g_autoptr(GSocketAddress) bound = NULL;

  self->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, error);
  if (self->listener == NULL
      || !g_socket_bind (self->listener, addr, TRUE, error)
      || !g_socket_listen (self->listener, error))
    return NULL;
  bound = g_socket_get_local_address (self->listener, error);
  if (bound == NULL)
    return NULL;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return g_steal_pointer (&self);
}

guint16
tdn_sim_transceiver_get_port (TdnSimTransceiver *self)
{
  g_return_val_if_fail (TDN_IS_SIM_TRANSCEIVER (self), 0);
  return self->port;
}

void
tdn_sim_transceiver_set_apdu_timeout (TdnSimTransceiver *self,
                                      guint              timeout_ms)
{
  g_return_if_fail (TDN_IS_SIM_TRANSCEIVER (self));
  self->apdu_timeout_ms = MAX (timeout_ms, 1);
}

gboolean
tdn_sim_transceiver_wait_card (TdnSimTransceiver  *self,
                               guint               timeout_ms,
                               GError            **error)
{
  static const guint8 power_on = 1, atr = 4;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (TDN_IS_SIM_TRANSCEIVER (self), FALSE);

  g_clear_object (&self->card);
  if (!g_socket_condition_timed_wait (self->listener, G_IO_IN,
                                      (gint64) timeout_ms * 1000, NULL, &local))
    {
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_CARD,
                           _("There is no card on the reader “sim”. Place the card on it."));
      return FALSE;
    }
  self->card = g_socket_accept (self->listener, NULL, error);
  if (self->card == NULL)
    return FALSE;
  g_socket_set_blocking (self->card, TRUE);
  g_socket_set_timeout (self->card, (self->apdu_timeout_ms + 999) / 1000);
  if (!send_frame (self, &power_on, 1, error) || !send_frame (self, &atr, 1, error))
    return FALSE;
  answer = recv_frame (self, error);
  return answer != NULL;
}
