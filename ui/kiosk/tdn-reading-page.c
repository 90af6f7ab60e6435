/* tdn-reading-page.c — progress: reading the card, saving, printing
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-kiosk-i18n.h"
#include "tdn-reading-page.h"

struct _TdnReadingPage
{
  GtkBox     parent_instance;

  GtkWidget *spinner;
  GtkWidget *title;
  GtkWidget *detail;
  GtkWidget *bar;
};

G_DEFINE_FINAL_TYPE (TdnReadingPage, tdn_reading_page, GTK_TYPE_BOX)

static void
tdn_reading_page_class_init (TdnReadingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-reading-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnReadingPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TdnReadingPage, title);
  gtk_widget_class_bind_template_child (widget_class, TdnReadingPage, detail);
  gtk_widget_class_bind_template_child (widget_class, TdnReadingPage, bar);
}

static void
tdn_reading_page_init (TdnReadingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_accessible_label (self->spinner, N_("Working, please wait"));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}

void
tdn_reading_page_set_message (TdnReadingPage *self,
                              const char     *title,
                              const char     *detail,
                              double          fraction)
{
  g_return_if_fail (TDN_IS_READING_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->title), title != NULL ? title : "");
  gtk_label_set_text (GTK_LABEL (self->detail), detail != NULL ? detail : "");
  gtk_widget_set_visible (self->detail, detail != NULL && *detail != '\0');
  gtk_widget_set_visible (self->bar, fraction >= 0);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->bar), CLAMP (fraction, 0.0, 1.0));
}
