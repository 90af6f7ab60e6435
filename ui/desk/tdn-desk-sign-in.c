/* tdn-desk-sign-in.c — the nurse's login and PIN
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Emits ::submit (login, pin); the window asks the broker, which checks
 * the PIN against its slow hash and locks the account after repeated
 * failures (its message says for how long).
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-desk-sign-in.h"

struct _TdnDeskSignIn
{
  GtkWidget         parent_instance;
  GtkLabel         *message;
  GtkEntry         *login;
  GtkPasswordEntry *pin;
  GtkButton        *submit_button;
  GtkSpinner       *spinner;
};

G_DEFINE_FINAL_TYPE (TdnDeskSignIn, tdn_desk_sign_in, GTK_TYPE_WIDGET)

enum { SUBMIT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_busy (TdnDeskSignIn *self,
          gboolean       busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_message (TdnDeskSignIn *self,
              const char    *message)
{
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL && *message != '\0');
}

static void
clear_pin (TdnDeskSignIn *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->pin), "");
}

static void
submit_cb (TdnDeskSignIn *self)
{
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login))));
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin)));

  if (*login == '\0')
    {
      show_message (self, _("Type your login."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login));
      return;
    }
  if (*pin == '\0')
    {
      show_message (self, _("Type your PIN."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin));
      return;
    }
  show_message (self, NULL);
  set_busy (self, TRUE);
  clear_pin (self);
  g_signal_emit (self, signals[SUBMIT], 0, login, pin);
  explicit_bzero (pin, strlen (pin));
}

static void
login_activate_cb (TdnDeskSignIn *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->pin));
}

static void
tdn_desk_sign_in_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TDN_TYPE_DESK_SIGN_IN);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (tdn_desk_sign_in_parent_class)->dispose (object);
}

static void
tdn_desk_sign_in_class_init (TdnDeskSignInClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tdn_desk_sign_in_dispose;
  /* ::submit (login, pin) */
  signals[SUBMIT] = g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Desk/tdn-desk-sign-in.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskSignIn, message);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskSignIn, login);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskSignIn, pin);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskSignIn, submit_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskSignIn, spinner);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_activate_cb);
}

static void
tdn_desk_sign_in_init (TdnDeskSignIn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
tdn_desk_sign_in_reset (TdnDeskSignIn *self,
                        const char    *message)
{
  g_return_if_fail (TDN_IS_DESK_SIGN_IN (self));

  set_busy (self, FALSE);
  clear_pin (self);
  gtk_editable_set_text (GTK_EDITABLE (self->login), "");
  show_message (self, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->login));
}

void
tdn_desk_sign_in_failed (TdnDeskSignIn *self,
                         const char    *message)
{
  g_return_if_fail (TDN_IS_DESK_SIGN_IN (self));

  set_busy (self, FALSE);
  clear_pin (self);
  show_message (self, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->pin));
}
