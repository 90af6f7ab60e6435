/* tdn-fhir-response.h — what a FHIR server's answer to a transaction means
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 2xx with a transaction-response Bundle whose entries all succeeded:
 * delivered. 2xx with anything else (HTML from a proxy, garbage): retried,
 * since conditional creates make a resend harmless and losing a visit is
 * not. 400/422 (OperationOutcome diagnostics as the reason), 412 (a
 * conditional match was ambiguous) and other 4xx: parked. 3xx (not
 * followed), 401/403/404/405/408/409/425/429 and 5xx: retried
 * (credentials, URL or the HIS itself, not the visit). The body is never trusted: size, UTF-8 and JSON shape
 * are checked and the reason is short, printable text.
 */
#pragma once

#include <glib.h>

#include "tdn-sync-verdict.h"

G_BEGIN_DECLS

#define TDN_FHIR_RESPONSE_MAX (4 * 1024 * 1024)

/* `reason` (never NULL) says what happened in a line for the spool. */
TdnSyncVerdict tdn_fhir_classify_response (long          http_status,
                                           const char   *content_type,
                                           const guint8 *body,
                                           gsize         length,
                                           char        **reason);

G_END_DECLS
