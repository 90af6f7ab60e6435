/* tdn-desk-sign-in.h — the nurse's login and PIN
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TDN_TYPE_DESK_SIGN_IN (tdn_desk_sign_in_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskSignIn, tdn_desk_sign_in, TDN, DESK_SIGN_IN, GtkWidget)

/* Empties the PIN, shows `message` (NULL: none), focuses the login. */
void tdn_desk_sign_in_reset  (TdnDeskSignIn *self,
                              const char    *message);
/* The broker refused: shows why, keeps the login, empties the PIN. */
void tdn_desk_sign_in_failed (TdnDeskSignIn *self,
                              const char    *message);

G_END_DECLS
