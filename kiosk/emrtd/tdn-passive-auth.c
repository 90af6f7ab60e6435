/* tdn-passive-auth.c — passive authentication of a chip (ICAO 9303-11 §5.1)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/x509v3.h>

#include "tdn-clock.h"
#include "tdn-csca-store-private.h"
#include "tdn-passive-auth.h"
#include "tdn-sod-private.h"

static void
set_result (TdnPassiveAuthResult *result,
            TdnPassiveAuthStatus  status,
            TdnPassiveAuthReason  reason,
            const char           *format,
            ...) G_GNUC_PRINTF (4, 5);

static void
set_result (TdnPassiveAuthResult *result,
            TdnPassiveAuthStatus  status,
            TdnPassiveAuthReason  reason,
            const char           *format,
            ...)
{
  va_list args;

  result->status = status;
  result->reason = reason;
  g_free (result->detail);
  va_start (args, format);
  result->detail = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Every data group read must be listed with the same hash. */
static gboolean
check_data_groups (const TdnSod          *sod,
                   const TdnDataGroupRef *dgs,
                   gsize                  n_dgs,
                   TdnPassiveAuthResult  *result)
{
  for (gsize i = 0; i < n_dgs; i++)
    {
      guint8 digest[EVP_MAX_MD_SIZE];
      unsigned int digest_len = 0;
      const guint8 *want;
      gsize want_len = 0;

      want = tdn_sod_get_data_group_hash (sod, dgs[i].number, &want_len);
      result->data_group = dgs[i].number;
      if (want == NULL)
        {
          set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DG_NOT_IN_SOD,
                      "DG%u was read but the SOD does not list it", dgs[i].number);
          return FALSE;
        }
      if (EVP_Digest (dgs[i].data, dgs[i].len, digest, &digest_len, sod->hash_md, NULL) != 1)
        {
          set_result (result, TDN_PASSIVE_AUTH_NOT_CHECKED,
                      TDN_PASSIVE_AUTH_REASON_UNSUPPORTED_ALGORITHM,
                      "cannot compute %s", EVP_MD_get0_name (sod->hash_md));
          return FALSE;
        }
      if (digest_len != want_len || CRYPTO_memcmp (digest, want, want_len) != 0)
        {
          set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DG_HASH_MISMATCH,
                      "DG%u does not have the hash the SOD lists", dgs[i].number);
          return FALSE;
        }
    }
  result->data_group = 0;
  return TRUE;
}

/* Validity against `now`: not-yet-valid fails; expired is the policy's call. */
static gboolean
check_validity (X509                 *cert,
                const char           *what,
                time_t               *now,
                TdnPassiveAuthFlags   flags,
                TdnPassiveAuthResult *result)
{
  if (X509_cmp_time (X509_get0_notBefore (cert), now) >= 0)
    {
      set_result (result, TDN_PASSIVE_AUTH_INVALID,
                  TDN_PASSIVE_AUTH_REASON_CERTIFICATE_NOT_YET_VALID,
                  "the %s certificate is not valid yet (is the kiosk clock right?)", what);
      return FALSE;
    }
  if (X509_cmp_time (X509_get0_notAfter (cert), now) <= 0)
    {
      result->certificate_expired = TRUE;
      if (flags & TDN_PASSIVE_AUTH_REJECT_EXPIRED)
        {
          set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_CERTIFICATE_EXPIRED,
                      "the %s certificate has expired", what);
          return FALSE;
        }
    }
  return TRUE;
}

