/* tdn-qr-payload.h — what a scanned QR code says about a person
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input is the raw bytes from the scanner (not a C string: it may hold NUL
 * bytes or broken UTF-8). Recognised: the CCCD front QR
 * (ID|old ID|name|DOB|sex|address|issue date), the 2024 Căn cước QR (the
 * same seven fields and more, the rest kept raw), and the BHYT card QR
 * (QĐ 1313: name and address as hex of UTF-8, "$" at the end). Anything
 * else (a VNeID QR, a URL) comes back as source "unrecognised" with only
 * its length. A payload that is meant as a card QR but is broken is an
 * error that says why.
 */
#pragma once

#include "tdn-cccd-error.h"
#include "tdn-identity.h"

G_BEGIN_DECLS

/* No QR code holds more than 2953 bytes; allow some margin. */
#define TDN_QR_MAX_PAYLOAD 4096
/* Fields beyond these are refused rather than split. */
#define TDN_QR_MAX_FIELDS 64

TdnIdentity *tdn_qr_parse      (const guint8 *data,
                                gsize         length,
                                GError      **error);

/* The BHYT card QR (tdn-bhyt-qr.c), `text` already UTF-8, NFC, trimmed. */
gboolean     tdn_bhyt_qr_looks_like (const char *text);
TdnIdentity *tdn_bhyt_qr_parse (const char   *text,
                                GError      **error);

/* Shared helpers of the parsers. */
char        *tdn_cccd_clean_text    (const char *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean     tdn_cccd_is_digits     (const char *text);
gboolean     tdn_cccd_looks_mojibake (const char *text);

G_END_DECLS
