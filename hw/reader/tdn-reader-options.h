/* tdn-reader-options.h — chip read options from tiepdon.conf [reader]
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-base.h"
#include "tdn-chip-read.h"

G_BEGIN_DECLS

/* max_le, extended_length and (when this build verifies SODs) the CSCA
 * trust store; pointers stay owned by `config`. */
void tdn_reader_options_from_config (TdnConfig          *config,
                                     TdnChipReadOptions *options);

G_END_DECLS
