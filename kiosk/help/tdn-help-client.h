/* tdn-help-client.h — a kiosk's side of the help API
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Posts help requests and fetches the overrides nurses made to this
 * kiosk's visits, over HTTPS to tiepdon-broker with the kiosk's bearer
 * token ([eligibility] broker_url, token_file, ca_file: the same broker
 * and credentials as eligibility lookups). Calls run in a worker thread;
 * results come back on the caller's main context.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-base.h"
#include "tdn-help-request.h"

G_BEGIN_DECLS

#define TDN_HELP_CLIENT_ERROR (tdn_help_client_error_quark ())

typedef enum {
  TDN_HELP_CLIENT_ERROR_CONFIG,      /* no broker configured, token file unreadable */
  TDN_HELP_CLIENT_ERROR_NETWORK,     /* could not reach the broker (retry later) */
  TDN_HELP_CLIENT_ERROR_REFUSED,     /* the broker said no (token, request) */
  TDN_HELP_CLIENT_ERROR_PROTOCOL,    /* the answer made no sense */
} TdnHelpClientError;

GQuark tdn_help_client_error_quark (void);

#define TDN_TYPE_HELP_CLIENT (tdn_help_client_get_type ())
G_DECLARE_FINAL_TYPE (TdnHelpClient, tdn_help_client, TDN, HELP_CLIENT, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnHelpClient *tdn_help_client_new            (TdnConfig            *config,
                                               GError              **error);

void           tdn_help_client_post_async     (TdnHelpClient        *self,
                                               const TdnHelpRequest *request,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* The new request's id. */
char          *tdn_help_client_post_finish    (TdnHelpClient        *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Overrides after `since`, waiting up to `wait_s` for one (long poll). */
void           tdn_help_client_fetch_overrides_async  (TdnHelpClient       *self,
                                                       gint64               since,
                                                       guint                wait_s,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* A JSON node {"seq": N, "overrides": [...]} as in docs/help-api.md. */
JsonNode      *tdn_help_client_fetch_overrides_finish (TdnHelpClient       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Tells the broker what this kiosk did with override `override_id`:
 * `outcome` "applied" (as `revision`) or "rejected" (`detail` says why). */
void           tdn_help_client_ack_override_async  (TdnHelpClient       *self,
                                                    const char          *override_id,
                                                    const char          *outcome,
                                                    int                  revision,
                                                    const char          *detail,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean       tdn_help_client_ack_override_finish (TdnHelpClient       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
