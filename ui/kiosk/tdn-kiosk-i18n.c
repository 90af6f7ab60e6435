/* tdn-kiosk-i18n.c — the patient's language, switched at run time
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-i18n.h"
#include "tdn-kiosk-i18n.h"

#define MSGID_KEY "tdn-msgid"
#define A11Y_LABEL_KEY "tdn-a11y-msgid"
#define A11Y_DESC_KEY "tdn-a11y-desc-msgid"
#define DYNAMIC_KEY "tdn-dynamic"
#define KEEP_NAME_KEY "tdn-keep-name"

static char current_lang[8] = "vi";

void
tdn_kiosk_i18n_set_language (const char *lang)
{
  g_return_if_fail (lang != NULL);

  g_strlcpy (current_lang, g_str_equal (lang, "en") ? "en" : "vi", sizeof current_lang);
}

const char *
tdn_kiosk_i18n_get_language (void)
{
  return current_lang;
}

const char *
tdn_kiosk_tr (const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  return tdn_i18n_translate (current_lang, msgid);
}

void
tdn_kiosk_i18n_dynamic (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_WIDGET (label));

  g_object_set_data (G_OBJECT (label), DYNAMIC_KEY, GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (label), MSGID_KEY, NULL);
}

void
tdn_kiosk_i18n_collect (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) &&
      g_object_get_data (G_OBJECT (root), DYNAMIC_KEY) == NULL &&
      g_object_get_data (G_OBJECT (root), MSGID_KEY) == NULL)
    {
      const char *text = gtk_label_get_label (GTK_LABEL (root));

      if (text != NULL && *text != '\0')
        g_object_set_data_full (G_OBJECT (root), MSGID_KEY, g_strdup (text), g_free);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tdn_kiosk_i18n_collect (child);
}

static void
apply_accessible (GtkWidget *widget)
{
  const char *label = g_object_get_data (G_OBJECT (widget), A11Y_LABEL_KEY);
  const char *desc = g_object_get_data (G_OBJECT (widget), A11Y_DESC_KEY);

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tdn_kiosk_tr (label),
                                    -1);
  if (desc != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tdn_kiosk_tr (desc),
                                    -1);
}

void
tdn_kiosk_i18n_name_button (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* A button whose content is one label is named by that label's text, so
   * a screen reader and the UI tests find it by what it says. */
  if (!GTK_IS_BUTTON (widget) || g_object_get_data (G_OBJECT (widget), A11Y_LABEL_KEY) != NULL ||
      g_object_get_data (G_OBJECT (widget), KEEP_NAME_KEY) != NULL)
    return;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (child)),
                                    -1);
}

void
tdn_kiosk_i18n_apply (GtkWidget *root)
{
  const char *msgid;

  g_return_if_fail (GTK_IS_WIDGET (root));

  msgid = g_object_get_data (G_OBJECT (root), MSGID_KEY);
  if (msgid != NULL && GTK_IS_LABEL (root))
    gtk_label_set_label (GTK_LABEL (root), tdn_kiosk_tr (msgid));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tdn_kiosk_i18n_apply (child);
  tdn_kiosk_i18n_name_button (root);
  apply_accessible (root);
}

void
tdn_kiosk_i18n_accessible_label (GtkWidget  *widget,
                                 const char *msgid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (msgid != NULL);

  g_object_set_data (G_OBJECT (widget), A11Y_LABEL_KEY, (gpointer) msgid);
  apply_accessible (widget);
}

void
tdn_kiosk_i18n_accessible_description (GtkWidget  *widget,
                                       const char *msgid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (msgid != NULL);

  g_object_set_data (G_OBJECT (widget), A11Y_DESC_KEY, (gpointer) msgid);
  apply_accessible (widget);
}

void
tdn_kiosk_i18n_keep_name (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), KEEP_NAME_KEY, GINT_TO_POINTER (1));
}
