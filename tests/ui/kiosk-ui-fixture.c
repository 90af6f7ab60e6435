/* kiosk-ui-fixture.c — the real kiosk window on a real TdnCheckin with scripted services
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kiosk-ui-fixture.h"
#include "tdn-base.h"
#include "tdn-kiosk-lockdown.h"
#include "tdn-kiosk-resources.h"
#include "tdn-ticket.h"

void
ui_init (int    *argc,
         char ***argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  tdn_i18n_init ();
  /* As tiepdon-kiosk: .ui strings stay message ids until rendered. */
  textdomain ("tiepdon-kiosk-untranslated");
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  tdn_kiosk_register_resource ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/vn/tiepdon/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  /* Lets layout and drawing finish (real time: GTK's frame clock, not
   * the check-in's fake clock). */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* What a file printer would have printed: the machine's ticket, drawn. */
static char *
ticket_png (const char *visit_id,
            gpointer    user_data)
{
  Ui *ui = user_data;
  g_autoptr(TdnRaster) raster = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (ui->f.dir, "ticket.png", NULL);

  raster = tdn_ticket_render (tdn_checkin_get_ticket (ui->f.checkin), 576, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_raster_write_png (raster, path, &error));
  return path;
}

void
ui_set_up (Ui            *ui,
           gconstpointer  data)
{
  fixture_set_up (&ui->f, data);
  ui->window = tdn_kiosk_window_new (NULL);
  tdn_kiosk_window_set_hospital (ui->window, "Bệnh viện Đa khoa Tỉnh", "Provincial General Hospital");
  tdn_kiosk_window_set_defaults (ui->window, "vi", FALSE, FALSE, FALSE);
  if (g_strcmp0 (data, "portrait") == 0)
    tdn_kiosk_window_set_screen_size (ui->window, 800, 1000);
  else
    tdn_kiosk_window_set_screen_size (ui->window, 1280, 1024);
  if (g_strcmp0 (data, "low-reach") == 0)
    g_object_set (ui->window, "low-reach", TRUE, NULL);
  ui->controller = tdn_kiosk_controller_new (ui->window, ui->f.checkin);
  tdn_kiosk_controller_set_ticket_source (ui->controller, ticket_png, ui);
  gtk_window_present (GTK_WINDOW (ui->window));
  spin (200);
}

void
ui_tear_down (Ui            *ui,
              gconstpointer  data)
{
  g_clear_object (&ui->controller);
  tdn_kiosk_lockdown_release (GTK_WINDOW (ui->window));
  gtk_window_destroy (GTK_WINDOW (ui->window));
  spin (50);
  fixture_tear_down (&ui->f, data);
}

void
shot (Ui         *ui,
      const char *name)
{
  GtkWidget *widget = GTK_WIDGET (ui->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("TIEPDON_BUILD_DIR"), "ui-screenshots", NULL);
  g_autofree char *file = g_strconcat ("screen-", name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  spin (250);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

void
act (Ui         *ui,
     const char *action,
     const char *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), action,
                                             target != NULL ? "s" : NULL, target));
  spin (20);
}

/* Some label under the visible page says exactly `text`. */
gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (find_label (c, text))
      return TRUE;
  return FALSE;
}

void
assert_page (Ui         *ui,
             const char *page,
             const char *text)
{
  g_assert_cmpstr (tdn_kiosk_window_get_page_name (ui->window), ==, page);
  if (text != NULL && !find_label (tdn_kiosk_window_get_visible_page (ui->window), text))
    g_error ("“%s” is not on the %s page", text, page);
}


void
read_adult (Ui *ui)
{
  g_autoptr(TdnIdentity) identity = fixture_identity (ADULT_ID, ADULT_NAME, ADULT_DOB);

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (ui->f.card));
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (ui->f.card), identity, TDN_ASSURANCE_CHIP);
  spin (20);
  assert_page (ui, "identity", ADULT_NAME);
}

void
to_confirm (Ui *ui)
{
  act (ui, "kiosk.identity-yes", NULL);
  act (ui, "kiosk.clinic", "NOI");
  act (ui, "kiosk.priority", "none");
}

/* The keypad button that says `label` (a digit) under `widget`. */
GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button whose one label says `text`. */
GtkWidget *
find_button_by_text (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_by_text (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
type (Ui         *ui,
      const char *digits)
{
  for (const char *d = digits; *d != '\0'; d++)
    {
      char key[2] = { *d, '\0' };
      GtkWidget *button = find_button (tdn_kiosk_window_get_visible_page (ui->window), key);

      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
    }
  spin (20);
}

