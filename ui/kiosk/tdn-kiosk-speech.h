/* tdn-kiosk-speech.h — optional spoken guidance (espeak-ng by default)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Off unless [ui] speech = true. Each phrase is written to the standard
 * input of [ui] speech_command; a new phrase stops the one still being
 * spoken. Nothing here ever waits for the speaker: a missing or hanging
 * command costs the patient nothing but the voice.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDN_TYPE_KIOSK_SPEECH (tdn_kiosk_speech_get_type ())
G_DECLARE_FINAL_TYPE (TdnKioskSpeech, tdn_kiosk_speech, TDN, KIOSK_SPEECH, GObject)

/* `command` is split like a shell would ("espeak-ng -v vi"). */
G_GNUC_WARN_UNUSED_RESULT
TdnKioskSpeech *tdn_kiosk_speech_new         (const char     *command);
void            tdn_kiosk_speech_set_enabled (TdnKioskSpeech *self,
                                              gboolean        enabled);
gboolean        tdn_kiosk_speech_get_enabled (TdnKioskSpeech *self);
/* Speaks `text` in `lang` ("vi", "en"), interrupting the previous phrase.
 * With "-v vi" in the command, English phrases use "-v en". */
void            tdn_kiosk_speech_say         (TdnKioskSpeech *self,
                                              const char     *lang,
                                              const char     *text);
void            tdn_kiosk_speech_stop        (TdnKioskSpeech *self);

G_END_DECLS
