/* fuzz-fhir-request.c — kiosk requests to the broker as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
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
  g_autoptr(TdnEligibilityQuery) q = tdn_eligibility_fhir_parse_request (bytes, size, &error);

  if (q == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_nonnull (q->id);
  g_assert_true (g_utf8_validate (q->name, -1, NULL));
  g_assert_true (strlen (q->dob) == 4 || strlen (q->dob) == 10);
  return 0;
}
