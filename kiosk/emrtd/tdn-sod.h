/* tdn-sod.h — EF.SOD: the LDS security object in CMS SignedData (ICAO 9303-10 §4.6.2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing only: tdn_sod_parse() checks the structure (tag 0x77, ContentInfo,
 * SignedData with one SignerInfo, eContentType id-icao-ldsSecurityObject,
 * LDSSecurityObject v0 or v1) and never trusts a length. Whether the
 * signature is good and whom it chains to is tdn-passive-auth.h's job.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_SOD_ERROR (tdn_sod_error_quark ())
GQuark tdn_sod_error_quark (void);

typedef enum {
  TDN_SOD_ERROR_MALFORMED,   /* bytes are not a well-formed EF.SOD */
  TDN_SOD_ERROR_UNSUPPORTED, /* well formed, but an algorithm or version we do not know */
} TdnSodError;

typedef struct _TdnSod TdnSod;

/* Parses EF.SOD as read from the card (trailing 0x00/0xFF padding after
 * the 0x77 object is accepted). The result keeps its own copy. */
TdnSod       *tdn_sod_parse               (const guint8 *data,
                                           gsize         len,
                                           GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void          tdn_sod_free                (TdnSod       *self);

/* LDSSecurityObject.version: 0, or 1 with LDSVersionInfo. */
guint         tdn_sod_get_lds_version     (const TdnSod *self);
/* Data group hash algorithm as an OpenSSL digest name ("SHA256"). */
const char   *tdn_sod_get_hash_algorithm  (const TdnSod *self);
/* Data group numbers (1..16) listed in the SOD, ascending. */
const guint  *tdn_sod_get_data_groups     (const TdnSod *self,
                                           gsize        *n_data_groups);
/* The hash the SOD lists for data group `number`, or NULL. */
const guint8 *tdn_sod_get_data_group_hash (const TdnSod *self,
                                           guint         number,
                                           gsize        *hash_len);
/* Certificates carried in the SignedData (normally just the DS), DER. */
guint         tdn_sod_get_n_certificates  (const TdnSod *self);
GBytes       *tdn_sod_get_certificate     (const TdnSod *self,
                                           guint         index) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnSod, tdn_sod_free)

G_END_DECLS
