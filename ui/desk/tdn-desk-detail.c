/* tdn-desk-detail.c — one help request: identity check and decisions
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows what the kiosk knew (masked identity, the chip photo and how the
 * identity was established, the eligibility answer) so the nurse can
 * compare the person in front of her with the photo, and carries out her
 * decisions: take the request (one nurse only: a second one is told who
 * has it), change the visit with a reason, give it back, finish it.
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-desk-detail.h"
#include "tdn-desk-override-dialog.h"
#include "tdn-desk-text.h"

struct _TdnDeskDetail
{
  GtkWidget             parent_instance;
  GtkWidget            *empty_page;
  GtkWidget            *request_page;
  GtkLabel             *ticket;
  GtkLabel             *state;
  GtkLabel             *reason;
  GtkLabel             *claim_message;
  GtkButton            *claim_button;
  GtkButton            *release_button;
  GtkButton            *resolve_button;
  GtkPicture           *photo;
  GtkLabel             *no_photo;
  GtkLabel             *name;
  GtkLabel             *id_number;
  GtkLabel             *age;
  GtkLabel             *assurance;
  GtkLabel             *eligibility;
  GtkLabel             *waiting;
  GtkLabel             *kiosk;
  GtkLabel             *actions_hint;
  GtkListBox           *history;

  TdnDeskClient        *client;
  TdnEligibilityClient *lookup;
  TdnConfig            *config;
  char                 *nurse;
  JsonObject           *request;
  GCancellable         *cancellable;   /* loads for the request shown */
  GSimpleActionGroup   *group;
  TdnDeskOverrideDialog *dialog;
};

G_DEFINE_FINAL_TYPE (TdnDeskDetail, tdn_desk_detail, GTK_TYPE_WIDGET)

enum { TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
str (JsonObject *o,
     const char *name)
{
  return o != NULL ? json_object_get_string_member_with_default (o, name, NULL) : NULL;
}

/* `text`, or `fallback` when it is NULL. */
static const char *
or_else (const char *text,
         const char *fallback)
{
  return text != NULL ? text : fallback;
}

static const char *
request_id (TdnDeskDetail *self)
{
  return str (self->request, "id");
}

static void
toast (TdnDeskDetail *self,
       const char    *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

static const char *
assurance_words (const char *level)
{
  if (g_strcmp0 (level, "manual") == 0)
    return _("Typed by hand — not checked: compare with the ID card");
  if (g_strcmp0 (level, "qr") == 0)
    return _("QR code on the card — not signed: compare with the ID card");
  if (g_strcmp0 (level, "chip") == 0)
    return _("Chip read — compare the person with the photo");
  if (g_strcmp0 (level, "chip+pa") == 0)
    return _("Chip read, signature verified — compare the person with the photo");
  if (g_strcmp0 (level, "chip+pa+aa") == 0 || g_strcmp0 (level, "chip+pa+ca") == 0)
    return _("Chip read, signature verified, genuine chip — compare the person with the photo");
  return _("Unknown — check the ID card");
}

static gboolean
mine (TdnDeskDetail *self)
{
  return self->request != NULL && self->nurse != NULL &&
         g_strcmp0 (str (self->request, "state"), "claimed") == 0 &&
         g_strcmp0 (str (self->request, "claimed_by"), self->nurse) == 0;
}

static void
refresh_state (TdnDeskDetail *self)
{
  const char *state = str (self->request, "state");
  const char *holder = str (self->request, "claimed_by");
  gboolean is_mine = mine (self);
  g_autofree char *text = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->group), "override");

  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "state-mine");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "state-claimed");
  if (g_strcmp0 (state, "resolved") == 0)
    text = g_strdup_printf (_("Finished by %s"), or_else (str (self->request, "resolved_by"), "?"));
  else if (holder == NULL)
    text = g_strdup (_("Open — nobody is helping yet"));
  else if (is_mine)
    {
      text = g_strdup (_("You are helping this patient"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state), "state-mine");
    }
  else
    {
      text = g_strdup_printf (_("%s is helping this patient"), holder);
      gtk_widget_add_css_class (GTK_WIDGET (self->state), "state-claimed");
    }
  gtk_label_set_text (self->state, text);
  gtk_widget_set_visible (GTK_WIDGET (self->claim_button), holder == NULL && g_strcmp0 (state, "open") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->release_button), is_mine);
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), is_mine);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_hint), !is_mine);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), is_mine && str (self->request, "visit_ref") != NULL);
  if (is_mine || holder == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->claim_message), FALSE);
}

