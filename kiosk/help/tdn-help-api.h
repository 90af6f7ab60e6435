/* tdn-help-api.h — the help-request API, independent of the HTTP server
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/help-api.md describes the endpoints. A host (tiepdon-broker, test
 * servers) authenticates the bearer token, fills a TdnApiRequest and sends
 * back what tdn_help_api_handle() answers. Status 0 means "hold this
 * request": the host re-runs it when ::changed fires or after `wait_s`
 * seconds, the second time with `final_attempt` set (long poll).
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "tdn-help-store.h"
#include "tdn-staff-auth.h"

G_BEGIN_DECLS

typedef enum {
  TDN_API_ROLE_NONE,    /* no valid bearer token */
  TDN_API_ROLE_KIOSK,
  TDN_API_ROLE_DESK,
} TdnApiRole;

typedef struct {
  const char *method;        /* "GET", "POST" */
  const char *path;          /* "/help/…" */
  GHashTable *query;         /* char* → char*, or NULL */
  const char *client;        /* the token's client name ([client NAME]) */
  TdnApiRole  role;
  const char *session;       /* X-Tiepdon-Session header, or NULL */
  GBytes     *body;          /* or NULL */
  gboolean    final_attempt; /* a held request's last run: answer now */
} TdnApiRequest;

typedef struct {
  guint     status;          /* HTTP status, or 0 to hold (long poll) */
  JsonNode *body;            /* owned */
  guint     wait_s;          /* with status 0: the longest to hold */
} TdnApiResponse;

void tdn_api_response_clear (TdnApiResponse *response);
/* Fills `response` with {"error": {"code", "message"}}. */
void tdn_api_response_set_error (TdnApiResponse *response,
                                 guint           status,
                                 const char     *code,
                                 const char     *message);

#define TDN_TYPE_HELP_API (tdn_help_api_get_type ())
G_DECLARE_FINAL_TYPE (TdnHelpApi, tdn_help_api, TDN, HELP_API, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnHelpApi *tdn_help_api_new       (TdnHelpStore         *store,
                                    TdnStaffAuth         *staff);
/* TRUE for the paths this API serves (/help…, /staff/…, /overrides). */
gboolean    tdn_help_api_owns_path (const char           *path);
void        tdn_help_api_handle    (TdnHelpApi           *self,
                                    const TdnApiRequest  *request,
                                    TdnApiResponse       *response);

G_END_DECLS
