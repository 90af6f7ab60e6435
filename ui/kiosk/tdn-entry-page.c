/* tdn-entry-page.c — typing an ID or BHYT number and the date of birth
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include <string.h>

#include "tdn-entry-page.h"
#include "tdn-keypad.h"
#include "tdn-kiosk-i18n.h"

#define MAX_NUMBER 16
#define DOB_LENGTH 8

struct _TdnEntryPage
{
  GtkBox     parent_instance;

  GtkWidget *title;
  GtkWidget *number_label;
  GtkWidget *number_field;
  GtkWidget *number_text;
  GtkWidget *dob_field;
  GtkWidget *dob_text;
  GtkWidget *error;
  GtkWidget *keypad;

  guint      number_length;
  gboolean   on_dob;
  char       number[MAX_NUMBER + 1];
  char       dob[DOB_LENGTH + 1];
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdnEntryPage, tdn_entry_page, GTK_TYPE_BOX)

/* Digits in groups with placeholders for the rest: "0011 95__ ____". */
static char *
render_number (const char *digits,
               guint       length)
{
  GString *out = g_string_new (NULL);
  gsize have = strlen (digits);

  for (guint i = 0; i < length; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, i < have ? digits[i] : '_');
    }
  return g_string_free (out, FALSE);
}

static char *
render_dob (const char *digits)
{
  GString *out = g_string_new (NULL);
  gsize have = strlen (digits);

  for (guint i = 0; i < DOB_LENGTH; i++)
    {
      if (i == 2 || i == 4)
        g_string_append_c (out, '/');
      g_string_append_c (out, i < have ? digits[i] : '_');
    }
  return g_string_free (out, FALSE);
}

static void
update (TdnEntryPage *self)
{
  g_autofree char *number = render_number (self->number, self->number_length);
  g_autofree char *dob = render_dob (self->dob);
  g_autofree char *number_a11y = NULL;
  g_autofree char *dob_a11y = NULL;

  gtk_label_set_text (GTK_LABEL (self->number_text), number);
  gtk_label_set_text (GTK_LABEL (self->dob_text), dob);
  if (self->on_dob)
    {
      gtk_widget_remove_css_class (self->number_field, "active-field");
      gtk_widget_add_css_class (self->dob_field, "active-field");
    }
  else
    {
      gtk_widget_add_css_class (self->number_field, "active-field");
      gtk_widget_remove_css_class (self->dob_field, "active-field");
    }
  number_a11y = g_strdup_printf ("%s: %s", gtk_label_get_text (GTK_LABEL (self->number_label)),
                                 *self->number != '\0' ? self->number : tdn_kiosk_tr (N_("empty")));
  dob_a11y = g_strdup_printf ("%s: %s", tdn_kiosk_tr (N_("Date of birth (day, month, year)")),
                              *self->dob != '\0' ? dob : tdn_kiosk_tr (N_("empty")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->number_field),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, number_a11y, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dob_field),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dob_a11y, -1);
}

static void
digit_cb (TdnEntryPage *self,
          guint         digit)
{
  char *buf = self->on_dob ? self->dob : self->number;
  guint max = self->on_dob ? DOB_LENGTH : self->number_length;
  gsize len = strlen (buf);

  if (len < max)
    {
      buf[len] = (char) digit;
      buf[len + 1] = '\0';
    }
  if (!self->on_dob && strlen (self->number) == self->number_length)
    self->on_dob = TRUE;
  update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
erase_cb (TdnEntryPage *self)
{
  char *buf = self->on_dob ? self->dob : self->number;
  gsize len = strlen (buf);

  if (len == 0 && self->on_dob)
    {
      /* Erasing past the start of the date goes back into the number. */
      self->on_dob = FALSE;
      buf = self->number;
      len = strlen (buf);
    }
  if (len > 0)
    buf[len - 1] = '\0';
  update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
clear_cb (TdnEntryPage *self)
{
  explicit_bzero (self->on_dob ? self->dob : self->number,
                  self->on_dob ? sizeof self->dob : sizeof self->number);
  update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
number_field_clicked_cb (TdnEntryPage *self)
{
  self->on_dob = FALSE;
  update (self);
}

static void
dob_field_clicked_cb (TdnEntryPage *self)
{
  self->on_dob = TRUE;
  update (self);
}

static void
tdn_entry_page_dispose (GObject *object)
{
  TdnEntryPage *self = TDN_ENTRY_PAGE (object);

  explicit_bzero (self->number, sizeof self->number);
  explicit_bzero (self->dob, sizeof self->dob);
  G_OBJECT_CLASS (tdn_entry_page_parent_class)->dispose (object);
}

static void
tdn_entry_page_class_init (TdnEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdn_entry_page_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TDN_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, title);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, number_field);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, number_text);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, dob_field);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, dob_text);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, error);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, keypad);
  gtk_widget_class_bind_template_callback (widget_class, digit_cb);
  gtk_widget_class_bind_template_callback (widget_class, erase_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_field_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dob_field_clicked_cb);
}

static void
tdn_entry_page_init (TdnEntryPage *self)
{
  self->number_length = 12;
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_dynamic (self->number_text);
  tdn_kiosk_i18n_dynamic (self->dob_text);
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  update (self);
}

void
tdn_entry_page_start (TdnEntryPage *self,
                      const char   *title,
                      const char   *number_label,
                      guint         number_length)
{
  g_return_if_fail (TDN_IS_ENTRY_PAGE (self));
  g_return_if_fail (number_length > 0 && number_length <= MAX_NUMBER);

  tdn_entry_page_clear (self);
  self->number_length = number_length;
  tdn_entry_page_set_texts (self, title, number_label);
}

void
tdn_entry_page_set_texts (TdnEntryPage *self,
                          const char   *title,
                          const char   *number_label)
{
  g_return_if_fail (TDN_IS_ENTRY_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->title), title != NULL ? title : "");
  gtk_label_set_text (GTK_LABEL (self->number_label), number_label != NULL ? number_label : "");
  update (self);
}

const char *
tdn_entry_page_get_number (TdnEntryPage *self)
{
  g_return_val_if_fail (TDN_IS_ENTRY_PAGE (self), NULL);

  return self->number;
}

const char *
tdn_entry_page_get_dob (TdnEntryPage *self)
{
  g_return_val_if_fail (TDN_IS_ENTRY_PAGE (self), NULL);

  return self->dob;
}

void
tdn_entry_page_set_error (TdnEntryPage *self,
                          const char   *error)
{
  g_return_if_fail (TDN_IS_ENTRY_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->error), error != NULL ? error : "");
  gtk_widget_set_visible (self->error, error != NULL && *error != '\0');
}

void
tdn_entry_page_clear (TdnEntryPage *self)
{
  g_return_if_fail (TDN_IS_ENTRY_PAGE (self));

  explicit_bzero (self->number, sizeof self->number);
  explicit_bzero (self->dob, sizeof self->dob);
  self->on_dob = FALSE;
  tdn_entry_page_set_error (self, NULL);
  update (self);
}
