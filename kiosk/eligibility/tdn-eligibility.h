/* tdn-eligibility.h — what the BHXH gateway says about a patient's BHYT
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The result of one lookup, classified for the kiosk (bhyt-gateway.md §3):
 * eligible, eligible_warning (the desk should look), not_eligible,
 * input_mismatch (the card data came back but name or date of birth
 * differ), config_error (IT must act) or unavailable (try later), with a
 * patient-friendly sentence in Vietnamese and English.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tdn-partial-date.h"

G_BEGIN_DECLS

typedef enum {
  TDN_ELIGIBILITY_ELIGIBLE,
  TDN_ELIGIBILITY_ELIGIBLE_WARNING,
  TDN_ELIGIBILITY_NOT_ELIGIBLE,
  TDN_ELIGIBILITY_INPUT_MISMATCH,
  TDN_ELIGIBILITY_CONFIG_ERROR,
  TDN_ELIGIBILITY_UNAVAILABLE,
} TdnEligibilityStatus;

typedef enum {
  TDN_FACILITY_UNKNOWN,
  TDN_FACILITY_MATCH,        /* registered here: đúng nơi đăng ký */
  TDN_FACILITY_ELSEWHERE,    /* registered elsewhere: referral rules apply */
} TdnFacilityMatch;

typedef struct {
  TdnEligibilityStatus status;
  char             *code;                 /* maKetQua, 3 digits, or "" when none */
  const char       *message_en;           /* msgid, English */
  const char       *message_vi;
  char             *card_number;          /* the card to use (maTheMoi when that applies) */
  TdnPartialDate    valid_from;
  TdnPartialDate    valid_to;
  char             *registered_facility;  /* maDKBD */
  int               benefit_level;        /* 1–5 from the card's 3rd character, 0 unknown */
  TdnPartialDate    five_year_date;
  gboolean          new_card;             /* the gateway pointed to a newer card */
  TdnFacilityMatch  facility;
  char             *name;                 /* hoTen the gateway holds (mismatch help) */
  TdnPartialDate    date_of_birth;        /* ngaySinh the gateway holds */
  char             *raw;                  /* the gateway's answer, as received */
  gint64            latency_ms;
} TdnEligibility;

TdnEligibility *tdn_eligibility_new            (void);
void            tdn_eligibility_free           (TdnEligibility *self);
const char     *tdn_eligibility_status_to_string (TdnEligibilityStatus status);

/* Classifies the gateway's answer to KQNhanLichSuKCB2024. Never fails:
 * HTML, truncated JSON or an unknown code become "unavailable" with a
 * reason. `visit_day` decides which card is valid; `facility_code` (5
 * digits or empty) is this hospital's. */
TdnEligibility *tdn_eligibility_from_gateway   (const char           *body,
                                                gsize                 length,
                                                guint                 http_status,
                                                const TdnPartialDate *visit_day,
                                                const char           *facility_code);
/* An "unavailable" result for a lookup that did not happen or time out. */
TdnEligibility *tdn_eligibility_unavailable    (const char           *reason_en);

/* JSON keys of `tiepdonctl eligibility check` (docs/cli.md). */
JsonNode       *tdn_eligibility_to_json        (const TdnEligibility *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnEligibility, tdn_eligibility_free)

G_END_DECLS
