/* tdn-expiry.h — when a CCCD expires, from the date of birth and of issue
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BAC needs the expiry date of the MRZ, which the card's QR code does not
 * give. The law fixes it: cards are renewed at 25, 40 and 60 (Luật CCCD
 * 2014), at 14, 25, 40 and 60 for cards issued from 1 July 2024 (Luật Căn
 * cước 2023); a card issued within two years before a renewal age is
 * valid to the next one; a card issued from two years before 60 never
 * expires. The expiry day is the holder's birthday. Where the law or the
 * calendar leaves room (issue exactly two years before an age, a 29
 * February birthday in a common year), every candidate is returned, most
 * likely first, for BAC to try in turn.
 */
#pragma once

#include "tdn-partial-date.h"

G_BEGIN_DECLS

typedef struct {
  GArray   *dates;       /* TdnPartialDate, complete, most likely first */
  gboolean  lifetime;    /* "Không thời hạn" is a candidate */
} TdnExpiryCandidates;

/* FALSE when the rule cannot say (partial date of birth, issue before
 * birth): use PACE with the CAN instead. */
gboolean tdn_expiry_candidates      (const TdnPartialDate *date_of_birth,
                                     const TdnPartialDate *date_of_issue,
                                     TdnExpiryCandidates  *out);
void     tdn_expiry_candidates_clear (TdnExpiryCandidates *candidates);

G_END_DECLS
