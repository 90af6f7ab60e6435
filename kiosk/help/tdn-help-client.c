/* tdn-help-client.c — a kiosk's side of the help API
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include <curl/curl.h>
#include <sys/stat.h>

#include "tdn-help-client.h"
#include "tdn-json.h"

#define MAX_ANSWER (4 * 1024 * 1024)

struct _TdnHelpClient
{
  GObject  parent_instance;
  char    *base_url;     /* without trailing slash */
  char    *token;
  char    *ca_file;
  long     connect_timeout_s;
  long     timeout_s;
};

G_DEFINE_FINAL_TYPE (TdnHelpClient, tdn_help_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdn-help-client-error-quark, tdn_help_client_error)

static void
tdn_help_client_finalize (GObject *object)
{
  TdnHelpClient *self = TDN_HELP_CLIENT (object);

  g_free (self->base_url);
  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);
  g_free (self->ca_file);
  G_OBJECT_CLASS (tdn_help_client_parent_class)->finalize (object);
}

static void
tdn_help_client_class_init (TdnHelpClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_help_client_finalize;
  curl_global_init (CURL_GLOBAL_DEFAULT);
}

static void
tdn_help_client_init (TdnHelpClient *self)
{
}

TdnHelpClient *
tdn_help_client_new (TdnConfig  *config,
                     GError    **error)
{
  g_autoptr(TdnHelpClient) self = g_object_new (TDN_TYPE_HELP_CLIENT, NULL);
  const char *url = tdn_config_get_string (config, "eligibility", "broker_url");
  const char *token_file = tdn_config_get_string (config, "eligibility", "token_file");
  const char *ca_file = tdn_config_get_string (config, "eligibility", "ca_file");
  g_autofree char *token = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_CONFIG,
                           _("No broker is configured ([eligibility] broker_url)"));
      return NULL;
    }
  if (!g_file_get_contents (token_file, &token, NULL, &local_error))
    {
      g_set_error (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_CONFIG,
                   _("Cannot read the kiosk token: %s"), local_error->message);
      return NULL;
    }
  if (stat (token_file, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_CONFIG,
                   _("%s can be read by other users; run “chmod 600 %s”"), token_file, token_file);
      return NULL;
    }
  g_strstrip (token);
  self->base_url = g_strdup (url);
  if (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->token = g_steal_pointer (&token);
  self->ca_file = (ca_file != NULL && *ca_file != '\0') ? g_strdup (ca_file) : NULL;
  self->connect_timeout_s = (long) tdn_config_get_int (config, "eligibility", "connect_timeout_s");
  self->timeout_s = (long) tdn_config_get_int (config, "eligibility", "timeout_s");
  return g_steal_pointer (&self);
}

typedef struct {
  char    *url;
  char    *body;       /* NULL: GET */
  long     timeout_s;
  long     status;
  GString *answer;
} Call;

static void
call_free (Call *call)
{
  g_free (call->url);
  g_free (call->body);
  if (call->answer != NULL)
    g_string_free (call->answer, TRUE);
  g_free (call);
}

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  nmemb,
          void   *user_data)
{
  GString *answer = user_data;
  size_t n = size * nmemb;

  if (answer->len + n > MAX_ANSWER)
    return 0;   /* makes curl fail: a broker does not send this much */
  g_string_append_len (answer, data, (gssize) n);
  return n;
}

/* Runs in the worker thread. */
static void
perform (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  TdnHelpClient *self = source;
  Call *call = task_data;
  g_autofree char *authz = g_strconcat ("Authorization: Bearer ", self->token, NULL);
  struct curl_slist *headers = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  CURL *curl = curl_easy_init ();
  CURLcode rc;

  if (curl == NULL)
    {
      g_task_return_new_error (task, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_NETWORK,
                               "curl_easy_init failed");
      return;
    }
  headers = curl_slist_append (headers, authz);
  headers = curl_slist_append (headers, "Accept: application/json");
  if (call->body != NULL)
    headers = curl_slist_append (headers, "Content-Type: application/json; charset=utf-8");

  call->answer = g_string_new (NULL);
  curl_easy_setopt (curl, CURLOPT_URL, call->url);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, self->connect_timeout_s);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, call->timeout_s);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  /* TLS verification stays on; a site CA may be added, never skipped. */
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, call->answer);
  if (call->body != NULL)
    curl_easy_setopt (curl, CURLOPT_POSTFIELDS, call->body);

  rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &call->status);
  curl_slist_free_all (headers);
  curl_easy_cleanup (curl);

  if (rc != CURLE_OK)
    g_task_return_new_error (task, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_NETWORK,
                             _("The broker could not be reached: %s"),
                             *errbuf ? errbuf : curl_easy_strerror (rc));
  else
    g_task_return_boolean (task, TRUE);
}

