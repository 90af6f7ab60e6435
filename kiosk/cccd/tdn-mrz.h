/* tdn-mrz.h — the TD1 machine-readable zone of the CCCD and DG1
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Line 1: "ID" VNM <doc number = last 9 digits of the ID> <cd> <12-digit
 * ID> "<<" <cd of the ID>. Line 2: DOB <cd> sex expiry <cd> nationality
 * <<<… composite <cd>. Line 3: SURNAME<<GIVEN<NAMES. Every check digit
 * (7-3-1) is verified.
 */
#pragma once

#include "tdn-cccd-error.h"
#include "tdn-identity.h"

G_BEGIN_DECLS

#define TDN_MRZ_TD1_LENGTH 90

/* The ICAO 9303 check digit of `text` (digits, A–Z, '<'); -1 if another
 * character is in it. */
int      tdn_mrz_check_digit (const char *text,
                              gsize       length);
/* 90 characters, or three lines of 30 separated by newlines. Fills the
 * identity's ID number, date of birth (century from the ID number's 4th
 * digit), sex, expiry, nationality, name (without diacritics) and `mrz`. */
gboolean tdn_mrz_parse       (const char   *text,
                              gsize         length,
                              TdnIdentity  *identity,
                              GError      **error);
/* DG1: 61 { 5F1F <MRZ> }. */
gboolean tdn_dg1_parse       (const guint8 *data,
                              gsize         length,
                              TdnIdentity  *identity,
                              GError      **error);
/* BAC key seed text: doc number, cd, DOB, cd, DOE, cd (24 characters). */
char    *tdn_mrz_information (const char   *document_number,
                              const char   *dob_yymmdd,
                              const char   *doe_yymmdd) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
