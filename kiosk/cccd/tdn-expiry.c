/* tdn-expiry.c — when a CCCD expires, from the date of birth and of issue
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-expiry.h"

static const int ages_2014[] = { 25, 40, 60 };
static const int ages_2024[] = { 14, 25, 40, 60 };

/* The a-th birthday; for 29 February in a common year, `leap_variant`
 * picks 28 February (0) or 1 March (1). */
static TdnPartialDate
birthday (const TdnPartialDate *dob,
          int                   age,
          int                   leap_variant)
{
  TdnPartialDate d = { dob->year + age, dob->month, dob->day };

  if (d.month == 2 && d.day == 29 && !g_date_is_leap_year ((GDateYear) d.year))
    {
      if (leap_variant == 0)
        d.day = 28;
      else
        d.month = 3, d.day = 1;
    }
  return d;
}

static void
add (TdnExpiryCandidates  *out,
     const TdnPartialDate *d)
{
  for (guint i = 0; i < out->dates->len; i++)
    if (tdn_partial_date_compare (&g_array_index (out->dates, TdnPartialDate, i), d) == 0)
      return;
  g_array_append_val (out->dates, *d);
}

/* Applies the rule from milestone index `from`; `exact_boundary` lists
 * both outcomes when the issue date is exactly two years before an age. */
static void
rule (const TdnPartialDate *dob,
      const TdnPartialDate *issue,
      const int            *ages,
      guint                 n_ages,
      guint                 from,
      int                   leap_variant,
      TdnExpiryCandidates  *out)
{
  for (guint i = from; i < n_ages; i++)
    {
      TdnPartialDate b = birthday (dob, ages[i], leap_variant);
      TdnPartialDate two_before = b;
      int cmp;

      two_before.year -= 2;
      if (two_before.month == 2 && two_before.day == 29 &&
          !g_date_is_leap_year ((GDateYear) two_before.year))
        two_before.day = 28;

      if (tdn_partial_date_compare (issue, &b) >= 0)
        continue;                       /* the age was already reached */
      cmp = tdn_partial_date_compare (issue, &two_before);
      if (cmp > 0)
        continue;                       /* within two years before: next age */
      if (cmp == 0)
        {
          /* Exactly two years before: "within" may or may not include
           * the day. The law's wording favours the next age; try both. */
          rule (dob, issue, ages, n_ages, i + 1, leap_variant, out);
          add (out, &b);
          return;
        }
      add (out, &b);
      return;
    }
  out->lifetime = TRUE;
}

gboolean
tdn_expiry_candidates (const TdnPartialDate *dob,
                       const TdnPartialDate *issue,
                       TdnExpiryCandidates  *out)
{
  static const TdnPartialDate law_2024 = { 2024, 7, 1 };
  const int *ages;
  guint n_ages;

  g_return_val_if_fail (out != NULL, FALSE);

  out->dates = g_array_new (FALSE, FALSE, sizeof (TdnPartialDate));
  out->lifetime = FALSE;
  if (!tdn_partial_date_is_complete (dob) || !tdn_partial_date_is_complete (issue) ||
      tdn_partial_date_compare (issue, dob) < 0)
    return FALSE;

  if (tdn_partial_date_compare (issue, &law_2024) < 0)
    ages = ages_2014, n_ages = G_N_ELEMENTS (ages_2014);
  else
    ages = ages_2024, n_ages = G_N_ELEMENTS (ages_2024);

  rule (dob, issue, ages, n_ages, 0, 0, out);
  if (dob->month == 2 && dob->day == 29)
    rule (dob, issue, ages, n_ages, 0, 1, out);
  return TRUE;
}

void
tdn_expiry_candidates_clear (TdnExpiryCandidates *candidates)
{
  g_clear_pointer (&candidates->dates, g_array_unref);
  candidates->lifetime = FALSE;
}
