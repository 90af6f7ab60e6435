/* tdn-letter-keyboard.h — the built-in keyboard for names, with Vietnamese letters
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cage 0.1.4 cannot host an on-screen keyboard (his-printing-platform.md
 * §4), and a patient types a name only on the BHYT-number path. The
 * letters include Ă Â Đ Ê Ô Ơ Ư; five tone keys put sắc, huyền, hỏi, ngã or
 * nặng on the vowel typed last, so the patient decides where the tone
 * goes. Emits ::letter (a UTF-8 letter, upper case), ::tone (the combining
 * mark, U+0300 …), ::space, ::erase.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_LETTER_KEYBOARD (tdn_letter_keyboard_get_type ())
G_DECLARE_FINAL_TYPE (TdnLetterKeyboard, tdn_letter_keyboard, TDN, LETTER_KEYBOARD, GtkGrid)

GtkWidget *tdn_letter_keyboard_new   (void);

/* `name` with `mark` (a combining tone mark) on its last vowel, replacing
 * a tone already there; a copy of `name` when it has no vowel. */
char      *tdn_letter_keyboard_apply_tone (const char *name,
                                           gunichar    mark) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