static void
check_chain (TdnCscaStore         *store,
             X509                 *ds,
             time_t               *now,
             TdnPassiveAuthFlags   flags,
             TdnPassiveAuthResult *result)
{
  X509 *csca = NULL;
  TdnCscaLookup lookup;

  if (!check_validity (ds, "document signer", now, flags, result))
    return;
  lookup = store != NULL ? tdn_csca_store_find_issuer (store, ds, &csca)
                         : TDN_CSCA_LOOKUP_NOT_FOUND;
  if (lookup == TDN_CSCA_LOOKUP_NOT_FOUND)
    {
      set_result (result, TDN_PASSIVE_AUTH_UNTRUSTED_CSCA, TDN_PASSIVE_AUTH_REASON_CSCA_NOT_FOUND,
                  "the chip data is signed, but no trusted CSCA issued the document signer");
      return;
    }
  if (lookup == TDN_CSCA_LOOKUP_BAD_SIGNATURE)
    {
      set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DS_SIGNATURE_INVALID,
                  "the document signer certificate names a trusted CSCA that did not sign it");
      return;
    }
  if (check_validity (csca, "CSCA", now, flags, result))
    {
      /* Chain model: the CSCA must have been valid when the DS was issued. */
      if (ASN1_TIME_compare (X509_get0_notBefore (ds), X509_get0_notBefore (csca)) < 0
          || ASN1_TIME_compare (X509_get0_notBefore (ds), X509_get0_notAfter (csca)) > 0)
        set_result (result, TDN_PASSIVE_AUTH_INVALID,
                    TDN_PASSIVE_AUTH_REASON_DS_ISSUED_OUTSIDE_CSCA_VALIDITY,
                    "the document signer was issued outside its CSCA's validity");
      else
        set_result (result, TDN_PASSIVE_AUTH_VALID, TDN_PASSIVE_AUTH_REASON_NONE,
                    result->certificate_expired
                    ? "signed by a trusted CSCA (certificate expired, accepted by policy)"
                    : "signed by a trusted CSCA");
    }
  X509_free (csca);
}

void
tdn_passive_auth_verify (TdnCscaStore          *store,
                         const guint8          *sod_data,
                         gsize                  sod_len,
                         const TdnDataGroupRef *data_groups,
                         gsize                  n_data_groups,
                         TdnPassiveAuthFlags    flags,
                         TdnPassiveAuthResult  *result)
{
  g_autoptr(TdnSod) sod = NULL;
  g_autoptr(GError) error = NULL;
  X509 *ds = NULL;
  EVP_PKEY *key = NULL;
  time_t now;

  g_return_if_fail (result != NULL);
  g_return_if_fail (store == NULL || TDN_IS_CSCA_STORE (store));
  g_return_if_fail (data_groups != NULL || n_data_groups == 0);

  memset (result, 0, sizeof *result);
  if (sod_data == NULL || sod_len == 0)
    {
      set_result (result, TDN_PASSIVE_AUTH_NOT_CHECKED, TDN_PASSIVE_AUTH_REASON_NO_SOD,
                  "no EF.SOD was read");
      return;
    }
  sod = tdn_sod_parse (sod_data, sod_len, &error);
  if (sod == NULL)
    {
      if (g_error_matches (error, TDN_SOD_ERROR, TDN_SOD_ERROR_UNSUPPORTED))
        set_result (result, TDN_PASSIVE_AUTH_NOT_CHECKED,
                    TDN_PASSIVE_AUTH_REASON_UNSUPPORTED_ALGORITHM, "EF.SOD: %s", error->message);
      else
        set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_SOD_MALFORMED,
                    "EF.SOD: %s", error->message);
      return;
    }
  if (!check_data_groups (sod, data_groups, n_data_groups, result))
    return;

  ds = tdn_signed_data_get_signer (&sod->signed_data);
  if (ds == NULL)
    {
      if (sod->signed_data.certificates->len == 0)
        set_result (result, TDN_PASSIVE_AUTH_NOT_CHECKED, TDN_PASSIVE_AUTH_REASON_NO_DS_CERTIFICATE,
                    "EF.SOD carries no document signer certificate");
      else
        set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DS_CERTIFICATE_BAD,
                    "no certificate in EF.SOD matches its signer");
      return;
    }
  key = tdn_cms_public_key (ds);
  if (key == NULL
      || ((X509_get_extension_flags (ds) & EXFLAG_KUSAGE)
          && !(X509_get_key_usage (ds) & KU_DIGITAL_SIGNATURE)))
    {
      set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_DS_CERTIFICATE_BAD,
                  "the document signer certificate may not sign documents");
      goto out;
    }
  switch (tdn_signed_data_verify (&sod->signed_data, key))
    {
    case TDN_CMS_VERIFY_OK:
      now = (time_t) (tdn_clock_get_real () / G_USEC_PER_SEC);
      check_chain (store, ds, &now, flags, result);
      break;
    case TDN_CMS_VERIFY_UNSUPPORTED:
      set_result (result, TDN_PASSIVE_AUTH_NOT_CHECKED,
                  TDN_PASSIVE_AUTH_REASON_UNSUPPORTED_ALGORITHM,
                  "EF.SOD signature algorithm not supported or not fitting the key");
      break;
    case TDN_CMS_VERIFY_BAD_SIGNATURE:
      set_result (result, TDN_PASSIVE_AUTH_INVALID, TDN_PASSIVE_AUTH_REASON_SIGNATURE_INVALID,
                  "EF.SOD signature is not valid");
      break;
    case TDN_CMS_VERIFY_DIGEST_MISMATCH:
      set_result (result, TDN_PASSIVE_AUTH_INVALID,
                  TDN_PASSIVE_AUTH_REASON_CONTENT_DIGEST_MISMATCH,
                  "EF.SOD content does not match its signed digest");
      break;
    }
