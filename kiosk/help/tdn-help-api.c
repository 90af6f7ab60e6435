/* tdn-help-api.c — the help-request API, independent of the HTTP server
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-base.h"
#include "tdn-help-api.h"
#include "tdn-help-api-private.h"

#define MAX_WAIT_S 60

struct _TdnHelpApi
{
  GObject       parent_instance;
  TdnHelpStore *store;
  TdnStaffAuth *staff;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdnHelpApi, tdn_help_api, G_TYPE_OBJECT)

static void
tdn_help_api_finalize (GObject *object)
{
  TdnHelpApi *self = TDN_HELP_API (object);

  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  G_OBJECT_CLASS (tdn_help_api_parent_class)->finalize (object);
}

static void
tdn_help_api_class_init (TdnHelpApiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_help_api_finalize;

  /* ::changed — a request or override was stored: wake held long polls. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tdn_help_api_init (TdnHelpApi *self)
{
}

TdnHelpApi *
tdn_help_api_new (TdnHelpStore *store,
                  TdnStaffAuth *staff)
{
  TdnHelpApi *self;

  g_return_val_if_fail (TDN_IS_HELP_STORE (store), NULL);
  g_return_val_if_fail (TDN_IS_STAFF_AUTH (staff), NULL);

  self = g_object_new (TDN_TYPE_HELP_API, NULL);
  self->store = g_object_ref (store);
  self->staff = g_object_ref (staff);
  return self;
}

gboolean
tdn_help_api_owns_path (const char *path)
{
  return path != NULL &&
         (g_str_equal (path, "/help") || g_str_has_prefix (path, "/help/") ||
          g_str_has_prefix (path, "/staff/") || g_str_equal (path, "/overrides") ||
          g_str_has_prefix (path, "/overrides/"));
}

/* 401 without a valid token, 403 for the wrong kind of client. */
static gboolean
require_role (const TdnApiRequest *request,
              TdnApiRole           role,
              TdnApiResponse      *response,
              const char          *refusal)
{
  if (request->role == TDN_API_ROLE_NONE)
    {
      tdn_api_response_set_error (response, 401, "unauthorized", "a valid bearer token is required");
      return FALSE;
    }
  if (request->role != role)
    {
      tdn_api_response_set_error (response, 403, "forbidden", refusal);
      return FALSE;
    }
  return TRUE;
}

/* Desk endpoints need a desk token and a live nurse session. */
static gboolean
require_nurse (TdnHelpApi          *self,
               const TdnApiRequest *request,
               TdnApiResponse      *response,
               const char         **nurse,
               const char         **nurse_name)
{
  if (!require_role (request, TDN_API_ROLE_DESK, response, "only a desk may do this"))
    return FALSE;
  if (!tdn_staff_auth_check_session (self->staff, request->session, nurse, nurse_name))
    {
      tdn_api_response_set_error (response, 401, "no_session", _("Sign in first."));
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
list_node (GPtrArray *items,
           gint64     seq,
           const char *member,
           gboolean   overrides)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  if (seq >= 0)
    {
      json_builder_set_member_name (b, "seq");
      json_builder_add_int_value (b, seq);
    }
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_value (b, overrides ? tdn_help_override_to_json (items->pdata[i])
                                         : tdn_help_request_to_json (items->pdata[i], FALSE));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* 201 {"id", "seq"} for a stored request or override; wakes long polls. */
static void
respond_created (TdnHelpApi     *self,
                 const char     *id,
                 TdnApiResponse *response)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, tdn_help_store_get_seq (self->store));
  json_builder_end_object (b);
  tdn_api_response_set_json (response, 201, json_builder_get_root (b));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
handle_sign_in (TdnHelpApi          *self,
                const TdnApiRequest *request,
                TdnApiResponse      *response)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  const char *login, *pin, *name = NULL;

  if (!require_role (request, TDN_API_ROLE_DESK, response, "only a desk may sign nurses in"))
    return;
  if ((body = tdn_api_request_parse_body (request, response)) == NULL)
    return;
  login = tdn_api_json_string (body, "login");
  pin = tdn_api_json_string (body, "pin");
  if (login == NULL || pin == NULL)
    {
      tdn_api_response_set_error (response, 400, "invalid", "“login” and “pin” are required");
      return;
    }
  token = tdn_staff_auth_create_session (self->staff, login, pin, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_LOCKED))
        tdn_api_response_set_error (response, 423, "locked", error->message);
      else if (g_error_matches (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_REFUSED))
        tdn_api_response_set_error (response, 401, "refused", error->message);
      else
        tdn_api_response_set_error (response, 503, "unavailable", error->message);
      return;
    }
  tdn_staff_auth_check_session (self->staff, token, NULL, &name);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "session");
  json_builder_add_string_value (b, token);
  json_builder_set_member_name (b, "login");
  json_builder_add_string_value (b, login);
  json_builder_set_member_name (b, "display_name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "expires_in_s");
  json_builder_add_int_value (b, tdn_staff_auth_get_session_timeout_s (self->staff));
  json_builder_end_object (b);
  tdn_api_response_set_json (response, 200, json_builder_get_root (b));
}

