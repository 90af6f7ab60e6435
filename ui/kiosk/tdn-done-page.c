/* tdn-done-page.c — the queue number, the room, take your ticket
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-done-page.h"
#include "tdn-kiosk-i18n.h"

struct _TdnDonePage
{
  GtkBox     parent_instance;

  GtkWidget *number;
  GtkWidget *clinic;
  GtkWidget *room;
  GtkWidget *note;
  GtkWidget *ticket;
};

G_DEFINE_FINAL_TYPE (TdnDonePage, tdn_done_page, GTK_TYPE_BOX)

static void
tdn_done_page_class_init (TdnDonePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnDonePage, number);
  gtk_widget_class_bind_template_child (widget_class, TdnDonePage, clinic);
  gtk_widget_class_bind_template_child (widget_class, TdnDonePage, room);
  gtk_widget_class_bind_template_child (widget_class, TdnDonePage, note);
  gtk_widget_class_bind_template_child (widget_class, TdnDonePage, ticket);
}

static void
tdn_done_page_init (TdnDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  tdn_kiosk_i18n_accessible_label (self->ticket, N_("Picture of your printed ticket"));
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

void
tdn_done_page_set_ticket (TdnDonePage *self,
                          const char  *number,
                          const char  *clinic,
                          const char  *room,
                          const char  *note,
                          GdkTexture  *ticket)
{
  g_return_if_fail (TDN_IS_DONE_PAGE (self));

  set_text (self->number, number);
  set_text (self->clinic, clinic);
  set_text (self->room, room);
  set_text (self->note, note);
  gtk_picture_set_paintable (GTK_PICTURE (self->ticket), GDK_PAINTABLE (ticket));
  gtk_widget_set_visible (self->ticket, ticket != NULL);
}

void
tdn_done_page_clear (TdnDonePage *self)
{
  tdn_done_page_set_ticket (self, NULL, NULL, NULL, NULL, NULL);
}
