/* tdn-tlv.h — BER-TLV reader for ICAO 9303 data that never trusts a length
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_TLV_ERROR (tdn_tlv_error_quark ())
GQuark tdn_tlv_error_quark (void);

typedef enum {
  TDN_TLV_ERROR_TRUNCATED,     /* header or value runs past the buffer */
  TDN_TLV_ERROR_BAD_TAG,       /* tag longer than 3 bytes or malformed */
  TDN_TLV_ERROR_BAD_LENGTH,    /* indefinite, over-long or non-minimal length */
} TdnTlvError;

/* One decoded element; value points into the caller's buffer. */
typedef struct {
  guint32       tag;         /* tag bytes big-endian, e.g. 0x5F1F, 0x61 */
  gboolean      constructed; /* bit 6 of the first tag byte */
  const guint8 *value;
  gsize         length;      /* length of value */
  gsize         header_len;  /* bytes of tag + length */
} TdnTlv;

/* A cursor over a buffer of concatenated TLVs. */
typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
} TdnTlvReader;

void     tdn_tlv_reader_init (TdnTlvReader *self,
                              const guint8 *data,
                              gsize         len);
gboolean tdn_tlv_reader_at_end (const TdnTlvReader *self);
/* The next TLV; FALSE at the end (trailing 0x00/0xFF padding counts as
 * the end) with `error` unset, or FALSE with `error` for bad bytes. */
gboolean tdn_tlv_reader_next (TdnTlvReader *self,
                              TdnTlv       *out,
                              GError      **error);

gboolean tdn_tlv_parse_header (const guint8 *data,
                               gsize         len,
                               guint32      *tag,
                               gsize        *value_len,
                               gsize        *header_len,
                               GError      **error);

gboolean tdn_tlv_find (const guint8 *data,
                       gsize         len,
                       guint32       tag,
                       TdnTlv       *out,
                       GError      **error);

gsize tdn_tlv_encode_length (gsize   length,
                             guint8 *out);

G_END_DECLS
