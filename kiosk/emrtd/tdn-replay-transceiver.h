/* tdn-replay-transceiver.h — scripted command → response pairs for tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-transceiver.h"

G_BEGIN_DECLS

#define TDN_REPLAY_TRANSCEIVER_ERROR (tdn_replay_transceiver_error_quark ())
GQuark tdn_replay_transceiver_error_quark (void);

typedef enum {
  TDN_REPLAY_TRANSCEIVER_ERROR_UNEXPECTED, /* command differs from the script */
  TDN_REPLAY_TRANSCEIVER_ERROR_EXHAUSTED,  /* more commands than scripted */
} TdnReplayTransceiverError;

#define TDN_TYPE_REPLAY_TRANSCEIVER (tdn_replay_transceiver_get_type ())
G_DECLARE_FINAL_TYPE (TdnReplayTransceiver, tdn_replay_transceiver, TDN, REPLAY_TRANSCEIVER, GObject)

TdnReplayTransceiver *tdn_replay_transceiver_new (void) G_GNUC_WARN_UNUSED_RESULT;

/* command NULL accepts any command (e.g. one carrying fresh randomness). */
void     tdn_replay_transceiver_expect (TdnReplayTransceiver *self,
                                        GBytes               *command,
                                        GBytes               *response);
gboolean tdn_replay_transceiver_expect_hex (TdnReplayTransceiver *self,
                                            const char           *command_hex,
                                            const char           *response_hex);
guint    tdn_replay_transceiver_get_remaining (TdnReplayTransceiver *self);
guint    tdn_replay_transceiver_get_count (TdnReplayTransceiver *self);

GBytes *tdn_bytes_from_hex (const char *hex) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
