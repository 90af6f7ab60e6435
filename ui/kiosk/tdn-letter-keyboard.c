/* tdn-letter-keyboard.c — the built-in keyboard for names, with Vietnamese letters
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-kiosk-i18n.h"
#include "tdn-letter-keyboard.h"

struct _TdnLetterKeyboard
{
  GtkGrid parent_instance;
};

enum {
  SIGNAL_LETTER,
  SIGNAL_TONE,
  SIGNAL_SPACE,
  SIGNAL_ERASE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdnLetterKeyboard, tdn_letter_keyboard, GTK_TYPE_GRID)

static const char * const rows[] = {
  "A Ă Â B C D Đ E Ê G",
  "H I K L M N O Ô Ơ P",
  "Q R S T U Ư V X Y F",
  "J W Z",
};

static const struct {
  gunichar    mark;
  const char *shown;     /* the mark on an "a" */
  const char *name;      /* accessible name */
} tones[] = {
  { 0x0301, "á", N_("Tone mark sắc") },
  { 0x0300, "à", N_("Tone mark huyền") },
  { 0x0309, "ả", N_("Tone mark hỏi") },
  { 0x0303, "ã", N_("Tone mark ngã") },
  { 0x0323, "ạ", N_("Tone mark nặng") },
};

static gboolean
is_tone (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    if (tones[i].mark == c)
      return TRUE;
  return FALSE;
}

static gboolean
is_vowel_base (gunichar c)
{
  return strchr ("aeiouyAEIOUY", (int) c) != NULL && c < 0x80;
}

char *
tdn_letter_keyboard_apply_tone (const char *name,
                                gunichar    mark)
{
  g_autofree char *nfd = NULL;
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  glong vowel = -1;
  GString *out;

  g_return_val_if_fail (name != NULL, NULL);

  nfd = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup (name);
  chars = g_utf8_to_ucs4_fast (nfd, -1, &n);
  /* The last vowel of the last word: its base letter. */
  for (glong i = n - 1; i >= 0 && chars[i] != ' '; i--)
    if (is_vowel_base (chars[i]))
      {
        vowel = i;
        break;
      }
  out = g_string_new (NULL);
  for (glong i = 0; i < n; i++)
    {
      g_string_append_unichar (out, chars[i]);
      if (i != vowel)
        continue;
      /* The vowel's own marks (breve, circumflex, horn) stay; its old tone
       * goes; the new tone comes after them. */
      while (i + 1 < n && g_unichar_combining_class (chars[i + 1]) != 0)
        {
          i++;
          if (!is_tone (chars[i]))
            g_string_append_unichar (out, chars[i]);
        }
      g_string_append_unichar (out, mark);
    }
  {
    char *nfc = g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);

    g_string_free (out, TRUE);
    return nfc;
  }
}

static void
letter_clicked_cb (GtkButton         *button,
                   TdnLetterKeyboard *self)
{
  g_signal_emit (self, signals[SIGNAL_LETTER], 0, gtk_button_get_label (button));
}

static void
tone_clicked_cb (GtkButton         *button,
                 TdnLetterKeyboard *self)
{
  g_signal_emit (self, signals[SIGNAL_TONE], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tdn-tone")));
}

static void
space_clicked_cb (GtkButton         *button,
                  TdnLetterKeyboard *self)
{
  g_signal_emit (self, signals[SIGNAL_SPACE], 0);
}

static void
erase_clicked_cb (GtkButton         *button,
                  TdnLetterKeyboard *self)
{
  g_signal_emit (self, signals[SIGNAL_ERASE], 0);
}

static GtkWidget *
key_new (const char *label,
         const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "key");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

static void
tdn_letter_keyboard_class_init (TdnLetterKeyboardClass *klass)
{
  signals[SIGNAL_LETTER] = g_signal_new ("letter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_TONE] = g_signal_new ("tone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_SPACE] = g_signal_new ("space", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ERASE] = g_signal_new ("erase", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "keyboard");
}

static void
tdn_letter_keyboard_init (TdnLetterKeyboard *self)
{
  GtkGrid *grid = GTK_GRID (self);
  GtkWidget *button;
  int row = 0;

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 6);
  gtk_grid_set_row_homogeneous (grid, TRUE);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "letter-keyboard");

  for (; row < (int) G_N_ELEMENTS (rows); row++)
    {
      g_auto(GStrv) keys = g_strsplit (rows[row], " ", -1);

      for (int col = 0; keys[col] != NULL; col++)
        {
          button = key_new (keys[col], NULL);
          g_signal_connect (button, "clicked", G_CALLBACK (letter_clicked_cb), self);
          gtk_grid_attach (grid, button, col, row, 1, 1);
        }
    }
  /* The last letter row has room for the space bar and erase. */
  button = key_new (" ", "key-space");
  tdn_kiosk_i18n_accessible_label (button, N_("Space"));
  g_signal_connect (button, "clicked", G_CALLBACK (space_clicked_cb), self);
  gtk_grid_attach (grid, button, 3, row - 1, 5, 1);
  button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_add_css_class (button, "key");
  tdn_kiosk_i18n_accessible_label (button, N_("Delete the last letter"));
  g_signal_connect (button, "clicked", G_CALLBACK (erase_clicked_cb), self);
  gtk_grid_attach (grid, button, 8, row - 1, 2, 1);

  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    {
      button = key_new (tones[i].shown, "key-tone");
      g_object_set_data (G_OBJECT (button), "tdn-tone", GUINT_TO_POINTER (tones[i].mark));
      tdn_kiosk_i18n_accessible_label (button, tones[i].name);
      g_signal_connect (button, "clicked", G_CALLBACK (tone_clicked_cb), self);
      gtk_grid_attach (grid, button, (int) i * 2, row, 2, 1);
    }
}

GtkWidget *
tdn_letter_keyboard_new (void)
{
  return g_object_new (TDN_TYPE_LETTER_KEYBOARD, NULL);
}
