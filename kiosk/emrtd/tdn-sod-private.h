/* tdn-sod-private.h — EF.SOD internals shared with passive authentication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-cms-private.h"
#include "tdn-sod.h"

G_BEGIN_DECLS

#define TDN_SOD_MAX_DG 16

struct _TdnSod {
  GBytes        *bytes;      /* own copy; everything below points into it */
  TdnSignedData  signed_data;
  guint          lds_version;
  const EVP_MD  *hash_md;
  guint          dgs[TDN_SOD_MAX_DG];
  gsize          n_dgs;
  TdnTlv         dg_hash[TDN_SOD_MAX_DG + 1]; /* indexed by number; tag 0 = absent */
};

G_END_DECLS
