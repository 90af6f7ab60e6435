/* tdn-bac.h — Basic Access Control mutual authentication (ICAO 9303-11 §4.3)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-bac-keys.h"
#include "tdn-chip-session.h"

G_BEGIN_DECLS

/* GET CHALLENGE then EXTERNAL AUTHENTICATE with the document basic access
 * keys; on success installs the 3DES session keys and SSC in `session`.
 * A refused key is TDN_CHIP_ERROR_ACCESS_DENIED. `rnd_ifd_k_ifd` (8 + 16
 * bytes) is for tests reproducing ICAO's worked example; NULL draws them
 * from the system's random generator. The eMRTD application must be
 * selected before. */
gboolean tdn_bac_authenticate (TdnChipSession     *session,
                               const TdnBacKeys   *keys,
                               const guint8       *rnd_ifd_k_ifd,
                               GError            **error);

G_END_DECLS
