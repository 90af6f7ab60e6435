/* tdn-transceiver.c — sends one command APDU to a chip, returns its response
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include "tdn-transceiver.h"

G_DEFINE_INTERFACE (TdnTransceiver, tdn_transceiver, G_TYPE_OBJECT)

static void
tdn_transceiver_default_init (TdnTransceiverInterface *iface)
{
}

GBytes *
tdn_transceiver_transmit (TdnTransceiver *self,
                          GBytes         *command,
                          GError        **error)
{
  TdnTransceiverInterface *iface;
  GBytes *resp;

  g_return_val_if_fail (TDN_IS_TRANSCEIVER (self), NULL);
  g_return_val_if_fail (command != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = TDN_TRANSCEIVER_GET_IFACE (self);
  g_return_val_if_fail (iface->transmit != NULL, NULL);
  resp = iface->transmit (self, command, error);
  return resp;
}