static void
handle_post_help (TdnHelpApi          *self,
                  const TdnApiRequest *request,
                  TdnApiResponse      *response)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(TdnHelpRequest) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (request->role == TDN_API_ROLE_NONE)
    {
      tdn_api_response_set_error (response, 401, "unauthorized", "a valid bearer token is required");
      return;
    }
  if ((body = tdn_api_request_parse_body (request, response)) == NULL)
    return;
  r = tdn_help_request_from_json (body, &error);
  if (r == NULL)
    {
      tdn_api_response_set_error (response, 400, "invalid", error->message);
      return;
    }
  /* A kiosk speaks only for itself. */
  if (request->role == TDN_API_ROLE_KIOSK && g_strcmp0 (r->kiosk_id, request->client) != 0)
    {
      tdn_api_response_set_error (response, 403, "forbidden",
                                  "“kiosk_id” must be the kiosk's own name");
      return;
    }
  id = tdn_help_store_add (self->store, r, &error);
  if (id == NULL)
    {
      tdn_api_response_set_store_error (response, error);
      return;
    }
  respond_created (self, id, response);
}

static void
handle_list (TdnHelpApi          *self,
             const TdnApiRequest *request,
             TdnApiResponse      *response)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *state = request->query ? g_hash_table_lookup (request->query, "state") : NULL;
  gint64 since = -1, wait = 0, seq;

  if (!tdn_api_request_query_int (request, "since", 0, G_MAXINT64, &since, response) ||
      !tdn_api_request_query_int (request, "wait", 0, MAX_WAIT_S, &wait, response))
    return;
  if (state != NULL && !g_str_equal (state, "open") && !g_str_equal (state, "all"))
    {
      tdn_api_response_set_error (response, 400, "invalid", "“state” is open or all");
      return;
    }
  seq = tdn_help_store_get_seq (self->store);
  if (since >= 0)
    {
      if (seq <= since && wait > 0 && !request->final_attempt)
        {
          tdn_api_response_clear (response);
          response->wait_s = (guint) wait;   /* hold until ::changed */
          return;
        }
      items = tdn_help_store_changes_since (self->store, since, &error);
    }
  else
    items = tdn_help_store_list (self->store, g_strcmp0 (state, "all") == 0, &error);
  if (items == NULL)
    {
      tdn_api_response_set_store_error (response, error);
      return;
    }
  tdn_api_response_set_json (response, 200, list_node (items, seq, "requests", FALSE));
}

static void
handle_overrides_since (TdnHelpApi          *self,
                        const TdnApiRequest *request,
                        TdnApiResponse      *response)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = 0, wait = 0;

  if (!require_role (request, TDN_API_ROLE_KIOSK, response, "only a kiosk asks for its overrides"))
    return;
  if (!tdn_api_request_query_int (request, "since", 0, G_MAXINT64, &since, response) ||
      !tdn_api_request_query_int (request, "wait", 0, MAX_WAIT_S, &wait, response))
    return;
  items = tdn_help_store_overrides_since (self->store, request->client, since, &error);
  if (items == NULL)
    {
      tdn_api_response_set_store_error (response, error);
      return;
    }
  if (items->len == 0 && wait > 0 && !request->final_attempt)
    {
      tdn_api_response_clear (response);
      response->wait_s = (guint) wait;
      return;
    }
  tdn_api_response_set_json (response, 200,
            list_node (items,
                       items->len > 0 ? ((TdnHelpOverride *) items->pdata[items->len - 1])->seq : since,
                       "overrides", TRUE));
}

