/* tdn-fixture-eligibility.h — eligibility answered in-process from demo data
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Answers as the BHXH simulator (tests/sim/bhxh-sim.py) does for the same
 * people.json — same codes, same name/date-of-birth comparison — and
 * builds the result with the real gateway parser, so a kiosk in demo mode
 * without a broker, the tests and the benchmark see what the broker would
 * give. "Gateway down" and a latency can be set from the demo controls.
 */
#pragma once

#include "tdn-demo-people.h"
#include "tdn-eligibility-service.h"

G_BEGIN_DECLS

#define TDN_TYPE_FIXTURE_ELIGIBILITY (tdn_fixture_eligibility_get_type ())
G_DECLARE_FINAL_TYPE (TdnFixtureEligibility, tdn_fixture_eligibility, TDN, FIXTURE_ELIGIBILITY, GObject)

/* `people` must outlive the service; `facility_code` this hospital's. */
TdnEligibilityService *tdn_fixture_eligibility_new (TdnDemoPeople *people,
                                                    const char    *facility_code) G_GNUC_WARN_UNUSED_RESULT;
/* Every answer `unavailable` while down. */
void     tdn_fixture_eligibility_set_down    (TdnFixtureEligibility *self,
                                              gboolean               down);
gboolean tdn_fixture_eligibility_get_down    (TdnFixtureEligibility *self);
/* Answers after `ms` (0: at the next main-loop turn). */
void     tdn_fixture_eligibility_set_latency (TdnFixtureEligibility *self,
                                              guint                  ms);
/* The gateway's answer for a lookup, as JSON bytes (tests). */
char    *tdn_fixture_eligibility_answer_json (TdnFixtureEligibility *self,
                                              const char            *id,
                                              const char            *name,
                                              const char            *dob) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
