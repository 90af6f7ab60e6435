/* tdn-desk-application.c — tiepdon-desk's GtkApplication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads tiepdon.conf ([desk], [clinic …]), opens the window and owns the
 * desktop notifications (libnotify: the nurse may be in another program;
 * a click on the notification brings the desk forward on that request).
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include <libnotify/notify.h>

#include "tdn-desk-application.h"
#include "tdn-desk-text.h"
#include "tdn-desk-window.h"

struct _TdnDeskApplication
{
  AdwApplication  parent_instance;
  char           *config_file;
  TdnConfig      *config;
  GHashTable     *notifications;   /* request id → NotifyNotification */
};

G_DEFINE_FINAL_TYPE (TdnDeskApplication, tdn_desk_application, ADW_TYPE_APPLICATION)

static void
tdn_desk_application_finalize (GObject *object)
{
  TdnDeskApplication *self = TDN_DESK_APPLICATION (object);

  g_clear_pointer (&self->notifications, g_hash_table_unref);
  g_clear_object (&self->config);
  g_free (self->config_file);
  if (notify_is_initted ())
    notify_uninit ();
  G_OBJECT_CLASS (tdn_desk_application_parent_class)->finalize (object);
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *options)
{
  TdnDeskApplication *self = TDN_DESK_APPLICATION (app);

  g_variant_dict_lookup (options, "config", "^ay", &self->config_file);
  /* Two desks on one session (tests, training): no single-instance hand-over. */
  if (g_variant_dict_contains (options, "separate"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static TdnDeskWindow *
get_window (TdnDeskApplication *self)
{
  GtkWindow *w = gtk_application_get_active_window (GTK_APPLICATION (self));

  return w != NULL && TDN_IS_DESK_WINDOW (w) ? TDN_DESK_WINDOW (w) : NULL;
}

static void
activate (GApplication *app)
{
  TdnDeskApplication *self = TDN_DESK_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  TdnDeskWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  if (self->config == NULL)
    {
      self->config = tdn_config_new (&tdn_config_schema_kiosk);
      if (!tdn_config_load (self->config, self->config_file, &error))
        {
          g_warning ("Configuration: %s", error->message);
          g_clear_object (&self->config);
        }
    }
  window = tdn_desk_window_new (self, self->config, error);
  gtk_window_present (GTK_WINDOW (window));
}

static void
startup (GApplication *app)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (tdn_desk_application_parent_class)->startup (app);
  gtk_css_provider_load_from_resource (css, "/vn/tiepdon/Desk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if (!notify_init (_("Tiếp đón desk")))
    g_warning ("Desktop notifications are unavailable");
}

static void
tdn_desk_application_class_init (TdnDeskApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_desk_application_finalize;
  G_APPLICATION_CLASS (klass)->handle_local_options = handle_local_options;
  G_APPLICATION_CLASS (klass)->activate = activate;
  G_APPLICATION_CLASS (klass)->startup = startup;
}

static void
tdn_desk_application_init (TdnDeskApplication *self)
{
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, NULL, N_("tiepdon.conf to read"), N_("FILE") },
    { "separate", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Do not join a desk already open in this session"), NULL },
    { NULL }
  };

  self->notifications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

TdnDeskApplication *
tdn_desk_application_new (void)
{
  return g_object_new (TDN_TYPE_DESK_APPLICATION,
                       "application-id", "vn.tiepdon.Desk",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

typedef struct {
  TdnDeskApplication *app;
  char               *request_id;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *d = data;

  g_free (d->request_id);
  g_free (d);
}

static void
open_request_cb (NotifyNotification *n,
                 char               *action,
                 gpointer            data)
{
  OpenData *d = data;
  TdnDeskWindow *window = get_window (d->app);

  g_message ("notification for request %s activated", d->request_id);
  if (window != NULL)
    {
      tdn_desk_window_open_request (window, d->request_id);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
closed_cb (NotifyNotification *n,
           gpointer            data)
{
  TdnDeskApplication *self = data;
  const char *id = g_object_get_data (G_OBJECT (n), "tdn-request-id");

  if (id != NULL && g_hash_table_lookup (self->notifications, id) == n)
    g_hash_table_remove (self->notifications, id);
}

static void
show (TdnDeskApplication *self,
      NotifyNotification *n,
      const char         *request_id)
{
  g_autoptr(GError) error = NULL;

  notify_notification_set_urgency (n, NOTIFY_URGENCY_CRITICAL);
  notify_notification_set_category (n, "im.received");
  notify_notification_set_app_name (n, _("Tiếp đón desk"));
  if (!notify_notification_show (n, &error))
    {
      g_warning ("Could not show a notification: %s", error->message);
      g_object_unref (n);
      return;
    }
  g_object_set_data_full (G_OBJECT (n), "tdn-request-id", g_strdup (request_id), g_free);
  g_signal_connect_object (n, "closed", G_CALLBACK (closed_cb), self, 0);
  g_hash_table_replace (self->notifications, g_strdup (request_id), n);
}

void
tdn_desk_application_notify_request (TdnDeskApplication *self,
                                     JsonObject         *request)
{
  const char *id = json_object_get_string_member_with_default (request, "id", NULL);
  const char *ticket = json_object_get_string_member_with_default (request, "ticket_number", NULL);
  const char *kiosk = json_object_get_string_member_with_default (request, "kiosk_id", "?");
  const char *reason = tdn_desk_request_reason (request);
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  NotifyNotification *n;
  OpenData *d;

  g_return_if_fail (TDN_IS_DESK_APPLICATION (self));
  if (id == NULL || !notify_is_initted ())
    return;
  summary = ticket != NULL ? g_strdup_printf (_("Help needed: %s"), ticket)
                           : g_strdup_printf (_("Help needed at kiosk %s"), kiosk);
  body = g_strdup_printf (_("%s — kiosk %s"), reason, kiosk);
  n = notify_notification_new (summary, body, "dialog-warning");
  d = g_new0 (OpenData, 1);
  d->app = self;
  d->request_id = g_strdup (id);
  notify_notification_add_action (n, "default", _("Open"), open_request_cb, d, open_data_free);
  show (self, n, id);
}

void
tdn_desk_application_notify_waiting (TdnDeskApplication *self,
                                     guint               count)
{
  g_autofree char *summary = NULL;
  NotifyNotification *n;
  OpenData *d;

  g_return_if_fail (TDN_IS_DESK_APPLICATION (self));
  if (!notify_is_initted ())
    return;
  summary = g_strdup_printf (g_dngettext (NULL, "%u patient is waiting for help",
                                          "%u patients are waiting for help", count), count);
  n = notify_notification_new (summary, _("Open the desk to see the list."), "dialog-warning");
  d = g_new0 (OpenData, 1);
  d->app = self;
  d->request_id = g_strdup ("");
  notify_notification_add_action (n, "default", _("Open"), open_request_cb, d, open_data_free);
  show (self, n, "");
}

void
tdn_desk_application_withdraw (TdnDeskApplication *self,
                               const char         *request_id)
{
  NotifyNotification *n;

  g_return_if_fail (TDN_IS_DESK_APPLICATION (self));
  n = g_hash_table_lookup (self->notifications, request_id);
  if (n != NULL)
    {
      notify_notification_close (n, NULL);
      g_hash_table_remove (self->notifications, request_id);
    }
}
