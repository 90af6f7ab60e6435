/* tdn-entry-page.c — typing an ID or BHYT number, the date of birth and the name
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
#include "tdn-letter-keyboard.h"

#define MAX_NUMBER 16
#define DOB_LENGTH 8
#define MAX_NAME 300   /* bytes: 100 letters with their marks */

typedef enum {
  FIELD_NUMBER,
  FIELD_DOB,
  FIELD_NAME,
} Field;

struct _TdnEntryPage
{
  GtkBox     parent_instance;

  GtkWidget *title;
  GtkWidget *number_label;
  GtkWidget *number_field;
  GtkWidget *number_text;
  GtkWidget *dob_field;
  GtkWidget *dob_text;
  GtkWidget *name_label;
  GtkWidget *name_field;
  GtkWidget *name_text;
  GtkWidget *error;
  GtkWidget *keys;
  GtkWidget *keypad;
  GtkWidget *keyboard;

  guint      number_length;
  Field      field;
  char       number[MAX_NUMBER + 1];
  char       dob[DOB_LENGTH + 1];
  char       name[MAX_NAME + 1];
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
mark_active (GtkWidget *field,
             gboolean   active)
{
  if (active)
    gtk_widget_add_css_class (field, "active-field");
  else
    gtk_widget_remove_css_class (field, "active-field");
}

static void
name_a11y (GtkWidget  *field,
           GtkWidget  *label,
           const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", gtk_label_get_text (GTK_LABEL (label)),
                                           *value != '\0' ? value : tdn_kiosk_tr (N_("empty")));

  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
update (TdnEntryPage *self)
{
  g_autofree char *number = render_number (self->number, self->number_length);
  g_autofree char *dob = render_dob (self->dob);
  g_autofree char *dob_a11y = NULL;

  gtk_label_set_text (GTK_LABEL (self->number_text), number);
  gtk_label_set_text (GTK_LABEL (self->dob_text), dob);
  gtk_label_set_text (GTK_LABEL (self->name_text), *self->name != '\0' ? self->name : " ");
  mark_active (self->number_field, self->field == FIELD_NUMBER);
  mark_active (self->dob_field, self->field == FIELD_DOB);
  mark_active (self->name_field, self->field == FIELD_NAME);
  /* Digits on the keypad, the name on the letters. */
  gtk_widget_set_visible (self->keypad, self->field != FIELD_NAME);
  gtk_widget_set_visible (self->keyboard, self->field == FIELD_NAME);
  gtk_stack_set_visible_child (GTK_STACK (self->keys),
                               self->field == FIELD_NAME ? self->keyboard : self->keypad);

  name_a11y (self->number_field, self->number_label, self->number);
  dob_a11y = g_strdup_printf ("%s: %s", tdn_kiosk_tr (N_("Date of birth (day, month, year)")),
                              *self->dob != '\0' ? dob : tdn_kiosk_tr (N_("empty")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dob_field),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dob_a11y, -1);
  name_a11y (self->name_field, self->name_label, self->name);
}

static void
changed (TdnEntryPage *self)
{
  update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
digit_cb (TdnEntryPage *self,
          guint         digit)
{
  char *buf = self->field == FIELD_DOB ? self->dob : self->number;
  guint max = self->field == FIELD_DOB ? DOB_LENGTH : self->number_length;
  gsize len = strlen (buf);

  if (self->field == FIELD_NAME)
    return;
  if (len < max)
    {
      buf[len] = (char) digit;
      buf[len + 1] = '\0';
    }
  /* A full field moves on: number → date of birth → name. */
  if (self->field == FIELD_NUMBER && strlen (self->number) == self->number_length)
    self->field = FIELD_DOB;
  else if (self->field == FIELD_DOB && strlen (self->dob) == DOB_LENGTH &&
           gtk_widget_get_visible (self->name_field))
    self->field = FIELD_NAME;
  changed (self);
}

static void
letter_cb (TdnEntryPage *self,
           const char   *letter)
{
  gsize len = strlen (self->name);
  g_autofree char *lower = NULL;
  const char *add = letter;

  /* Names are written "Nguyễn Văn An": a capital starts each word. */
  if (len > 0 && self->name[len - 1] != ' ')
    add = lower = g_utf8_strdown (letter, -1);
  if (len + strlen (add) <= MAX_NAME)
    memcpy (self->name + len, add, strlen (add) + 1);
  changed (self);
}

static void
tone_cb (TdnEntryPage *self,
         guint         mark)
{
  g_autofree char *toned = tdn_letter_keyboard_apply_tone (self->name, (gunichar) mark);

  if (toned != NULL && strlen (toned) <= MAX_NAME)
    {
      explicit_bzero (self->name, sizeof self->name);
      memcpy (self->name, toned, strlen (toned) + 1);
      explicit_bzero (toned, strlen (toned));
    }
  changed (self);
}

static void
space_cb (TdnEntryPage *self)
{
  gsize len = strlen (self->name);

  if (len > 0 && len < MAX_NAME && self->name[len - 1] != ' ')
    {
      self->name[len] = ' ';
      self->name[len + 1] = '\0';
    }
  changed (self);
}

static void
erase_cb (TdnEntryPage *self)
{
  char *buf = self->field == FIELD_DOB ? self->dob : self->field == FIELD_NAME ? self->name
                                                                                : self->number;
  gsize len = strlen (buf);

  if (self->field == FIELD_NAME)
    {
      /* One letter, with its marks. */
      const char *last = len > 0 ? g_utf8_find_prev_char (buf, buf + len) : NULL;

      if (last != NULL)
        memset ((char *) last, 0, (gsize) (buf + len - last));
      changed (self);
      return;
    }
  if (len == 0 && self->field == FIELD_DOB)
    {
      /* Erasing past the start of the date goes back into the number. */
      self->field = FIELD_NUMBER;
      buf = self->number;
      len = strlen (buf);
    }
  if (len > 0)
    buf[len - 1] = '\0';
  changed (self);
}

static void
clear_cb (TdnEntryPage *self)
{
  if (self->field == FIELD_DOB)
    explicit_bzero (self->dob, sizeof self->dob);
  else if (self->field == FIELD_NAME)
    explicit_bzero (self->name, sizeof self->name);
  else
    explicit_bzero (self->number, sizeof self->number);
  changed (self);
}

static void
number_field_clicked_cb (TdnEntryPage *self)
{
  self->field = FIELD_NUMBER;
  update (self);
}

static void
dob_field_clicked_cb (TdnEntryPage *self)
{
  self->field = FIELD_DOB;
  update (self);
}

static void
name_field_clicked_cb (TdnEntryPage *self)
{
  self->field = FIELD_NAME;
  update (self);
}

static void
tdn_entry_page_dispose (GObject *object)
{
  TdnEntryPage *self = TDN_ENTRY_PAGE (object);

  explicit_bzero (self->number, sizeof self->number);
  explicit_bzero (self->dob, sizeof self->dob);
  explicit_bzero (self->name, sizeof self->name);
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
  g_type_ensure (TDN_TYPE_LETTER_KEYBOARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, title);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, number_field);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, number_text);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, dob_field);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, dob_text);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, name_field);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, name_text);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, error);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, keys);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, keypad);
  gtk_widget_class_bind_template_child (widget_class, TdnEntryPage, keyboard);
  gtk_widget_class_bind_template_callback (widget_class, digit_cb);
  gtk_widget_class_bind_template_callback (widget_class, letter_cb);
  gtk_widget_class_bind_template_callback (widget_class, tone_cb);
  gtk_widget_class_bind_template_callback (widget_class, space_cb);
  gtk_widget_class_bind_template_callback (widget_class, erase_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_field_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dob_field_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_field_clicked_cb);
}

