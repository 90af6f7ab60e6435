/* tdn-sim-card.h — a chip reader that "reads" demo patients
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TdnIdentityReader of kind card for the demo, the tests and the
 * benchmark: placing a demo person's card emits ::reading, then after the
 * configured read time ::identity with assurance chip+pa (or ::failed for
 * a card whose chip is broken). It can be unplugged and plugged back.
 */
#pragma once

#include "tdn-demo-people.h"
#include "tdn-identity-reader.h"

G_BEGIN_DECLS

#define TDN_TYPE_SIM_CARD (tdn_sim_card_get_type ())
G_DECLARE_FINAL_TYPE (TdnSimCard, tdn_sim_card, TDN, SIM_CARD, GObject)

/* `read_ms`: how long a read takes (0: at the next main-loop turn). */
TdnIdentityReader *tdn_sim_card_new       (guint read_ms) G_GNUC_WARN_UNUSED_RESULT;
/* FALSE when unplugged or a card is on the reader already. */
gboolean           tdn_sim_card_place     (TdnSimCard          *self,
                                           const TdnDemoPerson *person);
/* Takes the card off (a read in progress fails with ::card-removed). */
void               tdn_sim_card_remove    (TdnSimCard          *self);
void               tdn_sim_card_plug      (TdnSimCard          *self,
                                           gboolean             plugged);
gboolean           tdn_sim_card_has_card  (TdnSimCard          *self);

G_END_DECLS
