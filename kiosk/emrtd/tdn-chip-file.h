/* tdn-chip-file.h — read an elementary file of the chip, by FID, under SM
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SELECT by FID (P2 0C, no FCI), then READ BINARY with the largest Le
 * the session allows. The first read asks for a full Le at offset 0: it
 * brings the TLV header, which gives the file's length, and the first
 * data; the following reads ask for exactly what is left, so a file of
 * n bytes costs 1 + ceil(n / Le) APDUs and no byte is read twice.
 * Offsets above 0x7FFF use the odd INS B1 with an offset object.
 */
#pragma once

#include "tdn-chip-session.h"

G_BEGIN_DECLS

/* File identifiers (ICAO 9303-10 §4.6, EF.CardAccess in the MF). */
#define TDN_FID_CARD_ACCESS 0x011C
#define TDN_FID_COM         0x011E
#define TDN_FID_SOD         0x011D
#define TDN_FID_DG1         0x0101
#define TDN_FID_DG2         0x0102
#define TDN_FID_DG13        0x010D
#define TDN_FID_DG14        0x010E
#define TDN_FID_DG15        0x010F

/* No CCCD file comes near this; a header announcing more is refused. */
#define TDN_CHIP_FILE_MAX_SIZE (512 * 1024)

typedef void (*TdnChipProgressFunc) (guint16  fid,
                                     gsize    done,
                                     gsize    total,
                                     gpointer user_data);

/* The whole file (its outer TLV), NULL with error. A missing file is
 * TDN_CHIP_ERROR_FILE_NOT_FOUND, a refused one TDN_CHIP_ERROR_SECURITY. */
GBytes *tdn_chip_read_file (TdnChipSession      *session,
                            guint16              fid,
                            TdnChipProgressFunc  progress,
                            gpointer             user_data,
                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Length of the TLV starting at `data` (header + value) from its first
 * bytes; FALSE when the header itself is not complete or malformed. */
gboolean tdn_chip_tlv_total_length (const guint8 *data,
                                    gsize         len,
                                    gsize        *total);

const char *tdn_chip_file_name (guint16 fid);

G_END_DECLS
