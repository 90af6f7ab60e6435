/* fuzz-gateway.c — whatever the BHXH gateway (or a proxy) sends back
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-eligibility.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const TdnPartialDate visit = { 2025, 9, 15 };
  g_autoptr(TdnEligibility) e = tdn_eligibility_from_gateway ((const char *) data, size, 200,
                                                              &visit, "01999");
  g_autoptr(JsonNode) json = tdn_eligibility_to_json (e);

  g_assert_nonnull (json);
  g_assert_nonnull (e->message_vi);
  return 0;
}
