/* tdn-cms-verify.c — signature check of an ICAO SignerInfo, and public keys from certificates
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The algorithm comes from the SignerInfo, never from the certificate:
 * signatureAlgorithm (sha256WithRSAEncryption, ecdsa-with-SHA384,
 * RSASSA-PSS with its parameters, BSI TR-03111 ecdsa-plain-SHA*, or the
 * bare key type rsaEncryption / id-ecPublicKey, which some countries
 * write, with digestAlgorithm).
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include "tdn-cms-private.h"

/* BSI TR-03111 ecdsa-plain-signatures 0.4.0.127.0.7.1.1.4.1, then
 * 1 SHA-1, 2 SHA-224, 3 SHA-256, 4 SHA-384, 5 SHA-512. */
static const guint8 OID_ECDSA_PLAIN_PREFIX[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x01, 0x01, 0x04, 0x01 };

guint8 *
tdn_cms_ecdsa_plain_to_der (const guint8 *plain,
                            gsize         len,
                            gsize        *der_len)
{
  ECDSA_SIG *sig;
  BIGNUM *r, *s;
  unsigned char *der = NULL;
  int n;

  if (len == 0 || len % 2 != 0 || len > 264)
    return NULL;
  sig = ECDSA_SIG_new ();
  r = BN_bin2bn (plain, (int) (len / 2), NULL);
  s = BN_bin2bn (plain + len / 2, (int) (len / 2), NULL);
  if (sig == NULL || r == NULL || s == NULL || ECDSA_SIG_set0 (sig, r, s) != 1)
    {
      BN_free (r);
      BN_free (s);
      ECDSA_SIG_free (sig);
      return NULL;
    }
  n = i2d_ECDSA_SIG (sig, &der);
  ECDSA_SIG_free (sig);
  if (n <= 0)
    return NULL;
  *der_len = (gsize) n;
  return der;
}

/* The digest of an ecdsa-plain-* signatureAlgorithm, or NULL. */
static const EVP_MD *
ecdsa_plain_md (const TdnTlv *sig_alg)
{
  static const int nids[] = { NID_sha1, NID_sha224, NID_sha256, NID_sha384, NID_sha512 };
  TdnTlvReader r;
  TdnTlv oid;
  guint8 last;

  tdn_tlv_reader_init (&r, sig_alg->value, sig_alg->length);
  if (!tdn_der_expect (&r, 0x06, "algorithm", &oid, NULL)
      || oid.length != sizeof OID_ECDSA_PLAIN_PREFIX + 1
      || memcmp (oid.value, OID_ECDSA_PLAIN_PREFIX, sizeof OID_ECDSA_PLAIN_PREFIX) != 0)
    return NULL;
  last = oid.value[sizeof OID_ECDSA_PLAIN_PREFIX];
  return last >= 1 && last <= 5 ? tdn_der_digest (nids[last - 1]) : NULL;
}

typedef struct {
  const EVP_MD *md;
  const EVP_MD *mgf1_md;
  int           salt_len;
} PssParams;

/* RSASSA-PSS-params (RFC 4055): every field optional with SHA-1 defaults. */
static gboolean
parse_pss_params (const TdnTlv *sig_alg,
                  PssParams    *out)
{
  TdnTlvReader r, p, inner;
  TdnTlv oid, params, field, alg, mgf_oid, mgf_hash;
  guint v;

  out->md = EVP_sha1 ();
  out->mgf1_md = EVP_sha1 ();
  out->salt_len = 20;

  tdn_tlv_reader_init (&r, sig_alg->value, sig_alg->length);
  if (!tdn_der_expect (&r, 0x06, "algorithm", &oid, NULL))
    return FALSE;
  if (!tdn_tlv_reader_next (&r, &params, NULL))
    return TRUE; /* all defaults */
  if (params.tag == 0x05)
    return TRUE;
  if (params.tag != 0x30)
    return FALSE;

  tdn_tlv_reader_init (&p, params.value, params.length);
  while (tdn_tlv_reader_next (&p, &field, NULL))
    {
      tdn_tlv_reader_init (&inner, field.value, field.length);
      switch (field.tag)
        {
        case 0xA0:
          if (!tdn_der_expect (&inner, 0x30, "hashAlgorithm", &alg, NULL)
              || (out->md = tdn_der_digest (tdn_der_algorithm_nid (&alg))) == NULL)
            return FALSE;
          break;
        case 0xA1:
          {
            TdnTlvReader m;

            if (!tdn_der_expect (&inner, 0x30, "maskGenAlgorithm", &alg, NULL))
              return FALSE;
            tdn_tlv_reader_init (&m, alg.value, alg.length);
            if (!tdn_der_expect (&m, 0x06, "mgf", &mgf_oid, NULL)
                || tdn_der_oid_nid (&mgf_oid) != NID_mgf1
                || !tdn_der_expect (&m, 0x30, "mgf1 hash", &mgf_hash, NULL)
                || (out->mgf1_md = tdn_der_digest (tdn_der_algorithm_nid (&mgf_hash))) == NULL)
              return FALSE;
          }
          break;
        case 0xA2:
          if (!tdn_der_expect (&inner, 0x02, "saltLength", &alg, NULL)
              || !tdn_der_small_uint (&alg, &v) || v > 1024)
            return FALSE;
          out->salt_len = (int) v;
          break;
        case 0xA3:
          if (!tdn_der_expect (&inner, 0x02, "trailerField", &alg, NULL)
              || !tdn_der_small_uint (&alg, &v) || v != 1)
            return FALSE;
          break;
        default:
          return FALSE;
        }
    }
  return tdn_tlv_reader_at_end (&p);
}