static void
refresh_facts (TdnDeskDetail *self)
{
  JsonObject *r = self->request;
  JsonNode *elig = json_object_get_member (r, "eligibility");
  const char *lang = g_get_language_names ()[0];
  g_autofree char *wait = tdn_desk_format_waiting (str (r, "created_at"));
  g_autofree char *age = NULL;
  gint64 years = json_object_get_int_member_with_default (r, "age_years", -1);

  gtk_label_set_text (self->ticket, or_else (str (r, "ticket_number"), _("No ticket")));
  gtk_label_set_text (self->reason, tdn_desk_request_reason (r));
  gtk_label_set_text (self->name, or_else (str (r, "masked_name"), "—"));
  gtk_label_set_text (self->id_number, or_else (str (r, "masked_id"), "—"));
  age = years >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, years) : g_strdup ("—");
  gtk_label_set_text (self->age, age);
  gtk_label_set_text (self->assurance, assurance_words (str (r, "assurance")));
  gtk_label_set_text (self->waiting, wait);
  gtk_label_set_text (self->kiosk, or_else (str (r, "kiosk_id"), "—"));
  if (elig != NULL && JSON_NODE_HOLDS_OBJECT (elig))
    {
      JsonObject *e = json_node_get_object (elig);
      const char *msg = str (e, g_str_has_prefix (lang, "vi") ? "message_vi" : "message_en");
      g_autofree char *text = g_strdup_printf ("%s (%s)", or_else (msg, or_else (str (e, "status"), "—")), or_else (str (e, "code"), "—"));

      gtk_label_set_text (self->eligibility, text);
    }
  else
    gtk_label_set_text (self->eligibility, _("Not checked"));
  refresh_state (self);
}

static void
set_photo (TdnDeskDetail *self,
           const char    *base64)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *data;
  gsize len = 0;

  gtk_picture_set_paintable (self->photo, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->photo), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->no_photo), TRUE);
  if (base64 == NULL)
    {
      gtk_label_set_text (self->no_photo, _("No photo: the chip was not read"));
      return;
    }
  data = g_base64_decode (base64, &len);
  bytes = g_bytes_new_take (data, len);
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_message ("The chip photo could not be shown: %s", error->message);
      gtk_label_set_text (self->no_photo, _("The chip photo could not be shown"));
      return;
    }
  gtk_picture_set_paintable (self->photo, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->no_photo), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->photo), TRUE);
  gtk_picture_set_alternative_text (self->photo, _("Photo from the ID card's chip"));
}

static void
full_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  TdnDeskDetail *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);

  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, tdn_desk_client_error_message (error));
      return;
    }
  set_photo (self, str (json_node_get_object (answer), "photo_jpeg"));
}

static void
history_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  TdnDeskDetail *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);
  JsonArray *list;
  GtkWidget *child;

  if (answer == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history))) != NULL && GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->history, child);
  list = json_object_get_array_member (json_node_get_object (answer), "overrides");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *text = tdn_desk_describe_override (json_array_get_object_element (list, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_list_box_append (self->history, label);
    }
}

static void
load_history (TdnDeskDetail *self)
{
  g_autofree char *path = g_strdup_printf ("/help/%s/overrides", request_id (self));

  tdn_desk_client_call_async (self->client, "GET", path, NULL, 0, self->cancellable, history_loaded_cb, self);
}

static void
set_request (TdnDeskDetail *self,
             JsonObject    *request)
{
  if (self->request != request)
    {
      g_clear_pointer (&self->request, json_object_unref);
      self->request = json_object_ref (request);
    }
  refresh_facts (self);
}

void
tdn_desk_detail_show (TdnDeskDetail *self,
                      JsonObject    *request)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TDN_IS_DESK_DETAIL (self));

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->claim_message), FALSE);
  set_request (self, request);
  set_photo (self, NULL);
  gtk_widget_set_visible (self->empty_page, FALSE);
  gtk_widget_set_visible (self->request_page, TRUE);
  path = g_strdup_printf ("/help/%s", request_id (self));
  if (json_object_get_boolean_member_with_default (request, "has_photo", FALSE))
    {
      gtk_label_set_text (self->no_photo, _("Loading the chip photo…"));
      tdn_desk_client_call_async (self->client, "GET", path, NULL, 0, self->cancellable, full_loaded_cb, self);
    }
  load_history (self);
}

void
tdn_desk_detail_request_changed (TdnDeskDetail *self,
                                 JsonObject    *request)
{
  g_return_if_fail (TDN_IS_DESK_DETAIL (self));

  if (self->request == NULL || g_strcmp0 (str (request, "id"), request_id (self)) != 0)
    return;
  set_request (self, request);
  load_history (self);
  if (g_strcmp0 (str (request, "state"), "resolved") == 0)
    {
      set_photo (self, NULL);
      tdn_desk_detail_clear (self);
    }
}

void
tdn_desk_detail_clear (TdnDeskDetail *self)
{
  g_return_if_fail (TDN_IS_DESK_DETAIL (self));

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->request, json_object_unref);
  gtk_picture_set_paintable (self->photo, NULL);
  gtk_widget_set_visible (self->request_page, FALSE);
  gtk_widget_set_visible (self->empty_page, TRUE);
}

