/* tdn-priority-page.c — the priority question, for those not derived from age
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Age-based priority (children, 75 and over) is derived by kiosk/queue and
 * never asked; the buttons' targets are tdn_priority_to_string() names.
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-kiosk-i18n.h"
#include "tdn-priority-page.h"

struct _TdnPriorityPage
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (TdnPriorityPage, tdn_priority_page, GTK_TYPE_BOX)

static void
tdn_priority_page_class_init (TdnPriorityPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-priority-page.ui");
}

static void
tdn_priority_page_init (TdnPriorityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}
