/* tdn-demo-people.h — the demo's patients, from the BHXH simulator's data
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/sim/people.json lists the people the BHXH simulator insures; the
 * ones with a "demo" object are also demo patients: what their ID card's
 * chip and QR say (which may differ from the BHXH record, as in real life),
 * or their BHYT card QR for a child. The same file drives the in-process
 * fixture eligibility, so the demo answers alike with or without a broker.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tdn-identity.h"

G_BEGIN_DECLS

typedef struct {
  char        *key;          /* "mai": what `place-card` takes */
  char        *label_vi;
  char        *label_en;
  TdnIdentity *identity;     /* what the card or QR gives */
  char        *qr_payload;   /* the card's QR (CCCD or BHYT) */
  gboolean     bhyt_qr;      /* no ID card: only the BHYT card QR */
  gboolean     unreadable;   /* the chip fails */
} TdnDemoPerson;

typedef struct _TdnDemoPeople TdnDemoPeople;

/* NULL with an error naming the file. */
TdnDemoPeople       *tdn_demo_people_load        (const char    *path,
                                                  GError       **error);
/* $TIEPDON_DEMO_PEOPLE, else the installed copy (pkgdatadir/demo). */
const char          *tdn_demo_people_default_path (void);
void                 tdn_demo_people_free        (TdnDemoPeople *self);
/* Demo patients in file order. */
guint                tdn_demo_people_count       (TdnDemoPeople *self);
const TdnDemoPerson *tdn_demo_people_get         (TdnDemoPeople *self,
                                                  guint          index);
const TdnDemoPerson *tdn_demo_people_find        (TdnDemoPeople *self,
                                                  const char    *key);
/* The BHXH record (people[] object) whose cccd, maThe or maSoBHXH is
 * `id`, or NULL. */
JsonObject          *tdn_demo_people_record      (TdnDemoPeople *self,
                                                  const char    *id);
const char          *tdn_demo_people_path        (TdnDemoPeople *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnDemoPeople, tdn_demo_people_free)

G_END_DECLS
