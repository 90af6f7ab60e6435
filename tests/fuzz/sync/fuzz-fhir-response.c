/* fuzz-fhir-response.c — what a FHIR server (or whatever answers) sends back
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first two bytes pick the HTTP status (100–599) and the third the
 * content type; the rest is the body. The body is also read as a stored
 * gateway answer for the card's validity (tdn-bhyt-period.h).
 */
#include "config.h"

#include <stdint.h>

#include "tdn-bhyt-period.h"
#include "tdn-fhir-response.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const types[] = { NULL, "application/fhir+json", "text/html", "application/json" };
  g_autofree char *reason = NULL, *start = NULL, *end = NULL, *text = NULL;
  TdnSyncVerdict verdict;
  long status;

  if (size < 3)
    return 0;
  status = 100 + ((data[0] << 8) | data[1]) % 500;
  verdict = tdn_fhir_classify_response (status, types[data[2] % G_N_ELEMENTS (types)], data + 3, size - 3, &reason);
  g_assert_nonnull (reason);
  g_assert_true (g_utf8_validate (reason, -1, NULL));
  g_assert_true (verdict == TDN_SYNC_DELIVERED || verdict == TDN_SYNC_RETRY || verdict == TDN_SYNC_PARK);
  /* Only a 2xx can be delivered. */
  g_assert_true (verdict != TDN_SYNC_DELIVERED || (status >= 200 && status < 300));
  text = g_strndup ((const char *) data + 3, size - 3);
  if (tdn_bhyt_period_from_raw (text, &start, &end))
    g_assert_true ((start == NULL || strlen (start) == 10) && (end == NULL || strlen (end) == 10));
  return 0;
}
