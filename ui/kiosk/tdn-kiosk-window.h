/* tdn-kiosk-window.h — the one full-screen window
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds one page per screen in a GtkStack and the kiosk.* actions the
 * pages' buttons are bound to. The window decides nothing: every action a
 * patient takes is emitted as ::user-action (name, string target or NULL)
 * for the controller to pass to the check-in state machine, and the
 * controller shows pages in return. ::activity fires on every touch or key
 * (the idle timer), ::language-changed after the texts were re-rendered.
 */
#pragma once

#include <adwaita.h>

#include "tdn-clinic-page.h"
#include "tdn-confirm-page.h"
#include "tdn-done-page.h"
#include "tdn-entry-page.h"
#include "tdn-failure-page.h"
#include "tdn-identity-page.h"
#include "tdn-reading-page.h"

G_BEGIN_DECLS

#define TDN_TYPE_KIOSK_WINDOW (tdn_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (TdnKioskWindow, tdn_kiosk_window, TDN, KIOSK_WINDOW, AdwApplicationWindow)

typedef enum {
  TDN_KIOSK_ORIENTATION_AUTO,
  TDN_KIOSK_ORIENTATION_LANDSCAPE,
  TDN_KIOSK_ORIENTATION_PORTRAIT,
} TdnKioskOrientation;

G_GNUC_WARN_UNUSED_RESULT
TdnKioskWindow  *tdn_kiosk_window_new              (GtkApplication *app);

/* "welcome", "reading", "identity", "clinic", "priority", "confirm",
 * "done", "failure", "entry". Speaks `spoken` (translated) when speech is
 * on; NULL says nothing. */
void             tdn_kiosk_window_show_page        (TdnKioskWindow *self,
                                                    const char     *name,
                                                    const char     *spoken);
const char      *tdn_kiosk_window_get_page_name    (TdnKioskWindow *self);

TdnReadingPage  *tdn_kiosk_window_get_reading_page (TdnKioskWindow *self);
TdnIdentityPage *tdn_kiosk_window_get_identity_page (TdnKioskWindow *self);
TdnClinicPage   *tdn_kiosk_window_get_clinic_page  (TdnKioskWindow *self);
TdnConfirmPage  *tdn_kiosk_window_get_confirm_page (TdnKioskWindow *self);
TdnDonePage     *tdn_kiosk_window_get_done_page    (TdnKioskWindow *self);
TdnFailurePage  *tdn_kiosk_window_get_failure_page (TdnKioskWindow *self);
TdnEntryPage    *tdn_kiosk_window_get_entry_page   (TdnKioskWindow *self);

/* A panel beside the patient's screen (the demo controls: a second
 * window would cover the kiosk under cage). */
void             tdn_kiosk_window_set_side_panel   (TdnKioskWindow *self,
                                                    GtkWidget      *panel);
/* A line under the header ("someone is coming"), or NULL. */
void             tdn_kiosk_window_set_banner       (TdnKioskWindow *self,
                                                    const char     *text);
GtkWidget       *tdn_kiosk_window_get_visible_page (TdnKioskWindow *self);
GtkWidget       *tdn_kiosk_window_get_welcome_page (TdnKioskWindow *self);
/* The idle warning with `seconds` left; < 0 hides it. */
void             tdn_kiosk_window_set_idle_warning (TdnKioskWindow *self,
                                                    int             seconds);
void             tdn_kiosk_window_set_hospital     (TdnKioskWindow *self,
                                                    const char     *name_vi,
                                                    const char     *name_en);
void             tdn_kiosk_window_set_orientation  (TdnKioskWindow     *self,
                                                    TdnKioskOrientation orientation);
/* The monitor's size: the window's size and, in auto orientation, the
 * first layout. */
void             tdn_kiosk_window_set_screen_size  (TdnKioskWindow *self,
                                                    int             width,
                                                    int             height);
/* Back to the configured defaults (language, contrast, text size, speech)
 * for the next patient. */
void             tdn_kiosk_window_set_defaults     (TdnKioskWindow *self,
                                                    const char     *language,
                                                    gboolean        high_contrast,
                                                    gboolean        large_text,
                                                    gboolean        speech);
void             tdn_kiosk_window_reset_options    (TdnKioskWindow *self);
void             tdn_kiosk_window_set_speech_command (TdnKioskWindow *self,
                                                      const char     *command);
void             tdn_kiosk_window_say              (TdnKioskWindow *self,
                                                    const char     *text);

G_END_DECLS