/* POST /overrides/ID/applied (kiosk): the kiosk applied or refused it. */
static void
handle_override_ack (TdnHelpApi          *self,
                     const TdnApiRequest *request,
                     const char          *id,
                     TdnApiResponse      *response)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o;
  gint64 revision = 0;

  if (!require_role (request, TDN_API_ROLE_KIOSK, response, "only the kiosk that owns the visit may say this"))
    return;
  if (!tdn_uuid_is_valid (id))
    {
      tdn_api_response_set_error (response, 404, "not_found", "no such override");
      return;
    }
  if ((body = tdn_api_request_parse_body (request, response)) == NULL)
    return;
  o = json_node_get_object (body);
  if (json_object_has_member (o, "revision"))
    {
      JsonNode *n = json_object_get_member (o, "revision");

      if (json_node_get_value_type (n) != G_TYPE_INT64 ||
          (revision = json_node_get_int (n)) < 0 || revision > G_MAXINT)
        {
          tdn_api_response_set_error (response, 400, "invalid", "“revision” is a whole number");
          return;
        }
    }
  if (!tdn_help_store_ack_override (self->store, request->client, id, tdn_api_json_string (body, "outcome"),
                                    (int) revision, tdn_api_json_string (body, "detail"), &error))
    {
      tdn_api_response_set_store_error (response, error);
      return;
    }
  tdn_api_response_set_json (response, 200, json_from_string ("{}", NULL));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* A 409 "claimed" names the nurse who has the request (docs/help-api.md). */
static void
set_store_error_for (TdnHelpApi     *self,
                     const char     *id,
                     const GError   *error,
                     TdnApiResponse *response)
{
  g_autoptr(TdnHelpRequest) r = NULL;

  tdn_api_response_set_store_error (response, error);
  if (!g_error_matches (error, TDN_HELP_ERROR, TDN_HELP_ERROR_CLAIMED) || response->body == NULL)
    return;
  r = tdn_help_store_get (self->store, id, NULL);
  if (r != NULL && r->claimed_by != NULL)
    json_object_set_string_member (json_object_get_object_member (json_node_get_object (response->body), "error"),
                                   "claimed_by", r->claimed_by);
}

static void
respond_request (TdnHelpApi     *self,
                 const char     *id,
                 gboolean        with_photo,
                 TdnApiResponse *response)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnHelpRequest) r = tdn_help_store_get (self->store, id, &error);

  if (r == NULL)
    tdn_api_response_set_store_error (response, error);
  else
    tdn_api_response_set_json (response, 200, tdn_help_request_to_json (r, with_photo));
}

static void
handle_override (TdnHelpApi          *self,
                 const TdnApiRequest *request,
                 const char          *id,
                 const char          *nurse,
                 const char          *nurse_name,
                 TdnApiResponse      *response)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *override_id = NULL;
  JsonObject *o;

  if ((body = tdn_api_request_parse_body (request, response)) == NULL)
    return;
  o = json_node_get_object (body);
  override_id = tdn_help_store_add_override (self->store, id, nurse, nurse_name,
                                             tdn_api_json_string (body, "action"),
                                             json_object_get_member (o, "old"),
                                             json_object_get_member (o, "new"),
                                             tdn_api_json_string (body, "reason"), &error);
  if (override_id == NULL)
    {
      set_store_error_for (self, id, error, response);
      return;
    }
  respond_created (self, override_id, response);
}

