/* tdn-broker.c — tiepdon-broker: server, auth, rate limit, routing
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-broker"

#include "config.h"

#include <string.h>

#include "tdn-broker-private.h"
#include "tdn-clock.h"
#include "tdn-i18n.h"

static gboolean
tokens_equal (const char *a, const char *b)
{
  guchar diff = 0;
  gsize la = strlen (a), lb = strlen (b);

  if (la != lb)
    return FALSE;
  for (gsize i = 0; i < la; i++)
    diff |= (guchar) (a[i] ^ b[i]);
  return diff == 0;
}

void
tdn_broker_respond_outcome (SoupServerMessage *msg,
                            guint              status,
                            const char        *code,
                            const char        *text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *body;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resourceType");
  json_builder_add_string_value (b, "OperationOutcome");
  json_builder_set_member_name (b, "issue");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, "error");
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "diagnostics");
  json_builder_add_string_value (b, text);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  body = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/fhir+json", SOUP_MEMORY_TAKE, body, strlen (body));
}

const char *
tdn_broker_authenticate (TdnBroker         *self,
                         SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (h, "Authorization");
  g_autofree char *hash = NULL;

  if (auth != NULL && g_ascii_strncasecmp (auth, "Bearer ", 7) == 0 && auth[7] != '\0')
    {
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, auth + 7, -1);
      for (guint i = 0; i < self->clients->len; i++)
        {
          TdnBrokerClient *c = g_ptr_array_index (self->clients, i);
          if (tokens_equal (hash, c->token_sha256))
            return c->name;
        }
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"tiepdon-broker\"");
  tdn_broker_respond_outcome (msg, 401, "login", "missing or unknown bearer token");
  return NULL;
}

gboolean
tdn_broker_rate_allow (TdnBroker  *self,
                       const char *client)
{
  TdnBrokerClient *c = NULL;
  gint64 now = tdn_clock_get_monotonic ();

  for (guint i = 0; i < self->clients->len && c == NULL; i++)
    if (strcmp (((TdnBrokerClient *) g_ptr_array_index (self->clients, i))->name, client) == 0)
      c = g_ptr_array_index (self->clients, i);
  if (c == NULL)
    return FALSE;
  /* Fixed one-minute windows per client. */
  if (now - c->window_start >= 60 * G_USEC_PER_SEC)
    {
      c->window_start = now;
      c->window_count = 0;
    }
  if (c->window_count >= self->rate_per_minute)
    return FALSE;
  c->window_count++;
  return TRUE;
}

void
tdn_broker_add_handler (TdnBroker         *self,
                        const char        *path,
                        SoupServerCallback callback,
                        gpointer           user_data)
{
  soup_server_add_handler (self->server, path, callback, user_data, NULL);
}

/* The help API's view of a bearer token: which client, kiosk or desk. */
static TdnApiRole
help_auth_cb (const char  *token,
              const char **client,
              gpointer     user_data)
{
  TdnBroker *self = user_data;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);

  for (guint i = 0; i < self->clients->len; i++)
    {
      TdnBrokerClient *c = g_ptr_array_index (self->clients, i);

      if (tokens_equal (hash, c->token_sha256))
        {
          *client = c->name;
          return c->desk ? TDN_API_ROLE_DESK : TDN_API_ROLE_KIOSK;
        }
    }
  return TDN_API_ROLE_NONE;
}

static void
healthz_cb (SoupServer *server, SoupServerMessage *msg, const char *path,
            GHashTable *query, gpointer user_data)
{
  (void) server; (void) path; (void) query; (void) user_data;
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    "{\"status\":\"ok\"}", 15);
}

static void
metrics_cb (SoupServer *server, SoupServerMessage *msg, const char *path,
            GHashTable *query, gpointer user_data)
{
  TdnBroker *self = user_data;
  char *text;
  (void) server; (void) path; (void) query;

  text = tdn_broker_metrics_render (self);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/plain; version=0.0.4", SOUP_MEMORY_TAKE,
                                    text, strlen (text));
}