TdnCmsVerify
tdn_signed_data_verify (const TdnSignedData *self,
                        EVP_PKEY            *key)
{
  const EVP_MD *content_md, *sig_md = NULL;
  const char *key_type = NULL;
  PssParams pss = { 0 };
  gboolean use_pss = FALSE, plain = FALSE;
  guint8 *plain_der = NULL;
  const guint8 *sig;
  gsize sig_len;
  int sig_nid;
  g_autofree guint8 *tbs = NULL;
  const guint8 *tbs_data;
  gsize tbs_len;
  EVP_MD_CTX *ctx;
  EVP_PKEY_CTX *pctx = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && key != NULL, TDN_CMS_VERIFY_UNSUPPORTED);

  content_md = tdn_der_digest (tdn_der_algorithm_nid (&self->digest_alg));
  if (content_md == NULL)
    return TDN_CMS_VERIFY_UNSUPPORTED;

  sig_nid = tdn_der_algorithm_nid (&self->sig_alg);
  switch (sig_nid)
    {
    case NID_rsaEncryption:
      sig_md = content_md;
      key_type = "RSA";
      break;
    case NID_X9_62_id_ecPublicKey:
      sig_md = content_md;
      key_type = "EC";
      break;
    case NID_rsassaPss:
      if (!parse_pss_params (&self->sig_alg, &pss))
        return TDN_CMS_VERIFY_UNSUPPORTED;
      sig_md = pss.md;
      key_type = "RSA";
      use_pss = TRUE;
      break;
    default:
      {
        int md_nid = NID_undef, pk_nid = NID_undef;

        if (sig_nid == NID_undef && (sig_md = ecdsa_plain_md (&self->sig_alg)) != NULL)
          {
            key_type = "EC";
            plain = TRUE;
            break;
          }
        if (sig_nid == NID_undef || !OBJ_find_sigid_algs (sig_nid, &md_nid, &pk_nid))
          return TDN_CMS_VERIFY_UNSUPPORTED;
        sig_md = tdn_der_digest (md_nid);
        if (pk_nid == NID_rsaEncryption)
          key_type = "RSA";
        else if (pk_nid == NID_X9_62_id_ecPublicKey)
          key_type = "EC";
      }
    }
  if (sig_md == NULL || key_type == NULL)
    return TDN_CMS_VERIFY_UNSUPPORTED;
  if (!EVP_PKEY_is_a (key, key_type) && !(use_pss && EVP_PKEY_is_a (key, "RSA-PSS")))
    return TDN_CMS_VERIFY_UNSUPPORTED;

  if (self->has_signed_attrs)
    {
      guint8 digest[EVP_MAX_MD_SIZE];
      unsigned int digest_len = 0;

      /* RFC 5652 §5.4: the attributes must name the content and hash it. */
      if (self->attr_content_type.tag == 0 || self->attr_message_digest.tag == 0
          || self->attr_content_type.length != self->econtent_type.length
          || memcmp (self->attr_content_type.value, self->econtent_type.value,
                     self->econtent_type.length) != 0)
        return TDN_CMS_VERIFY_DIGEST_MISMATCH;
      if (EVP_Digest (self->econtent.value, self->econtent.length, digest, &digest_len,
                      content_md, NULL) != 1)
        return TDN_CMS_VERIFY_UNSUPPORTED;
      if (self->attr_message_digest.length != digest_len
          || CRYPTO_memcmp (self->attr_message_digest.value, digest, digest_len) != 0)
        return TDN_CMS_VERIFY_DIGEST_MISMATCH;

      /* The signature covers the attributes as an explicit SET OF. */
      tbs_len = tdn_der_size (&self->signed_attrs);
      tbs = g_memdup2 (tdn_der_start (&self->signed_attrs), tbs_len);
      tbs[0] = 0x31;
      tbs_data = tbs;
    }
  else
    {
      tbs_data = self->econtent.value;
      tbs_len = self->econtent.length;
    }

  sig = self->signature.value;
  sig_len = self->signature.length;
  if (plain)
    {
      plain_der = tdn_cms_ecdsa_plain_to_der (sig, sig_len, &sig_len);
      if (plain_der == NULL)
        return TDN_CMS_VERIFY_BAD_SIGNATURE;
      sig = plain_der;
    }
  ctx = EVP_MD_CTX_new ();
  if (ctx == NULL)
    {
      OPENSSL_free (plain_der);
      return TDN_CMS_VERIFY_UNSUPPORTED;
    }
  rc = EVP_DigestVerifyInit (ctx, &pctx, sig_md, NULL, key);
  if (rc == 1 && use_pss)
    rc = EVP_PKEY_CTX_set_rsa_padding (pctx, RSA_PKCS1_PSS_PADDING) == 1
         && EVP_PKEY_CTX_set_rsa_pss_saltlen (pctx, pss.salt_len) == 1
         && EVP_PKEY_CTX_set_rsa_mgf1_md (pctx, pss.mgf1_md) == 1;
  if (rc != 1)
    {
      EVP_MD_CTX_free (ctx);
      OPENSSL_free (plain_der);
      return TDN_CMS_VERIFY_UNSUPPORTED;
    }
  rc = EVP_DigestVerify (ctx, sig, sig_len, tbs_data, tbs_len);
  EVP_MD_CTX_free (ctx);
  OPENSSL_free (plain_der);
  return rc == 1 ? TDN_CMS_VERIFY_OK : TDN_CMS_VERIFY_BAD_SIGNATURE;
}

