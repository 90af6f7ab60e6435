/* tdn-id-number.h — the 12-digit personal identification number
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PPP G YY RRRRRR: province (or country) of birth registration, century
 * and sex (even = male: 0/1 1900s, 2/3 2000s, 4/5 2100s …), last two
 * digits of the birth year, random. No check digit. Unknown PPP codes are
 * never refused (births registered abroad use country codes).
 */
#pragma once

#include "tdn-partial-date.h"

G_BEGIN_DECLS

typedef enum {
  TDN_SEX_UNKNOWN,
  TDN_SEX_MALE,
  TDN_SEX_FEMALE,
} TdnSex;

/* 12 ASCII digits; the error says what is wrong. */
gboolean    tdn_id_number_check       (const char   *id,
                                       GError      **error);
/* The birth year range and sex the number encodes. */
void        tdn_id_number_decode      (const char   *id,
                                       int          *birth_year,
                                       TdnSex       *sex);
/* NULL when `id` agrees with `dob` and `sex` (either may be unknown),
 * else a translated sentence saying how it disagrees. */
char       *tdn_id_number_disagreement (const char          *id,
                                        const TdnPartialDate *dob,
                                        TdnSex               sex) G_GNUC_WARN_UNUSED_RESULT;
/* The last 9 digits (the MRZ document number) and the last 6 (the PACE CAN). */
char       *tdn_id_number_document_number (const char *id) G_GNUC_WARN_UNUSED_RESULT;
char       *tdn_id_number_can             (const char *id) G_GNUC_WARN_UNUSED_RESULT;

const char *tdn_sex_to_string         (TdnSex        sex);
/* "Nam"/"Nữ" (any case, with or without diacritics), "M"/"F", "1"/"2". */
TdnSex      tdn_sex_parse             (const char   *text);

G_END_DECLS
