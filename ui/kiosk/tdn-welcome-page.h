/* tdn-welcome-page.h — the first screen: how to start, in two languages
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_WELCOME_PAGE (tdn_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnWelcomePage, tdn_welcome_page, TDN, WELCOME_PAGE, GtkBox)

void tdn_welcome_page_set_portrait (TdnWelcomePage *self,
                                    gboolean        portrait);

void tdn_welcome_page_set_devices  (TdnWelcomePage *self,
                                    gboolean        card_reader,
                                    gboolean        scanner);

G_END_DECLS
