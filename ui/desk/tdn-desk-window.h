/* tdn-desk-window.h — the desk's one window: sign-in, then list and detail
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-desk-application.h"

G_BEGIN_DECLS

#define TDN_TYPE_DESK_WINDOW (tdn_desk_window_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskWindow, tdn_desk_window, TDN, DESK_WINDOW, AdwApplicationWindow)

/* `config` NULL: shows `error` and what to fix. */
TdnDeskWindow *tdn_desk_window_new          (TdnDeskApplication *app,
                                             TdnConfig          *config,
                                             const GError       *error);
/* Shows request `id` (after sign-in; "" just shows the list). */
void           tdn_desk_window_open_request (TdnDeskWindow      *self,
                                             const char         *id);

G_END_DECLS
