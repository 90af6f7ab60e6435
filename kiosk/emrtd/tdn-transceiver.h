/* tdn-transceiver.h — sends one command APDU to a chip, returns its response
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDN_TYPE_TRANSCEIVER (tdn_transceiver_get_type ())
G_DECLARE_INTERFACE (TdnTransceiver, tdn_transceiver, TDN, TRANSCEIVER, GObject)

struct _TdnTransceiverInterface
{
  GTypeInterface parent_iface;

  /* Returns the full response (data + SW1 SW2) or NULL with error set. */
  GBytes * (*transmit) (TdnTransceiver *self,
                        GBytes         *command,
                        GError        **error);
};

GBytes *tdn_transceiver_transmit (TdnTransceiver *self,
                                  GBytes         *command,
                                  GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
