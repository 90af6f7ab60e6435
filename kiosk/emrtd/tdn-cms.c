/* tdn-cms.c — CMS SignedData as ICAO uses it (EF.SOD, master lists)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/core_names.h>
#include <openssl/cms.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include "tdn-cms-private.h"
#include "tdn-sod.h"

static const guint8 OID_SIGNED_DATA[] = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02 };

gboolean
tdn_der_expect (TdnTlvReader *reader,
                guint32       tag,
                const char   *what,
                TdnTlv       *out,
                GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (!tdn_tlv_reader_next (reader, out, &local))
    {
      g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED, "%s: %s", what,
                   local != NULL ? local->message : "missing");
      return FALSE;
    }
  if (out->tag != tag)
    {
      g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                   "%s: tag %X where %X belongs", what, out->tag, tag);
      return FALSE;
    }
  return TRUE;
}

/* Next element if it carries `tag`; otherwise the reader does not move. */
static gboolean
der_optional (TdnTlvReader *reader,
              guint32       tag,
              TdnTlv       *out)
{
  TdnTlvReader peek = *reader;

  if (!tdn_tlv_reader_next (&peek, out, NULL) || out->tag != tag)
    return FALSE;
  *reader = peek;
  return TRUE;
}

const guint8 *
tdn_der_start (const TdnTlv *tlv)
{
  return tlv->value - tlv->header_len;
}

gsize
tdn_der_size (const TdnTlv *tlv)
{
  return tlv->header_len + tlv->length;
}

int
tdn_der_oid_nid (const TdnTlv *oid)
{
  const unsigned char *p;
  ASN1_OBJECT *obj;
  int nid;

  if (oid->tag != 0x06 || oid->length == 0 || tdn_der_size (oid) > G_MAXINT)
    return NID_undef;
  p = tdn_der_start (oid);
  obj = d2i_ASN1_OBJECT (NULL, &p, (long) tdn_der_size (oid));
  if (obj == NULL)
    return NID_undef;
  nid = OBJ_obj2nid (obj);
  ASN1_OBJECT_free (obj);
  return nid;
}

int
tdn_der_algorithm_nid (const TdnTlv *algorithm_identifier)
{
  TdnTlvReader r;
  TdnTlv oid;

  if (algorithm_identifier->tag != 0x30)
    return NID_undef;
  tdn_tlv_reader_init (&r, algorithm_identifier->value, algorithm_identifier->length);
  if (!tdn_der_expect (&r, 0x06, "algorithm", &oid, NULL))
    return NID_undef;
  return tdn_der_oid_nid (&oid);
}

gboolean
tdn_der_oid_equal (const TdnTlv *oid,
                   const guint8 *value,
                   gsize         len)
{
  return oid->tag == 0x06 && oid->length == len && memcmp (oid->value, value, len) == 0;
}

const EVP_MD *
tdn_der_digest (int nid)
{
  switch (nid)
    {
    case NID_sha1: return EVP_sha1 ();
    case NID_sha224: return EVP_sha224 ();
    case NID_sha256: return EVP_sha256 ();
    case NID_sha384: return EVP_sha384 ();
    case NID_sha512: return EVP_sha512 ();
    default: return NULL;
    }
}

gboolean
tdn_der_small_uint (const TdnTlv *integer,
                    guint        *out)
{
  guint v = 0;

  if (integer->tag != 0x02 || integer->length == 0 || integer->length > 4
      || (integer->value[0] & 0x80) != 0)
    return FALSE;
  for (gsize i = 0; i < integer->length; i++)
    v = (v << 8) | integer->value[i];
  *out = v;
  return TRUE;
}

void
tdn_der_append (GByteArray   *out,
                guint8        tag,
                const guint8 *value,
                gsize         len)
{
  guint8 hdr[8];
  gsize n;

  hdr[0] = tag;
  n = tdn_tlv_encode_length (len, hdr + 1);
  g_byte_array_append (out, hdr, (guint) (n + 1));
  g_byte_array_append (out, value, (guint) len);
}

