/* tdn-gateway-client.c — the BHXH gateway (egw) client used by the broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-eligibility"

#include "config.h"

#include <string.h>
#include <curl/curl.h>
#include <json-glib/json-glib.h>

#include "tdn-clock.h"
#include "tdn-gateway-client.h"
#include "tdn-i18n.h"
#include "tdn-json.h"
#include "tdn-mask.h"

G_DEFINE_QUARK (tdn-gateway-error-quark, tdn_gateway_error)

#define MAX_ANSWER (1024 * 1024)
#define TOKEN_MARGIN_US (60 * G_USEC_PER_SEC)

struct _TdnGatewayClient {
  char    *base_url;
  char    *username;
  char    *password_md5;
  char    *officer_name;
  char    *officer_cccd;
  char    *ca_file;
  char    *facility_code;
  gboolean login_json;
  long     connect_timeout_s;
  long     timeout_s;

  GMutex   lock;         /* guards the token and the login */
  char    *token;
  char    *id_token;
  gint64   token_until;  /* tdn_clock_get_real() µs; 60 s before expiry */
  guint    logins;
};

static GOnce curl_once = G_ONCE_INIT;

static gpointer
curl_init_once (gpointer data)
{
  (void) data;
  curl_global_init (CURL_GLOBAL_DEFAULT);
  return NULL;
}

char *
tdn_gateway_password_hash (const char *password)
{
  g_autofree char *hex = NULL;

  g_return_val_if_fail (password != NULL, NULL);
  hex = g_compute_checksum_for_string (G_CHECKSUM_MD5, password, -1);
  return g_ascii_strup (hex, -1);
}

char *
tdn_gateway_normalize_name (const char *name)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

TdnGatewayClient *
tdn_gateway_client_new (const TdnGatewayOptions *options)
{
  TdnGatewayClient *self;

  g_return_val_if_fail (options != NULL && options->url != NULL, NULL);
  g_once (&curl_once, curl_init_once, NULL);
  self = g_new0 (TdnGatewayClient, 1);
  self->base_url = g_str_has_suffix (options->url, "/") ? g_strdup (options->url)
                                                         : g_strconcat (options->url, "/", NULL);
  self->username = g_strdup (options->username ? options->username : "");
  self->password_md5 = tdn_gateway_password_hash (options->password ? options->password : "");
  self->officer_name = tdn_gateway_normalize_name (options->officer_name);
  self->officer_cccd = g_strdup (options->officer_cccd);
  self->ca_file = options->ca_file != NULL && *options->ca_file != '\0' ? g_strdup (options->ca_file) : NULL;
  self->facility_code = g_strdup (options->facility_code ? options->facility_code : "");
  self->login_json = options->login_json;
  self->connect_timeout_s = options->connect_timeout_s > 0 ? options->connect_timeout_s : 10;
  self->timeout_s = options->timeout_s > 0 ? options->timeout_s : 30;
  g_mutex_init (&self->lock);
  return self;
}

TdnGatewayClient *
tdn_gateway_client_new_from_config (TdnConfig *config)
{
  TdnGatewayOptions o = {
    .url = tdn_config_get_string (config, "bhxh", "url"),
    .username = tdn_config_get_string (config, "bhxh", "username"),
    .password = tdn_config_get_string (config, "bhxh", "password"),
    .officer_name = tdn_config_get_string (config, "bhxh", "officer_name"),
    .officer_cccd = tdn_config_get_string (config, "bhxh", "officer_cccd"),
    .login_json = g_strcmp0 (tdn_config_get_string (config, "bhxh", "login_format"), "json") == 0,
    .ca_file = tdn_config_get_string (config, "bhxh", "ca_file"),
    .connect_timeout_s = (int) tdn_config_get_int (config, "bhxh", "connect_timeout_s"),
    .timeout_s = (int) tdn_config_get_int (config, "bhxh", "timeout_s"),
    .facility_code = tdn_config_get_string (config, "broker", "facility_code"),
  };
  return tdn_gateway_client_new (&o);
}

