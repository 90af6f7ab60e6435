/* tdn-chip-session.h — one conversation with a chip: transceiver, SM, counters
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that talks to the chip goes through a session, so secure
 * messaging is applied in one place and every APDU and byte is counted.
 * Once BAC or PACE installed session keys, tdn_chip_session_send()
 * protects each command; tdn_chip_session_free() wipes the keys.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-chip-error.h"
#include "tdn-sm.h"
#include "tdn-transceiver.h"

G_BEGIN_DECLS

typedef struct _TdnChipSession TdnChipSession;

TdnChipSession *tdn_chip_session_new (TdnTransceiver *transceiver) G_GNUC_WARN_UNUSED_RESULT;
void            tdn_chip_session_free (TdnChipSession *self);

/* Largest READ BINARY Le (1..65536; above 256 only with extended length). */
void     tdn_chip_session_set_max_le   (TdnChipSession *self,
                                        guint           max_le);
guint    tdn_chip_session_get_max_le   (TdnChipSession *self);
void     tdn_chip_session_set_extended (TdnChipSession *self,
                                        gboolean        extended);
gboolean tdn_chip_session_get_extended (TdnChipSession *self);

/* Checked before every APDU: once cancelled, sending fails with
 * G_IO_ERROR_CANCELLED (the caller stopped the read or it timed out). */
void     tdn_chip_session_set_cancellable (TdnChipSession *self,
                                           GCancellable   *cancellable);

/* Installs session keys (copied; the caller wipes its copy) or, with
 * NULL, drops them (after an SM error or a failed access attempt). */
void     tdn_chip_session_set_sm (TdnChipSession *self,
                                  const TdnSm    *sm);
gboolean tdn_chip_session_has_sm (TdnChipSession *self);

/* Sends a command in the clear; returns the response data and *sw. */
GBytes  *tdn_chip_session_plain (TdnChipSession *self,
                                 guint8          cla,
                                 guint8          ins,
                                 guint8          p1,
                                 guint8          p2,
                                 const guint8   *data,
                                 gsize           data_len,
                                 gint            le,
                                 guint16        *sw,
                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* Sends a command under SM when keys are installed, else in the clear.
 * An SM failure (bad MAC, malformed answer) drops the keys. */
GBytes  *tdn_chip_session_send  (TdnChipSession *self,
                                 guint8          cla,
                                 guint8          ins,
                                 guint8          p1,
                                 guint8          p2,
                                 const guint8   *data,
                                 gsize           data_len,
                                 gint            le,
                                 guint16        *sw,
                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;

guint    tdn_chip_session_get_apdu_count (TdnChipSession *self);
guint64  tdn_chip_session_get_bytes_sent (TdnChipSession *self);
guint64  tdn_chip_session_get_bytes_received (TdnChipSession *self);
/* Plain data bytes delivered by READ BINARY (file content read). */
guint64  tdn_chip_session_get_file_bytes (TdnChipSession *self);
void     tdn_chip_session_add_file_bytes (TdnChipSession *self,
                                          gsize           n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnChipSession, tdn_chip_session_free)

G_END_DECLS
