/* tdn-priority.c — who goes first (Luật KCB 15/2023, Điều 3 k2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-queue"

#include "config.h"

#include "tdn-base.h"
#include "tdn-priority.h"

static const struct {
  TdnPriority  priority;
  const char  *name;
  int          rank;
  const char  *words;
} table[] = {
  { TDN_PRIORITY_NONE, "none", 0, N_("No priority") },
  { TDN_PRIORITY_EMERGENCY, "emergency", 1, N_("Emergency") },
  { TDN_PRIORITY_CHILD_UNDER_6, "child_under_6", 2, N_("Child under 6") },
  { TDN_PRIORITY_PREGNANT, "pregnant", 3, N_("Pregnant") },
  { TDN_PRIORITY_SEVERE_DISABILITY, "severe_disability", 4, N_("Severe disability") },
  { TDN_PRIORITY_AGE_75, "age_75", 5, N_("Aged 75 or over") },
  { TDN_PRIORITY_MERIT, "merit", 6, N_("Person with merit") },
};

TdnPriority
tdn_priority_from_age (const TdnPartialDate *dob,
                       const TdnPartialDate *visit_day)
{
  TdnPartialDate oldest;
  int youngest_age, oldest_age;

  if (dob == NULL || dob->year == 0)
    return TDN_PRIORITY_NONE;
  /* The age range a partial date allows: born on its last possible day
   * (youngest) or its first (oldest). */
  youngest_age = tdn_partial_date_age_on (dob, visit_day);
  oldest = *dob;
  if (oldest.month == 0)
    oldest.month = 1;
  if (oldest.day == 0)
    oldest.day = 1;
  oldest_age = tdn_partial_date_age_on (&oldest, visit_day);
  if (youngest_age >= 75)
    return TDN_PRIORITY_AGE_75;
  if (oldest_age >= 0 && oldest_age < 6)
    return TDN_PRIORITY_CHILD_UNDER_6;
  return TDN_PRIORITY_NONE;
}

gboolean
tdn_priority_needs_check (TdnPriority priority)
{
  return priority == TDN_PRIORITY_PREGNANT || priority == TDN_PRIORITY_SEVERE_DISABILITY ||
         priority == TDN_PRIORITY_MERIT || priority == TDN_PRIORITY_EMERGENCY;
}

int
tdn_priority_rank (TdnPriority priority)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].priority == priority)
      return table[i].rank;
  return 0;
}

const char *
tdn_priority_to_string (TdnPriority priority)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].priority == priority)
      return table[i].name;
  return "none";
}

gboolean
tdn_priority_from_string (const char  *text,
                          TdnPriority *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].name, text) == 0)
      {
        *out = table[i].priority;
        return TRUE;
      }
  return FALSE;
}

const char *
tdn_priority_describe (TdnPriority priority)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].priority == priority)
      return table[i].words;
  return table[0].words;
}