void
tdn_gateway_client_free (TdnGatewayClient *self)
{
  if (self == NULL)
    return;
  g_free (self->base_url);
  g_free (self->username);
  g_free (self->password_md5);
  g_free (self->officer_name);
  g_free (self->officer_cccd);
  g_free (self->ca_file);
  g_free (self->facility_code);
  g_free (self->token);
  g_free (self->id_token);
  g_mutex_clear (&self->lock);
  g_free (self);
}

guint
tdn_gateway_client_get_login_count (TdnGatewayClient *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  g_mutex_lock (&self->lock);
  n = self->logins;
  g_mutex_unlock (&self->lock);
  return n;
}

static size_t
write_cb (char *ptr, size_t size, size_t nmemb, void *user_data)
{
  GByteArray *buf = user_data;
  size_t n = size * nmemb;

  if (buf->len + n > MAX_ANSWER)
    return 0; /* aborts the transfer: CURLE_WRITE_ERROR */
  g_byte_array_append (buf, (const guint8 *) ptr, (guint) n);
  return n;
}

static int
progress_cb (void *clientp, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
  (void) dt; (void) dn; (void) ut; (void) un;
  return g_cancellable_is_cancelled (clientp) ? 1 : 0;
}

/* One POST. TRUE with the status and body when an HTTP answer came. */
static gboolean
http_post (TdnGatewayClient *self,
           const char       *url,
           const char       *content_type,
           const char       *body,
           GCancellable     *cancellable,
           long             *status,
           GByteArray       *answer,
           GError          **error)
{
  CURL *curl = curl_easy_init ();
  struct curl_slist *headers = NULL;
  g_autofree char *ct = g_strdup_printf ("Content-Type: %s", content_type);
  CURLcode rc;

  if (curl == NULL)
    {
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_UNREACHABLE,
                   _("Could not start an HTTP request to the insurance gateway."));
      return FALSE;
    }
  headers = curl_slist_append (headers, ct);
  headers = curl_slist_append (headers, "Accept: application/json");
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE, (long) strlen (body));
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, answer);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, self->connect_timeout_s);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, self->timeout_s);
  /* Verification always on; a CA file may only add trust. */
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
  if (cancellable != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
      curl_easy_setopt (curl, CURLOPT_XFERINFODATA, cancellable);
      curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
    }
  rc = curl_easy_perform (curl);
  if (rc == CURLE_OK)
    curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, status);
  curl_slist_free_all (headers);
  curl_easy_cleanup (curl);

  switch (rc)
    {
    case CURLE_OK:
      return TRUE;
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_TIMEOUT,
                   _("The insurance gateway did not answer in time."));
      return FALSE;
    case CURLE_ABORTED_BY_CALLBACK:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The lookup was cancelled."));
      return FALSE;
    case CURLE_WRITE_ERROR:
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_MALFORMED,
                   _("The insurance gateway's answer is too large."));
      return FALSE;
    default:
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_UNREACHABLE,
                   _("Could not reach the insurance gateway: %s."), curl_easy_strerror (rc));
      return FALSE;
    }
}

/* A string member; a number is printed (a gateway may send "maKetQua": 200). */
static char *
object_string (JsonObject *obj, const char *name)
{
  JsonNode *n = obj != NULL ? json_object_get_member (obj, name) : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
  if (json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (n));
}

/* expires_in → µs since the epoch, or 0. The gateway sends an ISO-8601 UTC
 * time; a zone-less time is UTC, and a bare number (as other token
 * services do) is seconds from now. */
static gint64
token_expiry (const char *expires)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) until = NULL;
  guint64 secs = 0;

  if (expires == NULL || *expires == '\0')
    return 0;
  if (g_ascii_string_to_unsigned (expires, 10, 1, 7 * 24 * 3600, &secs, NULL))
    return tdn_clock_get_real () + (gint64) secs * G_USEC_PER_SEC;
  until = g_date_time_new_from_iso8601 (expires, utc);
  return until != NULL ? g_date_time_to_unix (until) * G_USEC_PER_SEC : 0;
}

