/* tdn-welcome-page.c — the first screen: how to start, in two languages
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hints are animated in CSS (style.css: the card drops onto the
 * reader, the scanner's beam sweeps the QR code); the buttons are bound to
 * the window's kiosk.* actions.
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-kiosk-i18n.h"
#include "tdn-welcome-page.h"

struct _TdnWelcomePage
{
  GtkBox     parent_instance;

  GtkWidget *toolbar;
  GtkWidget *options;
  GtkWidget *hints;
  GtkWidget *card_hint;
  GtkWidget *qr_hint;
  GtkWidget *actions;
  GtkWidget *large_text_button;
  GtkWidget *contrast_button;
  GtkWidget *speech_button;
  GtkWidget *vi_button;
  GtkWidget *en_button;
};

G_DEFINE_FINAL_TYPE (TdnWelcomePage, tdn_welcome_page, GTK_TYPE_BOX)

static void
tdn_welcome_page_class_init (TdnWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, options);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, hints);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, card_hint);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, qr_hint);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, actions);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, large_text_button);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, contrast_button);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, speech_button);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, vi_button);
  gtk_widget_class_bind_template_child (widget_class, TdnWelcomePage, en_button);
}

static void
tdn_welcome_page_init (TdnWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The language buttons always speak their own language. */
  tdn_kiosk_i18n_dynamic (gtk_button_get_child (GTK_BUTTON (self->vi_button)));
  tdn_kiosk_i18n_dynamic (gtk_button_get_child (GTK_BUTTON (self->en_button)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->vi_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Tiếng Việt", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->en_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "English", -1);
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}

void
tdn_welcome_page_set_portrait (TdnWelcomePage *self,
                               gboolean        portrait)
{
  g_return_if_fail (TDN_IS_WELCOME_PAGE (self));

  /* Portrait: languages on one row, display options on the next (the
   * toolbar is "adaptive"). */
  gtk_widget_set_halign (self->options, portrait ? GTK_ALIGN_START : GTK_ALIGN_END);
}

void
tdn_welcome_page_set_devices (TdnWelcomePage *self,
                              gboolean        card_reader,
                              gboolean        scanner)
{
  g_return_if_fail (TDN_IS_WELCOME_PAGE (self));

  /* Never ask for what the kiosk cannot read now; with neither, the
   * machine shows the reader-missing screen instead. */
  gtk_widget_set_visible (self->card_hint, card_reader || !scanner);
  gtk_widget_set_visible (self->qr_hint, scanner || !card_reader);
}
