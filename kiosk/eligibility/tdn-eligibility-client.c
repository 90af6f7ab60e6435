/* tdn-eligibility-client.c — the kiosk's client of tiepdon-broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-eligibility"

#include "config.h"

#include <string.h>
#include <curl/curl.h>

#include "tdn-eligibility-client.h"
#include "tdn-eligibility-fhir.h"
#include "tdn-eligibility-private.h"
#include "tdn-i18n.h"
#include "tdn-main-context.h"
#include "tdn-mask.h"

#define MAX_ANSWER (256 * 1024)
#define RETRY_PAUSE_US (250 * 1000)
#define MAX_RESENDS 3

struct _TdnEligibilityClient {
  char *url;
  char *token;
  char *ca_file;
  long  connect_timeout_s;
  long  timeout_s;
};

static GOnce curl_once = G_ONCE_INIT;

static gpointer
curl_init_once (gpointer data)
{
  (void) data;
  curl_global_init (CURL_GLOBAL_DEFAULT);
  return NULL;
}

TdnEligibilityClient *
tdn_eligibility_client_new (const char *broker_url,
                            const char *token,
                            const char *ca_file,
                            int         connect_timeout_s,
                            int         timeout_s)
{
  TdnEligibilityClient *self;

  g_return_val_if_fail (broker_url != NULL && token != NULL, NULL);
  g_once (&curl_once, curl_init_once, NULL);
  self = g_new0 (TdnEligibilityClient, 1);
  self->url = g_strconcat (broker_url, g_str_has_suffix (broker_url, "/") ? "" : "/",
                           "fhir/CoverageEligibilityRequest/$check", NULL);
  self->token = g_strstrip (g_strdup (token));
  self->ca_file = ca_file != NULL && *ca_file != '\0' ? g_strdup (ca_file) : NULL;
  self->connect_timeout_s = connect_timeout_s > 0 ? connect_timeout_s : 10;
  self->timeout_s = timeout_s > 0 ? timeout_s : 30;
  return self;
}

TdnEligibilityClient *
tdn_eligibility_client_new_from_config (TdnConfig   *config,
                                        const char  *broker_url,
                                        GError     **error)
{
  const char *file = tdn_config_get_string (config, "eligibility", "token_file");
  const char *url = broker_url != NULL ? broker_url
                                       : tdn_config_get_string (config, "eligibility", "broker_url");
  g_autofree char *token = NULL;

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED,
                   _("No broker is configured: set [eligibility] broker_url."));
      return NULL;
    }
  if (!g_file_get_contents (file, &token, NULL, error))
    return NULL;
  g_strstrip (token);
  if (*token == '\0')
    {
      g_set_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED,
                   _("The kiosk token file %s is empty."), file);
      return NULL;
    }
  return tdn_eligibility_client_new (url, token,
                                     tdn_config_get_string (config, "eligibility", "ca_file"),
                                     (int) tdn_config_get_int (config, "eligibility", "connect_timeout_s"),
                                     (int) tdn_config_get_int (config, "eligibility", "timeout_s"));
}

void
tdn_eligibility_client_free (TdnEligibilityClient *self)
{
  if (self == NULL)
    return;
  g_free (self->url);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->ca_file);
  g_free (self);
}

static size_t
write_cb (char *ptr, size_t size, size_t nmemb, void *user_data)
{
  GByteArray *buf = user_data;
  size_t n = size * nmemb;

  if (buf->len + n > MAX_ANSWER)
    return 0;
  g_byte_array_append (buf, (const guint8 *) ptr, (guint) n);
  return n;
}

static int
xfer_cb (void *clientp, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
  (void) dt; (void) dn; (void) ut; (void) un;
  return clientp != NULL && g_cancellable_is_cancelled (clientp) ? 1 : 0;
}

static TdnEligibility *
with_message (const char *msgid, TdnEligibilityStatus status)
{
  TdnEligibility *r = tdn_eligibility_new_unavailable ();

  r->status = status;
  if (msgid != NULL)
    tdn_eligibility_set_message (r, msgid);
  return r;
}

TdnEligibility *
tdn_eligibility_client_check (TdnEligibilityClient      *self,
                              const char                *id,
                              const char                *name,
                              const char                *dob,
                              const GDate               *visit_date,
                              TdnEligibilityProgressFunc progress,
                              gpointer                   progress_data,
                              GCancellable              *cancellable,
                              gint64                    *latency_ms)
{
  g_autofree char *body = tdn_eligibility_fhir_request (id, name, dob, visit_date);
  g_autofree char *auth = g_strconcat ("Authorization: Bearer ", self->token, NULL);
  g_autofree char *masked = tdn_mask_id (id);
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + self->timeout_s * G_USEC_PER_SEC;
  TdnEligibility *result = NULL;
  guint resends = 0;

  for (guint attempt = 0; result == NULL; attempt++)
    {
      g_autoptr(GByteArray) answer = g_byte_array_new ();
      struct curl_slist *headers = NULL;
      CURL *curl = curl_easy_init ();
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      long status = 0;
      CURLcode rc;

      if (curl == NULL || left_ms <= 0)
        {
          if (curl != NULL)
            curl_easy_cleanup (curl);
          result = tdn_eligibility_new_unavailable ();
          break;
        }
      if (progress != NULL)
        progress (attempt == 0 ? TDN_ELIGIBILITY_PROGRESS_SENDING : TDN_ELIGIBILITY_PROGRESS_RETRYING,
                  progress_data);
      headers = curl_slist_append (headers, "Content-Type: application/fhir+json");
      headers = curl_slist_append (headers, "Accept: application/fhir+json");
      headers = curl_slist_append (headers, auth);
      curl_easy_setopt (curl, CURLOPT_URL, self->url);
      curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
      curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE, (long) strlen (body));
      curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
      curl_easy_setopt (curl, CURLOPT_WRITEDATA, answer);
      curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, self->connect_timeout_s);
      curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, (long) left_ms);
      curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
      curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
      if (self->ca_file != NULL)
        curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
      curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, xfer_cb);
      curl_easy_setopt (curl, CURLOPT_XFERINFODATA, cancellable);
      curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
      rc = curl_easy_perform (curl);
      if (rc == CURLE_OK)
        curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
      curl_slist_free_all (headers);
      curl_easy_cleanup (curl);

      if ((rc == CURLE_GOT_NOTHING || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR)
          && resends < MAX_RESENDS && !g_cancellable_is_cancelled (cancellable)
          && deadline - g_get_monotonic_time () > RETRY_PAUSE_US)
        {
          /* The broker went away mid-request (restart, upgrade); while it
           * stops, its socket may still accept and drop a few more. Ask
           * again a few times: at worst the gateway is asked twice, which
           * beats sending the patient to the desk for a restart. */
          g_debug ("broker closed the connection for %s, asking again", masked);
          if (resends++ > 0)
            g_usleep (RETRY_PAUSE_US);
          continue;
        }
      if (rc == CURLE_COULDNT_CONNECT && !g_cancellable_is_cancelled (cancellable))
        {
          /* Nothing reached the broker: safe to try again until the deadline. */
          g_debug ("broker not reachable for %s, retrying", masked);
          if (deadline - g_get_monotonic_time () > RETRY_PAUSE_US)
            g_usleep (RETRY_PAUSE_US);
          else
            result = tdn_eligibility_new_unavailable ();
          continue;
        }
      if (rc != CURLE_OK)
        {
          g_message ("eligibility check for %s: %s", masked, curl_easy_strerror (rc));
          result = tdn_eligibility_new_unavailable ();
        }
      else if (status == 401 || status == 400)
        {
          g_warning ("broker refused the eligibility request for %s (HTTP %ld)", masked, status);
          result = with_message (N_("This kiosk cannot check insurance cards right now. Please see the desk."),
                                 TDN_ELIGIBILITY_CONFIG_ERROR);
        }
      else if (status != 200)
        {
          g_message ("broker answered HTTP %ld for %s", status, masked);
          result = tdn_eligibility_new_unavailable ();
        }
      else
        {
          g_autoptr(GError) error = NULL;
          result = tdn_eligibility_fhir_parse_response ((const char *) answer->data, answer->len, &error);
          if (result == NULL)
            {
              g_message ("broker answer for %s: %s", masked, error->message);
              result = tdn_eligibility_new_unavailable ();
            }
        }
    }
  if (latency_ms != NULL)
    *latency_ms = (g_get_monotonic_time () - start) / 1000;
  return result;
}

