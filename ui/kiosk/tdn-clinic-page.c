/* tdn-clinic-page.c — which clinic, with how many are waiting
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each clinic is one big button bound to kiosk.clinic with the clinic's
 * code as target; its accessible name says everything the card shows, so
 * a screen reader reads "Nội khoa, Phòng 105, 12 người đang chờ".
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-clinic-page.h"
#include "tdn-kiosk-format.h"
#include "tdn-kiosk-i18n.h"

struct _TdnClinicPage
{
  GtkBox     parent_instance;

  GtkWidget *flow;
  GStrv      codes;     /* the clinics the buttons are for, in order */
};

G_DEFINE_FINAL_TYPE (TdnClinicPage, tdn_clinic_page, GTK_TYPE_BOX)

static void
tdn_clinic_page_finalize (GObject *object)
{
  g_strfreev (TDN_CLINIC_PAGE (object)->codes);
  G_OBJECT_CLASS (tdn_clinic_page_parent_class)->finalize (object);
}

static void
tdn_clinic_page_class_init (TdnClinicPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tdn_clinic_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-clinic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnClinicPage, flow);
}

static void
tdn_clinic_page_init (TdnClinicPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  tdn_kiosk_i18n_accessible_label (self->flow, N_("Clinics"));
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  tdn_kiosk_i18n_dynamic (label);
  return label;
}

/* Fills (or refills) a clinic's button: name, room, waiting count. */
static void
clinic_button_fill (GtkWidget           *button,
                    const TdnClinicView *clinic)
{
  const char *lang = tdn_kiosk_i18n_get_language ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autofree char *waiting = NULL;
  g_autofree char *a11y = NULL;

  gtk_box_append (GTK_BOX (box), label_new (clinic->name, "clinic-name"));
  if (clinic->room != NULL && *clinic->room != '\0')
    gtk_box_append (GTK_BOX (box), label_new (clinic->room, "clinic-room"));
  if (!clinic->open)
    waiting = g_strdup (tdn_kiosk_tr (N_("Closed now")));
  else if (clinic->full)
    waiting = g_strdup (tdn_kiosk_tr (N_("No more numbers today")));
  else if (clinic->waiting < 0)
    waiting = g_strdup (tdn_kiosk_tr (N_("Waiting: not known")));
  else if (clinic->waiting == 0)
    waiting = g_strdup (tdn_kiosk_tr (N_("Nobody waiting")));
  else
    {
      g_autofree char *n = tdn_kiosk_format_number (clinic->waiting, lang);

      waiting = clinic->waiting == 1 ? g_strdup (tdn_kiosk_tr (N_("1 person waiting")))
                                     /* TRANSLATORS: %s is a number of people */
                                     : g_strdup_printf (tdn_kiosk_tr (N_("%s people waiting")), n);
    }
  gtk_box_append (GTK_BOX (box), label_new (waiting, "clinic-waiting"));

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_sensitive (button, clinic->open && !clinic->full);

  a11y = g_strjoin (", ", clinic->name,
                    clinic->room != NULL && *clinic->room != '\0' ? clinic->room : waiting,
                    clinic->room != NULL && *clinic->room != '\0' ? waiting : NULL,
                    NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static GtkWidget *
clinic_button_new (const TdnClinicView *clinic)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "clinic-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.clinic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", clinic->code);
  clinic_button_fill (button, clinic);
  return button;
}

static gboolean
same_clinics (TdnClinicPage       *self,
              const TdnClinicView *clinics,
              guint                n_clinics)
{
  if (self->codes == NULL || g_strv_length (self->codes) != n_clinics)
    return FALSE;
  for (guint i = 0; i < n_clinics; i++)
    if (g_strcmp0 (self->codes[i], clinics[i].code) != 0)
      return FALSE;
  return TRUE;
}

void
tdn_clinic_page_set_clinics (TdnClinicPage       *self,
                             const TdnClinicView *clinics,
                             guint                n_clinics)
{
  GtkWidget *child;

  g_return_if_fail (TDN_IS_CLINIC_PAGE (self));
  g_return_if_fail (clinics != NULL || n_clinics == 0);

  /* The counts refresh every few seconds: the same clinics are updated in
   * place, so the button under a finger or a screen reader's focus stays. */
  if (same_clinics (self, clinics, n_clinics))
    {
      for (guint i = 0; i < n_clinics; i++)
        {
          GtkFlowBoxChild *item = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->flow), (int) i);

          clinic_button_fill (gtk_flow_box_child_get_child (item), &clinics[i]);
        }
      return;
    }
  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);
  g_clear_pointer (&self->codes, g_strfreev);
  self->codes = g_new0 (char *, n_clinics + 1);
  for (guint i = 0; i < n_clinics; i++)
    {
      self->codes[i] = g_strdup (clinics[i].code);
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), clinic_button_new (&clinics[i]));
    }
}
