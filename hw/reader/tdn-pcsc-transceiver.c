/* tdn-pcsc-transceiver.c — the PC/SC backend of TdnTransceiver
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <PCSC/reader.h>
#include <PCSC/winscard.h>

#include "tdn-pcsc-transceiver.h"

struct _TdnPcscTransceiver
{
  GObject       parent_instance;
  SCARDCONTEXT  ctx;
  SCARDHANDLE   card;
  DWORD         protocol;
  gboolean      in_transaction;
  char         *reader;
  GBytes       *atr;
  guint         max_input;
  gint64        deadline;   /* monotonic µs, 0 = none */
  gint          cancelled;  /* atomic */
  guint8       *buf;
};

static void transceiver_iface_init (TdnTransceiverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnPcscTransceiver, tdn_pcsc_transceiver, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_TRANSCEIVER, transceiver_iface_init))

static GBytes *
pcsc_transmit (TdnTransceiver  *transceiver,
               GBytes          *command,
               GError         **error)
{
  TdnPcscTransceiver *self = TDN_PCSC_TRANSCEIVER (transceiver);
  const SCARD_IO_REQUEST *pci = self->protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) cmd = g_bytes_ref (command);
  LONG rv;

  for (int round = 0; round < 32; round++)
    {
      DWORD len = MAX_BUFFER_SIZE_EXTENDED;
      gsize clen;
      const guint8 *c = g_bytes_get_data (cmd, &clen);

      if (g_atomic_int_get (&self->cancelled))
        {
          tdn_pcsc_set_error (SCARD_E_CANCELLED, self->reader, error);
          return NULL;
        }
      if (self->deadline != 0 && g_get_monotonic_time () > self->deadline)
        {
          tdn_pcsc_set_error (SCARD_E_TIMEOUT, self->reader, error);
          return NULL;
        }
      rv = SCardTransmit (self->card, pci, c, (DWORD) clen, NULL, self->buf, &len);
      if (rv != SCARD_S_SUCCESS)
        {
          tdn_pcsc_set_error (rv, self->reader, error);
          return NULL;
        }
      if (len < 2)
        {
          tdn_pcsc_set_error (SCARD_E_COMM_DATA_LOST, self->reader, error);
          return NULL;
        }
      /* T=0 style "61xx: more data, GET RESPONSE" (some readers pass it up). */
      if (self->buf[len - 2] == 0x61)
        {
          guint8 gr[5] = { 0x00, 0xC0, 0x00, 0x00, self->buf[len - 1] };

          g_byte_array_append (out, self->buf, len - 2);
          g_bytes_unref (cmd);
          cmd = g_bytes_new (gr, sizeof gr);
          continue;
        }
      g_byte_array_append (out, self->buf, len);
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
  tdn_pcsc_set_error (SCARD_E_COMM_DATA_LOST, self->reader, error);
  return NULL;
}

static void
transceiver_iface_init (TdnTransceiverInterface *iface)
{
  iface->transmit = pcsc_transmit;
}

static void
tdn_pcsc_transceiver_finalize (GObject *object)
{
  TdnPcscTransceiver *self = TDN_PCSC_TRANSCEIVER (object);

  if (self->in_transaction)
    SCardEndTransaction (self->card, SCARD_LEAVE_CARD);
  if (self->card != 0)
    SCardDisconnect (self->card, SCARD_RESET_CARD);
  if (self->ctx != 0)
    SCardReleaseContext (self->ctx);
  if (self->buf != NULL)
    memset (self->buf, 0, MAX_BUFFER_SIZE_EXTENDED);
  g_free (self->buf);
  g_free (self->reader);
  g_clear_pointer (&self->atr, g_bytes_unref);
  G_OBJECT_CLASS (tdn_pcsc_transceiver_parent_class)->finalize (object);
}

static void
tdn_pcsc_transceiver_class_init (TdnPcscTransceiverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_pcsc_transceiver_finalize;
}

static void
tdn_pcsc_transceiver_init (TdnPcscTransceiver *self)
{
  self->buf = g_malloc0 (MAX_BUFFER_SIZE_EXTENDED);
}

TdnPcscTransceiver *
tdn_pcsc_transceiver_new (const char  *reader,
                          guint        timeout_ms,
                          GError     **error)
{
  g_autoptr(TdnPcscTransceiver) self = NULL;
  LONG rv;
  guint8 atr[MAX_ATR_SIZE];
  DWORD atr_len = sizeof atr, state = 0, proto = 0, rlen = 0;

  g_return_val_if_fail (reader != NULL, NULL);

  self = g_object_new (TDN_TYPE_PCSC_TRANSCEIVER, NULL);
  self->reader = g_strdup (reader);
  if (timeout_ms > 0)
    self->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  rv = SCardEstablishContext (SCARD_SCOPE_SYSTEM, NULL, NULL, &self->ctx);
  if (rv != SCARD_S_SUCCESS)
    {
      self->ctx = 0;
      tdn_pcsc_set_error (rv, reader, error);
      return NULL;
    }
  /* Right after a card arrives, other PC/SC clients (smart card
   * middleware probing every new card) may hold it for a moment: wait up
   * to two seconds for them before calling the reader busy. */
  for (gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;;)
    {
      rv = SCardConnect (self->ctx, reader, SCARD_SHARE_EXCLUSIVE,
                         SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0, &self->card, &self->protocol);
      if (rv != SCARD_E_SHARING_VIOLATION || g_get_monotonic_time () > until)
        break;
      g_usleep (100 * 1000);
    }
  if (rv != SCARD_S_SUCCESS)
    {
      self->card = 0;
      tdn_pcsc_set_error (rv, reader, error);
      return NULL;
    }
  rv = SCardBeginTransaction (self->card);
  if (rv != SCARD_S_SUCCESS)
    {
      tdn_pcsc_set_error (rv, reader, error);
      return NULL;
    }
  self->in_transaction = TRUE;
  rv = SCardStatus (self->card, NULL, &rlen, &state, &proto, atr, &atr_len);
  if (rv != SCARD_S_SUCCESS)
    {
      tdn_pcsc_set_error (rv, reader, error);
      return NULL;
    }
  self->atr = g_bytes_new (atr, atr_len);
  {
    guint8 attr[8] = { 0 };
    DWORD attr_len = sizeof attr;

    if (SCardGetAttrib (self->card, SCARD_ATTR_MAXINPUT, attr, &attr_len) == SCARD_S_SUCCESS
        && attr_len >= 4)
      self->max_input = attr[0] | attr[1] << 8 | attr[2] << 16 | (guint) attr[3] << 24;
  }
  return g_steal_pointer (&self);
}

const char *
tdn_pcsc_transceiver_get_reader (TdnPcscTransceiver *self)
{
  g_return_val_if_fail (TDN_IS_PCSC_TRANSCEIVER (self), NULL);
  return self->reader;
}

GBytes *
tdn_pcsc_transceiver_get_atr (TdnPcscTransceiver *self)
{
  g_return_val_if_fail (TDN_IS_PCSC_TRANSCEIVER (self), NULL);
  return self->atr;
}

guint
tdn_pcsc_transceiver_get_max_input (TdnPcscTransceiver *self)
{
  g_return_val_if_fail (TDN_IS_PCSC_TRANSCEIVER (self), 0);
  return self->max_input;
}

void
tdn_pcsc_transceiver_cancel (TdnPcscTransceiver *self)
{
  g_return_if_fail (TDN_IS_PCSC_TRANSCEIVER (self));
  g_atomic_int_set (&self->cancelled, 1);
}
