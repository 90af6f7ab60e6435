/* tdn-desk-client.c — a nurse's desk's side of the help API
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-deskclient"

#include "config.h"

#include <curl/curl.h>
#include <string.h>
#include <sys/stat.h>

#include "tdn-desk-client.h"
#include "tdn-json.h"

#define MAX_ANSWER (4 * 1024 * 1024)   /* a photo is ≤ 256 KiB base64 */
#define CONNECT_TIMEOUT_S 10L
#define TIMEOUT_S 30L

/* The broker's reason, carried by REFUSED errors. */
typedef struct {
  char *code;
  char *claimed_by;
  char *message;     /* the broker's own words, for a person */
} TdnDeskClientErrorPrivate;

static void
tdn_desk_client_error_private_init (TdnDeskClientErrorPrivate *priv)
{
}

static void
tdn_desk_client_error_private_copy (const TdnDeskClientErrorPrivate *src,
                                    TdnDeskClientErrorPrivate       *dest)
{
  if (src == NULL || dest == NULL)
    return;
  dest->code = g_strdup (src->code);
  dest->claimed_by = g_strdup (src->claimed_by);
  dest->message = g_strdup (src->message);
}

static void
tdn_desk_client_error_private_clear (TdnDeskClientErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->claimed_by, g_free);
  g_clear_pointer (&priv->message, g_free);
}

G_DEFINE_EXTENDED_ERROR (TdnDeskClientError, tdn_desk_client_error)

struct _TdnDeskClient
{
  GObject  parent_instance;
  GMutex   lock;         /* guards session */
  char    *base_url;     /* without trailing slash */
  char    *token;
  char    *ca_file;
  char    *session;
};

G_DEFINE_FINAL_TYPE (TdnDeskClient, tdn_desk_client, G_TYPE_OBJECT)

static void
wipe (char **secret)
{
  if (*secret != NULL)
    explicit_bzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
tdn_desk_client_finalize (GObject *object)
{
  TdnDeskClient *self = TDN_DESK_CLIENT (object);

  g_free (self->base_url);
  wipe (&self->token);
  wipe (&self->session);
  g_free (self->ca_file);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tdn_desk_client_parent_class)->finalize (object);
}

static void
tdn_desk_client_class_init (TdnDeskClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_desk_client_finalize;
  curl_global_init (CURL_GLOBAL_DEFAULT);
}

static void
tdn_desk_client_init (TdnDeskClient *self)
{
  g_mutex_init (&self->lock);
}

TdnDeskClient *
tdn_desk_client_new_full (const char *broker_url,
                          const char *token,
                          const char *ca_file)
{
  TdnDeskClient *self;

  g_return_val_if_fail (broker_url != NULL && token != NULL, NULL);

  self = g_object_new (TDN_TYPE_DESK_CLIENT, NULL);
  self->base_url = g_strdup (broker_url);
  if (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->token = g_strstrip (g_strdup (token));
  self->ca_file = (ca_file != NULL && *ca_file != '\0') ? g_strdup (ca_file) : NULL;
  return self;
}

TdnDeskClient *
tdn_desk_client_new (TdnConfig  *config,
                     GError    **error)
{
  const char *url = tdn_config_get_string (config, "desk", "broker_url");
  const char *token_file = tdn_config_get_string (config, "desk", "token_file");
  const char *ca_file = tdn_config_get_string (config, "desk", "ca_file");
  g_autofree char *token = NULL;
  g_autoptr(GError) local_error = NULL;
  TdnDeskClient *self;
  struct stat st;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_CONFIG,
                           _("No broker is configured ([desk] broker_url)"));
      return NULL;
    }
  if (stat (token_file, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_CONFIG,
                   _("%s can be read by other users; run “chmod 600 %s”"), token_file, token_file);
      return NULL;
    }
  if (!g_file_get_contents (token_file, &token, NULL, &local_error))
    {
      g_set_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_CONFIG,
                   _("Cannot read the desk token: %s"), local_error->message);
      return NULL;
    }
  self = tdn_desk_client_new_full (url, token, ca_file);
  wipe (&token);
  return self;
}

void
tdn_desk_client_set_session (TdnDeskClient *self,
                             const char    *session)
{
  g_return_if_fail (TDN_IS_DESK_CLIENT (self));

  g_mutex_lock (&self->lock);
  wipe (&self->session);
  self->session = g_strdup (session);
  g_mutex_unlock (&self->lock);
}

const char *
tdn_desk_client_get_session (TdnDeskClient *self)
{
  g_return_val_if_fail (TDN_IS_DESK_CLIENT (self), NULL);
  return self->session;
}

