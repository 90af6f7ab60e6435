/* tdn-reader-options.h — chip read options from tiepdon.conf [reader]
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-base.h"
#include "tdn-chip-read.h"

G_BEGIN_DECLS

/* max_le, extended_length, the CSCA trust store (reader.csca_dir; a
 * store that cannot load is logged and left empty: cards are then
 * untrusted_csca) and the passive authentication policy. Release with
 * tdn_reader_options_clear(). */
void tdn_reader_options_from_config (TdnConfig          *config,
                                     TdnChipReadOptions *options);
void tdn_reader_options_clear       (TdnChipReadOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TdnChipReadOptions, tdn_reader_options_clear)

G_END_DECLS
