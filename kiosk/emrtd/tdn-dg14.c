/* tdn-dg14.c — DG14 security infos: Chip Authentication and Active Authentication parameters
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include "tdn-cms-private.h"
#include "tdn-dg14.h"

G_DEFINE_QUARK (tdn-dg14-error-quark, tdn_dg14_error)

/* bsi-de 0.4.0.127.0.7 protocols 2.2: id-PK 1, id-CA 3 */
static const guint8 OID_PK_PREFIX[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x01 };
static const guint8 OID_CA_PREFIX[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03 };
/* id-icao-mrtd-security-aaProtocolObject 2.23.136.1.1.5 */
static const guint8 OID_AA_INFO[] = { 0x67, 0x81, 0x08, 0x01, 0x01, 0x05 };
/* id-ecPublicKey and dhpublicnumber, to rewrite id-PK-* SPKIs for OpenSSL */
static const guint8 OID_EC_PUBLIC_KEY[] = { 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01 };
static const guint8 OID_DH_PUBLIC_NUMBER[] = { 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3E, 0x02, 0x01 };
/* PKCS #3 dhKeyAgreement, for DH domain parameters without q */
static const guint8 OID_DH_KEY_AGREEMENT[] = { 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D,
                                               0x01, 0x03, 0x01 };

typedef struct {
  gboolean  ecdh;
  gboolean  has_key_id;
  guint     key_id;
  EVP_PKEY *key;
} PublicKeyInfo;

struct _TdnDg14 {
  GArray     *ca_infos;  /* of TdnChipAuthInfo */
  GArray     *keys;      /* of PublicKeyInfo */
  const char *aa_digest;
  TdnChipAuthInfo chosen;
  gboolean    have_chosen;
};

static gboolean
oid_has_prefix (const TdnTlv *oid,
                const guint8 *prefix,
                gsize         len)
{
  return oid->tag == 0x06 && oid->length > len && memcmp (oid->value, prefix, len) == 0;
}

/* SubjectPublicKeyInfo with id-PK-ECDH/id-PK-DH (or the standard OIDs) as
 * an OpenSSL key. */
static EVP_PKEY *
spki_with_oid (const TdnTlv *params,
               const TdnTlv *bits,
               const guint8 *std_oid,
               gsize         std_oid_len)
{
  g_autoptr(GByteArray) inner = g_byte_array_new ();
  g_autoptr(GByteArray) outer = g_byte_array_new ();
  const unsigned char *p;
  EVP_PKEY *raw, *key;

  g_byte_array_append (inner, std_oid, (guint) std_oid_len);
  g_byte_array_append (inner, tdn_der_start (params), (guint) tdn_der_size (params));
  tdn_der_append (outer, 0x30, inner->data, inner->len);
  g_byte_array_append (outer, tdn_der_start (bits), (guint) tdn_der_size (bits));
  g_byte_array_set_size (inner, 0);
  tdn_der_append (inner, 0x30, outer->data, outer->len);

  p = inner->data;
  raw = d2i_PUBKEY (NULL, &p, (long) inner->len);
  if (raw == NULL)
    return NULL;
  key = tdn_cms_normalise_key (raw);
  EVP_PKEY_free (raw);
  return key;
}

static EVP_PKEY *
parse_spki (const TdnTlv *spki,
            gboolean      ecdh)
{
  TdnTlvReader r, a;
  TdnTlv alg, bits, oid, params;
  EVP_PKEY *key;

  tdn_tlv_reader_init (&r, spki->value, spki->length);
  if (!tdn_der_expect (&r, 0x30, "algorithm", &alg, NULL)
      || !tdn_der_expect (&r, 0x03, "subjectPublicKey", &bits, NULL))
    return NULL;
  tdn_tlv_reader_init (&a, alg.value, alg.length);
  /* Domain parameters: explicit (SEQUENCE) or, for EC, a named curve OID. */
  if (!tdn_der_expect (&a, 0x06, "algorithm OID", &oid, NULL)
      || !tdn_tlv_reader_next (&a, &params, NULL)
      || (params.tag != 0x30 && !(ecdh && params.tag == 0x06)))
    return NULL;

  if (ecdh)
    return spki_with_oid (&params, &bits, OID_EC_PUBLIC_KEY, sizeof OID_EC_PUBLIC_KEY);
  key = spki_with_oid (&params, &bits, OID_DH_PUBLIC_NUMBER, sizeof OID_DH_PUBLIC_NUMBER);
  if (key == NULL)
    key = spki_with_oid (&params, &bits, OID_DH_KEY_AGREEMENT, sizeof OID_DH_KEY_AGREEMENT);
  return key;
}

