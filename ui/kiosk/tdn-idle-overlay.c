/* tdn-idle-overlay.c — "are you still there?" before the screen resets
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-idle-overlay.h"
#include "tdn-kiosk-i18n.h"

struct _TdnIdleOverlay
{
  GtkBox     parent_instance;

  GtkWidget *countdown;
  GtkWidget *more_time_button;
};

G_DEFINE_FINAL_TYPE (TdnIdleOverlay, tdn_idle_overlay, GTK_TYPE_BOX)

static void
tdn_idle_overlay_class_init (TdnIdleOverlayClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-idle-overlay.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnIdleOverlay, countdown);
  gtk_widget_class_bind_template_child (widget_class, TdnIdleOverlay, more_time_button);
}

static void
tdn_idle_overlay_init (TdnIdleOverlay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}

void
tdn_idle_overlay_set_remaining (TdnIdleOverlay *self,
                                int             seconds)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TDN_IS_IDLE_OVERLAY (self));

  if (seconds < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  /* TRANSLATORS: %d is a number of seconds. */
  text = g_strdup_printf (tdn_kiosk_tr (N_("The screen will start over in %d seconds.")), seconds);
  gtk_label_set_text (GTK_LABEL (self->countdown), text);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      gtk_widget_grab_focus (self->more_time_button);
    }
}
