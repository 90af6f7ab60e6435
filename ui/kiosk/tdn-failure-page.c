/* tdn-failure-page.c — something went wrong: what to do, and call staff
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget for every failure state; the window fills in the words, so
 * each cause still gets its own screen. "Call staff" is always there.
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-failure-page.h"
#include "tdn-kiosk-i18n.h"

struct _TdnFailurePage
{
  GtkBox     parent_instance;

  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *detail;
  GtkWidget *status;
  GtkWidget *choices;
  GtkWidget *cancel_button;
};

G_DEFINE_FINAL_TYPE (TdnFailurePage, tdn_failure_page, GTK_TYPE_BOX)

static void
tdn_failure_page_class_init (TdnFailurePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-failure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnFailurePage, icon);
  gtk_widget_class_bind_template_child (widget_class, TdnFailurePage, title);
  gtk_widget_class_bind_template_child (widget_class, TdnFailurePage, detail);
  gtk_widget_class_bind_template_child (widget_class, TdnFailurePage, status);
  gtk_widget_class_bind_template_child (widget_class, TdnFailurePage, choices);
  gtk_widget_class_bind_template_child (widget_class, TdnFailurePage, cancel_button);
}

static void
tdn_failure_page_init (TdnFailurePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}

void
tdn_failure_page_set_message (TdnFailurePage *self,
                              const char     *icon_name,
                              const char     *title,
                              const char     *detail)
{
  GtkWidget *child;

  g_return_if_fail (TDN_IS_FAILURE_PAGE (self));

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                icon_name != NULL ? icon_name : "dialog-warning-symbolic");
  /* Information (insurance to check later, pay yourself) is not an alarm. */
  if (icon_name != NULL && strstr (icon_name, "information") != NULL)
    gtk_widget_add_css_class (self->icon, "failure-info");
  else
    gtk_widget_remove_css_class (self->icon, "failure-info");
  gtk_label_set_text (GTK_LABEL (self->title), title != NULL ? title : "");
  gtk_label_set_text (GTK_LABEL (self->detail), detail != NULL ? detail : "");
  gtk_widget_set_visible (self->detail, detail != NULL && *detail != '\0');
  while ((child = gtk_widget_get_first_child (self->choices)) != NULL)
    gtk_box_remove (GTK_BOX (self->choices), child);
  gtk_widget_set_visible (self->choices, FALSE);
}

void
tdn_failure_page_add_choice (TdnFailurePage *self,
                             const char     *label,
                             const char     *action_name,
                             const char     *target,
                             gboolean        suggested)
{
  GtkWidget *button, *text;

  g_return_if_fail (TDN_IS_FAILURE_PAGE (self));
  g_return_if_fail (label != NULL && action_name != NULL);

  text = gtk_label_new (label);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  tdn_kiosk_i18n_dynamic (text);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  tdn_kiosk_i18n_name_button (button);
  gtk_box_append (GTK_BOX (self->choices), button);
  gtk_widget_set_visible (self->choices, TRUE);
}

void
tdn_failure_page_set_status (TdnFailurePage *self,
                             const char     *status)
{
  g_return_if_fail (TDN_IS_FAILURE_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->status), status != NULL ? status : "");
  gtk_widget_set_visible (self->status, status != NULL && *status != '\0');
}

void
tdn_failure_page_set_can_cancel (TdnFailurePage *self,
                                 gboolean        can_cancel)
{
  g_return_if_fail (TDN_IS_FAILURE_PAGE (self));

  gtk_widget_set_visible (self->cancel_button, can_cancel);
}
