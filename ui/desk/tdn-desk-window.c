/* tdn-desk-window.c — the desk's one window: sign-in, then list and detail
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a nurse signs in, the window lists the open requests and follows
 * the broker's feed: a new request appears within a second and raises a
 * notification; a request someone else takes shows who; a resolved one
 * leaves the list. Nobody touching the window for [desk] auto_signout_s
 * signs the nurse out (the broker's own session timer is the backstop).
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-desk-client.h"
#include "tdn-desk-detail.h"
#include "tdn-desk-feed.h"
#include "tdn-desk-register-dialog.h"
#include "tdn-desk-request-row.h"
#include "tdn-scanner-factory.h"
#include "tdn-desk-sign-in.h"
#include "tdn-desk-window.h"

/* More waiting than this at sign-in: one summary notification. */
#define MAX_SINGLE_NOTIFICATIONS 3

struct _TdnDeskWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  AdwWindowTitle       *title;
  GtkButton            *sign_out_button;
  GtkButton            *register_button;
  GtkLabel             *offline_label;
  TdnDeskSignIn        *sign_in;
  GtkWidget            *work_page;
  GtkListBox           *list;
  TdnDeskDetail        *detail;
  AdwStatusPage        *broken_page;

  TdnDeskApplication   *app;
  TdnConfig            *config;
  TdnDeskClient        *client;
  TdnDeskFeed          *feed;
  TdnSpool             *spool;         /* the desk's own, for registrations */
  TdnScanner           *scanner;       /* [scanner], or NULL */
  TdnEligibilityClient *lookup;
  GCancellable         *cancellable;
  GHashTable           *rows;          /* id → TdnDeskRequestRow (owned by the list) */
  char                 *login;
  char                 *pending_open;  /* a request to show once it is listed */
  gint64                last_activity; /* monotonic µs */
  gint64                signout_us;
  guint                 tick_id;
};

G_DEFINE_FINAL_TYPE (TdnDeskWindow, tdn_desk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_page (TdnDeskWindow *self,
           const char    *name)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in), g_str_equal (name, "sign-in"));
  gtk_widget_set_visible (self->work_page, g_str_equal (name, "work"));
  gtk_widget_set_visible (GTK_WIDGET (self->broken_page), g_str_equal (name, "broken"));
}

static void
toast (TdnDeskWindow *self,
       const char    *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
detail_toast_cb (TdnDeskWindow *self,
                 const char    *text)
{
  toast (self, text);
}

static void
clear_rows (TdnDeskWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        break;
      gtk_list_box_remove (self->list, child);
    }
  g_hash_table_remove_all (self->rows);
}

static void
end_session (TdnDeskWindow *self,
             const char    *message)
{
  if (self->feed != NULL)
    tdn_desk_feed_stop (self->feed);
  g_clear_object (&self->feed);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  tdn_desk_detail_clear (self->detail);
  clear_rows (self);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->pending_open, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->offline_label), FALSE);
  {
    GList *windows = gtk_window_list_toplevels ();

    /* Nothing stays open for the next person at this desk. */
    for (GList *l = windows; l != NULL; l = l->next)
      if (GTK_IS_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
        gtk_window_destroy (l->data);
    g_list_free (windows);
  }
  adw_window_title_set_subtitle (self->title, "");
  show_page (self, "sign-in");   /* first: a hidden entry cannot take the focus */
  tdn_desk_sign_in_reset (self->sign_in, message);
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);
  if (answer == NULL)
    g_message ("Sign-out at the broker failed (the session will expire there): %s", error->message);
}

static void
sign_out (TdnDeskWindow *self,
          const char    *message)
{
  if (self->login == NULL)
    return;
  g_message ("nurse %s signed out", self->login);
  tdn_desk_client_call_async (self->client, "POST", "/staff/sign-out", NULL, 0, NULL, signed_out_cb, NULL);
  end_session (self, message);
  tdn_desk_client_set_session (self->client, NULL);
}

