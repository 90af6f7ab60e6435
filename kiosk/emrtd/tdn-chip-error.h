/* tdn-chip-error.h — errors of a chip read (access, files, data)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_CHIP_ERROR (tdn_chip_error_quark ())
GQuark tdn_chip_error_quark (void);

typedef enum {
  TDN_CHIP_ERROR_ACCESS_DENIED,  /* BAC/PACE refused every key we had */
  TDN_CHIP_ERROR_NOT_ID_CARD,    /* no eMRTD application on the chip */
  TDN_CHIP_ERROR_FILE_NOT_FOUND, /* 6A82 on a file the read needs */
  TDN_CHIP_ERROR_SECURITY,       /* 6982 / 6988: not allowed or SM broken */
  TDN_CHIP_ERROR_PROTOCOL,       /* unexpected status word or answer */
  TDN_CHIP_ERROR_BAD_DATA,       /* a data group that does not parse */
  TDN_CHIP_ERROR_NO_KEY,         /* nothing to derive an access key from */
  TDN_CHIP_ERROR_TOO_LARGE,      /* a file larger than any real one */
} TdnChipError;

G_END_DECLS
