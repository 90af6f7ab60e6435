/* tdn-tlv.h — BER-TLV that never trusts a length
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chip files (DG1, DG13, SOD, EF.COM) are BER-TLV. Every tag and length
 * read here is checked against the bytes actually there: a length that
 * runs past the end, an indefinite length, or a tag longer than four bytes
 * is an error, never a read past the buffer.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_TLV_ERROR (tdn_tlv_error_quark ())

typedef enum {
  TDN_TLV_ERROR_TRUNCATED,   /* header or value runs past the end */
  TDN_TLV_ERROR_MALFORMED,   /* indefinite length, oversized tag or length */
} TdnTlvError;

GQuark tdn_tlv_error_quark (void);

typedef struct {
  guint32       tag;          /* tag bytes as a number, e.g. 0x5F1F */
  gboolean      constructed;
  const guint8 *value;
  gsize         length;
  gsize         header_length;
} TdnTlv;

typedef struct {
  const guint8 *data;
  gsize         length;
  gsize         pos;
} TdnTlvReader;

void     tdn_tlv_reader_init   (TdnTlvReader  *reader,
                                const guint8  *data,
                                gsize          length);
/* The next TLV; FALSE at the end (`error` unset) or on bad bytes (set).
 * Trailing 0x00/0xFF padding after the last TLV counts as the end. */
gboolean tdn_tlv_reader_next   (TdnTlvReader  *reader,
                                TdnTlv        *tlv,
                                GError       **error);
/* Reads only a header: the tag and the length it announces, even when
 * the value is not (yet) there — for reading a file in pieces. The
 * announced length is bounded by `max_length`. */
gboolean tdn_tlv_parse_header  (const guint8  *data,
                                gsize          length,
                                gsize          max_length,
                                guint32       *tag,
                                gsize         *header_length,
                                gsize         *value_length,
                                GError       **error);
/* The first TLV with `tag` directly inside `data`, or FALSE. */
gboolean tdn_tlv_find          (const guint8  *data,
                                gsize          length,
                                guint32        tag,
                                TdnTlv        *out,
                                GError       **error);

G_END_DECLS