/* Logs in; self->lock held. */
static gboolean
login_locked (TdnGatewayClient *self,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autofree char *url = g_strconcat (self->base_url, "api/token/take", NULL);
  g_autofree char *body = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *code = NULL;
  g_autofree char *token = NULL;
  g_autofree char *id_token = NULL;
  g_autofree char *expires = NULL;
  gint64 expiry;
  JsonObject *root = NULL, *key = NULL;
  long status = 0;

  if (self->login_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "username");
      json_builder_add_string_value (b, self->username);
      json_builder_set_member_name (b, "password");
      json_builder_add_string_value (b, self->password_md5);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      body = json_to_string (node, FALSE);
    }
  else
    {
      g_autofree char *user = g_uri_escape_string (self->username, NULL, FALSE);
      body = g_strdup_printf ("username=%s&password=%s", user, self->password_md5);
    }

  self->logins++;
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->id_token, g_free);
  if (!http_post (self, url, self->login_json ? "application/json" : "application/x-www-form-urlencoded",
                  body, cancellable, &status, answer, error))
    return FALSE;
  if (status == 401 || status == 403)
    {
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_AUTH,
                   _("The insurance gateway refused the hospital's account (HTTP %ld)."), status);
      return FALSE;
    }
  if (status != 200)
    {
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_HTTP,
                   _("The insurance gateway's login failed with HTTP %ld."), status);
      return FALSE;
    }
  if (answer->len > 0
      && json_parser_load_from_data (parser, (const char *) answer->data, answer->len, NULL)
      && json_parser_get_root (parser) != NULL
      && tdn_json_root_is_object (parser))
    root = json_node_get_object (json_parser_get_root (parser));
  code = object_string (root, "maKetQua");
  if (root != NULL && json_object_has_member (root, "APIKey")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "APIKey")))
    key = json_object_get_object_member (root, "APIKey");
  token = object_string (key, "access_token");
  id_token = object_string (key, "id_token");
  expires = object_string (key, "expires_in");
  if (g_strcmp0 (code, "200") != 0 || token == NULL || *token == '\0')
    {
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_AUTH,
                   _("The insurance gateway refused the hospital's account (code %s)."),
                   code != NULL ? code : "?");
      return FALSE;
    }
  expiry = token_expiry (expires);
  self->token = g_steal_pointer (&token);
  self->id_token = g_strdup (id_token != NULL ? id_token : "");
  /* No or bad expiry: use the token for this call only. */
  self->token_until = expiry > 0 ? expiry - TOKEN_MARGIN_US : tdn_clock_get_real ();
  return TRUE;
}

/* Copies a usable token, logging in if needed (or if `force`). */
static gboolean
get_token (TdnGatewayClient *self,
           gboolean          force,
           char            **token,
           char            **id_token,
           GCancellable     *cancellable,
           GError          **error)
{
  gboolean ok = TRUE;

  g_mutex_lock (&self->lock);
  if (force || self->token == NULL || tdn_clock_get_real () >= self->token_until)
    ok = login_locked (self, cancellable, error);
  if (ok)
    {
      *token = g_strdup (self->token);
      *id_token = g_strdup (self->id_token);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

static gboolean
all_digits (const char *s, gsize len)
{
  if (s == NULL || strlen (s) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
valid_dob (const char *dob)
{
  if (all_digits (dob, 4))
    return TRUE;
  if (dob == NULL || strlen (dob) != 10 || dob[2] != '/' || dob[5] != '/')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 2 && i != 5 && !g_ascii_isdigit (dob[i]))
      return FALSE;
  return g_date_valid_dmy ((GDateDay) g_ascii_strtoull (dob, NULL, 10),
                           (GDateMonth) g_ascii_strtoull (dob + 3, NULL, 10),
                           (GDateYear) g_ascii_strtoull (dob + 6, NULL, 10));
}

static char *
lookup_body (TdnGatewayClient *self,
             const char       *id,
             const char       *name,
             const char       *dob)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "maThe");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "hoTen");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "ngaySinh");
  json_builder_add_string_value (b, dob);
  json_builder_set_member_name (b, "hoTenCb");
  json_builder_add_string_value (b, self->officer_name ? self->officer_name : "");
  json_builder_set_member_name (b, "cccdCb");
  json_builder_add_string_value (b, self->officer_cccd ? self->officer_cccd : "");
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  return json_to_string (node, FALSE);
}