static void
tdn_entry_page_init (TdnEntryPage *self)
{
  self->number_length = 12;
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_dynamic (self->number_text);
  tdn_kiosk_i18n_dynamic (self->dob_text);
  tdn_kiosk_i18n_dynamic (self->name_text);
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  update (self);
}

void
tdn_entry_page_start (TdnEntryPage *self,
                      const char   *title,
                      const char   *number_label,
                      guint         number_length,
                      const char   *name_label)
{
  g_return_if_fail (TDN_IS_ENTRY_PAGE (self));
  g_return_if_fail (number_length > 0 && number_length <= MAX_NUMBER);

  tdn_entry_page_clear (self);
  self->number_length = number_length;
  tdn_entry_page_set_texts (self, title, number_label, name_label);
}

void
tdn_entry_page_set_texts (TdnEntryPage *self,
                          const char   *title,
                          const char   *number_label,
                          const char   *name_label)
{
  g_return_if_fail (TDN_IS_ENTRY_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->title), title != NULL ? title : "");
  gtk_label_set_text (GTK_LABEL (self->number_label), number_label != NULL ? number_label : "");
  gtk_label_set_text (GTK_LABEL (self->name_label), name_label != NULL ? name_label : "");
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

const char *
tdn_entry_page_get_name (TdnEntryPage *self)
{
  g_return_val_if_fail (TDN_IS_ENTRY_PAGE (self), NULL);

  return self->name;
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
  explicit_bzero (self->name, sizeof self->name);
  self->field = FIELD_NUMBER;
  tdn_entry_page_set_error (self, NULL);
  update (self);
}
