/* tdn-done-page.h — the queue number, the room, take your ticket
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_DONE_PAGE (tdn_done_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnDonePage, tdn_done_page, TDN, DONE_PAGE, GtkBox)

/* Texts translated already; `note` and `ticket` may be NULL (the ticket
 * image is shown in demo mode only). */
void tdn_done_page_set_ticket (TdnDonePage *self,
                               const char  *number,
                               const char  *clinic,
                               const char  *room,
                               const char  *note,
                               GdkTexture  *ticket);
void tdn_done_page_clear      (TdnDonePage *self);

G_END_DECLS
