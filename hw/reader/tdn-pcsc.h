/* tdn-pcsc.h — PC/SC (libpcsclite) helpers: errors, reader list
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_READER_ERROR (tdn_reader_error_quark ())
GQuark tdn_reader_error_quark (void);

typedef enum {
  TDN_READER_ERROR_NO_SERVICE,   /* pcscd is not running */
  TDN_READER_ERROR_NO_READER,    /* no reader, or not the one named */
  TDN_READER_ERROR_NO_CARD,      /* the reader holds no card */
  TDN_READER_ERROR_CARD_REMOVED, /* the card left during the read */
  TDN_READER_ERROR_READER_GONE,  /* the reader was unplugged */
  TDN_READER_ERROR_BUSY,         /* another program holds the card */
  TDN_READER_ERROR_TIMEOUT,      /* the read took longer than allowed */
  TDN_READER_ERROR_CANCELLED,
  TDN_READER_ERROR_FAILED,       /* anything else PC/SC reports */
} TdnReaderError;

/* Sets `error` from a PC/SC return code (not SCARD_S_SUCCESS); FALSE. */
gboolean tdn_pcsc_set_error (long         rv,
                             const char  *reader,
                             GError     **error);

/* The readers pcscd knows (empty when none), NULL with error when pcscd
 * does not answer. `present` (optional) gets a card-present flag per
 * reader. */
GStrv    tdn_pcsc_list_readers (GArray  **present,
                                GError  **error);

/* `name`, or (NULL/empty) the first reader that holds a card, else the
 * first reader. */
char    *tdn_pcsc_choose_reader (const char  *name,
                                 GError     **error);

G_END_DECLS
