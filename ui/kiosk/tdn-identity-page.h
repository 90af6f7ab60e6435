/* tdn-identity-page.h — "is this you?"
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_IDENTITY_PAGE (tdn_identity_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnIdentityPage, tdn_identity_page, TDN, IDENTITY_PAGE, GtkBox)

/* `masked_id` is already masked (tdn_mask_id); `photo` NULL when the
 * policy does not show it to the patient. */
void tdn_identity_page_set_person (TdnIdentityPage *self,
                                   const char      *name,
                                   const char      *masked_id,
                                   const char      *age,
                                   GdkTexture      *photo);
/* Empties every personal field (done, cancel, idle reset). */
void tdn_identity_page_clear      (TdnIdentityPage *self);

G_END_DECLS
