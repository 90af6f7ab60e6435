/* tdn-spool-ctl-private.h — what the spool's tiepdonctl files share
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-ctl.h"
#include "tdn-spool.h"

G_BEGIN_DECLS

/* The spool named by the configuration, with its busy timeout. */
TdnSpool *tdn_spool_ctl_open             (TdnCtl  *ctl,
                                          GError **error);
/* spool list|show|retry|purge|export (tdn-spool-ctl-outbox.c). */
void      tdn_spool_ctl_register_outbox  (TdnCtl  *ctl);

G_END_DECLS
