/* tdn-kiosk-application.c — vn.tiepdon.Kiosk, the patient's check-in screen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the configuration, makes the one window full screen, keeps the
 * screen awake (gtk_application_inhibit: idle-inhibit-v1 under cage),
 * hides the pointer on touch seats and hands the window to the controller
 * that connects it with the check-in state machine. Stops on SIGTERM or
 * SIGINT only: a patient has no way to close it.
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "tdn-base.h"
#include "tdn-demo-panel.h"
#include "tdn-kiosk-application.h"
#include "tdn-kiosk-controller.h"
#include "tdn-kiosk-i18n.h"
#include "tdn-kiosk-lockdown.h"
#include "tdn-kiosk-resources.h"
#include "tdn-kiosk-services.h"
#include "tdn-kiosk-window.h"

struct _TdnKioskApplication
{
  AdwApplication  parent_instance;

  char           *config_file;
  gboolean        demo;
  TdnConfig      *config;
  TdnKioskWindow *window;
  TdnKioskServices *services;
  TdnKioskController *controller;
  guint           inhibit_cookie;
  guint           sigterm_id;
  guint           sigint_id;
};

G_DEFINE_FINAL_TYPE (TdnKioskApplication, tdn_kiosk_application, ADW_TYPE_APPLICATION)

static gboolean
quit_signal_cb (gpointer user_data)
{
  TdnKioskApplication *self = user_data;

  g_message ("stopping on a signal");
  if (self->window != NULL)
    tdn_kiosk_lockdown_release (GTK_WINDOW (self->window));
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static int
tdn_kiosk_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  TdnKioskApplication *self = TDN_KIOSK_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  const char *level;

  g_variant_dict_lookup (options, "config", "^ay", &self->config_file);
  self->demo = g_variant_dict_contains (options, "demo");

  self->config = tdn_config_new (&tdn_config_schema_kiosk);
  if (!tdn_config_load (self->config, self->config_file, &error))
    {
      g_printerr ("tiepdon-kiosk: %s\n", error->message);
      return 2;
    }
  level = tdn_config_get_string (self->config, "log", "level");
  tdn_log_set_level_name (level);
  tdn_log_set_target_name (tdn_config_get_string (self->config, "log", "target"));
  tdn_clock_set_timezone (tdn_config_get_string (self->config, "kiosk", "timezone"));
  return -1;
}

static void
tdn_kiosk_application_startup (GApplication *app)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (tdn_kiosk_application_parent_class)->startup (app);

  tdn_kiosk_register_resource ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_css_provider_load_from_resource (css, "/vn/tiepdon/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
seat_is_touch (GdkDisplay *display)
{
  GdkSeat *seat = gdk_display_get_default_seat (display);

  return seat != NULL && (gdk_seat_get_capabilities (seat) & GDK_SEAT_CAPABILITY_TOUCH) != 0;
}

static void
fill_monitor (TdnKioskWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_n_items (monitors) > 0
                                  ? g_list_model_get_item (monitors, 0) : NULL;
  GdkRectangle area;

  /* Without a window manager (Xvfb, bare X) fullscreen is only a wish: be
   * the monitor's size anyway. */
  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &area);
  tdn_kiosk_window_set_screen_size (window, area.width, area.height);
}

static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  /* tests/bench/bench-kiosk-startup reads this line. */
  g_print ("tiepdon-kiosk: welcome shown\n");
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static char *
ticket_png_cb (const char *visit_id,
               gpointer    user_data)
{
  return tdn_kiosk_services_ticket_png (TDN_KIOSK_SERVICES (user_data), visit_id);
}

static void
quit_demo_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  quit_signal_cb (user_data);
}

/* Without its services the kiosk can do nothing for a patient but send
 * them to the desk; the log says what to fix. */
static void
show_out_of_service (TdnKioskApplication *self,
                     const GError        *error)
{
  TdnFailurePage *page = tdn_kiosk_window_get_failure_page (self->window);

  g_critical ("the kiosk cannot start its check-in: %s", error->message);
  tdn_failure_page_set_message (page, "dialog-error-symbolic",
                                tdn_kiosk_tr (N_("This kiosk is out of service")),
                                tdn_kiosk_tr (N_("Please go to the reception desk. We are sorry.")));
  tdn_failure_page_set_can_cancel (page, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "kiosk.call-staff", FALSE);
  tdn_kiosk_window_show_page (self->window, "failure", NULL);
}

