/* tdn-help-api-private.h — helpers shared by the API's files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-help-api.h"

G_BEGIN_DECLS

/* Sets the status and takes `body`. */
void        tdn_api_response_set_json        (TdnApiResponse      *response,
                                              guint                status,
                                              JsonNode            *body);
/* Maps a TDN_HELP_ERROR to its HTTP status and code. */
void        tdn_api_response_set_store_error (TdnApiResponse      *response,
                                              const GError        *error);
/* The body as a JSON object (bounded), or NULL with `response` set. */
JsonNode   *tdn_api_request_parse_body       (const TdnApiRequest *request,
                                              TdnApiResponse      *response);
/* Query parameter `name` within [min, max] into `out` (left alone when
 * absent); FALSE with `response` set when it is not. */
gboolean    tdn_api_request_query_int        (const TdnApiRequest *request,
                                              const char          *name,
                                              gint64               min,
                                              gint64               max,
                                              gint64              *out,
                                              TdnApiResponse      *response);
/* A string member of a JSON object, or NULL. */
const char *tdn_api_json_string              (JsonNode            *node,
                                              const char          *name);

G_END_DECLS
