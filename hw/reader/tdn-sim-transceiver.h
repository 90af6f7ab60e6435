/* tdn-sim-transceiver.h — the simulator backend: a card emulator over TCP
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speaks vpcd's protocol (every message a 2-byte big-endian length and a
 * payload; a 1-byte payload is a control message: 0 off, 1 on, 2 reset,
 * 4 ATR) as the reader side, so the test card emulator
 * (tests/sim/card/cccd_card.py --port N) plugs in without pcscd: for the
 * demo kiosk and for tests that run in parallel. Listens on 127.0.0.1;
 * the card "arrives" when the emulator connects and "leaves" when it
 * disconnects.
 */
#pragma once

#include "tdn-pcsc.h"
#include "tdn-transceiver.h"

G_BEGIN_DECLS

#define TDN_TYPE_SIM_TRANSCEIVER (tdn_sim_transceiver_get_type ())
G_DECLARE_FINAL_TYPE (TdnSimTransceiver, tdn_sim_transceiver, TDN, SIM_TRANSCEIVER, GObject)

/* port 0: the OS picks one (tdn_sim_transceiver_get_port()). */
TdnSimTransceiver *tdn_sim_transceiver_new  (guint16             port,
                                             GError            **error) G_GNUC_WARN_UNUSED_RESULT;
guint16   tdn_sim_transceiver_get_port      (TdnSimTransceiver  *self);
/* Waits for the emulator to connect, powers the card and reads its ATR.
 * TDN_READER_ERROR_NO_CARD after timeout_ms. */
gboolean  tdn_sim_transceiver_wait_card     (TdnSimTransceiver  *self,
                                             guint               timeout_ms,
                                             GError            **error);
/* Longest wait for one response (default 5000 ms): TDN_READER_ERROR_TIMEOUT. */
void      tdn_sim_transceiver_set_apdu_timeout (TdnSimTransceiver *self,
                                                guint              timeout_ms);

G_END_DECLS
