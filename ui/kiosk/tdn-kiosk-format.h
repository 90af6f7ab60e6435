/* tdn-kiosk-format.h — numbers, dates and ages as the patient reads them
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are always day/month/year (dd/mm/yyyy), the Vietnamese order, in
 * both languages: the patient's card prints them that way. Thousands are
 * grouped with "." in Vietnamese and "," in English.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tdn_kiosk_format_number (gint64      value,
                               const char *lang) G_GNUC_WARN_UNUSED_RESULT;
char *tdn_kiosk_format_date   (GDateTime  *date) G_GNUC_WARN_UNUSED_RESULT;
/* "45 tuổi" / "45 years old"; under 2 in months ("8 tháng tuổi"). */
char *tdn_kiosk_format_age    (guint       years,
                               guint       months,
                               const char *lang) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