typedef struct {
  char     *method;
  char     *url;
  char     *body;       /* NULL: no body */
  char     *session;
  long      timeout_s;
  long      status;
  GString  *answer;
} Call;

static void
call_free (Call *call)
{
  g_free (call->method);
  g_free (call->url);
  g_free (call->body);
  wipe (&call->session);
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

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

/* Runs in the worker thread. */
static void
perform (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  TdnDeskClient *self = source;
  Call *call = task_data;
  g_autofree char *authz = g_strconcat ("Authorization: Bearer ", self->token, NULL);
  g_autofree char *sess = NULL;
  struct curl_slist *headers = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  CURL *curl = curl_easy_init ();
  CURLcode rc;

  if (curl == NULL)
    {
      g_task_return_new_error (task, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_NETWORK,
                               "curl_easy_init failed");
      return;
    }
  headers = curl_slist_append (headers, authz);
  headers = curl_slist_append (headers, "Accept: application/json");
  if (call->session != NULL)
    {
      sess = g_strconcat ("X-Tiepdon-Session: ", call->session, NULL);
      headers = curl_slist_append (headers, sess);
    }
  if (call->body != NULL)
    headers = curl_slist_append (headers, "Content-Type: application/json; charset=utf-8");

  call->answer = g_string_new (NULL);
  curl_easy_setopt (curl, CURLOPT_URL, call->url);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_S);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, call->timeout_s);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  /* TLS verification stays on; a site CA may be added, never skipped. */
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, call->answer);
  if (cancellable != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
      curl_easy_setopt (curl, CURLOPT_XFERINFODATA, cancellable);
      curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
    }
  if (g_str_equal (call->method, "POST"))
    curl_easy_setopt (curl, CURLOPT_POSTFIELDS, call->body != NULL ? call->body : "{}");

  rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &call->status);
  curl_slist_free_all (headers);
  curl_easy_cleanup (curl);

  if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
  else if (rc != CURLE_OK)
    g_task_return_new_error (task, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_NETWORK,
                             _("The broker could not be reached: %s"),
                             *errbuf ? errbuf : curl_easy_strerror (rc));
  else
    g_task_return_boolean (task, TRUE);
}

static GTask *
make_task (TdnDeskClient       *self,
           const char          *method,
           const char          *path,
           JsonNode            *body,
           guint                wait_s,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->method = g_strdup (method);
  call->url = g_strconcat (self->base_url, path, NULL);
  call->body = body != NULL ? json_to_string (body, FALSE) : NULL;
  g_mutex_lock (&self->lock);
  call->session = g_strdup (self->session);
  g_mutex_unlock (&self->lock);
  call->timeout_s = TIMEOUT_S + (long) MIN (wait_s, 60);
  g_task_set_source_tag (task, tdn_desk_client_call_async);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  return task;
}

void
tdn_desk_client_call_async (TdnDeskClient       *self,
                            const char          *method,
                            const char          *path,
                            JsonNode            *body,
                            guint                wait_s,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TDN_IS_DESK_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = make_task (self, method, path, body, wait_s, cancellable, callback, user_data);
  g_task_run_in_thread (task, perform);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : NULL;
}

