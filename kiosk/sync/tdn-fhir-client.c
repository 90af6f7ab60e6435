/* tdn-fhir-client.c — delivering transaction Bundles to a FHIR R4 HIS
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include <curl/curl.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "tdn-fhir-bundle.h"
#include "tdn-fhir-client.h"
#include "tdn-fhir-response.h"

struct _TdnFhirClient
{
  GObject  parent_instance;
  char    *url;
  char    *token;          /* bearer, or NULL */
  char    *client_cert;
  char    *client_key;
  char    *ca_file;
  long     timeout_s;
  char    *cccd_system;
  char    *bhyt_system;
  char    *visit_system;
  CURL    *curl;           /* kept for keep-alive; used by one thread at a time */
};

static void tdn_fhir_client_destination_init (TdnSyncDestinationInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnFhirClient, tdn_fhir_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_SYNC_DESTINATION,
                                                      tdn_fhir_client_destination_init))

static void
tdn_fhir_client_finalize (GObject *object)
{
  TdnFhirClient *self = TDN_FHIR_CLIENT (object);

  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);
  g_free (self->url);
  g_free (self->client_cert);
  g_free (self->client_key);
  g_free (self->ca_file);
  g_free (self->cccd_system);
  g_free (self->bhyt_system);
  g_free (self->visit_system);
  g_clear_pointer (&self->curl, curl_easy_cleanup);
  G_OBJECT_CLASS (tdn_fhir_client_parent_class)->finalize (object);
}

static void
tdn_fhir_client_class_init (TdnFhirClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_fhir_client_finalize;
}

static void
tdn_fhir_client_init (TdnFhirClient *self)
{
}

static char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

/* The bearer token from a file only the service user may read. */
static char *
read_token (const char  *path,
            GError     **error)
{
  g_autofree char *token = NULL;
  struct stat st;

  if (stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                   _("The HIS token file %s can be read by other users; run “chmod 600 %s”"), path, path);
      return NULL;
    }
  if (!g_file_get_contents (path, &token, NULL, NULL))
    {
      g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                   _("Cannot read the HIS token file %s; check [sync] fhir_token_file"), path);
      return NULL;
    }
  g_strstrip (token);
  if (*token == '\0' || strpbrk (token, "\r\n") != NULL)
    {
      g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                   _("The HIS token file %s is empty or not one line"), path);
      return NULL;
    }
  return g_steal_pointer (&token);
}

TdnFhirClient *
tdn_fhir_client_new (TdnConfig  *config,
                     GError    **error)
{
  g_autoptr(TdnFhirClient) self = g_object_new (TDN_TYPE_FHIR_CLIENT, NULL);
  const char *token_file = tdn_config_get_string (config, "sync", "fhir_token_file");

  self->url = nonempty (tdn_config_get_string (config, "sync", "fhir_url"));
  if (self->url == NULL)
    {
      g_set_error_literal (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                           _("[sync] adapter is fhir but fhir_url is empty; set the HIS's FHIR base URL"));
      return NULL;
    }
  if (token_file != NULL && *token_file != '\0')
    {
      self->token = read_token (token_file, error);
      if (self->token == NULL)
        return NULL;
    }
  self->client_cert = nonempty (tdn_config_get_string (config, "sync", "client_cert"));
  self->client_key = nonempty (tdn_config_get_string (config, "sync", "client_key"));
  self->ca_file = nonempty (tdn_config_get_string (config, "sync", "ca_file"));
  self->timeout_s = (long) tdn_config_get_int (config, "sync", "timeout_s");
  self->cccd_system = g_strdup (tdn_config_get_string (config, "sync", "cccd_system"));
  self->bhyt_system = g_strdup (tdn_config_get_string (config, "sync", "bhyt_system"));
  self->visit_system = g_strdup (tdn_config_get_string (config, "sync", "visit_system"));
  return g_steal_pointer (&self);
}

static const char *
get_name (TdnSyncDestination *destination)
{
  return "fhir";
}

static GBytes *
build (TdnSyncDestination *destination,
       const TdnVisit     *visit,
       gint64              arrived_at,
       const char         *delivery_id)
{
  TdnFhirClient *self = TDN_FHIR_CLIENT (destination);
  TdnFhirBundleOptions o = { self->cccd_system, self->bhyt_system, self->visit_system };
  char *json = tdn_fhir_build_bundle (visit, arrived_at, &o);

  return g_bytes_new_take (json, strlen (json));
}

typedef struct {
  GByteArray *body;
  gboolean    too_big;
} Answer;

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  n,
          void   *user_data)
{
  Answer *a = user_data;

  if (a->body->len + size * n > TDN_FHIR_RESPONSE_MAX)
    {
      a->too_big = TRUE;
      return 0;
    }
  g_byte_array_append (a->body, (const guint8 *) data, (guint) (size * n));
  return size * n;
}

