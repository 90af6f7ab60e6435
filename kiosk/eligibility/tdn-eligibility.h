/* tdn-eligibility.h — BHYT eligibility result and its classification
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TdnEligibility is what the kiosk needs to know about one lookup at the
 * BHXH gateway (through the broker): a status class, the gateway's raw
 * maKetQua, plain-language explanations in Vietnamese and English and the
 * card data. tdn_eligibility_from_gateway_json() builds one from the bytes
 * of a KQNhanLichSuKCB2024 answer; it trusts nothing in them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TDN_ELIGIBILITY_ELIGIBLE,
  TDN_ELIGIBILITY_ELIGIBLE_WARNING,
  TDN_ELIGIBILITY_NOT_ELIGIBLE,
  TDN_ELIGIBILITY_INPUT_MISMATCH,
  TDN_ELIGIBILITY_CONFIG_ERROR,
  TDN_ELIGIBILITY_UNAVAILABLE,
} TdnEligibilityStatus;

#define TDN_ELIGIBILITY_ERROR (tdn_eligibility_error_quark ())
GQuark tdn_eligibility_error_quark (void);

typedef enum {
  /* The gateway's answer is not the JSON object we expect (HTML error
   * page, truncated body, missing maKetQua). Treat as unavailable. */
  TDN_ELIGIBILITY_ERROR_MALFORMED,
} TdnEligibilityError;

typedef struct {
  TdnEligibilityStatus status;
  char    *code;                /* maKetQua, 3 digits; "" when unknown */
  char    *message_vi;
  char    *message_en;
  char    *card_number;         /* 15-char card to use, or NULL */
  char    *valid_from;          /* ISO yyyy-mm-dd, or NULL */
  char    *valid_to;            /* ISO yyyy-mm-dd, or NULL */
  char    *registered_facility; /* maDKBD (5 chars), or NULL */
  gboolean registered_here;     /* registered_facility == our facility */
  int      benefit_level;       /* 1..5 from the card's 3rd char, 0 unknown */
  char    *five_year_date;      /* ISO yyyy-mm-dd, or NULL */
  gboolean new_card;            /* card_number is the newly issued card */
  char    *raw_json;            /* the gateway's answer, never logged */
} TdnEligibility;

const char     *tdn_eligibility_status_to_string   (TdnEligibilityStatus status);
gboolean        tdn_eligibility_status_from_string (const char           *str,
                                                    TdnEligibilityStatus *out);

/* A result of `status` for `code` with that code's messages. */
TdnEligibility *tdn_eligibility_new_for_code (const char *code) G_GNUC_WARN_UNUSED_RESULT;
/* An `unavailable` result for a failure before any gateway answer. */
TdnEligibility *tdn_eligibility_new_unavailable (void) G_GNUC_WARN_UNUSED_RESULT;
TdnEligibility *tdn_eligibility_copy (const TdnEligibility *self) G_GNUC_WARN_UNUSED_RESULT;
void            tdn_eligibility_free (TdnEligibility *self);

/* Class of a maKetQua code (unknown codes are `unavailable`). */
TdnEligibilityStatus tdn_eligibility_classify (const char *code);

/* Benefit level 1..5 from a 15-char card code, 0 if the code is not one. */
int       tdn_eligibility_benefit_level (const char *card_number);
/* Whether `card` looks like ^[A-Z]{2}[1-5][0-9]{12}$. */
gboolean  tdn_eligibility_is_card_number (const char *card);

/* Parses a gateway answer. `facility_code` is this hospital's maCSKCB
 * (may be "" or NULL: registered_here stays FALSE); `visit_date` decides
 * whether a new card (003/004) applies. NULL with
 * TDN_ELIGIBILITY_ERROR_MALFORMED if the bytes are not a gateway answer. */
TdnEligibility *tdn_eligibility_from_gateway_json (const char  *data,
                                                   gsize        len,
                                                   const char  *facility_code,
                                                   const GDate *visit_date,
                                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnEligibility, tdn_eligibility_free)

G_END_DECLS