static void
register_clicked_cb (TdnDeskWindow *self)
{
  g_autoptr(GError) error = NULL;
  TdnDeskRegisterDialog *dialog;

  if (self->login == NULL)
    return;
  if (self->spool == NULL)
    {
      self->spool = tdn_spool_open_from_config (self->config, &error);
      if (self->spool == NULL)
        {
          g_warning ("The desk's spool: %s", error->message);
          toast (self, error->message);
          return;
        }
    }
  if (self->lookup == NULL)
    self->lookup = tdn_desk_client_new_eligibility_client (self->client);
  dialog = tdn_desk_register_dialog_new (GTK_WINDOW (self), self->config, self->spool, self->login,
                                         self->scanner, self->lookup);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
closed_signed_out_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(GApplication) app = data;

  signed_out_cb (source, result, NULL);
  g_application_release (app);
}

/* Closing the desk signs the nurse out at the broker too; the application
 * stays (without a window) until the broker has answered. */
static gboolean
close_request_cb (TdnDeskWindow *self)
{
  if (self->login != NULL && self->client != NULL)
    {
      g_application_hold (G_APPLICATION (self->app));
      tdn_desk_client_call_async (self->client, "POST", "/staff/sign-out", NULL, 0, NULL,
                                  closed_signed_out_cb, g_object_ref (self->app));
      g_message ("nurse %s signed out (window closed)", self->login);
      g_clear_pointer (&self->login, g_free);
    }
  return FALSE;
}

static void
sign_out_clicked_cb (TdnDeskWindow *self)
{
  sign_out (self, _("Signed out."));
}

static void
activity_cb (TdnDeskWindow *self)
{
  self->last_activity = tdn_clock_get_monotonic ();
}

static gboolean
tick_cb (gpointer data)
{
  TdnDeskWindow *self = data;
  GHashTableIter iter;
  gpointer row;

  if (self->login != NULL && tdn_clock_get_monotonic () - self->last_activity >= self->signout_us)
    {
      int s = (int) (self->signout_us / G_USEC_PER_SEC);
      g_autofree char *msg = s < 120
        ? g_strdup_printf (g_dngettext (NULL, "You were signed out after %d second without activity.",
                                        "You were signed out after %d seconds without activity.", s), s)
        : g_strdup_printf (g_dngettext (NULL, "You were signed out after %d minute without activity.",
                                        "You were signed out after %d minutes without activity.", s / 60),
                           s / 60);
      sign_out (self, msg);
      return G_SOURCE_CONTINUE;
    }
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    tdn_desk_request_row_tick (row);
  return G_SOURCE_CONTINUE;
}

static TdnDeskRequestRow *
upsert_row (TdnDeskWindow *self,
            JsonObject    *request)
{
  const char *id = json_object_get_string_member_with_default (request, "id", NULL);
  TdnDeskRequestRow *row;

  if (id == NULL)
    return NULL;
  row = g_hash_table_lookup (self->rows, id);
  if (row != NULL)
    {
      tdn_desk_request_row_update (row, request);
      return row;
    }
  row = tdn_desk_request_row_new (request, self->login);
  g_hash_table_insert (self->rows, g_strdup (id), row);
  gtk_list_box_append (self->list, GTK_WIDGET (row));
  return row;
}