TdnEligibility *
tdn_gateway_client_lookup (TdnGatewayClient *self,
                           const char       *id,
                           const char       *name,
                           const char       *dob,
                           const GDate      *visit_date,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autofree char *norm_name = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  norm_name = tdn_gateway_normalize_name (name);
  if (!(all_digits (id, 12) || all_digits (id, 10) || tdn_eligibility_is_card_number (id))
      || norm_name == NULL || !valid_dob (dob))
    {
      g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_INPUT,
                   _("The ID number, name or date of birth is not in a form the insurance gateway accepts."));
      return NULL;
    }
  body = lookup_body (self, id, norm_name, dob);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *token = NULL;
      g_autofree char *id_token = NULL;
      g_autofree char *url = NULL;
      g_autofree char *e_token = NULL, *e_id = NULL, *e_user = NULL;
      g_autoptr(GByteArray) answer = g_byte_array_new ();
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(TdnEligibility) result = NULL;
      g_autofree char *masked = NULL;
      long status = 0;
      gint64 start = g_get_monotonic_time ();

      if (!get_token (self, attempt > 0, &token, &id_token, cancellable, error))
        return NULL;
      e_token = g_uri_escape_string (token, NULL, FALSE);
      e_id = g_uri_escape_string (id_token, NULL, FALSE);
      e_user = g_uri_escape_string (self->username, NULL, FALSE);
      url = g_strdup_printf ("%sapi/egw/KQNhanLichSuKCB2024?token=%s&id_token=%s&username=%s&password=%s",
                             self->base_url, e_token, e_id, e_user, self->password_md5);
      /* A timeout is returned as it is: never retried (the gateway may
       * have counted the lookup against the quota). */
      if (!http_post (self, url, "application/json", body, cancellable, &status, answer, error))
        return NULL;
      masked = tdn_mask_id (id);
      g_debug ("gateway lookup %s: HTTP %ld in %" G_GINT64_FORMAT " ms",
               masked, status, (g_get_monotonic_time () - start) / 1000);
      if (status == 401)
        continue;
      if (status != 200)
        {
          g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_HTTP,
                       _("The insurance gateway answered with HTTP %ld."), status);
          return NULL;
        }
      result = tdn_eligibility_from_gateway_json ((const char *) answer->data, answer->len,
                                                  self->facility_code, visit_date, &parse_error);
      if (result == NULL)
        {
          g_set_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_MALFORMED,
                       "%s", parse_error->message);
          return NULL;
        }
      if (strcmp (result->code, "401") == 0 && attempt == 0)
        continue;
      return g_steal_pointer (&result);
    }
  /* 401 again after a fresh login: the account itself is refused. */
  return tdn_eligibility_new_for_code ("401");
}

typedef struct {
  TdnGatewayClient *client;
  char *id, *name, *dob;
  GDate visit;
  gboolean has_visit;
} LookupData;

static void
lookup_data_free (LookupData *d)
{
  g_free (d->id);
  g_free (d->name);
  g_free (d->dob);
  g_free (d);
}

static void
lookup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  (void) source;
  LookupData *d = task_data;
  GError *error = NULL;
  TdnEligibility *e = tdn_gateway_client_lookup (d->client, d->id, d->name, d->dob,
                                                 d->has_visit ? &d->visit : NULL,
                                                 cancellable, &error);
  if (e == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, e, (GDestroyNotify) tdn_eligibility_free);
}

void
tdn_gateway_client_lookup_async (TdnGatewayClient   *self,
                                 const char         *id,
                                 const char         *name,
                                 const char         *dob,
                                 const GDate        *visit_date,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  LookupData *d = g_new0 (LookupData, 1);

  g_return_if_fail (self != NULL);
  d->client = self;
  d->id = g_strdup (id);
  d->name = g_strdup (name);
  d->dob = g_strdup (dob);
  if (visit_date != NULL && g_date_valid (visit_date))
    {
      d->visit = *visit_date;
      d->has_visit = TRUE;
    }
  /* The client is not a GObject: it must outlive the task. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tdn_gateway_client_lookup_async);
  g_task_set_task_data (task, d, (GDestroyNotify) lookup_data_free);
  g_task_run_in_thread (task, lookup_thread);
}

TdnEligibility *
tdn_gateway_client_lookup_finish (TdnGatewayClient *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  (void) self;
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
