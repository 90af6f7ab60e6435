/* tdn-reading-page.h — progress: reading the card, saving, printing
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_READING_PAGE (tdn_reading_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnReadingPage, tdn_reading_page, TDN, READING_PAGE, GtkBox)

/* Texts already translated. `fraction` < 0 hides the bar. */
void tdn_reading_page_set_message (TdnReadingPage *self,
                                   const char     *title,
                                   const char     *detail,
                                   double          fraction);

G_END_DECLS
