/* tdn-priority-page.h — the priority question, for those not derived from age
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_PRIORITY_PAGE (tdn_priority_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnPriorityPage, tdn_priority_page, TDN, PRIORITY_PAGE, GtkBox)

G_END_DECLS
