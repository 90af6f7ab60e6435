/* tdn-help-soup.c — serve the help API from a libsoup-3 server
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-help-soup.h"

#define MAX_BODY (512 * 1024)

typedef struct {
  TdnHelpApi      *api;
  TdnHelpAuthFunc  auth;
  gpointer         auth_data;
} Host;

/* A long poll the API asked us to hold. */
typedef struct {
  Host              *host;
  SoupServerMessage *msg;
  char              *method;
  char              *path;
  GHashTable        *query;
  char              *client;
  TdnApiRole         role;
  char              *session;
  GBytes            *body;
  gulong             changed_id;
  gulong             finished_id;
  guint              timeout_id;
} Held;

static void
held_free (Held *held)
{
  if (held->changed_id != 0)
    g_signal_handler_disconnect (held->host->api, held->changed_id);
  if (held->finished_id != 0)
    g_signal_handler_disconnect (held->msg, held->finished_id);
  g_clear_handle_id (&held->timeout_id, g_source_remove);
  g_clear_object (&held->msg);
  g_free (held->method);
  g_free (held->path);
  g_clear_pointer (&held->query, g_hash_table_unref);
  g_free (held->client);
  g_free (held->session);
  g_clear_pointer (&held->body, g_bytes_unref);
  g_free (held);
}

static void
respond (SoupServerMessage *msg,
         TdnApiResponse    *response)
{
  g_autofree char *text = NULL;
  gsize len;

  text = json_to_string (response->body, FALSE);
  len = strlen (text);
  soup_server_message_set_status (msg, response->status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, g_steal_pointer (&text), len);
}

static gboolean
run_held (Held    *held,
          gboolean final_attempt)
{
  TdnApiRequest request = {
    .method = held->method, .path = held->path, .query = held->query,
    .client = held->client, .role = held->role, .session = held->session,
    .body = held->body, .final_attempt = final_attempt,
  };
  TdnApiResponse response = { 0 };

  tdn_help_api_handle (held->host->api, &request, &response);
  if (response.status == 0)
    return FALSE;
  respond (held->msg, &response);
  tdn_api_response_clear (&response);
  soup_server_message_unpause (held->msg);
  return TRUE;
}

static void
held_changed_cb (TdnHelpApi *api,
                 Held       *held)
{
  if (run_held (held, FALSE))
    held_free (held);
}

static gboolean
held_timeout_cb (gpointer data)
{
  Held *held = data;

  held->timeout_id = 0;
  run_held (held, TRUE);
  held_free (held);
  return G_SOURCE_REMOVE;
}

static void
held_finished_cb (SoupServerMessage *msg,
                  Held              *held)
{
  /* The client went away before anything changed: forget the poll. */
  g_signal_handler_disconnect (msg, held->finished_id);
  held->finished_id = 0;
  held_free (held);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Host *host = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authz = soup_message_headers_get_one (headers, "Authorization");
  const char *token = NULL;
  const char *client = NULL;
  g_autoptr(GBytes) body = NULL;
  TdnApiRequest request = { 0 };
  TdnApiResponse response = { 0 };
  SoupMessageBody *req_body;

  if (!tdn_help_api_owns_path (path))
    {
      tdn_api_response_set_error (&response, 404, "not_found", "no such endpoint");
      respond (msg, &response);
      tdn_api_response_clear (&response);
      return;
    }
  if (authz != NULL && g_ascii_strncasecmp (authz, "Bearer ", 7) == 0)
    token = authz + 7;

  req_body = soup_server_message_get_request_body (msg);
  if (req_body->length > MAX_BODY)
    {
      tdn_api_response_set_error (&response, 413, "invalid", "the body is too large");
      respond (msg, &response);
      tdn_api_response_clear (&response);
      return;
    }
  body = soup_message_body_flatten (req_body);

  request.method = soup_server_message_get_method (msg);
  request.path = path;
  request.query = query;
  request.role = token != NULL ? host->auth (token, &client, host->auth_data) : TDN_API_ROLE_NONE;
  request.client = client;
  request.session = soup_message_headers_get_one (headers, "X-Tiepdon-Session");
  request.body = body;

  tdn_help_api_handle (host->api, &request, &response);
  if (response.status != 0)
    {
      respond (msg, &response);
      tdn_api_response_clear (&response);
      return;
    }

  /* Hold the long poll until something changes or the wait is over. */
  {
    Held *held = g_new0 (Held, 1);

    held->host = host;
    held->msg = g_object_ref (msg);
    held->method = g_strdup (request.method);
    held->path = g_strdup (path);
    held->query = query != NULL ? g_hash_table_ref (query) : NULL;
    held->client = g_strdup (client);
    held->role = request.role;
    held->session = g_strdup (request.session);
    held->body = g_bytes_ref (body);
    held->changed_id = g_signal_connect (host->api, "changed", G_CALLBACK (held_changed_cb), held);
    held->timeout_id = g_timeout_add_seconds (response.wait_s, held_timeout_cb, held);
    held->finished_id = g_signal_connect (msg, "disconnected", G_CALLBACK (held_finished_cb), held);
    soup_server_message_pause (msg);
  }
}

static void
host_free (gpointer data)
{
  Host *host = data;

  g_clear_object (&host->api);
  g_free (host);
}

void
tdn_help_soup_add_handlers (SoupServer      *server,
                            TdnHelpApi      *api,
                            TdnHelpAuthFunc  auth,
                            gpointer         user_data)
{
  static const char * const prefixes[] = { "/help", "/staff", "/overrides" };

  g_return_if_fail (SOUP_IS_SERVER (server));
  g_return_if_fail (TDN_IS_HELP_API (api));
  g_return_if_fail (auth != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      Host *host = g_new0 (Host, 1);

      host->api = g_object_ref (api);
      host->auth = auth;
      host->auth_data = user_data;
      soup_server_add_handler (server, prefixes[i], handler, host, host_free);
    }
}
