/* tdn-broker-private.h — internals shared by the broker's files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tdn-broker.h"
#include "tdn-broker-cache.h"
#include "tdn-gateway-client.h"
#include "tdn-help-soup.h"

G_BEGIN_DECLS

#define TDN_BROKER_N_BUCKETS 9

typedef struct {
  char  *name;
  char  *token_sha256;
  gboolean desk;           /* a nurse's desk: may work help requests */
  gint64 window_start;
  guint  window_count;
} TdnBrokerClient;

struct _TdnBroker {
  TdnConfig        *config;
  SoupServer       *server;
  TdnGatewayClient *gateway;
  TdnBrokerAudit   *audit;
  GPtrArray        *clients;   /* TdnBrokerClient */
  guint             rate_per_minute;
  TdnBrokerCache   *cache;
  GHashTable       *flights;   /* key → TdnBrokerFlight */
  TdnHelpStore     *help_store; /* help requests and overrides (same database) */
  TdnStaffAuth     *staff;      /* nurses' PIN sign-in and sessions */
  TdnHelpApi       *help;

  /* metrics */
  guint64           lookups[6];          /* by TdnEligibilityStatus */
  guint64           cache_hits;
  guint64           gateway_calls;
  guint64           rate_limited;
  guint64           latency_buckets[TDN_BROKER_N_BUCKETS]; /* cumulative at render */
  double            latency_sum_s;
};

void     tdn_broker_client_free       (gpointer data);
gboolean tdn_broker_rate_allow        (TdnBroker  *self,
                                       const char *client);
char    *tdn_broker_metrics_render    (TdnBroker *self);
void     tdn_broker_check_cb          (SoupServer        *server,
                                       SoupServerMessage *msg,
                                       const char        *path,
                                       GHashTable        *query,
                                       gpointer           user_data);

G_END_DECLS
