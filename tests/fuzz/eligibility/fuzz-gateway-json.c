/* fuzz-gateway-json.c — BHXH gateway answers as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "tdn-base.h"
#include "tdn-eligibility.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* An exact-size copy, no terminator: ASan sees any over-read. */
  g_autofree char *bytes = g_memdup2 (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnEligibility) e = NULL;
  GDate visit;

  g_date_clear (&visit, 1);
  g_date_set_dmy (&visit, 15, G_DATE_JUNE, 2025);
  e = tdn_eligibility_from_gateway_json (bytes, size, "01999", &visit, &error);
  if (e == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_nonnull (e->code);
  g_assert_cmpuint (strlen (e->code), ==, 3);
  g_assert_nonnull (e->message_vi);
  g_assert_nonnull (e->message_en);
  g_assert_true (e->card_number == NULL || tdn_eligibility_is_card_number (e->card_number));
  g_assert_cmpint (e->benefit_level, >=, 0);
  g_assert_cmpint (e->benefit_level, <=, 5);
  g_assert_true (e->registered_facility == NULL || strlen (e->registered_facility) == 5);
  return 0;
}
