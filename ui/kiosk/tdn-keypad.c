/* tdn-keypad.c — the built-in numeric keypad
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-keypad.h"
#include "tdn-kiosk-i18n.h"

struct _TdnKeypad
{
  GtkGrid    parent_instance;

  GtkWidget *clear_key;
  GtkWidget *erase_key;
};

enum {
  SIGNAL_DIGIT,
  SIGNAL_ERASE,
  SIGNAL_CLEAR,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdnKeypad, tdn_keypad, GTK_TYPE_GRID)

static void
digit_clicked_cb (GtkButton *button,
                  TdnKeypad *self)
{
  const char *label = gtk_button_get_label (button);

  if (label != NULL && g_ascii_isdigit (label[0]))
    g_signal_emit (self, signals[SIGNAL_DIGIT], 0, (guint) label[0]);
}

static void
erase_clicked_cb (TdnKeypad *self)
{
  g_signal_emit (self, signals[SIGNAL_ERASE], 0);
}

static void
clear_clicked_cb (TdnKeypad *self)
{
  g_signal_emit (self, signals[SIGNAL_CLEAR], 0);
}

static void
tdn_keypad_class_init (TdnKeypadClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_DIGIT] = g_signal_new ("digit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_ERASE] = g_signal_new ("erase", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CLEAR] = g_signal_new ("clear", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-keypad.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnKeypad, clear_key);
  gtk_widget_class_bind_template_child (widget_class, TdnKeypad, erase_key);
  gtk_widget_class_bind_template_callback (widget_class, digit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, erase_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
tdn_keypad_init (TdnKeypad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  tdn_kiosk_i18n_accessible_label (self->erase_key, N_("Delete the last digit"));
  tdn_kiosk_i18n_accessible_label (self->clear_key, N_("Clear everything"));
}
