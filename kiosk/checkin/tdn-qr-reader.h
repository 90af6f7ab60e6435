/* tdn-qr-reader.h — QR payloads in, identities out
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TdnIdentityReader of kind QR: each payload (raw bytes from a scanner,
 * hw/scanner's ::payload-scanned) is parsed with kiosk/cccd
 * (tdn_qr_parse): a CCCD, Căn cước or BHYT card QR gives ::identity with
 * assurance qr; a broken card QR or anything else (a URL, a VNeID code)
 * gives ::failed with a message that says what to show instead. The
 * payload is never logged.
 */
#pragma once

#include "tdn-identity-reader.h"

G_BEGIN_DECLS

#define TDN_TYPE_QR_READER (tdn_qr_reader_get_type ())
G_DECLARE_FINAL_TYPE (TdnQrReader, tdn_qr_reader, TDN, QR_READER, GObject)

TdnIdentityReader *tdn_qr_reader_new           (void) G_GNUC_WARN_UNUSED_RESULT;
void               tdn_qr_reader_feed          (TdnQrReader *self,
                                                GBytes      *payload);
void               tdn_qr_reader_set_connected (TdnQrReader *self,
                                                gboolean     connected);

G_END_DECLS
