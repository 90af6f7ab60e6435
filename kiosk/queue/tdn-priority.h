/* tdn-priority.h — who goes first (Luật KCB 15/2023, Điều 3 k2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Emergency, children under 6, pregnant women, people with (especially)
 * severe disability, people aged 75 and over, people with merit to the
 * revolution. Age-based classes are derived from the date of birth on the
 * visit day; the others are declared by the patient and flagged for the
 * desk to confirm.
 */
#pragma once

#include "tdn-partial-date.h"

G_BEGIN_DECLS

typedef enum {
  TDN_PRIORITY_NONE,
  TDN_PRIORITY_EMERGENCY,
  TDN_PRIORITY_CHILD_UNDER_6,
  TDN_PRIORITY_PREGNANT,
  TDN_PRIORITY_SEVERE_DISABILITY,
  TDN_PRIORITY_AGE_75,
  TDN_PRIORITY_MERIT,
} TdnPriority;

/* From the date of birth on `visit_day`: child under 6, 75 or over, or
 * none. A partial date counts only when every possible birthday agrees. */
TdnPriority  tdn_priority_from_age       (const TdnPartialDate *dob,
                                          const TdnPartialDate *visit_day);
/* Declared classes need the desk to look (pregnancy, disability, merit). */
gboolean     tdn_priority_needs_check    (TdnPriority priority);
/* 1 (first) … 6; 0 for none. */
int          tdn_priority_rank           (TdnPriority priority);
const char  *tdn_priority_to_string      (TdnPriority priority);
gboolean     tdn_priority_from_string    (const char  *text,
                                          TdnPriority *out);
/* Words for the patient and the ticket, msgid (translate with _()). */
const char  *tdn_priority_describe       (TdnPriority priority);

G_END_DECLS