static void
select_request (TdnDeskWindow *self,
                const char    *id)
{
  TdnDeskRequestRow *row = g_hash_table_lookup (self->rows, id);

  if (row == NULL)
    {
      g_free (self->pending_open);
      self->pending_open = g_strdup (id);
      return;
    }
  g_clear_pointer (&self->pending_open, g_free);
  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A change from the feed. */
static void
request_changed_cb (TdnDeskWindow *self,
                    JsonObject    *request)
{
  const char *id = json_object_get_string_member_with_default (request, "id", NULL);
  const char *state = json_object_get_string_member_with_default (request, "state", "");
  const char *holder = json_object_get_string_member_with_default (request, "claimed_by", NULL);
  gboolean known;

  if (id == NULL)
    return;
  known = g_hash_table_contains (self->rows, id);
  tdn_desk_detail_request_changed (self->detail, request);
  if (g_str_equal (state, "resolved"))
    {
      TdnDeskRequestRow *row = g_hash_table_lookup (self->rows, id);

      tdn_desk_application_withdraw (self->app, id);
      if (row != NULL)
        {
          g_hash_table_remove (self->rows, id);
          gtk_list_box_remove (self->list, GTK_WIDGET (row));
        }
      return;
    }
  upsert_row (self, request);
  if (!known && g_str_equal (state, "open"))
    tdn_desk_application_notify_request (self->app, request);
  else if (holder != NULL && g_strcmp0 (holder, self->login) != 0)
    tdn_desk_application_withdraw (self->app, id);
  if (self->pending_open != NULL && g_str_equal (self->pending_open, id))
    select_request (self, id);
}

static void
online_cb (TdnDeskWindow *self,
           gboolean       online)
{
  gtk_widget_set_visible (GTK_WIDGET (self->offline_label), !online);
}

static void
feed_signed_out_cb (TdnDeskWindow *self)
{
  end_session (self, _("The broker ended your session. Sign in again."));
  tdn_desk_client_set_session (self->client, NULL);
}

static void
row_selected_cb (TdnDeskWindow     *self,
                 GtkListBoxRow     *row)
{
  if (row == NULL || !TDN_IS_DESK_REQUEST_ROW (row))
    return;
  tdn_desk_detail_show (self->detail, tdn_desk_request_row_get_request (TDN_DESK_REQUEST_ROW (row)));
}

/* The list at sign-in, then the feed from its change number. */
static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  TdnDeskWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);
  JsonObject *o;
  JsonArray *requests;
  guint open = 0;

  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      end_session (self, tdn_desk_client_error_message (error));
      return;
    }
  o = json_node_get_object (answer);
  requests = json_object_get_array_member (o, "requests");
  for (guint i = 0; requests != NULL && i < json_array_get_length (requests); i++)
    {
      JsonObject *r = json_array_get_object_element (requests, i);

      upsert_row (self, r);
      if (g_strcmp0 (json_object_get_string_member_with_default (r, "state", ""), "open") == 0)
        open++;
    }
  if (open > MAX_SINGLE_NOTIFICATIONS)
    tdn_desk_application_notify_waiting (self->app, open);
  else
    for (guint i = 0; requests != NULL && i < json_array_get_length (requests); i++)
      {
        JsonObject *r = json_array_get_object_element (requests, i);

        if (g_strcmp0 (json_object_get_string_member_with_default (r, "state", ""), "open") == 0)
          tdn_desk_application_notify_request (self->app, r);
      }
  self->feed = tdn_desk_feed_new (self->client);
  g_signal_connect_object (self->feed, "request-changed", G_CALLBACK (request_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->feed, "online", G_CALLBACK (online_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->feed, "signed-out", G_CALLBACK (feed_signed_out_cb), self, G_CONNECT_SWAPPED);
  tdn_desk_feed_start (self->feed, json_object_get_int_member_with_default (o, "seq", 0));
  if (self->pending_open != NULL)
    select_request (self, self->pending_open);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  TdnDeskWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) who = tdn_desk_client_sign_in_finish (TDN_DESK_CLIENT (source), result, &error);
  JsonObject *o;
  g_autofree char *subtitle = NULL;

  if (who == NULL)
    {
      const char *code = tdn_desk_client_error_code (error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_strcmp0 (code, "refused") == 0)
        tdn_desk_sign_in_failed (self->sign_in, _("Wrong login or PIN."));
      else
        tdn_desk_sign_in_failed (self->sign_in, tdn_desk_client_error_message (error));   /* locked: how long */
      return;
    }
  o = json_node_get_object (who);
  self->login = g_strdup (json_object_get_string_member_with_default (o, "login", ""));
  subtitle = g_strdup_printf (_("Signed in: %s"),
                              json_object_get_string_member_with_default (o, "display_name", self->login));
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), TRUE);
  tdn_desk_detail_set_nurse (self->detail, self->login);
  show_page (self, "work");
  self->last_activity = tdn_clock_get_monotonic ();
  g_message ("nurse %s signed in", self->login);
  tdn_desk_client_call_async (self->client, "GET", "/help?state=open", NULL, 0, self->cancellable,
                              listed_cb, self);
}

