/* tdn-kiosk-lockdown.h — no way out of the kiosk for a patient
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compositor (cage) gives the window the whole screen without
 * decorations; this closes the doors GTK itself opens: the inspector (the
 * GTK_DEBUG=interactive variable and its key binding), close requests
 * (Alt+F4 from a window manager), and every key combination with Ctrl, Alt
 * or Super, function keys and Escape. Plain Tab, arrows, Enter and Space
 * still move and activate, for patients who use a keypad with a screen
 * reader. Staff stop the kiosk with systemctl (SIGTERM), never from the
 * screen.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Before gtk_init(): removes "interactive" from GTK_DEBUG. */
void tdn_kiosk_lockdown_environment (void);
/* Locks `window` down. tdn_kiosk_lockdown_release() lets it close (used on
 * SIGTERM and when the application quits). */
void tdn_kiosk_lockdown_window      (GtkWindow *window);
void tdn_kiosk_lockdown_release     (GtkWindow *window);

G_END_DECLS
