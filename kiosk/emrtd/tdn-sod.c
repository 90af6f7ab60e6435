/* tdn-sod.c — EF.SOD: the LDS security object in CMS SignedData (ICAO 9303-10 §4.6.2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <openssl/objects.h>

#include "tdn-sod-private.h"

G_DEFINE_QUARK (tdn-sod-error-quark, tdn_sod_error)

/* id-icao-mrtd-security-ldsSecurityObject 2.23.136.1.1.1 */
static const guint8 OID_LDS_SECURITY_OBJECT[] = { 0x67, 0x81, 0x08, 0x01, 0x01, 0x01 };

/* LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm,
 *   dataGroupHashValues SEQUENCE OF DataGroupHash, ldsVersionInfo OPTIONAL } */
static gboolean
parse_lds_security_object (TdnSod  *self,
                           GError **error)
{
  const TdnTlv *econtent = &self->signed_data.econtent;
  TdnTlvReader r, hashes;
  TdnTlv lso, version, alg, list, entry;
  g_autoptr(GError) local = NULL;

  tdn_tlv_reader_init (&r, econtent->value, econtent->length);
  if (!tdn_der_expect (&r, 0x30, "LDSSecurityObject", &lso, error))
    return FALSE;
  tdn_tlv_reader_init (&r, lso.value, lso.length);
  if (!tdn_der_expect (&r, 0x02, "LDSSecurityObject version", &version, error)
      || !tdn_der_expect (&r, 0x30, "hashAlgorithm", &alg, error)
      || !tdn_der_expect (&r, 0x30, "dataGroupHashValues", &list, error))
    return FALSE;
  if (!tdn_der_small_uint (&version, &self->lds_version) || self->lds_version > 1)
    {
      g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_UNSUPPORTED,
                   "LDSSecurityObject version not 0 or 1");
      return FALSE;
    }
  self->hash_md = tdn_der_digest (tdn_der_algorithm_nid (&alg));
  if (self->hash_md == NULL)
    {
      g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_UNSUPPORTED,
                           "unknown data group hash algorithm");
      return FALSE;
    }

  tdn_tlv_reader_init (&hashes, list.value, list.length);
  while (tdn_tlv_reader_next (&hashes, &entry, &local))
    {
      TdnTlvReader e;
      TdnTlv number, hash;
      guint n;

      tdn_tlv_reader_init (&e, entry.value, entry.length);
      if (entry.tag != 0x30
          || !tdn_der_expect (&e, 0x02, "dataGroupNumber", &number, error)
          || !tdn_der_expect (&e, 0x04, "dataGroupHashValue", &hash, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                                 "DataGroupHash is not a SEQUENCE");
          return FALSE;
        }
      if (!tdn_der_small_uint (&number, &n) || n < 1 || n > TDN_SOD_MAX_DG)
        {
          g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                               "data group number out of range 1..16");
          return FALSE;
        }
      if (self->dg_hash[n].tag != 0)
        {
          g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                       "data group %u listed twice", n);
          return FALSE;
        }
      if (hash.length != (gsize) EVP_MD_get_size (self->hash_md))
        {
          g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                       "hash of data group %u has %zu bytes, %s has %d", n, hash.length,
                       EVP_MD_get0_name (self->hash_md), EVP_MD_get_size (self->hash_md));
          return FALSE;
        }
      self->dg_hash[n] = hash;
    }
  if (local != NULL)
    {
      g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED, "dataGroupHashValues: %s",
                   local->message);
      return FALSE;
    }
  for (guint n = 1; n <= TDN_SOD_MAX_DG; n++)
    if (self->dg_hash[n].tag != 0)
      self->dgs[self->n_dgs++] = n;
  if (self->n_dgs == 0)
    {
      g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                           "SOD lists no data group");
      return FALSE;
    }
  return TRUE;
}

static TdnSod *parse (const guint8 *data, gsize len, GError **error);