static void
handle_one (TdnHelpApi          *self,
            const TdnApiRequest *request,
            const char          *id,
            const char          *verb,
            TdnApiResponse      *response)
{
  g_autoptr(GError) error = NULL;
  const char *nurse = NULL, *nurse_name = NULL;
  gboolean ok;

  if (!require_nurse (self, request, response, &nurse, &nurse_name))
    return;
  if (!tdn_uuid_is_valid (id))
    {
      tdn_api_response_set_error (response, 404, "not_found", "no such request");
      return;
    }
  if (verb == NULL && g_str_equal (request->method, "GET"))
    {
      respond_request (self, id, TRUE, response);
      return;
    }
  if (g_strcmp0 (verb, "overrides") == 0 && g_str_equal (request->method, "GET"))
    {
      g_autoptr(GPtrArray) items = tdn_help_store_list_overrides (self->store, id, &error);

      if (items == NULL)
        tdn_api_response_set_store_error (response, error);
      else
        tdn_api_response_set_json (response, 200, list_node (items, -1, "overrides", TRUE));
      return;
    }
  if (!g_str_equal (request->method, "POST") || verb == NULL)
    {
      tdn_api_response_set_error (response, 405, "invalid", "method not allowed");
      return;
    }
  if (g_str_equal (verb, "override"))
    {
      handle_override (self, request, id, nurse, nurse_name, response);
      return;
    }
  if (g_str_equal (verb, "claim"))
    ok = tdn_help_store_claim (self->store, id, nurse, &error);
  else if (g_str_equal (verb, "release"))
    ok = tdn_help_store_release (self->store, id, nurse, &error);
  else if (g_str_equal (verb, "resolve"))
    {
      g_autoptr(JsonNode) body = NULL;
      const char *resolution = NULL;

      if (request->body != NULL && g_bytes_get_size (request->body) > 0)
        {
          if ((body = tdn_api_request_parse_body (request, response)) == NULL)
            return;
          resolution = tdn_api_json_string (body, "resolution");
        }
      ok = tdn_help_store_resolve (self->store, id, nurse, resolution, &error);
    }
  else
    {
      tdn_api_response_set_error (response, 404, "not_found", "no such endpoint");
      return;
    }
  if (!ok)
    {
      set_store_error_for (self, id, error, response);
      return;
    }
  respond_request (self, id, FALSE, response);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
tdn_help_api_handle (TdnHelpApi          *self,
                     const TdnApiRequest *request,
                     TdnApiResponse      *response)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  g_return_if_fail (TDN_IS_HELP_API (self));
  g_return_if_fail (request != NULL && request->method != NULL && request->path != NULL);
  g_return_if_fail (response != NULL);

  tdn_api_response_clear (response);
  parts = g_strsplit (request->path + 1, "/", 4);
  n = g_strv_length (parts);

  if (n == 2 && g_str_equal (parts[0], "staff") && g_str_equal (request->method, "POST"))
    {
      if (g_str_equal (parts[1], "sign-in"))
        {
          handle_sign_in (self, request, response);
          return;
        }
      if (g_str_equal (parts[1], "sign-out"))
        {
          if (require_nurse (self, request, response, NULL, NULL))
            {
              tdn_staff_auth_end_session (self->staff, request->session);
              tdn_api_response_set_json (response, 200, json_from_string ("{}", NULL));
            }
          return;
        }
    }
  else if (n == 1 && g_str_equal (parts[0], "overrides") && g_str_equal (request->method, "GET"))
    {
      handle_overrides_since (self, request, response);
      return;
    }
  else if (n == 3 && g_str_equal (parts[0], "overrides") && g_str_equal (parts[2], "applied") &&
           g_str_equal (request->method, "POST"))
    {
      handle_override_ack (self, request, parts[1], response);
      return;
    }
  else if (n >= 1 && g_str_equal (parts[0], "help"))
    {
      if (n == 1 && g_str_equal (request->method, "POST"))
        handle_post_help (self, request, response);
      else if (n == 1 && g_str_equal (request->method, "GET"))
        {
          if (require_nurse (self, request, response, NULL, NULL))
            handle_list (self, request, response);
        }
      else if (n == 2 || n == 3)
        handle_one (self, request, parts[1], n == 3 ? parts[2] : NULL, response);
      else
        tdn_api_response_set_error (response, 404, "not_found", "no such endpoint");
      return;
    }
  tdn_api_response_set_error (response, 404, "not_found", "no such endpoint");
}
