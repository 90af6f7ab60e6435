/* tdn-identity-page.c — "is this you?"
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-identity-page.h"
#include "tdn-kiosk-i18n.h"

struct _TdnIdentityPage
{
  GtkBox     parent_instance;

  GtkWidget *photo;
  GtkWidget *name;
  GtkWidget *id_label;
  GtkWidget *id_number;
  GtkWidget *age;
};

G_DEFINE_FINAL_TYPE (TdnIdentityPage, tdn_identity_page, GTK_TYPE_BOX)

static void
tdn_identity_page_class_init (TdnIdentityPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-identity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnIdentityPage, photo);
  gtk_widget_class_bind_template_child (widget_class, TdnIdentityPage, name);
  gtk_widget_class_bind_template_child (widget_class, TdnIdentityPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, TdnIdentityPage, id_number);
  gtk_widget_class_bind_template_child (widget_class, TdnIdentityPage, age);
}

static void
tdn_identity_page_init (TdnIdentityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_dynamic (self->id_label);
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  tdn_kiosk_i18n_accessible_label (self->photo, N_("Photo from your ID card"));
}

void
tdn_identity_page_set_person (TdnIdentityPage *self,
                              const char      *name,
                              const char      *masked_id,
                              const char      *age,
                              GdkTexture      *photo)
{
  g_return_if_fail (TDN_IS_IDENTITY_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->name), name != NULL ? name : "");
  gtk_label_set_text (GTK_LABEL (self->id_number), masked_id != NULL ? masked_id : "");
  /* A child with only a health insurance card: its number starts with the
   * two letters of the card's group ("TE1…"), it is no citizen ID. */
  gtk_label_set_text (GTK_LABEL (self->id_label),
                      masked_id != NULL && g_ascii_isalpha (masked_id[0])
                      ? tdn_kiosk_tr (N_("Health insurance card number"))
                      : tdn_kiosk_tr (N_("Citizen ID number")));
  gtk_label_set_text (GTK_LABEL (self->age), age != NULL ? age : "");
  gtk_picture_set_paintable (GTK_PICTURE (self->photo), GDK_PAINTABLE (photo));
  gtk_widget_set_visible (self->photo, photo != NULL);
}

void
tdn_identity_page_clear (TdnIdentityPage *self)
{
  tdn_identity_page_set_person (self, NULL, NULL, NULL, NULL);
}
