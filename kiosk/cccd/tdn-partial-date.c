/* tdn-partial-date.c — dates of birth that may lack a day or a month
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-cccd-error.h"
#include "tdn-partial-date.h"

G_DEFINE_QUARK (tdn-cccd-error-quark, tdn_cccd_error)

static gboolean
digits (const char *s,
        gsize       n,
        int        *out)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static gboolean
check (TdnPartialDate *d,
       const char     *text,
       GError        **error)
{
  if (d->year < 1 || d->year > 9999 || d->month < 0 || d->month > 12 ||
      (d->day != 0 && d->month == 0) ||
      (d->day != 0 && !g_date_valid_dmy ((GDateDay) d->day, (GDateMonth) d->month, (GDateYear) d->year)))
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE,
                   _("“%s” is not a real date"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
tdn_partial_date_parse_compact (const char     *text,
                                TdnPartialDate *out,
                                GError        **error)
{
  TdnPartialDate d = { 0 };
  gsize len;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  len = strlen (text);
  if (!((len == 8 && digits (text, 2, &d.day) && digits (text + 2, 2, &d.month) && digits (text + 4, 4, &d.year)) ||
        (len == 6 && digits (text, 2, &d.month) && digits (text + 2, 4, &d.year)) ||
        (len == 4 && digits (text, 4, &d.year))))
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE,
                   _("“%s” is not a date (expected ddmmyyyy, mmyyyy or yyyy)"), text);
      return FALSE;
    }
  if (len == 8 && d.day == 0)
    d.day = -1;   /* "00" is no day: refuse below */
  if (len == 8 && d.month == 0)
    d.month = -1;
  if (!check (&d, text, error))
    return FALSE;
  *out = d;
  return TRUE;
}

gboolean
tdn_partial_date_parse_slashed (const char     *text,
                                TdnPartialDate *out,
                                GError        **error)
{
  TdnPartialDate d = { 0 };
  gsize len;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  len = strlen (text);
  if (!((len == 10 && text[2] == '/' && text[5] == '/' && digits (text, 2, &d.day) &&
         digits (text + 3, 2, &d.month) && digits (text + 6, 4, &d.year)) ||
        (len == 7 && text[2] == '/' && digits (text, 2, &d.month) && digits (text + 3, 4, &d.year)) ||
        (len == 4 && digits (text, 4, &d.year))))
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE,
                   _("“%s” is not a date (expected dd/mm/yyyy, mm/yyyy or yyyy)"), text);
      return FALSE;
    }
  if (len == 10 && d.day == 0)
    d.day = -1;
  if (len >= 7 && d.month == 0)
    d.month = -1;
  if (!check (&d, text, error))
    return FALSE;
  *out = d;
  return TRUE;
}

gboolean
tdn_partial_date_is_complete (const TdnPartialDate *date)
{
  return date->day > 0 && date->month > 0;
}

char *
tdn_partial_date_to_iso (const TdnPartialDate *date)
{
  if (date->month == 0)
    return g_strdup_printf ("%04d", date->year);
  if (date->day == 0)
    return g_strdup_printf ("%04d-%02d", date->year, date->month);
  return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
}

char *
tdn_partial_date_to_slashed (const TdnPartialDate *date)
{
  if (!tdn_partial_date_is_complete (date))
    return g_strdup_printf ("%04d", date->year);
  return g_strdup_printf ("%02d/%02d/%04d", date->day, date->month, date->year);
}

int
tdn_partial_date_compare (const TdnPartialDate *a,
                          const TdnPartialDate *b)
{
  int ka = a->year * 10000 + MAX (a->month, 1) * 100 + MAX (a->day, 1);
  int kb = b->year * 10000 + MAX (b->month, 1) * 100 + MAX (b->day, 1);

  return (ka > kb) - (ka < kb);
}

int
tdn_partial_date_age_on (const TdnPartialDate *birth,
                         const TdnPartialDate *on)
{
  /* The latest birthday the partial date allows gives the smallest age. */
  int month = birth->month > 0 ? birth->month : 12;
  int day = birth->day > 0 ? birth->day : 31;
  int age = on->year - birth->year;

  if (on->month < month || (on->month == month && on->day < day))
    age--;
  return age < 0 ? -1 : age;
}

void
tdn_partial_date_today (TdnPartialDate *out)
{
  g_autoptr(GDateTime) now = tdn_clock_now ();

  out->year = g_date_time_get_year (now);
  out->month = g_date_time_get_month (now);
  out->day = g_date_time_get_day_of_month (now);
}