static int
progress_cb (void       *data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static TdnSyncVerdict
send_payload (TdnSyncDestination  *destination,
              GBytes              *payload,
              const char          *delivery_id,
              GCancellable        *cancellable,
              char               **reason)
{
  TdnFhirClient *self = TDN_FHIR_CLIENT (destination);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  Answer answer = { body, FALSE };
  struct curl_slist *headers = NULL;
  g_autofree char *auth = self->token ? g_strconcat ("Authorization: Bearer ", self->token, NULL) : NULL;
  g_autofree char *request_id = g_strconcat ("X-Request-ID: ", delivery_id, NULL);
  char errbuf[CURL_ERROR_SIZE] = "";
  const char *content_type = NULL;
  long status = 0;
  gsize size = 0;
  const char *data = g_bytes_get_data (payload, &size);
  CURLcode rc;

  if (self->curl == NULL)
    self->curl = curl_easy_init ();
  else
    curl_easy_reset (self->curl);
  headers = curl_slist_append (headers, "Content-Type: application/fhir+json; charset=utf-8");
  headers = curl_slist_append (headers, "Accept: application/fhir+json");
  headers = curl_slist_append (headers, "Prefer: return=minimal");
  /* No "Expect: 100-continue" round trip: the bundle is small. */
  headers = curl_slist_append (headers, "Expect:");
  headers = curl_slist_append (headers, request_id);
  if (auth != NULL)
    headers = curl_slist_append (headers, auth);
  curl_easy_setopt (self->curl, CURLOPT_URL, self->url);
  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (self->curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (self->curl, CURLOPT_POST, 1L);
  curl_easy_setopt (self->curl, CURLOPT_POSTFIELDS, data);
  curl_easy_setopt (self->curl, CURLOPT_POSTFIELDSIZE, (long) size);
  curl_easy_setopt (self->curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (self->curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt (self->curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (self->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (self->curl, CURLOPT_CONNECTTIMEOUT, MIN (self->timeout_s, 10L));
  curl_easy_setopt (self->curl, CURLOPT_TIMEOUT, self->timeout_s);
  /* TLS verification is never turned off; a custom CA may be added. */
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (self->curl, CURLOPT_CAINFO, self->ca_file);
  if (self->client_cert != NULL)
    curl_easy_setopt (self->curl, CURLOPT_SSLCERT, self->client_cert);
  if (self->client_key != NULL)
    curl_easy_setopt (self->curl, CURLOPT_SSLKEY, self->client_key);
  if (cancellable != NULL)
    {
      curl_easy_setopt (self->curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
      curl_easy_setopt (self->curl, CURLOPT_XFERINFODATA, cancellable);
      curl_easy_setopt (self->curl, CURLOPT_NOPROGRESS, 0L);
    }
  rc = curl_easy_perform (self->curl);
  curl_slist_free_all (headers);
  curl_easy_setopt (self->curl, CURLOPT_HTTPHEADER, NULL);
  if (rc == CURLE_WRITE_ERROR && answer.too_big)
    {
      *reason = g_strdup ("the HIS answered with an oversized body");
      return TDN_SYNC_RETRY;
    }
  if (rc != CURLE_OK)
    {
      /* Nothing, or not all, came back: the same bytes go again later. */
      if (rc == CURLE_ABORTED_BY_CALLBACK)
        *reason = g_strdup ("cancelled (syncd stopping)");
      else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
        *reason = g_strdup_printf ("the HIS's TLS certificate is not trusted (%s); check [sync] ca_file",
                                   *errbuf ? errbuf : curl_easy_strerror (rc));
      else
        *reason = g_strdup_printf ("cannot reach the HIS: %s", *errbuf ? errbuf : curl_easy_strerror (rc));
      return TDN_SYNC_RETRY;
    }
  curl_easy_getinfo (self->curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo (self->curl, CURLINFO_CONTENT_TYPE, &content_type);
  return tdn_fhir_classify_response (status, content_type, body->data, body->len, reason);
}

/* GET [base]/metadata: the server's CapabilityStatement. */
static gboolean
probe (TdnSyncDestination  *destination,
       char               **message)
{
  TdnFhirClient *self = TDN_FHIR_CLIENT (destination);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *url = g_strconcat (self->url, g_str_has_suffix (self->url, "/") ? "" : "/", "metadata", NULL);
  g_autofree char *auth = self->token ? g_strconcat ("Authorization: Bearer ", self->token, NULL) : NULL;
  Answer answer = { body, FALSE };
  struct curl_slist *headers = curl_slist_append (NULL, "Accept: application/fhir+json");
  char errbuf[CURL_ERROR_SIZE] = "";
  CURL *curl = curl_easy_init ();
  JsonNode *root;
  long status = 0;
  CURLcode rc;

  if (auth != NULL)
    headers = curl_slist_append (headers, auth);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, self->timeout_s);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
  if (self->client_cert != NULL)
    curl_easy_setopt (curl, CURLOPT_SSLCERT, self->client_cert);
  if (self->client_key != NULL)
    curl_easy_setopt (curl, CURLOPT_SSLKEY, self->client_key);
  rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup (curl);
  curl_slist_free_all (headers);
  if (rc != CURLE_OK)
    {
      *message = g_strdup_printf ("%s: %s", url, *errbuf ? errbuf : curl_easy_strerror (rc));
      return FALSE;
    }
  if (status == 200 && body->len > 0 && g_utf8_validate_len ((const char *) body->data, body->len, NULL) &&
      json_parser_load_from_data (parser, (const char *) body->data, (gssize) body->len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "resourceType", ""),
                 "CapabilityStatement") == 0)
    {
      *message = g_strdup_printf ("%s answers with a CapabilityStatement", self->url);
      return TRUE;
    }
  *message = g_strdup_printf ("%s: HTTP %ld, not a FHIR CapabilityStatement; check fhir_url", url, status);
  return FALSE;
}

static void
tdn_fhir_client_destination_init (TdnSyncDestinationInterface *iface)
{
  iface->probe = probe;
  iface->get_name = get_name;
  iface->build = build;
  iface->send = send_payload;
}
