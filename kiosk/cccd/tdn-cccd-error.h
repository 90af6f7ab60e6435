/* tdn-cccd-error.h — errors of the CCCD identity parsers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_CCCD_ERROR (tdn_cccd_error_quark ())

typedef enum {
  TDN_CCCD_ERROR_EMPTY,         /* nothing to parse */
  TDN_CCCD_ERROR_TOO_LONG,      /* longer than any real code holds */
  TDN_CCCD_ERROR_NOT_TEXT,      /* NUL bytes or invalid UTF-8 */
  TDN_CCCD_ERROR_FIELD_COUNT,   /* wrong number of fields */
  TDN_CCCD_ERROR_BAD_ID,        /* ID number not 12 digits */
  TDN_CCCD_ERROR_BAD_DATE,      /* impossible or malformed date */
  TDN_CCCD_ERROR_BAD_SEX,
  TDN_CCCD_ERROR_BAD_FIELD,     /* another field is malformed */
} TdnCccdError;

GQuark tdn_cccd_error_quark (void);

G_END_DECLS
