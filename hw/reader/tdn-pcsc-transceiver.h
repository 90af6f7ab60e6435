/* tdn-pcsc-transceiver.h — the PC/SC backend of TdnTransceiver
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connects to one reader's card with SCARD_SHARE_EXCLUSIVE and holds a
 * transaction for the object's life, so no other PC/SC client can slip a
 * SELECT between our APDUs and break the secure messaging counter. The
 * card is reset on release (its session keys die with it). A card pulled
 * out or a reader unplugged mid-read is a TDN_READER_ERROR, never a hang:
 * each APDU also checks the read's deadline.
 */
#pragma once

#include "tdn-pcsc.h"
#include "tdn-transceiver.h"

G_BEGIN_DECLS

#define TDN_TYPE_PCSC_TRANSCEIVER (tdn_pcsc_transceiver_get_type ())
G_DECLARE_FINAL_TYPE (TdnPcscTransceiver, tdn_pcsc_transceiver, TDN, PCSC_TRANSCEIVER, GObject)

/* timeout_ms: the whole read's budget (0 = none). */
TdnPcscTransceiver *tdn_pcsc_transceiver_new (const char  *reader,
                                              guint        timeout_ms,
                                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;
const char *tdn_pcsc_transceiver_get_reader (TdnPcscTransceiver *self);
/* The card's ATR. */
GBytes     *tdn_pcsc_transceiver_get_atr    (TdnPcscTransceiver *self);
/* The longest command APDU the reader takes (SCARD_ATTR_MAXINPUT), or 0
 * when the driver does not say. */
guint       tdn_pcsc_transceiver_get_max_input (TdnPcscTransceiver *self);
/* Stops the read from another thread: the next APDU fails with
 * TDN_READER_ERROR_CANCELLED. */
void        tdn_pcsc_transceiver_cancel     (TdnPcscTransceiver *self);

G_END_DECLS