static void
sign_in_submit_cb (TdnDeskWindow *self,
                   const char    *login,
                   const char    *pin)
{
  tdn_desk_client_sign_in_async (self->client, login, pin, self->cancellable, signed_in_cb, self);
}

static void
tdn_desk_window_dispose (GObject *object)
{
  TdnDeskWindow *self = TDN_DESK_WINDOW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->feed != NULL)
    tdn_desk_feed_stop (self->feed);
  g_clear_object (&self->feed);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->scanner != NULL)
    tdn_scanner_stop (self->scanner);
  g_clear_object (&self->scanner);
  g_clear_object (&self->spool);
  g_clear_pointer (&self->lookup, tdn_eligibility_client_free);
  g_clear_object (&self->client);
  g_clear_object (&self->config);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->pending_open, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDN_TYPE_DESK_WINDOW);
  G_OBJECT_CLASS (tdn_desk_window_parent_class)->dispose (object);
}

static void
tdn_desk_window_class_init (TdnDeskWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tdn_desk_window_dispose;
  g_type_ensure (TDN_TYPE_DESK_SIGN_IN);
  g_type_ensure (TDN_TYPE_DESK_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Desk/tdn-desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, title);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, register_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, work_page);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, sign_in);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, list);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskWindow, broken_page);
  gtk_widget_class_bind_template_callback (widget_class, sign_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_toast_cb);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data)
{
  return tdn_desk_request_row_compare (TDN_DESK_REQUEST_ROW (a), TDN_DESK_REQUEST_ROW (b));
}

static void
tdn_desk_window_init (TdnDeskWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_sort_func (self->list, sort_rows, NULL, NULL);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  /* Anything the nurse does keeps her signed in. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

TdnDeskWindow *
tdn_desk_window_new (TdnDeskApplication *app,
                     TdnConfig          *config,
                     const GError       *config_error)
{
  TdnDeskWindow *self = g_object_new (TDN_TYPE_DESK_WINDOW, "application", app, NULL);
  g_autoptr(GError) error = NULL;

  self->app = app;
  if (config == NULL)
    {
      adw_status_page_set_description (self->broken_page, config_error ? config_error->message : "");
      show_page (self, "broken");
      return self;
    }
  self->config = g_object_ref (config);
  self->client = tdn_desk_client_new (config, &error);
  if (self->client == NULL)
    {
      adw_status_page_set_description (self->broken_page, error->message);
      show_page (self, "broken");
      return self;
    }
  self->signout_us = tdn_config_get_int (config, "desk", "auto_signout_s") * G_USEC_PER_SEC;
  /* The QR scanner for registrations; the desk works without one. */
  self->scanner = tdn_scanner_new_from_config (config, NULL, NULL, &error);
  if ((self->scanner == NULL && error != NULL) ||
      (self->scanner != NULL && !tdn_scanner_start (self->scanner, &error)))
    {
      g_warning ("The desk's QR scanner: %s", error->message);
      g_clear_object (&self->scanner);
    }
  g_clear_error (&error);
  tdn_desk_detail_set_context (self->detail, self->client, config);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  show_page (self, "sign-in");
  tdn_desk_sign_in_reset (self->sign_in, NULL);
  return self;
}

void
tdn_desk_window_open_request (TdnDeskWindow *self,
                              const char    *id)
{
  g_return_if_fail (TDN_IS_DESK_WINDOW (self));

  if (id == NULL || *id == '\0')
    return;
  if (self->login == NULL)
    {
      /* Shown once the nurse has signed in. */
      g_free (self->pending_open);
      self->pending_open = g_strdup (id);
      return;
    }
  select_request (self, id);
}