static gboolean
parse_signed_attrs (TdnSignedData *self,
                    GError       **error)
{
  TdnTlvReader r;
  TdnTlv attr;
  g_autoptr(GError) local = NULL;

  tdn_tlv_reader_init (&r, self->signed_attrs.value, self->signed_attrs.length);
  for (;;)
    {
      TdnTlvReader a, values;
      TdnTlv type, set, value;
      int nid;

      if (!tdn_tlv_reader_next (&r, &attr, &local))
        {
          if (local != NULL)
            {
              g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                           "signed attributes: %s", local->message);
              return FALSE;
            }
          break;
        }
      if (attr.tag != 0x30)
        {
          g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                               "signed attributes: not an attribute");
          return FALSE;
        }
      tdn_tlv_reader_init (&a, attr.value, attr.length);
      if (!tdn_der_expect (&a, 0x06, "attribute type", &type, error)
          || !tdn_der_expect (&a, 0x31, "attribute values", &set, error))
        return FALSE;
      nid = tdn_der_oid_nid (&type);
      if (nid != NID_pkcs9_contentType && nid != NID_pkcs9_messageDigest)
        continue;
      tdn_tlv_reader_init (&values, set.value, set.length);
      if (!tdn_der_expect (&values, nid == NID_pkcs9_contentType ? 0x06 : 0x04,
                           "attribute value", &value, error))
        return FALSE;
      if (!tdn_tlv_reader_at_end (&values))
        {
          g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                               "signed attribute with several values");
          return FALSE;
        }
      if ((nid == NID_pkcs9_contentType ? self->attr_content_type.tag
                                        : self->attr_message_digest.tag) != 0)
        {
          g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                               "signed attribute given twice");
          return FALSE;
        }
      if (nid == NID_pkcs9_contentType)
        self->attr_content_type = value;
      else
        self->attr_message_digest = value;
    }
  return TRUE;
}

static gboolean
parse_signer_info (TdnSignedData *self,
                   const TdnTlv  *signer_info,
                   GError       **error)
{
  TdnTlvReader r;
  TdnTlv version;

  tdn_tlv_reader_init (&r, signer_info->value, signer_info->length);
  if (!tdn_der_expect (&r, 0x02, "SignerInfo version", &version, error))
    return FALSE;
  if (der_optional (&r, 0x80, &self->sid))
    self->sid_is_ski = TRUE;
  else if (!tdn_der_expect (&r, 0x30, "SignerInfo sid", &self->sid, error))
    return FALSE;
  if (!tdn_der_expect (&r, 0x30, "SignerInfo digestAlgorithm", &self->digest_alg, error))
    return FALSE;
  self->has_signed_attrs = der_optional (&r, 0xA0, &self->signed_attrs);
  if (!tdn_der_expect (&r, 0x30, "SignerInfo signatureAlgorithm", &self->sig_alg, error)
      || !tdn_der_expect (&r, 0x04, "SignerInfo signature", &self->signature, error))
    return FALSE;
  if (self->has_signed_attrs && !parse_signed_attrs (self, error))
    return FALSE;
  return TRUE;
}

gboolean
tdn_signed_data_parse (TdnSignedData *out,
                       const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  TdnTlvReader r, ci, sd, eci, set;
  TdnTlv content_info, type, explicit0, signed_data, version, digest_algs, encap;
  TdnTlv econtent0, certs, crls, signer_infos, signer_info, extra;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  out->certificates = g_array_new (FALSE, TRUE, sizeof (TdnTlv));

  tdn_tlv_reader_init (&r, data, len);
  if (!tdn_der_expect (&r, 0x30, "ContentInfo", &content_info, error))
    return FALSE;
  tdn_tlv_reader_init (&ci, content_info.value, content_info.length);
  if (!tdn_der_expect (&ci, 0x06, "contentType", &type, error))
    return FALSE;
  if (!tdn_der_oid_equal (&type, OID_SIGNED_DATA, sizeof OID_SIGNED_DATA))
    {
      g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED,
                           "ContentInfo does not hold SignedData");
      return FALSE;
    }
  if (!tdn_der_expect (&ci, 0xA0, "content", &explicit0, error))
    return FALSE;
  tdn_tlv_reader_init (&sd, explicit0.value, explicit0.length);
  if (!tdn_der_expect (&sd, 0x30, "SignedData", &signed_data, error))
    return FALSE;

  tdn_tlv_reader_init (&sd, signed_data.value, signed_data.length);
  if (!tdn_der_expect (&sd, 0x02, "SignedData version", &version, error)
      || !tdn_der_expect (&sd, 0x31, "digestAlgorithms", &digest_algs, error)
      || !tdn_der_expect (&sd, 0x30, "encapContentInfo", &encap, error))
    return FALSE;

  tdn_tlv_reader_init (&eci, encap.value, encap.length);
  if (!tdn_der_expect (&eci, 0x06, "eContentType", &out->econtent_type, error)
      || !tdn_der_expect (&eci, 0xA0, "eContent", &econtent0, error))
    return FALSE;
  tdn_tlv_reader_init (&eci, econtent0.value, econtent0.length);
  if (!tdn_der_expect (&eci, 0x04, "eContent", &out->econtent, error))
    return FALSE;

  if (der_optional (&sd, 0xA0, &certs))
    {
      TdnTlvReader cr;
      TdnTlv cert;
      g_autoptr(GError) local = NULL;

      tdn_tlv_reader_init (&cr, certs.value, certs.length);
      while (tdn_tlv_reader_next (&cr, &cert, &local))
        if (cert.tag == 0x30) /* other certificate choices are not for us */
          g_array_append_val (out->certificates, cert);
      if (local != NULL)
        {
          g_set_error (error, TDN_SOD_ERROR, TDN_SOD_ERROR_MALFORMED, "certificates: %s",
                       local->message);
          return FALSE;
        }
    }
  (void) der_optional (&sd, 0xA1, &crls);
  if (!tdn_der_expect (&sd, 0x31, "signerInfos", &signer_infos, error))
    return FALSE;

  tdn_tlv_reader_init (&set, signer_infos.value, signer_infos.length);
  if (!tdn_der_expect (&set, 0x30, "SignerInfo", &signer_info, error))
    return FALSE;
  if (tdn_tlv_reader_next (&set, &extra, NULL))
    {
      g_set_error_literal (error, TDN_SOD_ERROR, TDN_SOD_ERROR_UNSUPPORTED,
                           "more than one SignerInfo");
      return FALSE;
    }
  return parse_signer_info (out, &signer_info, error);
}

