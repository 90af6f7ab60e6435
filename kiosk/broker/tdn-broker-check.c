/* tdn-broker-check.c — the eligibility endpoint: cache and single-flight
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Requests for the same person (ID, folded name, DOB) within cache_minutes
 * are answered from memory; concurrent requests for the same person wait
 * on one gateway call (single-flight). See docs/adr/0303-broker-cache.md.
 */
#define G_LOG_DOMAIN "tiepdon-broker"

#include "config.h"

#include <string.h>

#include "tdn-broker-private.h"
#include "tdn-clock.h"
#include "tdn-eligibility-fhir.h"
#include "tdn-i18n.h"
#include "tdn-mask.h"

static const double bucket_bounds[TDN_BROKER_N_BUCKETS] = {
  0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
};

typedef struct {
  SoupServerMessage *msg;
  char              *kiosk;
  gint64             start;
} Waiter;

typedef struct {
  TdnBroker *broker;
  char      *key;
  char      *id;
  GPtrArray *waiters;   /* Waiter */
  gint64     start;
} Flight;

void
tdn_broker_client_free (gpointer data)
{
  TdnBrokerClient *c = data;

  g_free (c->name);
  g_free (c->token_sha256);
  g_free (c);
}

static void
waiter_free (gpointer data)
{
  Waiter *w = data;

  g_object_unref (w->msg);
  g_free (w->kiosk);
  g_free (w);
}

/* ID + name folded to upper-case NFC single spaces + DOB. */
static char *
cache_key (const TdnEligibilityQuery *q, const GDate *visit)
{
  g_autofree char *name = tdn_gateway_normalize_name (q->name);
  g_autofree char *upper = g_utf8_strup (name != NULL ? name : "", -1);

  return g_strdup_printf ("%s|%s|%s|%u", q->id, upper, q->dob, g_date_get_julian (visit));
}

static void
respond_result (TdnBroker         *self,
                SoupServerMessage *msg,
                const char        *kiosk,
                const char        *id,
                const TdnEligibility *r,
                gint64             start,
                gboolean           cached)
{
  g_autoptr(GError) error = NULL;
  char *body = tdn_eligibility_fhir_response (r);
  gint64 ms = (g_get_monotonic_time () - start) / 1000;

  self->lookups[r->status]++;
  if (!tdn_broker_audit_append (self->audit, kiosk, id, r->code,
                                tdn_eligibility_status_to_string (r->status), ms, cached, &error))
    g_warning ("audit: %s", error->message);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/fhir+json", SOUP_MEMORY_TAKE, body, strlen (body));
}

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  Flight *f = user_data;
  TdnBroker *self = f->broker;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnEligibility) r = tdn_gateway_client_lookup_finish (self->gateway, res, &error);
  double secs = (double) (g_get_monotonic_time () - f->start) / G_USEC_PER_SEC;
  (void) source;

  for (guint i = 0; i < TDN_BROKER_N_BUCKETS; i++)
    if (secs <= bucket_bounds[i])
      {
        self->latency_buckets[i]++;
        break;
      }
  self->latency_sum_s += secs;
  if (r == NULL)
    {
      g_autofree char *masked = tdn_mask_id (f->id);
      g_message ("gateway lookup for %s failed: %s", masked, error->message);
      /* The hospital's account refused at login is a configuration
       * problem for IT, not a "try later" for the patient. */
      if (g_error_matches (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_AUTH))
        r = tdn_eligibility_new_for_code ("401");
      else
        r = tdn_eligibility_new_unavailable ();
    }
  else if (r->status != TDN_ELIGIBILITY_UNAVAILABLE && r->status != TDN_ELIGIBILITY_CONFIG_ERROR)
    tdn_broker_cache_insert (self->cache, f->key, r);
  g_hash_table_remove (self->flights, f->key);
  for (guint i = 0; i < f->waiters->len; i++)
    {
      Waiter *w = g_ptr_array_index (f->waiters, i);
      respond_result (self, w->msg, w->kiosk, f->id, r, w->start, FALSE);
      soup_server_message_unpause (w->msg);
    }
  g_ptr_array_unref (f->waiters);
  g_free (f->key);
  g_free (f->id);
  g_free (f);
}

