/* tdn-kiosk-format.c — numbers, dates and ages as the patient reads them
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-i18n.h"
#include "tdn-kiosk-format.h"

static const char *tr (const char *lang, const char *msgid) G_GNUC_FORMAT (2);

/* tdn_i18n_translate(), declared to keep the format string checked. */
static const char *
tr (const char *lang,
    const char *msgid)
{
  return tdn_i18n_translate (lang, msgid);
}

char *
tdn_kiosk_format_number (gint64      value,
                         const char *lang)
{
  char sep = g_strcmp0 (lang, "en") == 0 ? ',' : '.';
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             (guint64) (value < 0 ? -(value + 1) + 1 : value));
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
tdn_kiosk_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_format (date, "%d/%m/%Y");
}

char *
tdn_kiosk_format_age (guint       years,
                      guint       months,
                      const char *lang)
{
  if (years < 2)
    {
      guint m = years * 12 + months;

      /* TRANSLATORS: a small child's age in months. */
      return g_strdup_printf (tr (lang, m == 1 ? N_("%u month old")
                                                               : N_("%u months old")), m);
    }
  /* TRANSLATORS: the patient's age in years. */
  return g_strdup_printf (tr (lang, N_("%u years old")), years);
}
