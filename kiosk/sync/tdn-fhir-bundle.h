/* tdn-fhir-bundle.h — a FHIR R4 transaction Bundle for one visit revision
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Patient (CCCD identifier; name, gender, birthDate — partial dates kept
 * partial — address), Coverage (BHYT card, period, payor BHXH, benefit
 * level) and Encounter (status arrived, class AMB, identifier = the visit
 * UUID, serviceType and location = the clinic, priority, period.start).
 * Every create is conditional on its identifier (ifNoneExist), so sending
 * the same bundle twice never makes a second copy. A later revision
 * updates the Encounter by its identifier (conditional update, PUT
 * Encounter?identifier=…). The fullUrls are name-based UUIDs of the visit
 * and revision: building the same revision twice gives the same bytes.
 */
#pragma once

#include <glib.h>

#include "tdn-spool.h"

G_BEGIN_DECLS

typedef struct {
  const char *cccd_system;    /* [sync] cccd_system */
  const char *bhyt_system;    /* [sync] bhyt_system */
  const char *visit_system;   /* [sync] visit_system; patients without an
                               * ID number get "<visit_system>:patient" */
} TdnFhirBundleOptions;

/* The bundle (JSON text) for `visit` (the revision to send); `arrived_at`
 * is when revision 1 was committed (Encounter.period.start). */
char *tdn_fhir_build_bundle (const TdnVisit             *visit,
                             gint64                      arrived_at,
                             const TdnFhirBundleOptions *options) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
