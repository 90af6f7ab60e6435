/* tdn-failure-page.h — something went wrong: what to do, and call staff
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_FAILURE_PAGE (tdn_failure_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnFailurePage, tdn_failure_page, TDN, FAILURE_PAGE, GtkBox)

/* Texts translated already. Removes the extra choices. */
void tdn_failure_page_set_message (TdnFailurePage *self,
                                   const char     *icon_name,
                                   const char     *title,
                                   const char     *detail);
/* Adds a button for `action_name` (with an optional string target). */
void tdn_failure_page_add_choice  (TdnFailurePage *self,
                                   const char     *label,
                                   const char     *action_name,
                                   const char     *target,
                                   gboolean        suggested);
/* "Staff have been called", or NULL to hide. */
void tdn_failure_page_set_status  (TdnFailurePage *self,
                                   const char     *status);
void tdn_failure_page_set_can_cancel (TdnFailurePage *self,
                                      gboolean        can_cancel);

G_END_DECLS