/* An EC key with explicit parameters equal to a named curve, rebuilt as a
 * named-curve key; NULL when the parameters are not a known curve. */
static EVP_PKEY *
ec_key_to_named_curve (EVP_PKEY *pkey)
{
  OSSL_PARAM *params = NULL;
  EC_GROUP *group = NULL;
  EVP_PKEY_CTX *ctx = NULL;
  EVP_PKEY *named = NULL;
  guint8 pub[256];
  gsize pub_len = 0;
  int nid = NID_undef;

  if (EVP_PKEY_todata (pkey, EVP_PKEY_PUBLIC_KEY, &params) != 1)
    return NULL;
  group = EC_GROUP_new_from_params (params, NULL, NULL);
  if (group != NULL)
    {
      nid = EC_GROUP_get_curve_name (group);
      if (nid == NID_undef)
        nid = EC_GROUP_check_named_curve (group, 0, NULL);
    }
  if (nid > 0
      && EVP_PKEY_get_octet_string_param (pkey, OSSL_PKEY_PARAM_PUB_KEY, pub, sizeof pub,
                                          &pub_len) == 1)
    {
      OSSL_PARAM build[] = {
        OSSL_PARAM_utf8_string (OSSL_PKEY_PARAM_GROUP_NAME, (char *) OBJ_nid2sn (nid), 0),
        OSSL_PARAM_octet_string (OSSL_PKEY_PARAM_PUB_KEY, pub, pub_len),
        OSSL_PARAM_END,
      };

      ctx = EVP_PKEY_CTX_new_from_name (NULL, "EC", NULL);
      if (ctx == NULL || EVP_PKEY_fromdata_init (ctx) != 1
          || EVP_PKEY_fromdata (ctx, &named, EVP_PKEY_PUBLIC_KEY, build) != 1)
        named = NULL;
    }
  EVP_PKEY_CTX_free (ctx);
  EC_GROUP_free (group);
  OSSL_PARAM_free (params);
  return named;
}

EVP_PKEY *
tdn_cms_normalise_key (EVP_PKEY *pkey)
{
  char encoding[32] = "";

  if (pkey == NULL)
    return NULL;
  if (EVP_PKEY_is_a (pkey, "EC")
      && EVP_PKEY_get_utf8_string_param (pkey, OSSL_PKEY_PARAM_EC_ENCODING, encoding,
                                         sizeof encoding, NULL) == 1
      && strcmp (encoding, OSSL_PKEY_EC_ENCODING_EXPLICIT) == 0)
    {
      EVP_PKEY *named = ec_key_to_named_curve (pkey);

      if (named != NULL)
        return named;
      /* An unknown curve: OpenSSL verifies with explicit parameters as is. */
    }
  EVP_PKEY_up_ref (pkey);
  return pkey;
}

EVP_PKEY *
tdn_cms_public_key (X509 *cert)
{
  return tdn_cms_normalise_key (X509_get0_pubkey (cert));
}
