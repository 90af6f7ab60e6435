/* tdn-keypad.h — the built-in numeric keypad
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cage 0.1.4 cannot host an on-screen keyboard, so the kiosk draws its own
 * (his-printing-platform.md §4). Emits ::digit (a character '0'..'9'),
 * ::erase and ::clear.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_KEYPAD (tdn_keypad_get_type ())
G_DECLARE_FINAL_TYPE (TdnKeypad, tdn_keypad, TDN, KEYPAD, GtkGrid)

G_END_DECLS
