/* tdn-chip-identity-reader.h — the chip reader as the check-in's identity source
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TdnIdentityReader (kind card) on TdnReaderMonitor and
 * tdn_card_read_async() (ADR 0600, "Plugging in the chip reader"): per
 * card on the configured reader (any reader when `[reader] name` is
 * empty), the access keys come from the identity the kiosk already has
 * (the QR or the keypad gave the ID number); without one nothing is read
 * (the machine asks for the QR first). Then ::reading, the threaded read,
 * ::identity with assurance chip+pa when passive authentication passed
 * (else chip), ::photo when DG2 was read ([reader] read_photo), or
 * ::failed. With the photo asked for, ::identity comes as soon as DG1,
 * DG13 and EF.SOD are read and checked, before DG2 (most of the read: the
 * patient sees their name 2–3 s sooner); the photo follows, and is
 * dropped when passive authentication fails on DG2 alone. A card taken away
 * during the photo leaves the identity as it is. A card taken away
 * cancels its read and gives ::card-removed; readers coming and going give
 * ::connection-changed.
 */
#pragma once

#include "tdn-base.h"
#include "tdn-identity-reader.h"

G_BEGIN_DECLS

/* The identity whose ID number (and dates) open the chip, or NULL. */
typedef const TdnIdentity * (*TdnChipKeySourceFunc) (gpointer user_data);

#define TDN_TYPE_CHIP_IDENTITY_READER (tdn_chip_identity_reader_get_type ())
G_DECLARE_FINAL_TYPE (TdnChipIdentityReader, tdn_chip_identity_reader, TDN, CHIP_IDENTITY_READER, GObject)

TdnChipIdentityReader *tdn_chip_identity_reader_new (TdnConfig            *config,
                                                     TdnChipKeySourceFunc  key_source,
                                                     gpointer              key_source_data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