void
tdn_broker_check_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  TdnBroker *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnEligibilityQuery) q = NULL;
  g_autofree char *key = NULL;
  SoupMessageBody *body;
  const char *kiosk;
  const TdnEligibility *hit;
  Flight *f;
  Waiter *w;
  GDate visit;
  gint64 start = g_get_monotonic_time ();
  (void) server; (void) path; (void) query;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      tdn_broker_respond_outcome (msg, 405, "not-supported", "use POST");
      return;
    }
  kiosk = tdn_broker_authenticate (self, msg);
  if (kiosk == NULL)
    return;
  if (!tdn_broker_rate_allow (self, kiosk))
    {
      self->rate_limited++;
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "60");
      tdn_broker_respond_outcome (msg, 429, "throttled", "rate limit reached for this kiosk");
      return;
    }
  body = soup_server_message_get_request_body (msg);
  q = tdn_eligibility_fhir_parse_request (body->data, (gsize) body->length, &error);
  if (q == NULL)
    {
      tdn_broker_respond_outcome (msg, 400, "invalid", error->message);
      return;
    }
  if (g_date_valid (&q->visit))
    visit = q->visit;
  else
    {
      g_autoptr(GDateTime) now = tdn_clock_now ();
      g_date_clear (&visit, 1);
      g_date_set_dmy (&visit, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
  key = cache_key (q, &visit);

  hit = tdn_broker_cache_lookup (self->cache, key);
  if (hit != NULL)
    {
      self->cache_hits++;
      respond_result (self, msg, kiosk, q->id, hit, start, TRUE);
      return;
    }

  w = g_new0 (Waiter, 1);
  w->msg = g_object_ref (msg);
  w->kiosk = g_strdup (kiosk);
  w->start = start;
  soup_server_message_pause (msg);
  f = g_hash_table_lookup (self->flights, key);
  if (f != NULL)
    {
      g_ptr_array_add (f->waiters, w);
      return;
    }
  f = g_new0 (Flight, 1);
  f->broker = self;
  f->key = g_strdup (key);
  f->id = g_strdup (q->id);
  f->start = start;
  f->waiters = g_ptr_array_new_with_free_func (waiter_free);
  g_ptr_array_add (f->waiters, w);
  g_hash_table_insert (self->flights, g_strdup (key), f);
  self->gateway_calls++;
  tdn_gateway_client_lookup_async (self->gateway, q->id, q->name, q->dob, &visit,
                                   NULL, lookup_done_cb, f);
}

char *
tdn_broker_metrics_render (TdnBroker *self)
{
  GString *s = g_string_new (NULL);
  guint64 cumulative = 0, total = 0;

  g_string_append (s, "# HELP tiepdon_broker_lookups_total Lookups answered, by class.\n"
                      "# TYPE tiepdon_broker_lookups_total counter\n");
  for (int i = 0; i < 6; i++)
    g_string_append_printf (s, "tiepdon_broker_lookups_total{class=\"%s\"} %" G_GUINT64_FORMAT "\n",
                            tdn_eligibility_status_to_string ((TdnEligibilityStatus) i), self->lookups[i]);
  g_string_append_printf (s, "# HELP tiepdon_broker_cache_hits_total Lookups answered from the cache.\n"
                             "# TYPE tiepdon_broker_cache_hits_total counter\n"
                             "tiepdon_broker_cache_hits_total %" G_GUINT64_FORMAT "\n", self->cache_hits);
  g_string_append_printf (s, "# HELP tiepdon_broker_cache_entries Answers held in the cache now.\n"
                             "# TYPE tiepdon_broker_cache_entries gauge\n"
                             "tiepdon_broker_cache_entries %u\n", tdn_broker_cache_size (self->cache));
  g_string_append_printf (s, "# HELP tiepdon_broker_gateway_calls_total Lookups sent to the BHXH gateway.\n"
                             "# TYPE tiepdon_broker_gateway_calls_total counter\n"
                             "tiepdon_broker_gateway_calls_total %" G_GUINT64_FORMAT "\n", self->gateway_calls);
  g_string_append_printf (s, "# HELP tiepdon_broker_rate_limited_total Requests refused by the rate limit.\n"
                             "# TYPE tiepdon_broker_rate_limited_total counter\n"
                             "tiepdon_broker_rate_limited_total %" G_GUINT64_FORMAT "\n", self->rate_limited);
  g_string_append (s, "# HELP tiepdon_broker_gateway_latency_seconds BHXH gateway lookup latency.\n"
                      "# TYPE tiepdon_broker_gateway_latency_seconds histogram\n");
  for (guint i = 0; i < TDN_BROKER_N_BUCKETS; i++)
    total += self->latency_buckets[i];
  for (guint i = 0; i < TDN_BROKER_N_BUCKETS; i++)
    {
      cumulative += self->latency_buckets[i];
      g_string_append_printf (s, "tiepdon_broker_gateway_latency_seconds_bucket{le=\"%g\"} %" G_GUINT64_FORMAT "\n",
                              bucket_bounds[i], cumulative);
    }
  /* Calls slower than the last bound are counted only in +Inf. */
  total = self->gateway_calls - (guint64) g_hash_table_size (self->flights);
  g_string_append_printf (s, "tiepdon_broker_gateway_latency_seconds_bucket{le=\"+Inf\"} %" G_GUINT64_FORMAT "\n"
                             "tiepdon_broker_gateway_latency_seconds_sum %.6f\n"
                             "tiepdon_broker_gateway_latency_seconds_count %" G_GUINT64_FORMAT "\n",
                          total, self->latency_sum_s, total);
  return g_string_free (s, FALSE);
}
