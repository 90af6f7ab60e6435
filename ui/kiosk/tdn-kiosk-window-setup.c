/* tdn-kiosk-window-setup.c — the window's pages and options, for the controller and the application
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-idle-overlay.h"
#include "tdn-kiosk-window-private.h"

#define GETTER(Type, type, field) \
  Type * \
  tdn_kiosk_window_get_##field (TdnKioskWindow *self) \
  { \
    g_return_val_if_fail (TDN_IS_KIOSK_WINDOW (self), NULL); \
    return TDN_##type (self->field); \
  }

GETTER (TdnReadingPage, READING_PAGE, reading_page)
GETTER (TdnIdentityPage, IDENTITY_PAGE, identity_page)
GETTER (TdnClinicPage, CLINIC_PAGE, clinic_page)
GETTER (TdnConfirmPage, CONFIRM_PAGE, confirm_page)
GETTER (TdnDonePage, DONE_PAGE, done_page)
GETTER (TdnFailurePage, FAILURE_PAGE, failure_page)
GETTER (TdnEntryPage, ENTRY_PAGE, entry_page)

void
tdn_kiosk_window_set_idle_warning (TdnKioskWindow *self,
                                   int             seconds)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  tdn_idle_overlay_set_remaining (TDN_IDLE_OVERLAY (self->idle_overlay), seconds);
}

void
tdn_kiosk_window_set_side_panel (TdnKioskWindow *self,
                                 GtkWidget      *panel)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (panel));
  g_return_if_fail (self->side_panel == NULL);

  self->side_panel = panel;
  gtk_box_append (GTK_BOX (self->outer), panel);
}

void
tdn_kiosk_window_set_banner (TdnKioskWindow *self,
                             const char     *text)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  gtk_label_set_text (GTK_LABEL (self->banner), text != NULL ? text : "");
  gtk_widget_set_visible (self->banner, text != NULL && *text != '\0');
}

GtkWidget *
tdn_kiosk_window_get_visible_page (TdnKioskWindow *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (GTK_STACK (self->stack));
}

GtkWidget *
tdn_kiosk_window_get_welcome_page (TdnKioskWindow *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_WINDOW (self), NULL);

  return self->welcome_page;
}

void
tdn_kiosk_window_set_defaults (TdnKioskWindow *self,
                               const char     *language,
                               gboolean        high_contrast,
                               gboolean        large_text,
                               gboolean        speech)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  g_free (self->default_language);
  self->default_language = g_strdup (g_strcmp0 (language, "en") == 0 ? "en" : "vi");
  self->default_high_contrast = high_contrast;
  self->default_large_text = large_text;
  self->default_speech = speech;
  tdn_kiosk_window_reset_options (self);
}

void
tdn_kiosk_window_reset_options (TdnKioskWindow *self)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  g_object_set (self,
                "language", self->default_language,
                "high-contrast", self->default_high_contrast,
                "large-text", self->default_large_text,
                "speech", self->default_speech,
                NULL);
}

void
tdn_kiosk_window_set_speech_command (TdnKioskWindow *self,
                                     const char     *command)
{
  gboolean enabled;

  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  enabled = tdn_kiosk_speech_get_enabled (self->speech);
  g_clear_object (&self->speech);
  self->speech = tdn_kiosk_speech_new (command);
  tdn_kiosk_speech_set_enabled (self->speech, enabled);
}

void
tdn_kiosk_window_say (TdnKioskWindow *self,
                      const char     *text)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  tdn_kiosk_speech_say (self->speech, self->language, text);
}
