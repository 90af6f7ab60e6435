/* tdn-bhyt-period.h — a BHYT card's validity from the gateway's answer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The eligibility snapshot keeps the gateway's raw JSON; its gtTheTu and
 * gtTheDen ("dd/MM/yyyy", or already "yyyy-mm-dd") bound the card. Both
 * HIS adapters send them (FHIR Coverage.period, HL7 IN1-12/13).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "yyyy-mm-dd" strings (NULL when absent or not a real date); FALSE
 * when neither is known. The raw text is not trusted. */
gboolean tdn_bhyt_period_from_raw (const char  *eligibility_raw,
                                   char       **start,
                                   char       **end);

G_END_DECLS
