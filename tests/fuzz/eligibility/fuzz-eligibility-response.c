/* fuzz-eligibility-response.c — the broker's answer as the kiosk reads it
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tdn_eligibility_fhir_parse_response() reads the CoverageEligibilityResponse
 * the broker sends (outside bytes: the network may hand the kiosk anything).
 * A parsed answer must write back as FHIR and parse again to the same class
 * and code.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "tdn-base.h"
#include "tdn-eligibility-fhir.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *bytes = g_memdup2 (data, size);
  g_autoptr(GError) error = NULL;
  TdnEligibility *e = tdn_eligibility_fhir_parse_response (bytes, size, &error);

  if (e == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_nonnull (e->code);
  g_autofree char *again = tdn_eligibility_fhir_response (e);
  g_autoptr(GError) error2 = NULL;
  TdnEligibility *e2 = tdn_eligibility_fhir_parse_response (again, strlen (again), &error2);
  g_assert_no_error (error2);
  g_assert_cmpint (e2->status, ==, e->status);
  g_assert_cmpstr (e2->code, ==, e->code);
  tdn_eligibility_free (e2);
  tdn_eligibility_free (e);
  return 0;
}