static gboolean
optional_key_id (TdnTlvReader *r,
                 gboolean     *has,
                 guint        *key_id)
{
  TdnTlv t;

  *has = FALSE;
  if (!tdn_tlv_reader_next (r, &t, NULL))
    return TRUE;
  if (!tdn_der_small_uint (&t, key_id))
    return FALSE;
  *has = TRUE;
  return TRUE;
}

static gboolean
parse_info (TdnDg14      *self,
            const TdnTlv *info,
            GError      **error)
{
  TdnTlvReader r;
  TdnTlv oid, required;

  tdn_tlv_reader_init (&r, info->value, info->length);
  if (!tdn_der_expect (&r, 0x06, "SecurityInfo protocol", &oid, error)
      || !tdn_tlv_reader_next (&r, &required, NULL))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, TDN_DG14_ERROR, TDN_DG14_ERROR_MALFORMED,
                             "SecurityInfo without required data");
      return FALSE;
    }

  if (oid_has_prefix (&oid, OID_CA_PREFIX, sizeof OID_CA_PREFIX) && oid.length == 10)
    {
      TdnChipAuthInfo ca = { 0 };
      guint8 kind = oid.value[8], cipher = oid.value[9];

      if ((kind != 1 && kind != 2) || cipher < 1 || cipher > 4)
        return TRUE; /* a CA variant we do not know: skip it */
      if (!tdn_der_small_uint (&required, &ca.version)
          || !optional_key_id (&r, &ca.has_key_id, &ca.key_id))
        goto malformed;
      ca.ecdh = kind == 2;
      ca.cipher = (TdnChipAuthCipher) (cipher - 1);
      ca.protocol_oid = g_bytes_new (oid.value, oid.length);
      g_array_append_val (self->ca_infos, ca);
    }
  else if (oid_has_prefix (&oid, OID_PK_PREFIX, sizeof OID_PK_PREFIX) && oid.length == 9)
    {
      PublicKeyInfo pk = { 0 };

      if (oid.value[8] != 1 && oid.value[8] != 2)
        return TRUE;
      pk.ecdh = oid.value[8] == 2;
      if (required.tag != 0x30 || !optional_key_id (&r, &pk.has_key_id, &pk.key_id))
        goto malformed;
      pk.key = parse_spki (&required, pk.ecdh);
      if (pk.key == NULL)
        {
          g_set_error_literal (error, TDN_DG14_ERROR, TDN_DG14_ERROR_MALFORMED,
                               "DG14 chip authentication public key unreadable");
          return FALSE;
        }
      g_array_append_val (self->keys, pk);
    }
  else if (tdn_der_oid_equal (&oid, OID_AA_INFO, sizeof OID_AA_INFO))
    {
      TdnTlv alg;
      const EVP_MD *md;
      int md_nid = NID_undef, pk_nid = NID_undef;

      if (!tdn_der_expect (&r, 0x06, "AA signatureAlgorithm", &alg, NULL))
        goto malformed;
      if (OBJ_find_sigid_algs (tdn_der_oid_nid (&alg), &md_nid, &pk_nid)
          && (md = tdn_der_digest (md_nid)) != NULL)
        self->aa_digest = EVP_MD_get0_name (md);
    }
  return TRUE;

malformed:
  g_set_error_literal (error, TDN_DG14_ERROR, TDN_DG14_ERROR_MALFORMED,
                       "DG14 security info malformed");
  return FALSE;
}

static void
clear_ca_info (gpointer data)
{
  TdnChipAuthInfo *ca = data;

  g_clear_pointer (&ca->protocol_oid, g_bytes_unref);
}