/* 77 L (or 77 80 … 00 00) around a BER ContentInfo → 77 L around DER. */
static GBytes *
ber_to_der (const guint8 *data,
            gsize         len)
{
  g_autoptr(GBytes) inner = NULL;
  g_autoptr(GByteArray) out = NULL;
  guint32 tag = 0;
  gsize value_len = 0, header_len = 0;
  const guint8 *value;

  if (len >= 2 && data[0] == 0x77 && data[1] == 0x80)
    {
      value = data + 2;
      value_len = len - 2;
    }
  else if (tdn_tlv_parse_header (data, len, &tag, &value_len, &header_len, NULL)
           && tag == 0x77 && value_len <= len - header_len)
    value = data + header_len;
  else
    return NULL;
  inner = tdn_cms_to_der (value, value_len);
  if (inner == NULL)
    return NULL;
  out = g_byte_array_new ();
  tdn_der_append (out, 0x77, g_bytes_get_data (inner, NULL), g_bytes_get_size (inner));
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

TdnSod *
tdn_sod_parse (const guint8 *data,
               gsize         len,
               GError      **error)
{
  g_autoptr(GError) local = NULL;
  TdnSod *sod;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  sod = parse (data, len, &local);
  if (sod == NULL)
    {
      /* Some issuers write BER: normalise through OpenSSL and try once more. */
      g_autoptr(GBytes) der = ber_to_der (data, len);

      if (der != NULL)
        sod = parse (g_bytes_get_data (der, NULL), g_bytes_get_size (der), NULL);
    }
  if (sod == NULL && local == NULL)
    g_set_error_literal (&local, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED, "malformed");
  if (sod == NULL)
    g_set_error (error, TDN_SOD_ERROR, local->code,
                 _("The chip's security data (EF.SOD) cannot be used (%s); check the "
                   "card's printed data by eye."), local->message);
  return sod;
}

static TdnSod *
parse (const guint8 *data,
       gsize         len,
       GError      **error)
{
  g_autoptr(TdnSod) self = NULL;
  TdnTlvReader r;
  TdnTlv wrapper, extra;
  const guint8 *copy;
  gsize copy_len;

  self = g_new0 (TdnSod, 1);
  self->bytes = g_bytes_new (data, len);
  copy = g_bytes_get_data (self->bytes, &copy_len);

  tdn_tlv_reader_init (&r, copy, copy_len);
  if (!tdn_der_expect (&r, 0x77, "EF.SOD", &wrapper, error))
    return NULL;
  if (tdn_tlv_reader_next (&r, &extra, NULL))
    {
      g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                           "data after the EF.SOD object");
      return NULL;
    }
  if (!tdn_signed_data_parse (&self->signed_data, wrapper.value, wrapper.length, error))
    return NULL;
  if (!tdn_der_oid_equal (&self->signed_data.econtent_type, OID_LDS_SECURITY_OBJECT,
                          sizeof OID_LDS_SECURITY_OBJECT))
    {
      g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                           "SignedData does not hold an LDS security object");
      return NULL;
    }
  if (!parse_lds_security_object (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
tdn_sod_free (TdnSod *self)
{
  if (self == NULL)
    return;
  tdn_signed_data_clear (&self->signed_data);
  g_bytes_unref (self->bytes);
  g_free (self);
}

guint
tdn_sod_get_lds_version (const TdnSod *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lds_version;
}

const char *
tdn_sod_get_hash_algorithm (const TdnSod *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return EVP_MD_get0_name (self->hash_md);
}

const guint *
tdn_sod_get_data_groups (const TdnSod *self,
                         gsize        *n_data_groups)
{
  g_return_val_if_fail (self != NULL && n_data_groups != NULL, NULL);
  *n_data_groups = self->n_dgs;
  return self->dgs;
}

const guint8 *
tdn_sod_get_data_group_hash (const TdnSod *self,
                             guint         number,
                             gsize        *hash_len)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (number < 1 || number > TDN_SOD_MAX_DG || self->dg_hash[number].tag == 0)
    return NULL;
  if (hash_len != NULL)
    *hash_len = self->dg_hash[number].length;
  return self->dg_hash[number].value;
}

guint
tdn_sod_get_n_certificates (const TdnSod *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->signed_data.certificates->len;
}

GBytes *
tdn_sod_get_certificate (const TdnSod *self,
                         guint         index)
{
  const TdnTlv *cert;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->signed_data.certificates->len, NULL);
  cert = &g_array_index (self->signed_data.certificates, TdnTlv, index);
  return g_bytes_new (tdn_der_start (cert), tdn_der_size (cert));
}
