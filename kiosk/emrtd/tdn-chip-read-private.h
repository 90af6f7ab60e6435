/* tdn-chip-read-private.h — shared between the chip read and its checks
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-chip-read.h"
#include "tdn-chip-session.h"

G_BEGIN_DECLS

typedef struct {
  TdnChipSession           *session;
  const TdnChipReadOptions *options;
  const char               *stage;
  gboolean                  ca_pending;  /* new CA keys not yet used by the card */
  gboolean                  ca_failed;   /* the card could not follow them: stop */
} TdnChipReadCtx;

void tdn_chip_read_stage          (TdnChipReadCtx           *ctx,
                                   const char               *name);
void tdn_chip_check_passive_auth  (TdnChipResult            *res,
                                   const TdnChipReadOptions *options);
void tdn_chip_check_active_auth   (TdnChipReadCtx           *ctx,
                                   TdnChipResult            *res);
/* Chip Authentication with DG14's key inside the current SM session; on
 * success the session continues with the new keys and ctx->ca_pending is
 * set until the card's next SM answer proves it holds them. */
void tdn_chip_check_chip_auth     (TdnChipReadCtx           *ctx,
                                   TdnChipResult            *res);
/* After an SM command under the new keys: confirmed, or (failed_sm) the
 * chip could not compute them — a copy. */
void tdn_chip_check_chip_auth_confirm (TdnChipReadCtx       *ctx,
                                       TdnChipResult        *res,
                                       gboolean              failed_sm);

G_END_DECLS
