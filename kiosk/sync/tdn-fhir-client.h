/* tdn-fhir-client.h — delivering transaction Bundles to a FHIR R4 HIS
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TdnSyncDestination: builds the bundle (tdn-fhir-bundle.h) and POSTs
 * it to [sync] fhir_url with libcurl — bearer token from fhir_token_file
 * and/or a client certificate, TLS verification always on (ca_file may
 * add a CA) — then classifies the answer (tdn-fhir-response.h).
 * Transport failures (refused, reset, timeout) are retried.
 */
#pragma once

#include "tdn-sync-destination.h"

G_BEGIN_DECLS

#define TDN_TYPE_FHIR_CLIENT (tdn_fhir_client_get_type ())
G_DECLARE_FINAL_TYPE (TdnFhirClient, tdn_fhir_client, TDN, FHIR_CLIENT, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnFhirClient *tdn_fhir_client_new (TdnConfig  *config,
                                    GError    **error);

G_END_DECLS
