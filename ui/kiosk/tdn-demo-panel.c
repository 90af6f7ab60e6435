/* tdn-demo-panel.c — the demo's controls beside the patient's screen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-demo-panel.h"
#include "tdn-kiosk-i18n.h"

struct _TdnDemoPanel
{
  GtkBox            parent_instance;

  GtkWidget        *status;
  GtkWidget        *people;
  GtkWidget        *devices;
  TdnKioskServices *services;
};

G_DEFINE_FINAL_TYPE (TdnDemoPanel, tdn_demo_panel, GTK_TYPE_BOX)

/* The simulated devices, two buttons a row. */
static const struct {
  const char *command;
  const char *label;
} device_commands[] = {
  { "remove-card", N_("Take the card off") },
  { "pull-paper", N_("Pull the paper out") },
  { "load-paper", N_("Load paper") },
  { "printer offline", N_("Printer offline") },
  { "printer online", N_("Printer online") },
  { "printer uncertain", N_("Printer jams mid-ticket") },
  { "gateway down", N_("BHXH gateway down") },
  { "gateway up", N_("BHXH gateway up") },
  { "reader unplug", N_("Unplug the card reader") },
  { "reader plug", N_("Plug the card reader in") },
  { "scanner unplug", N_("Unplug the scanner") },
  { "scanner plug", N_("Plug the scanner in") },
};

static void
command_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdnDemoPanel *self = TDN_DEMO_PANEL (widget);
  const char *line = g_variant_get_string (parameter, NULL);
  g_autofree char *answer = tdn_kiosk_services_control (self->services, line);

  /* The answer is for the presenter: "ok" or what was refused, and why. */
  g_message ("demo: %s → %s", line, answer);
  gtk_label_set_text (GTK_LABEL (self->status), answer != NULL ? answer : "");
}

static GtkWidget *
command_button (const char *line,
                const char *label,
                const char *a11y)
{
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "demo.command");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y != NULL ? a11y : label, -1);
  tdn_kiosk_i18n_dynamic (text);
  tdn_kiosk_i18n_keep_name (button);
  return button;
}

static void
add_person (TdnDemoPanel        *self,
            const TdnDemoPerson *person)
{
  const char *label = g_strcmp0 (tdn_kiosk_i18n_get_language (), "en") == 0 ? person->label_en
                                                                            : person->label_vi;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  g_autofree char *text = g_strdup_printf ("%s — %s", person->identity->full_name, label);
  g_autofree char *card_line = g_strdup_printf ("place-card %s", person->key);
  g_autofree char *qr_line = g_strdup_printf ("scan-person %s", person->key);
  /* TRANSLATORS: accessible names of the demo buttons; %s is a name. */
  g_autofree char *card_a11y = g_strdup_printf (tdn_kiosk_tr (N_("Place the card of %s")),
                                                person->identity->full_name);
  g_autofree char *qr_a11y = g_strdup_printf (tdn_kiosk_tr (N_("Show the QR code of %s")),
                                              person->identity->full_name);

  gtk_label_set_text (GTK_LABEL (name), text);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  tdn_kiosk_i18n_dynamic (name);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  if (!person->bhyt_qr)
    gtk_box_append (GTK_BOX (buttons), command_button (card_line, tdn_kiosk_tr (N_("Card")), card_a11y));
  gtk_box_append (GTK_BOX (buttons), command_button (qr_line, tdn_kiosk_tr (N_("QR code")), qr_a11y));
  gtk_box_append (GTK_BOX (row), buttons);
  gtk_widget_add_css_class (row, "demo-person");
  gtk_box_append (GTK_BOX (self->people), row);
}

static void
tdn_demo_panel_dispose (GObject *object)
{
  TdnDemoPanel *self = TDN_DEMO_PANEL (object);

  g_clear_object (&self->services);
  G_OBJECT_CLASS (tdn_demo_panel_parent_class)->dispose (object);
}

static void
tdn_demo_panel_class_init (TdnDemoPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdn_demo_panel_dispose;
  gtk_widget_class_install_action (widget_class, "demo.command", "s", command_cb);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-demo-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnDemoPanel, status);
  gtk_widget_class_bind_template_child (widget_class, TdnDemoPanel, people);
  gtk_widget_class_bind_template_child (widget_class, TdnDemoPanel, devices);
}

static void
tdn_demo_panel_init (TdnDemoPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_dynamic (self->status);
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
}

GtkWidget *
tdn_demo_panel_new (TdnKioskServices *services)
{
  TdnDemoPanel *self;
  TdnDemoPeople *people;

  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (services), NULL);

  self = g_object_new (TDN_TYPE_DEMO_PANEL, NULL);
  self->services = g_object_ref (services);
  people = tdn_kiosk_services_get_people (services);
  for (guint i = 0; people != NULL && i < tdn_demo_people_count (people); i++)
    add_person (self, tdn_demo_people_get (people, i));
  for (guint i = 0; i < G_N_ELEMENTS (device_commands); i++)
    gtk_grid_attach (GTK_GRID (self->devices),
                     command_button (device_commands[i].command, tdn_kiosk_tr (device_commands[i].label), NULL),
                     (int) (i % 2), (int) (i / 2), 1, 1);
  return GTK_WIDGET (self);
}