static void
clear_key (gpointer data)
{
  PublicKeyInfo *pk = data;

  g_clear_pointer (&pk->key, EVP_PKEY_free);
}

/* Secure messaging here speaks AES-128 and 3DES; prefer those. */
static int
cipher_rank (TdnChipAuthCipher cipher)
{
  switch (cipher)
    {
    case TDN_CHIP_AUTH_CIPHER_AES128: return 4;
    case TDN_CHIP_AUTH_CIPHER_3DES: return 3;
    case TDN_CHIP_AUTH_CIPHER_AES256: return 2;
    case TDN_CHIP_AUTH_CIPHER_AES192: return 1;
    }
  return 0;
}

/* Pairs each ChipAuthenticationInfo with its public key (same keyId when
 * both give one) and keeps the best pair. */
static void
choose_chip_auth (TdnDg14 *self)
{
  for (guint i = 0; i < self->ca_infos->len; i++)
    {
      const TdnChipAuthInfo *ca = &g_array_index (self->ca_infos, TdnChipAuthInfo, i);

      for (guint j = 0; j < self->keys->len; j++)
        {
          const PublicKeyInfo *pk = &g_array_index (self->keys, PublicKeyInfo, j);

          if (pk->ecdh != ca->ecdh
              || (ca->has_key_id && pk->has_key_id && ca->key_id != pk->key_id))
            continue;
          if (!self->have_chosen || cipher_rank (ca->cipher) > cipher_rank (self->chosen.cipher))
            {
              self->chosen = *ca;
              self->chosen.public_key = pk->key;
              self->have_chosen = TRUE;
            }
        }
    }
}

TdnDg14 *
tdn_dg14_parse (const guint8 *data,
                gsize         len,
                GError      **error)
{
  g_autoptr(TdnDg14) self = g_new0 (TdnDg14, 1);
  g_autoptr(GError) local = NULL;
  TdnTlvReader r;
  TdnTlv wrapper, set, info;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  self->ca_infos = g_array_new (FALSE, TRUE, sizeof (TdnChipAuthInfo));
  g_array_set_clear_func (self->ca_infos, clear_ca_info);
  self->keys = g_array_new (FALSE, TRUE, sizeof (PublicKeyInfo));
  g_array_set_clear_func (self->keys, clear_key);

  tdn_tlv_reader_init (&r, data, len);
  if (!tdn_der_expect (&r, 0x6E, "DG14", &wrapper, &local))
    goto bad;
  tdn_tlv_reader_init (&r, wrapper.value, wrapper.length);
  if (!tdn_der_expect (&r, 0x31, "SecurityInfos", &set, &local))
    goto bad;
  tdn_tlv_reader_init (&r, set.value, set.length);
  while (tdn_tlv_reader_next (&r, &info, &local))
    {
      if (info.tag != 0x30)
        {
          g_set_error_literal (&local, TDN_DG14_ERROR, TDN_DG14_ERROR_MALFORMED,
                               "SecurityInfo is not a SEQUENCE");
          goto bad;
        }
      if (!parse_info (self, &info, &local))
        goto bad;
    }
  if (local != NULL)
    goto bad;
  choose_chip_auth (self);
  return g_steal_pointer (&self);

bad:
  g_set_error (error, TDN_DG14_ERROR, TDN_DG14_ERROR_MALFORMED,
               _("The chip's DG14 is damaged (%s); chip authentication is skipped."),
               local->message);
  return NULL;
}

void
tdn_dg14_free (TdnDg14 *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->ca_infos, g_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_free (self);
}

const TdnChipAuthInfo *
tdn_dg14_get_chip_auth (const TdnDg14 *self,
                        GError       **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (!self->have_chosen)
    {
      g_set_error_literal (error, TDN_DG14_ERROR, TDN_DG14_ERROR_NO_CHIP_AUTH,
                           _("The chip offers no chip authentication this kiosk supports; "
                             "it is reported as not supported."));
      return NULL;
    }
  return &self->chosen;
}

const char *
tdn_dg14_get_aa_digest (const TdnDg14 *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->aa_digest;
}
