/* tdn-i18n.h — translations, including both languages at once
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk changes language per patient and some outputs carry Vietnamese
 * and English side by side (message_vi/message_en), so besides the usual
 * gettext set-up this reads a language's catalogue directly.
 * Message ids are English; mark them with N_() or _() as usual.
 */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* setlocale(), bindtextdomain() to LOCALEDIR or $TIEPDON_LOCALEDIR. */
void        tdn_i18n_init      (void);
/* Directory holding <lang>/LC_MESSAGES/tiepdon.mo. */
const char *tdn_i18n_localedir (void);
/* `msgid` translated to `lang` ("vi", "en"); `msgid` itself when the
 * catalogue or the entry is missing. The result lives as long as the
 * process. Thread-safe. */
const char *tdn_i18n_translate (const char *lang,
                                const char *msgid);
/* Parses a .mo file's bytes into msgid → msgstr (tests, fuzzing). NULL and
 * `error` set if the bytes are not a valid catalogue. */
GHashTable *tdn_i18n_parse_mo  (const guint8 *data,
                                gsize         len,
                                GError      **error);

G_END_DECLS
