/* tdn-desk-client.h — a nurse's desk's side of the help API
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talks to tiepdon-broker (docs/help-api.md) with the desk's bearer token
 * ([desk] broker_url, token_file, ca_file) and, once a nurse signs in,
 * her session. Every call runs in a worker thread (libcurl, TLS always
 * verified); results come back on the caller's main context.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tdn-base.h"
#include "tdn-eligibility-client.h"

G_BEGIN_DECLS

#define TDN_DESK_CLIENT_ERROR (tdn_desk_client_error_quark ())

typedef enum {
  TDN_DESK_CLIENT_ERROR_CONFIG,      /* no broker configured, token file unreadable or open to others */
  TDN_DESK_CLIENT_ERROR_NETWORK,     /* could not reach the broker, or it failed (5xx): retry later */
  TDN_DESK_CLIENT_ERROR_REFUSED,     /* the broker said no: see tdn_desk_client_error_code() */
  TDN_DESK_CLIENT_ERROR_PROTOCOL,    /* the answer made no sense */
} TdnDeskClientError;

GQuark tdn_desk_client_error_quark (void);

#define TDN_TYPE_DESK_CLIENT (tdn_desk_client_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskClient, tdn_desk_client, TDN, DESK_CLIENT, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnDeskClient *tdn_desk_client_new          (TdnConfig      *config,
                                             GError        **error);
/* For tests and tools: explicit broker, token and optional CA file. */
G_GNUC_WARN_UNUSED_RESULT
TdnDeskClient *tdn_desk_client_new_full     (const char     *broker_url,
                                             const char     *token,
                                             const char     *ca_file);

/* The nurse session sent with every call (NULL: none). sign_in sets it. */
void           tdn_desk_client_set_session  (TdnDeskClient  *self,
                                             const char     *session);
const char    *tdn_desk_client_get_session  (TdnDeskClient  *self);

/* One call: `method` "GET" or "POST", `path` from the API root (e.g.
 * "/help/ID/claim"), `body` a JSON object or NULL, `wait_s` extra seconds
 * the broker may hold the answer (long poll). Succeeds only with a 2xx
 * answer holding a JSON object; otherwise the error is REFUSED and
 * tdn_desk_client_error_code() / _claimed_by() tell the broker's reason. */
void           tdn_desk_client_call_async   (TdnDeskClient       *self,
                                             const char          *method,
                                             const char          *path,
                                             JsonNode            *body,
                                             guint                wait_s,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonNode      *tdn_desk_client_call_finish  (TdnDeskClient       *self,
                                             GAsyncResult        *result,
                                             guint               *http_status,
                                             GError             **error);

/* Blocking form of the above, for tiepdonctl (never on a GTK main loop). */
JsonNode      *tdn_desk_client_call_sync    (TdnDeskClient       *self,
                                             const char          *method,
                                             const char          *path,
                                             JsonNode            *body,
                                             guint                wait_s,
                                             GCancellable        *cancellable,
                                             guint               *http_status,
                                             GError             **error);

/* Signs `login` in with `pin`; on success the session is kept for later
 * calls and the answer ({"session","login","display_name","expires_in_s"})
 * returned. */
JsonNode      *tdn_desk_client_sign_in_sync (TdnDeskClient       *self,
                                             const char          *login,
                                             const char          *pin,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* The same in a worker thread, for the desk's window. */
void           tdn_desk_client_sign_in_async  (TdnDeskClient       *self,
                                               const char          *login,
                                               const char          *pin,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
JsonNode      *tdn_desk_client_sign_in_finish (TdnDeskClient       *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* An eligibility client on the same broker with the desk's token, for a
 * nurse re-running a lookup with a card number she typed. */
TdnEligibilityClient *tdn_desk_client_new_eligibility_client (TdnDeskClient *self) G_GNUC_WARN_UNUSED_RESULT;

/* The broker's error code of a REFUSED error ("claimed", "locked", …) and,
 * for "claimed", the nurse holding the request; NULL otherwise. */
const char    *tdn_desk_client_error_code       (const GError *error);
const char    *tdn_desk_client_error_claimed_by (const GError *error);
/* For a person: the broker's own message of a REFUSED error (translated at
 * the broker, e.g. how long a locked account waits), else the error's. */
const char    *tdn_desk_client_error_message    (const GError *error);

G_END_DECLS
