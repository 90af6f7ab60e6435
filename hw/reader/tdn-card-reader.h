/* tdn-card-reader.h — read a chip card off the main thread, with progress
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The read (tdn_chip_read() over an exclusive PC/SC connection) runs in
 * its own thread; progress and the result come back on the GLib main
 * context that was current when the read started. The read ends by
 * itself at the deadline or when cancelled, at once, even while the
 * worker is stuck inside the PC/SC stack: the worker is told to stop and
 * its late result is dropped. Errors: TDN_READER_ERROR (reader, card
 * removed, timeout), TDN_CHIP_ERROR (access, data), or G_IO_ERROR_CANCELLED
 * when the caller's cancellable fired.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-chip-read.h"
#include "tdn-transceiver.h"

G_BEGIN_DECLS

/* `stage` as in TdnChipStageFunc ("access", "PACE", "BAC", "DG13", …). */
typedef void (*TdnCardReadProgressFunc) (const char *stage,
                                         gsize       done,
                                         gsize       total,
                                         gpointer    user_data);

/* Opens the transceiver in the worker thread; the default opens the PC/SC
 * reader `reader`. Tests and the simulator pass their own. */
typedef TdnTransceiver * (*TdnCardOpenFunc) (const char  *reader,
                                             guint        timeout_ms,
                                             gpointer     user_data,
                                             GError     **error);

typedef struct {
  const char              *reader;      /* PC/SC name; NULL/"" = first with a card */
  guint                    timeout_ms;  /* 0 = none */
  TdnCardOpenFunc          open;        /* NULL = PC/SC */
  gpointer                 open_data;
  TdnCardReadProgressFunc  progress;
  gpointer                 progress_data;
  /* With options->read_photo: the identity, checked by passive
   * authentication, before the photo is read (on the main context, before
   * the result; options->identity_ready is ignored). */
  TdnChipIdentityFunc      identity;
  gpointer                 identity_data;
} TdnCardReadParams;

/* `keys` and `options` are copied (the CSCA store is referenced). */
void           tdn_card_read_async  (const TdnCardReadParams  *params,
                                     const TdnChipKeys        *keys,
                                     const TdnChipReadOptions *options,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
TdnChipResult *tdn_card_read_finish (GAsyncResult             *result,
                                     GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

/* Runs the async read in a private main loop: the blocking form for
 * tiepdonctl and tests, with the same deadline guarantee. */
TdnChipResult *tdn_card_read_sync   (const TdnCardReadParams  *params,
                                     const TdnChipKeys        *keys,
                                     const TdnChipReadOptions *options,
                                     GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
