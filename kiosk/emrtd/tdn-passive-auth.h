/* tdn-passive-auth.h — passive authentication of a chip (ICAO 9303-11 §5.1)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks, in this order:
 *   1. EF.SOD parses (tdn-sod.h);
 *   2. every data group read has the hash the SOD lists for it (a group
 *      listed but not read is fine; a group read but not listed is not);
 *   3. the SignerInfo signature over the signed attributes, with the
 *      document signer (DS) certificate carried in the SOD, and that the
 *      messageDigest attribute is the hash of the LDS security object;
 *   4. the DS certificate is issued by a CSCA in the trust store.
 * Algorithms: SHA-1/224/256/384/512; RSA PKCS#1 v1.5, RSASSA-PSS; ECDSA on
 * prime and brainpool curves, including keys with explicit curve
 * parameters (matched to the named curve when they equal one), DER or
 * BSI plain (r ‖ s) signatures. BER-encoded SODs are read too.
 *
 * Time and expiry (docs/adr/0250-passive-auth-trust-and-expiry.md): the
 * time of check is now (tdn_clock). A DS or CSCA certificate that is not
 * yet valid makes the result `invalid`. An expired DS certificate is normal
 * (a DS signs for a few months, CCCDs live for decades): by default the
 * result stays `valid` with `certificate_expired` set; with
 * TDN_PASSIVE_AUTH_REJECT_EXPIRED (config
 * reader.reject_expired_signer_certificates) it is `invalid`. The DS must have been
 * issued while the CSCA was valid. No CRLs are consulted.
 */
#pragma once

#include <glib.h>

#include "tdn-csca-store.h"

G_BEGIN_DECLS

typedef enum {
  TDN_PASSIVE_AUTH_NOT_CHECKED,    /* no SOD, or no DS certificate to check with */
  TDN_PASSIVE_AUTH_VALID,          /* signed by a DS under a trusted CSCA, hashes match */
  TDN_PASSIVE_AUTH_INVALID,        /* forged, altered or malformed */
  TDN_PASSIVE_AUTH_UNTRUSTED_CSCA, /* signature and hashes good, but no trusted CSCA issued the DS */
} TdnPassiveAuthStatus;

typedef enum {
  TDN_PASSIVE_AUTH_REASON_NONE,
  TDN_PASSIVE_AUTH_REASON_NO_SOD,
  TDN_PASSIVE_AUTH_REASON_SOD_MALFORMED,
  TDN_PASSIVE_AUTH_REASON_UNSUPPORTED_ALGORITHM,
  TDN_PASSIVE_AUTH_REASON_DG_HASH_MISMATCH,
  TDN_PASSIVE_AUTH_REASON_DG_NOT_IN_SOD,
  TDN_PASSIVE_AUTH_REASON_NO_DS_CERTIFICATE,
  TDN_PASSIVE_AUTH_REASON_DS_CERTIFICATE_BAD,      /* unparsable, wrong key usage */
  TDN_PASSIVE_AUTH_REASON_SIGNATURE_INVALID,
  TDN_PASSIVE_AUTH_REASON_CONTENT_DIGEST_MISMATCH, /* messageDigest != hash(eContent) */
  TDN_PASSIVE_AUTH_REASON_CERTIFICATE_NOT_YET_VALID,
  TDN_PASSIVE_AUTH_REASON_CERTIFICATE_EXPIRED,     /* only with REJECT_EXPIRED */
  TDN_PASSIVE_AUTH_REASON_DS_ISSUED_OUTSIDE_CSCA_VALIDITY,
  TDN_PASSIVE_AUTH_REASON_CSCA_NOT_FOUND,
  TDN_PASSIVE_AUTH_REASON_DS_SIGNATURE_INVALID,    /* CSCA found by name/key id, signature bad */
} TdnPassiveAuthReason;

typedef enum {
  TDN_PASSIVE_AUTH_DEFAULT        = 0,
  TDN_PASSIVE_AUTH_REJECT_EXPIRED = 1 << 0,
} TdnPassiveAuthFlags;

/* One data group as read from the card (the whole file, tag included). */
typedef struct {
  guint         number;  /* 1..16 */
  const guint8 *data;
  gsize         len;
} TdnDataGroupRef;

typedef struct {
  TdnPassiveAuthStatus status;
  TdnPassiveAuthReason reason;
  /* The DS or CSCA certificate has expired (accepted by the policy). */
  gboolean             certificate_expired;
  /* Data group whose hash failed or that is missing from the SOD, else 0. */
  guint                data_group;
  /* English one-line detail for logs; no personal data. */
  char                *detail;
} TdnPassiveAuthResult;

/* Never fails: every problem is a status and a reason. `store` may be NULL
 * (nothing trusted: at best UNTRUSTED_CSCA); `sod` NULL gives NOT_CHECKED. */
void tdn_passive_auth_verify (TdnCscaStore          *store,
                              const guint8          *sod,
                              gsize                  sod_len,
                              const TdnDataGroupRef *data_groups,
                              gsize                  n_data_groups,
                              TdnPassiveAuthFlags    flags,
                              TdnPassiveAuthResult  *result);
void tdn_passive_auth_result_clear (TdnPassiveAuthResult *result);
/* TDN_PASSIVE_AUTH_REJECT_EXPIRED when
 * reader.reject_expired_signer_certificates is set. */
TdnPassiveAuthFlags tdn_passive_auth_flags_from_config (TdnConfig *config);

/* Stable names for tiepdonctl JSON: "valid", "invalid", "untrusted_csca",
 * "not_checked"; reasons "dg_hash_mismatch", ... ("" for NONE). */
const char *tdn_passive_auth_status_to_string (TdnPassiveAuthStatus status);
const char *tdn_passive_auth_reason_to_string (TdnPassiveAuthReason reason);

G_END_DECLS