static void
start_checkin (TdnKioskApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->services = tdn_kiosk_services_new (self->config, self->demo, &error);
  if (self->services == NULL)
    {
      show_out_of_service (self, error);
      return;
    }
  self->controller = tdn_kiosk_controller_new (self->window, tdn_kiosk_services_get_checkin (self->services));
  if (!self->demo)
    return;

  tdn_kiosk_controller_set_ticket_source (self->controller, ticket_png_cb, self->services);
  if (tdn_kiosk_services_start_control (self->services, NULL, &error))
    {
      /* tools/demo and the tests read this line. */
      g_print ("CONTROL %s\n", tdn_kiosk_services_get_control_path (self->services));
      fflush (stdout);
    }
  else
    g_warning ("demo: no control socket: %s", error->message);
  tdn_kiosk_window_set_side_panel (self->window, tdn_demo_panel_new (self->services));
}

static void
tdn_kiosk_application_activate (GApplication *app)
{
  TdnKioskApplication *self = TDN_KIOSK_APPLICATION (app);
  TdnConfig *config = self->config;
  const char *orientation, *cursor;

  if (self->window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->window));
      return;
    }

  self->window = tdn_kiosk_window_new (GTK_APPLICATION (app));
  tdn_kiosk_window_set_hospital (self->window,
                                 tdn_config_get_string (config, "kiosk", "hospital_name"),
                                 tdn_config_get_string (config, "kiosk", "hospital_name_en"));
  tdn_kiosk_window_set_speech_command (self->window, tdn_config_get_string (config, "ui", "speech_command"));
  tdn_kiosk_window_set_defaults (self->window,
                                 tdn_config_get_string (config, "kiosk", "default_language"),
                                 tdn_config_get_bool (config, "ui", "high_contrast"),
                                 tdn_config_get_bool (config, "ui", "large_text"),
                                 tdn_config_get_bool (config, "ui", "speech"));
  g_object_set (self->window, "low-reach", tdn_config_get_bool (config, "ui", "low_reach"), NULL);
  orientation = tdn_config_get_string (config, "ui", "orientation");
  tdn_kiosk_window_set_orientation (self->window,
                                    g_str_equal (orientation, "landscape") ? TDN_KIOSK_ORIENTATION_LANDSCAPE :
                                    g_str_equal (orientation, "portrait") ? TDN_KIOSK_ORIENTATION_PORTRAIT :
                                    TDN_KIOSK_ORIENTATION_AUTO);

  cursor = tdn_config_get_string (config, "ui", "hide_cursor");
  if (g_str_equal (cursor, "always") ||
      (g_str_equal (cursor, "auto") && seat_is_touch (gdk_display_get_default ())))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->window), "none");

  start_checkin (self);
  fill_monitor (self->window);
  gtk_window_fullscreen (GTK_WINDOW (self->window));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->window), first_frame_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (self->window));

  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (app), GTK_WINDOW (self->window),
                                                  GTK_APPLICATION_INHIBIT_IDLE,
                                                  "Patients check in on this screen");
  if (self->inhibit_cookie == 0)
    g_message ("the session does not let the screen stay awake: disable blanking in the compositor");
}

static void
tdn_kiosk_application_shutdown (GApplication *app)
{
  TdnKioskApplication *self = TDN_KIOSK_APPLICATION (app);

  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (app), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->controller);
  if (self->window != NULL)
    {
      tdn_kiosk_lockdown_release (GTK_WINDOW (self->window));
      gtk_window_destroy (GTK_WINDOW (self->window));
      self->window = NULL;
    }
  g_clear_object (&self->services);
  G_APPLICATION_CLASS (tdn_kiosk_application_parent_class)->shutdown (app);
}

static void
tdn_kiosk_application_finalize (GObject *object)
{
  TdnKioskApplication *self = TDN_KIOSK_APPLICATION (object);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_object (&self->config);
  g_free (self->config_file);
  G_OBJECT_CLASS (tdn_kiosk_application_parent_class)->finalize (object);
}

static void
tdn_kiosk_application_class_init (TdnKioskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tdn_kiosk_application_finalize;
  app_class->handle_local_options = tdn_kiosk_application_handle_local_options;
  app_class->startup = tdn_kiosk_application_startup;
  app_class->activate = tdn_kiosk_application_activate;
  app_class->shutdown = tdn_kiosk_application_shutdown;
}

static void
tdn_kiosk_application_init (TdnKioskApplication *self)
{
  static const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Read the configuration from FILE"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Run with simulated devices and fixture patients"), NULL },
    { NULL }
  };

  static const GActionEntry actions[] = {
    { .name = "quit-demo", .activate = quit_demo_cb },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  self->sigterm_id = g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, quit_signal_cb, self);
}

TdnKioskApplication *
tdn_kiosk_application_new (void)
{
  return g_object_new (TDN_TYPE_KIOSK_APPLICATION,
                       "application-id", "vn.tiepdon.Kiosk",
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
