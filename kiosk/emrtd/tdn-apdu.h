/* tdn-apdu.h — ISO 7816-4 command APDU encoding and response decoding
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_APDU_ERROR (tdn_apdu_error_quark ())
GQuark tdn_apdu_error_quark (void);

typedef enum {
  TDN_APDU_ERROR_TOO_LONG,   /* Lc or Le beyond what the chosen form allows */
  TDN_APDU_ERROR_SHORT,      /* response without a status word */
} TdnApduError;

/* Le of a command that expects no response data. */
#define TDN_APDU_NO_LE (-1)

/* Status words the reader acts on. */
#define TDN_SW_OK                 0x9000
#define TDN_SW_EOF_WARNING        0x6282
#define TDN_SW_SECURITY_STATUS    0x6982
#define TDN_SW_SM_OBJECTS_WRONG   0x6988
#define TDN_SW_SM_MISSING         0x6987
#define TDN_SW_FILE_NOT_FOUND     0x6A82
#define TDN_SW_WRONG_OFFSET       0x6B00

GBytes *tdn_apdu_build (guint8         cla,
                        guint8         ins,
                        guint8         p1,
                        guint8         p2,
                        const guint8  *data,
                        gsize          data_len,
                        gint           le,
                        gboolean       extended,
                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean tdn_apdu_split_response (const guint8  *resp,
                                  gsize          resp_len,
                                  gsize         *data_len,
                                  guint16       *sw,
                                  GError       **error);

G_END_DECLS