static void
start (TdnHelpClient       *self,
       const char          *path,
       char                *body,
       long                 timeout_s,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->url = g_strconcat (self->base_url, path, NULL);
  call->body = body;
  call->timeout_s = timeout_s;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_run_in_thread (task, perform);
}

/* The answer as a JSON object, or an error naming what the broker said. */
static JsonNode *
finish (TdnHelpClient *self,
        GAsyncResult  *result,
        guint          want_status,
        GError       **error)
{
  Call *call = g_task_get_task_data (G_TASK (result));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  if (!json_parser_load_from_data (parser, call->answer->str, (gssize) call->answer->len, NULL) ||
      !tdn_json_root_is_object (parser))
    {
      g_set_error (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_PROTOCOL,
                   _("The broker answered HTTP %ld without JSON"), call->status);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if ((guint) call->status != want_status)
    {
      JsonObject *o = json_node_get_object (root);
      JsonObject *e = json_object_has_member (o, "error") ? json_object_get_object_member (o, "error") : NULL;
      const char *msg = e && json_object_has_member (e, "message") ? json_object_get_string_member (e, "message") : "";

      g_set_error (error, TDN_HELP_CLIENT_ERROR,
                   call->status >= 500 ? TDN_HELP_CLIENT_ERROR_NETWORK : TDN_HELP_CLIENT_ERROR_REFUSED,
                   _("The broker refused (HTTP %ld): %s"), call->status, msg);
      return NULL;
    }
  return json_node_ref (root);
}

void
tdn_help_client_post_async (TdnHelpClient        *self,
                            const TdnHelpRequest *request,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (TDN_IS_HELP_CLIENT (self));
  g_return_if_fail (request != NULL);

  node = tdn_help_request_to_json (request, TRUE);
  start (self, "/help", json_to_string (node, FALSE), self->timeout_s,
         cancellable, callback, user_data, tdn_help_client_post_async);
}

char *
tdn_help_client_post_finish (TdnHelpClient *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  root = finish (self, result, 201, error);
  if (root == NULL)
    return NULL;
  o = json_node_get_object (root);
  if (!json_object_has_member (o, "id"))
    {
      g_set_error_literal (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_PROTOCOL,
                           _("The broker did not say which request it stored"));
      return NULL;
    }
  return g_strdup (json_object_get_string_member (o, "id"));
}

void
tdn_help_client_fetch_overrides_async (TdnHelpClient       *self,
                                       gint64               since,
                                       guint                wait_s,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TDN_IS_HELP_CLIENT (self));

  wait_s = MIN (wait_s, 60);
  path = g_strdup_printf ("/overrides?since=%" G_GINT64_FORMAT "&wait=%u", MAX (since, 0), wait_s);
  start (self, path, NULL, self->timeout_s + wait_s, cancellable, callback, user_data,
         tdn_help_client_fetch_overrides_async);
}

JsonNode *
tdn_help_client_fetch_overrides_finish (TdnHelpClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  root = finish (self, result, 200, error);
  if (root == NULL)
    return NULL;
  if (!json_object_has_member (json_node_get_object (root), "overrides"))
    {
      g_set_error_literal (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_PROTOCOL,
                           _("The broker's answer has no overrides list"));
      return NULL;
    }
  return g_steal_pointer (&root);
}

void
tdn_help_client_ack_override_async (TdnHelpClient       *self,
                                    const char          *override_id,
                                    const char          *outcome,
                                    int                  revision,
                                    const char          *detail,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (TDN_IS_HELP_CLIENT (self));
  g_return_if_fail (override_id != NULL && outcome != NULL);

  json_builder_begin_object (b);
  tdn_json_add_string (b, "outcome", outcome);
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, revision);
  if (detail != NULL)
    tdn_json_add_string (b, "detail", detail);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  path = g_strdup_printf ("/overrides/%s/applied", override_id);
  start (self, path, json_to_string (body, FALSE), self->timeout_s, cancellable, callback, user_data,
         tdn_help_client_ack_override_async);
}

gboolean
tdn_help_client_ack_override_finish (TdnHelpClient *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  root = finish (self, result, 200, error);
  return root != NULL;
}