GBytes *
tdn_cms_to_der (const guint8 *data,
                gsize         len)
{
  const unsigned char *p = data;
  unsigned char *der = NULL;
  CMS_ContentInfo *cms;
  GBytes *out = NULL;
  int n;

  if (data == NULL || len == 0 || len > G_MAXINT)
    return NULL;
  cms = d2i_CMS_ContentInfo (NULL, &p, (long) len);
  if (cms == NULL)
    return NULL;
  n = i2d_CMS_ContentInfo (cms, &der);
  if (n > 0)
    out = g_bytes_new (der, (gsize) n);
  OPENSSL_free (der);
  CMS_ContentInfo_free (cms);
  return out;
}

void
tdn_signed_data_clear (TdnSignedData *self)
{
  g_clear_pointer (&self->certificates, g_array_unref);
}

X509 *
tdn_cms_x509_from_tlv (const TdnTlv *tlv)
{
  const unsigned char *p = tdn_der_start (tlv);
  X509 *cert;

  if (tdn_der_size (tlv) > G_MAXINT)
    return NULL;
  cert = d2i_X509 (NULL, &p, (long) tdn_der_size (tlv));
  if (cert != NULL && p != tdn_der_start (tlv) + tdn_der_size (tlv))
    g_clear_pointer (&cert, X509_free);
  return cert;
}

static gboolean
signer_matches (const TdnSignedData *self,
                X509                *cert)
{
  if (self->sid_is_ski)
    {
      const ASN1_OCTET_STRING *ski = X509_get0_subject_key_id (cert);

      return ski != NULL && (gsize) ASN1_STRING_length (ski) == self->sid.length
             && memcmp (ASN1_STRING_get0_data (ski), self->sid.value, self->sid.length) == 0;
    }
  else
    {
      TdnTlvReader r;
      TdnTlv name, serial;
      const unsigned char *p;
      X509_NAME *issuer;
      ASN1_INTEGER *sn;
      gboolean match;

      tdn_tlv_reader_init (&r, self->sid.value, self->sid.length);
      if (!tdn_der_expect (&r, 0x30, "issuer", &name, NULL)
          || !tdn_der_expect (&r, 0x02, "serialNumber", &serial, NULL)
          || tdn_der_size (&name) > G_MAXINT || tdn_der_size (&serial) > G_MAXINT)
        return FALSE;
      p = tdn_der_start (&name);
      issuer = d2i_X509_NAME (NULL, &p, (long) tdn_der_size (&name));
      p = tdn_der_start (&serial);
      sn = d2i_ASN1_INTEGER (NULL, &p, (long) tdn_der_size (&serial));
      match = issuer != NULL && sn != NULL
              && X509_NAME_cmp (issuer, X509_get_issuer_name (cert)) == 0
              && ASN1_INTEGER_cmp (sn, X509_get0_serialNumber (cert)) == 0;
      X509_NAME_free (issuer);
      ASN1_INTEGER_free (sn);
      return match;
    }
}

X509 *
tdn_signed_data_get_signer (const TdnSignedData *self)
{
  for (guint i = 0; i < self->certificates->len; i++)
    {
      X509 *cert = tdn_cms_x509_from_tlv (&g_array_index (self->certificates, TdnTlv, i));

      if (cert != NULL && signer_matches (self, cert))
        return cert;
      X509_free (cert);
    }
  return NULL;
}
