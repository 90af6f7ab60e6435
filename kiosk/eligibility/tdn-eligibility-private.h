/* tdn-eligibility-private.h — helpers shared inside kiosk/eligibility
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-eligibility.h"

G_BEGIN_DECLS

void        tdn_eligibility_set_message    (TdnEligibility *self,
                                            const char     *msgid);
const char *tdn_eligibility_new_card_msgid (void);
const char *tdn_eligibility_config_error_msgid (void);

G_END_DECLS
