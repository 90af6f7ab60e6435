/* tdn-cms-private.h — CMS SignedData as ICAO uses it (EF.SOD, master lists), emrtd internals
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A DER walker over tdn-tlv that never trusts a length, and the signature
 * check of one SignerInfo with OpenSSL EVP (no OpenSSL CMS code, so EC keys
 * with explicit curve parameters and RSASSA-PSS parameters are under our
 * control). Everything points into the caller's buffer.
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "tdn-tlv.h"

G_BEGIN_DECLS

typedef struct {
  TdnTlv   econtent_type;   /* OBJECT IDENTIFIER */
  TdnTlv   econtent;        /* OCTET STRING inside [0] */
  GArray  *certificates;    /* of TdnTlv, each a whole Certificate */
  gboolean sid_is_ski;
  TdnTlv   sid;             /* IssuerAndSerialNumber SEQUENCE, or the SKI OCTET STRING */
  TdnTlv   digest_alg;      /* AlgorithmIdentifier */
  gboolean has_signed_attrs;
  TdnTlv   signed_attrs;    /* [0] IMPLICIT SET OF Attribute */
  TdnTlv   attr_content_type;   /* OBJECT IDENTIFIER, tag 0 when absent */
  TdnTlv   attr_message_digest; /* OCTET STRING, tag 0 when absent */
  TdnTlv   sig_alg;         /* AlgorithmIdentifier */
  TdnTlv   signature;       /* OCTET STRING */
} TdnSignedData;

typedef enum {
  TDN_CMS_VERIFY_OK,
  TDN_CMS_VERIFY_UNSUPPORTED,     /* algorithm unknown, or does not fit the key */
  TDN_CMS_VERIFY_BAD_SIGNATURE,
  TDN_CMS_VERIFY_DIGEST_MISMATCH, /* messageDigest or contentType attribute wrong */
} TdnCmsVerify;

/* Next element of `reader`; it must exist and carry `tag`. Errors are
 * TDN_SOD_ERROR_MALFORMED naming `what`. */
gboolean      tdn_der_expect          (TdnTlvReader *reader,
                                       guint32       tag,
                                       const char   *what,
                                       TdnTlv       *out,
                                       GError      **error);
/* The whole TLV (header + value) of `tlv`. */
const guint8 *tdn_der_start           (const TdnTlv *tlv);
gsize         tdn_der_size            (const TdnTlv *tlv);
/* NID of an OBJECT IDENTIFIER TLV, or of an AlgorithmIdentifier's OID;
 * NID_undef when unknown or malformed. */
int           tdn_der_oid_nid         (const TdnTlv *oid);
int           tdn_der_algorithm_nid   (const TdnTlv *algorithm_identifier);
gboolean      tdn_der_oid_equal       (const TdnTlv *oid,
                                       const guint8 *value,
                                       gsize         len);
/* SHA-1 or SHA-2 (224/256/384/512) for `nid`, else NULL: ICAO allows
 * nothing else, and MD5 or unknown digests are never trusted. */
const EVP_MD *tdn_der_digest          (int nid);
/* Non-negative small INTEGER; FALSE when negative or too big. */
gboolean      tdn_der_small_uint      (const TdnTlv *integer,
                                       guint        *out);

/* Appends tag ‖ DER length ‖ value to `out`. */
void          tdn_der_append          (GByteArray   *out,
                                       guint8        tag,
                                       const guint8 *value,
                                       gsize         len);

/* A BER ContentInfo (indefinite lengths, constructed OCTET STRINGs: what
 * some issuers write) re-encoded as DER by OpenSSL's CMS code, or NULL when
 * OpenSSL cannot read it. Signed attributes are DER by rule and keep their
 * bytes; eContent keeps its octets, so signatures and digests still hold. */
GBytes       *tdn_cms_to_der          (const guint8 *data,
                                       gsize         len) G_GNUC_WARN_UNUSED_RESULT;

/* Parses a ContentInfo holding SignedData with exactly one SignerInfo.
 * `data` must stay alive as long as `out`. */
gboolean      tdn_signed_data_parse   (TdnSignedData *out,
                                       const guint8  *data,
                                       gsize          len,
                                       GError       **error);
void          tdn_signed_data_clear   (TdnSignedData *self);
/* The certificate the SignerInfo names, from the SignedData's own
 * certificates; NULL if not there. */
X509         *tdn_signed_data_get_signer (const TdnSignedData *self) G_GNUC_WARN_UNUSED_RESULT;
/* Checks the signature with `key` and the signed attributes. */
TdnCmsVerify  tdn_signed_data_verify  (const TdnSignedData *self,
                                       EVP_PKEY            *key);

/* Plain r ‖ s (BSI TR-03111, each half of `len`) as a DER
 * ECDSA-Sig-Value; free with OPENSSL_free(). NULL when `len` is odd. */
guint8       *tdn_cms_ecdsa_plain_to_der (const guint8 *plain,
                                          gsize         len,
                                          gsize        *der_len) G_GNUC_WARN_UNUSED_RESULT;

/* The certificate's public key; an EC key with explicit parameters that
 * equal a named curve comes back as a named-curve key (OpenSSL 3 refuses
 * explicit parameters in some paths). */
EVP_PKEY     *tdn_cms_public_key      (X509 *cert) G_GNUC_WARN_UNUSED_RESULT;
/* The same for any public key (a new reference; NULL gives NULL). */
EVP_PKEY     *tdn_cms_normalise_key   (EVP_PKEY *pkey) G_GNUC_WARN_UNUSED_RESULT;
/* Parses one DER certificate exactly spanning `tlv`. */
X509         *tdn_cms_x509_from_tlv   (const TdnTlv *tlv) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TdnSignedData, tdn_signed_data_clear)

G_END_DECLS