typedef struct {
  TdnEligibilityClient      *client;
  char                      *id, *name, *dob;
  GDate                      visit;
  TdnEligibilityProgressFunc progress;
  gpointer                   progress_data;
  GMainContext              *context;
} CheckData;

typedef struct {
  TdnEligibilityProgressFunc func;
  gpointer                   data;
  TdnEligibilityProgress     progress;
} ProgressCall;

static void
check_data_free (CheckData *d)
{
  g_free (d->id);
  g_free (d->name);
  g_free (d->dob);
  g_main_context_unref (d->context);
  g_free (d);
}

static gboolean
progress_idle (gpointer data)
{
  ProgressCall *p = data;

  p->func (p->progress, p->data);
  return G_SOURCE_REMOVE;
}

static void
progress_relay (TdnEligibilityProgress progress, gpointer user_data)
{
  CheckData *d = user_data;
  ProgressCall *p = g_new0 (ProgressCall, 1);

  p->func = d->progress;
  p->data = d->progress_data;
  p->progress = progress;
  tdn_main_context_post (d->context, progress_idle, p, g_free);
}

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CheckData *d = task_data;
  (void) source;

  g_task_return_pointer (task,
                         tdn_eligibility_client_check (d->client, d->id, d->name, d->dob,
                                                       g_date_valid (&d->visit) ? &d->visit : NULL,
                                                       d->progress != NULL ? progress_relay : NULL, d,
                                                       cancellable, NULL),
                         (GDestroyNotify) tdn_eligibility_free);
}

void
tdn_eligibility_client_check_async (TdnEligibilityClient      *self,
                                    const char                *id,
                                    const char                *name,
                                    const char                *dob,
                                    const GDate               *visit_date,
                                    TdnEligibilityProgressFunc progress,
                                    gpointer                   progress_data,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CheckData *d = g_new0 (CheckData, 1);

  d->client = self;
  d->id = g_strdup (id);
  d->name = g_strdup (name);
  d->dob = g_strdup (dob);
  g_date_clear (&d->visit, 1);
  if (visit_date != NULL && g_date_valid (visit_date))
    d->visit = *visit_date;
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, tdn_eligibility_client_check_async);
  /* Cancelled or not, the thread's answer (then `unavailable`) is what
   * _finish() returns: never NULL, as callers rely on. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, d, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

TdnEligibility *
tdn_eligibility_client_check_finish (TdnEligibilityClient *self,
                                     GAsyncResult         *result)
{
  (void) self;
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
