/* tdn-eligibility-fhir.h — the broker's FHIR R4 eligibility API, both ends
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /fhir/CoverageEligibilityRequest/$check with a
 * CoverageEligibilityRequest that contains the Patient:
 *   {"resourceType":"CoverageEligibilityRequest","status":"active",
 *    "purpose":["validation"],"created":"2025-06-15",
 *    "servicedDate":"2025-06-15","patient":{"reference":"#p"},
 *    "contained":[{"resourceType":"Patient","id":"p",
 *      "identifier":[{"system":"urn:vn:cccd","value":"001190012345"}],
 *      "name":[{"text":"Lê Thị Mai"}],"birthDate":"1990-02-14"}]}
 * birthDate may be "yyyy" for year-only records. The answer is a
 * CoverageEligibilityResponse (see docs/adr/0302-broker-api.md). Both are
 * parsed here with no trust in the bytes (the broker's parser is fuzzed).
 */
#pragma once

#include <glib.h>

#include "tdn-eligibility.h"

G_BEGIN_DECLS

#define TDN_FHIR_EXT_BASE "https://tiepdon.vn/fhir/StructureDefinition/"

typedef struct {
  char  *id;        /* 12/10 digits or 15-char card */
  char  *name;      /* as given (UTF-8) */
  char  *dob;       /* gateway form: dd/MM/yyyy or yyyy */
  GDate  visit;     /* servicedDate, or invalid if absent */
} TdnEligibilityQuery;

void                 tdn_eligibility_query_free (TdnEligibilityQuery *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnEligibilityQuery, tdn_eligibility_query_free)

/* Kiosk side: the request body for a query. `dob` is dd/MM/yyyy or yyyy. */
char                *tdn_eligibility_fhir_request  (const char  *id,
                                                    const char  *name,
                                                    const char  *dob,
                                                    const GDate *visit_date) G_GNUC_WARN_UNUSED_RESULT;
/* Broker side: parses a request; NULL and TDN_ELIGIBILITY_ERROR_MALFORMED
 * with a message naming the problem. */
TdnEligibilityQuery *tdn_eligibility_fhir_parse_request (const char *data,
                                                         gsize       len,
                                                         GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* Broker side: the CoverageEligibilityResponse for a result. */
char                *tdn_eligibility_fhir_response (const TdnEligibility *result) G_GNUC_WARN_UNUSED_RESULT;
/* Kiosk side: parses the broker's response back into a result. */
TdnEligibility      *tdn_eligibility_fhir_parse_response (const char *data,
                                                          gsize       len,
                                                          GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