JsonNode *
tdn_desk_client_call_finish (TdnDeskClient  *self,
                             GAsyncResult   *result,
                             guint          *http_status,
                             GError        **error)
{
  Call *call;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  call = g_task_get_task_data (G_TASK (result));
  if (http_status != NULL)
    *http_status = 0;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  if (http_status != NULL)
    *http_status = (guint) call->status;
  if (!json_parser_load_from_data (parser, call->answer->str, (gssize) call->answer->len, NULL) ||
      !tdn_json_root_is_object (parser))
    {
      g_set_error (error, TDN_DESK_CLIENT_ERROR,
                   call->status >= 500 ? TDN_DESK_CLIENT_ERROR_NETWORK : TDN_DESK_CLIENT_ERROR_PROTOCOL,
                   _("The broker answered HTTP %ld without JSON"), call->status);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (call->status < 200 || call->status > 299)
    {
      JsonObject *o = json_node_get_object (root);
      JsonNode *en = json_object_get_member (o, "error");
      JsonObject *e = en != NULL && JSON_NODE_HOLDS_OBJECT (en) ? json_node_get_object (en) : NULL;
      const char *msg = member_string (e, "message");
      GError *err = g_error_new (TDN_DESK_CLIENT_ERROR,
                                 call->status >= 500 ? TDN_DESK_CLIENT_ERROR_NETWORK
                                                     : TDN_DESK_CLIENT_ERROR_REFUSED,
                                 _("The broker refused (HTTP %ld): %s"), call->status,
                                 msg != NULL ? msg : "");
      TdnDeskClientErrorPrivate *priv = tdn_desk_client_error_get_private (err);

      if (priv != NULL)
        {
          priv->code = g_strdup (member_string (e, "code"));
          priv->claimed_by = g_strdup (member_string (e, "claimed_by"));
          priv->message = g_strdup (msg);
        }
      g_propagate_error (error, err);
      return NULL;
    }
  return json_node_ref (root);
}

JsonNode *
tdn_desk_client_call_sync (TdnDeskClient  *self,
                           const char     *method,
                           const char     *path,
                           JsonNode       *body,
                           guint           wait_s,
                           GCancellable   *cancellable,
                           guint          *http_status,
                           GError        **error)
{
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (TDN_IS_DESK_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && path[0] == '/', NULL);

  task = make_task (self, method, path, body, wait_s, cancellable, NULL, NULL);
  g_task_run_in_thread_sync (task, perform);
  return tdn_desk_client_call_finish (self, G_ASYNC_RESULT (task), http_status, error);
}

JsonNode *
tdn_desk_client_sign_in_sync (TdnDeskClient  *self,
                              const char     *login,
                              const char     *pin,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  const char *session;

  g_return_val_if_fail (TDN_IS_DESK_CLIENT (self), NULL);
  g_return_val_if_fail (login != NULL && pin != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "login");
  json_builder_add_string_value (b, login);
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, pin);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  answer = tdn_desk_client_call_sync (self, "POST", "/staff/sign-in", body, 0, cancellable, NULL, error);
  if (answer == NULL)
    return NULL;
  session = member_string (json_node_get_object (answer), "session");
  if (session == NULL || *session == '\0')
    {
      g_set_error_literal (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_PROTOCOL,
                           _("The broker signed the nurse in without a session"));
      return NULL;
    }
  tdn_desk_client_set_session (self, session);
  return g_steal_pointer (&answer);
}

const char *
tdn_desk_client_error_code (const GError *error)
{
  const TdnDeskClientErrorPrivate *priv;

  if (error == NULL || error->domain != TDN_DESK_CLIENT_ERROR)
    return NULL;
  priv = tdn_desk_client_error_get_private (error);
  return priv != NULL ? priv->code : NULL;
}

const char *
tdn_desk_client_error_message (const GError *error)
{
  const TdnDeskClientErrorPrivate *priv;

  if (error == NULL)
    return NULL;
  if (error->domain != TDN_DESK_CLIENT_ERROR)
    return error->message;
  priv = tdn_desk_client_error_get_private (error);
  return priv != NULL && priv->message != NULL && *priv->message ? priv->message : error->message;
}

const char *
tdn_desk_client_error_claimed_by (const GError *error)
{
  const TdnDeskClientErrorPrivate *priv;

  if (error == NULL || error->domain != TDN_DESK_CLIENT_ERROR)
    return NULL;
  priv = tdn_desk_client_error_get_private (error);
  return priv != NULL ? priv->claimed_by : NULL;
}

typedef struct {
  char *login;
  char *pin;
} SignIn;

static void
sign_in_free (SignIn *s)
{
  g_free (s->login);
  if (s->pin != NULL)
    explicit_bzero (s->pin, strlen (s->pin));
  g_free (s->pin);
  g_free (s);
}

static void
sign_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SignIn *s = task_data;
  GError *error = NULL;
  JsonNode *answer = tdn_desk_client_sign_in_sync (source, s->login, s->pin, cancellable, &error);

  if (answer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
}

void
tdn_desk_client_sign_in_async (TdnDeskClient       *self,
                               const char          *login,
                               const char          *pin,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignIn *s;

  g_return_if_fail (TDN_IS_DESK_CLIENT (self));
  g_return_if_fail (login != NULL && pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tdn_desk_client_sign_in_async);
  s = g_new0 (SignIn, 1);
  s->login = g_strdup (login);
  s->pin = g_strdup (pin);
  g_task_set_task_data (task, s, (GDestroyNotify) sign_in_free);
  g_task_run_in_thread (task, sign_in_thread);
}

JsonNode *
tdn_desk_client_sign_in_finish (TdnDeskClient *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

TdnEligibilityClient *
tdn_desk_client_new_eligibility_client (TdnDeskClient *self)
{
  g_return_val_if_fail (TDN_IS_DESK_CLIENT (self), NULL);
  /* The gateway can take 30 s; a nurse waits for it, a kiosk does not. */
  return tdn_eligibility_client_new (self->base_url, self->token, self->ca_file, 5, 45);
}