TdnBroker *
tdn_broker_new (TdnConfig *config,
                GError   **error)
{
  g_autoptr(TdnBroker) self = g_new0 (TdnBroker, 1);
  g_auto(GStrv) clients = NULL;

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);
  self->config = g_object_ref (config);
  self->clients = g_ptr_array_new_with_free_func (tdn_broker_client_free);
  self->flights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rate_per_minute = (guint) tdn_config_get_int (config, "broker", "rate_limit_per_minute");
  self->cache = tdn_broker_cache_new (tdn_config_get_int (config, "broker", "cache_minutes") * 60 * G_USEC_PER_SEC);
  clients = tdn_config_list_instances (config, "client");
  for (guint i = 0; clients[i] != NULL; i++)
    {
      g_autofree char *group = g_strconcat ("client ", clients[i], NULL);
      TdnBrokerClient *c = g_new0 (TdnBrokerClient, 1);
      c->name = g_strdup (clients[i]);
      c->token_sha256 = g_strdup (tdn_config_get_string (config, group, "token_sha256"));
      c->desk = tdn_config_get_bool (config, group, "desk");
      c->window_start = G_MININT64 / 2;
      g_ptr_array_add (self->clients, c);
    }
  self->gateway = tdn_gateway_client_new_from_config (config);
  self->audit = tdn_broker_audit_open (tdn_config_get_string (config, "broker", "database"), error);
  if (self->audit == NULL)
    return NULL;
  self->server = soup_server_new ("server-header", "tiepdon-broker", NULL);
  tdn_broker_add_handler (self, "/healthz", healthz_cb, self);
  tdn_broker_add_handler (self, "/metrics", metrics_cb, self);
  tdn_broker_add_handler (self, "/fhir/CoverageEligibilityRequest/$check", tdn_broker_check_cb, self);

  /* Help requests from kiosks, worked by nurses at desks (docs/help-api.md),
   * kept in the same database so they survive a restart. */
  self->help_store = tdn_help_store_open (tdn_config_get_string (config, "broker", "database"), error);
  if (self->help_store == NULL)
    return NULL;
  self->staff = tdn_staff_auth_new_with_policy (config, "nurses");
  self->help = tdn_help_api_new (self->help_store, self->staff);
  tdn_help_soup_add_handlers (self->server, self->help, help_auth_cb, self);
  return g_steal_pointer (&self);
}

void
tdn_broker_free (TdnBroker *self)
{
  if (self == NULL)
    return;
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Gateway calls still running in worker threads use the gateway
   * client: at shutdown with lookups in flight it is left to the exiting
   * process rather than freed under them. Their flights (and the paused
   * messages) are never completed: the main loop has stopped. */
  if (self->flights != NULL && g_hash_table_size (self->flights) > 0)
    {
      g_message ("stopping with %u gateway lookups in flight", g_hash_table_size (self->flights));
      self->gateway = NULL;
    }
  g_clear_pointer (&self->flights, g_hash_table_unref);
  g_clear_pointer (&self->cache, tdn_broker_cache_free);
  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_pointer (&self->gateway, tdn_gateway_client_free);
  g_clear_pointer (&self->audit, tdn_broker_audit_free);
  g_clear_object (&self->help);
  g_clear_object (&self->staff);
  g_clear_object (&self->help_store);
  g_clear_object (&self->config);
  g_free (self);
}

gboolean
tdn_broker_listen (TdnBroker *self,
                   guint     *port,
                   GError   **error)
{
  const char *listen = tdn_config_get_string (self->config, "broker", "listen");
  g_autoptr(GUri) uri = g_uri_parse (listen, G_URI_FLAGS_NONE, error);
  g_autoptr(GInetAddress) addr = NULL;
  g_autoptr(GSocketAddress) sa = NULL;
  g_autoptr(GSList) uris = NULL;
  gboolean https;
  int want;

  if (uri == NULL)
    return FALSE;
  https = g_strcmp0 (g_uri_get_scheme (uri), "https") == 0;
  addr = g_inet_address_new_from_string (g_uri_get_host (uri) ? g_uri_get_host (uri) : "");
  if (addr == NULL)
    {
      g_set_error (error, TDN_BROKER_ERROR, TDN_BROKER_ERROR_CONFIG,
                   _("[broker] listen must name an IP address, not %s."), g_uri_get_host (uri));
      return FALSE;
    }
  if (!https && !g_inet_address_get_is_loopback (addr))
    {
      g_set_error (error, TDN_BROKER_ERROR, TDN_BROKER_ERROR_CONFIG,
                   _("[broker] listen may only use plain http on a loopback address; use https."));
      return FALSE;
    }
  if (https)
    {
      g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_files (
        tdn_config_get_string (self->config, "broker", "tls_cert"),
        tdn_config_get_string (self->config, "broker", "tls_key"), error);
      if (cert == NULL)
        return FALSE;
      soup_server_set_tls_certificate (self->server, cert);
    }
  want = g_uri_get_port (uri);
  sa = g_inet_socket_address_new (addr, want > 0 ? (guint16) want : 0);
  if (!soup_server_listen (self->server, sa, https ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;
  uris = soup_server_get_uris (self->server);
  if (port != NULL)
    *port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return TRUE;
}

SoupServer *
tdn_broker_get_server (TdnBroker *self)
{
  return self->server;
}

TdnBrokerAudit *
tdn_broker_get_audit (TdnBroker *self)
{
  return self->audit;
}