out:
  EVP_PKEY_free (key);
  X509_free (ds);
}

void
tdn_passive_auth_result_clear (TdnPassiveAuthResult *result)
{
  g_return_if_fail (result != NULL);
  g_clear_pointer (&result->detail, g_free);
  memset (result, 0, sizeof *result);
}

TdnPassiveAuthFlags
tdn_passive_auth_flags_from_config (TdnConfig *config)
{
  g_return_val_if_fail (TDN_IS_CONFIG (config), TDN_PASSIVE_AUTH_DEFAULT);
  return tdn_config_get_bool (config, "reader", "reject_expired_signer_certificates")
         ? TDN_PASSIVE_AUTH_REJECT_EXPIRED : TDN_PASSIVE_AUTH_DEFAULT;
}

const char *
tdn_passive_auth_status_to_string (TdnPassiveAuthStatus status)
{
  switch (status)
    {
    case TDN_PASSIVE_AUTH_NOT_CHECKED: return "not_checked";
    case TDN_PASSIVE_AUTH_VALID: return "valid";
    case TDN_PASSIVE_AUTH_INVALID: return "invalid";
    case TDN_PASSIVE_AUTH_UNTRUSTED_CSCA: return "untrusted_csca";
    }
  g_return_val_if_reached ("not_checked");
}

const char *
tdn_passive_auth_reason_to_string (TdnPassiveAuthReason reason)
{
  static const char * const names[] = {
    [TDN_PASSIVE_AUTH_REASON_NONE] = "",
    [TDN_PASSIVE_AUTH_REASON_NO_SOD] = "no_sod",
    [TDN_PASSIVE_AUTH_REASON_SOD_MALFORMED] = "sod_malformed",
    [TDN_PASSIVE_AUTH_REASON_UNSUPPORTED_ALGORITHM] = "unsupported_algorithm",
    [TDN_PASSIVE_AUTH_REASON_DG_HASH_MISMATCH] = "dg_hash_mismatch",
    [TDN_PASSIVE_AUTH_REASON_DG_NOT_IN_SOD] = "dg_not_in_sod",
    [TDN_PASSIVE_AUTH_REASON_NO_DS_CERTIFICATE] = "no_ds_certificate",
    [TDN_PASSIVE_AUTH_REASON_DS_CERTIFICATE_BAD] = "ds_certificate_bad",
    [TDN_PASSIVE_AUTH_REASON_SIGNATURE_INVALID] = "signature_invalid",
    [TDN_PASSIVE_AUTH_REASON_CONTENT_DIGEST_MISMATCH] = "content_digest_mismatch",
    [TDN_PASSIVE_AUTH_REASON_CERTIFICATE_NOT_YET_VALID] = "certificate_not_yet_valid",
    [TDN_PASSIVE_AUTH_REASON_CERTIFICATE_EXPIRED] = "certificate_expired",
    [TDN_PASSIVE_AUTH_REASON_DS_ISSUED_OUTSIDE_CSCA_VALIDITY] = "ds_issued_outside_csca_validity",
    [TDN_PASSIVE_AUTH_REASON_CSCA_NOT_FOUND] = "csca_not_found",
    [TDN_PASSIVE_AUTH_REASON_DS_SIGNATURE_INVALID] = "ds_signature_invalid",
  };

  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (names), "");
  return names[reason];
}
