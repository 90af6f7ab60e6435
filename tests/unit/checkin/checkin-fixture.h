/* checkin-fixture.h — a check-in with fake services and a real spool
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "checkin-fakes.h"
#include "tdn-checkin-private.h"
#include "tdn-spool-visit-store.h"

typedef struct {
  char            *dir;
  TdnConfig       *config;
  TdnVisitStore   *store;
  FakeEligibility *elig;
  FakePrinter     *printer;
  FakeHelp        *help;
  FakeReader      *card;
  FakeReader      *qr;
  TdnCheckin      *checkin;
  guint            wiped;
} Fixture;

void         fixture_set_up    (Fixture *f, gconstpointer data);
/* Removes a test's temporary directory and everything in it. */
void         fixture_remove_tree (const char *dir);
void         fixture_tear_down (Fixture *f, gconstpointer data);
/* An adult CCCD identity (the first person of tests/sim/people.json). */
TdnIdentity *fixture_identity  (const char *id, const char *name, const char *dob_compact);
/* Emits `identity` from the card reader. */
void         fixture_read_card (Fixture *f, const char *id, const char *name, const char *dob);
/* Through CONFIRM_IDENTITY, clinic NOI, priority none, to CONFIRM. */
void         fixture_to_confirm (Fixture *f);
