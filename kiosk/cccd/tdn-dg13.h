/* tdn-dg13.h — the Vietnamese DG13 (personal details) on the CCCD chip
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 6D { 30 { 02 version, 06 OID, 31 { 30 { 02 n, value… } … } } }, fields
 * keyed by their number (1–16), never by position or offset. Values may
 * be PrintableString or UTF8String anywhere; field 13 holds the parents'
 * names in nested sequences; field 14 may be empty; unknown fields are
 * kept raw in `extra_fields` as "N:value".
 */
#pragma once

#include "tdn-cccd-error.h"
#include "tdn-identity.h"

G_BEGIN_DECLS

/* Fills `identity` from DG13's bytes (the whole 6D TLV). */
gboolean tdn_dg13_parse (const guint8 *data,
                         gsize         length,
                         TdnIdentity  *identity,
                         GError      **error);

G_END_DECLS
