/* tdn-confirm-page.c — check everything, then print
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-confirm-page.h"
#include "tdn-kiosk-i18n.h"

struct _TdnConfirmPage
{
  GtkBox     parent_instance;

  GtkWidget *grid;
  GtkWidget *note;
  guint      rows;
};

G_DEFINE_FINAL_TYPE (TdnConfirmPage, tdn_confirm_page, GTK_TYPE_BOX)

static void
tdn_confirm_page_class_init (TdnConfirmPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnConfirmPage, grid);
  gtk_widget_class_bind_template_child (widget_class, TdnConfirmPage, note);
}

static void
tdn_confirm_page_init (TdnConfirmPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}

void
tdn_confirm_page_clear (TdnConfirmPage *self)
{
  GtkWidget *child;

  g_return_if_fail (TDN_IS_CONFIRM_PAGE (self));

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  self->rows = 0;
  tdn_confirm_page_set_note (self, NULL);
}

void
tdn_confirm_page_add_row (TdnConfirmPage *self,
                          const char     *field,
                          const char     *value)
{
  GtkWidget *name, *val;

  g_return_if_fail (TDN_IS_CONFIRM_PAGE (self));

  name = gtk_label_new (field);
  val = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (val), 0);
  gtk_label_set_wrap (GTK_LABEL (val), TRUE);
  gtk_widget_add_css_class (name, "field-name");
  gtk_widget_add_css_class (val, "field-value");
  tdn_kiosk_i18n_dynamic (name);
  tdn_kiosk_i18n_dynamic (val);
  gtk_grid_attach (GTK_GRID (self->grid), name, 0, self->rows, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), val, 1, self->rows, 1, 1);
  self->rows++;
}

void
tdn_confirm_page_set_note (TdnConfirmPage *self,
                           const char     *note)
{
  g_return_if_fail (TDN_IS_CONFIRM_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->note), note != NULL ? note : "");
  gtk_widget_set_visible (self->note, note != NULL && *note != '\0');
}
