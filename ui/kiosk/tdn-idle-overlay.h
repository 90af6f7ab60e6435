/* tdn-idle-overlay.h — "are you still there?" before the screen resets
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_IDLE_OVERLAY (tdn_idle_overlay_get_type ())
G_DECLARE_FINAL_TYPE (TdnIdleOverlay, tdn_idle_overlay, TDN, IDLE_OVERLAY, GtkBox)

/* Shows the warning with `seconds` left (< 0 hides it). */
void tdn_idle_overlay_set_remaining (TdnIdleOverlay *self,
                                     int             seconds);

G_END_DECLS
