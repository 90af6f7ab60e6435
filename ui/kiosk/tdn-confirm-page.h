/* tdn-confirm-page.h — check everything, then print
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_CONFIRM_PAGE (tdn_confirm_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnConfirmPage, tdn_confirm_page, TDN, CONFIRM_PAGE, GtkBox)

/* Empties the summary (and wipes what it showed). */
void tdn_confirm_page_clear   (TdnConfirmPage *self);
/* Appends one "field: value" row, both translated already. */
void tdn_confirm_page_add_row (TdnConfirmPage *self,
                               const char     *field,
                               const char     *value);
/* A sentence under the summary (insurance being checked...), or NULL. */
void tdn_confirm_page_set_note (TdnConfirmPage *self,
                                const char     *note);

G_END_DECLS
