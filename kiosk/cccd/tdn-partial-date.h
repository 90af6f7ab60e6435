/* tdn-partial-date.h — dates of birth that may lack a day or a month
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some people's papers only hold a year ("1948") or a month and year.
 * A TdnPartialDate keeps what is known: month and day are 0 when unknown.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int year;    /* 1..9999 */
  int month;   /* 1..12, or 0 unknown */
  int day;     /* 1..31, or 0 unknown (then month may be known) */
} TdnPartialDate;

/* "ddmmyyyy", "mmyyyy" or "yyyy" (the card QR); a calendar check applies:
 * 29022001 is refused. */
gboolean  tdn_partial_date_parse_compact (const char     *text,
                                          TdnPartialDate *out,
                                          GError        **error);
/* "dd/mm/yyyy", "mm/yyyy" or "yyyy" (the chip, the BHXH gateway). */
gboolean  tdn_partial_date_parse_slashed (const char     *text,
                                          TdnPartialDate *out,
                                          GError        **error);
gboolean  tdn_partial_date_is_complete   (const TdnPartialDate *date);
/* ISO 8601: "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
char     *tdn_partial_date_to_iso        (const TdnPartialDate *date) G_GNUC_WARN_UNUSED_RESULT;
/* "dd/mm/yyyy", or "yyyy" when the day is unknown (what the gateway takes). */
char     *tdn_partial_date_to_slashed    (const TdnPartialDate *date) G_GNUC_WARN_UNUSED_RESULT;
/* -1, 0, 1 comparing what both know (unknown parts compare as their
 * earliest possible value). */
int       tdn_partial_date_compare       (const TdnPartialDate *a,
                                          const TdnPartialDate *b);
/* Completed years on `on` (a complete date); for a partial date of
 * birth, the smallest age the person can be. -1 if born after `on`. */
int       tdn_partial_date_age_on        (const TdnPartialDate *birth,
                                          const TdnPartialDate *on);
/* Today in the hospital's time zone. */
void      tdn_partial_date_today         (TdnPartialDate *out);

G_END_DECLS