/* The answer to claim/release/resolve: the request as it is now. */
static void
state_call_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  TdnDeskDetail *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);

  if (answer == NULL)
    {
      const char *code = tdn_desk_client_error_code (error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_strcmp0 (code, "claimed") == 0 || g_strcmp0 (code, "resolved") == 0)
        {
          /* Another nurse was first: say who, in the detail itself. */
          const char *holder = tdn_desk_client_error_claimed_by (error);
          g_autofree char *text = holder != NULL
            ? g_strdup_printf (_("%s is already helping this patient."), holder)
            : g_strdup (tdn_desk_client_error_message (error));

          gtk_label_set_text (self->claim_message, text);
          gtk_widget_set_visible (GTK_WIDGET (self->claim_message), TRUE);
          toast (self, text);
        }
      else
        toast (self, tdn_desk_client_error_message (error));
      return;
    }
  if (self->request != NULL && g_strcmp0 (str (json_node_get_object (answer), "id"), request_id (self)) == 0)
    {
      set_request (self, json_node_get_object (answer));   /* the state line says it */
    }
}

static void
post_state (TdnDeskDetail *self,
            const char    *verb,
            JsonNode      *body)
{
  g_autofree char *path = NULL;

  if (self->request == NULL)
    return;
  path = g_strdup_printf ("/help/%s/%s", request_id (self), verb);
  tdn_desk_client_call_async (self->client, "POST", path, body, 0, self->cancellable, state_call_cb, self);
}

static void
claim_clicked_cb (TdnDeskDetail *self)
{
  post_state (self, "claim", NULL);
}

static void
release_clicked_cb (TdnDeskDetail *self)
{
  post_state (self, "release", NULL);
}

static void
dialog_destroyed_cb (TdnDeskDetail *self)
{
  self->dialog = NULL;
}

/* The answer to an override or a resolve sent from the dialog. */
static void
decision_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(TdnDeskDetail) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);
  gboolean resolved;

  if (answer == NULL)
    {
      if (self->dialog != NULL)
        tdn_desk_override_dialog_failed (self->dialog, tdn_desk_client_error_message (error));
      else
        toast (self, tdn_desk_client_error_message (error));
      return;
    }
  /* An override answers {"id","seq"}; a resolve, the request itself. */
  resolved = json_object_has_member (json_node_get_object (answer), "state");
  /* No toast: it would cover the history, which shows the decision (and,
   * soon after, that the kiosk applied it); a finished request leaves. */
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  if (!resolved && self->request != NULL)
    load_history (self);
}

static void
confirmed_cb (TdnDeskDetail *self,
              JsonNode      *body,
              TdnDeskOverrideDialog *dialog)
{
  g_autofree char *path = NULL;
  gboolean resolve = json_object_has_member (json_node_get_object (body), "resolution");

  if (self->request == NULL)
    return;
  path = g_strdup_printf ("/help/%s/%s", request_id (self), resolve ? "resolve" : "override");
  tdn_desk_client_call_async (self->client, "POST", path, body, 0, NULL,
                              decision_saved_cb, g_object_ref (self));
}

static void
open_dialog (TdnDeskDetail *self,
             const char    *action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->request == NULL)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  if (self->lookup == NULL && g_str_equal (action, "accept_bhyt"))
    self->lookup = tdn_desk_client_new_eligibility_client (self->client);
  self->dialog = tdn_desk_override_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                               self->request, self->config, self->lookup);
  g_signal_connect_object (self->dialog, "confirmed", G_CALLBACK (confirmed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
resolve_clicked_cb (TdnDeskDetail *self)
{
  open_dialog (self, "resolve");
}

static void
override_action_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  open_dialog (TDN_DESK_DETAIL (data), g_variant_get_string (param, NULL));
}

static void
tdn_desk_detail_dispose (GObject *object)
{
  TdnDeskDetail *self = TDN_DESK_DETAIL (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->group);
  g_clear_pointer (&self->lookup, tdn_eligibility_client_free);
  g_clear_object (&self->config);
  g_clear_pointer (&self->request, json_object_unref);
  g_clear_pointer (&self->nurse, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDN_TYPE_DESK_DETAIL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (tdn_desk_detail_parent_class)->dispose (object);
}

static void
tdn_desk_detail_class_init (TdnDeskDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tdn_desk_detail_dispose;
  /* ::toast (message): something for the nurse to read. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Desk/tdn-desk-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, request_page);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, ticket);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, state);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, reason);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, claim_message);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, claim_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, release_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, photo);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, no_photo);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, name);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, id_number);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, age);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, assurance);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, eligibility);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, waiting);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, kiosk);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, actions_hint);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskDetail, history);
  gtk_widget_class_bind_template_callback (widget_class, claim_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, release_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolve_clicked_cb);
}

static void
tdn_desk_detail_init (TdnDeskDetail *self)
{
  const GActionEntry entries[] = {
    { .name = "override", .activate = override_action_cb, .parameter_type = "s" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "detail", G_ACTION_GROUP (self->group));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->group), "override")),
                               FALSE);
}

void
tdn_desk_detail_set_context (TdnDeskDetail *self,
                             TdnDeskClient *client,
                             TdnConfig     *config)
{
  g_return_if_fail (TDN_IS_DESK_DETAIL (self));

  g_set_object (&self->client, client);
  g_set_object (&self->config, config);
}

void
tdn_desk_detail_set_nurse (TdnDeskDetail *self,
                           const char    *login)
{
  g_return_if_fail (TDN_IS_DESK_DETAIL (self));

  g_free (self->nurse);
  self->nurse = g_strdup (login);
}
