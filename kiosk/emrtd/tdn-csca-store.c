/* tdn-csca-store.c — trusted CSCA certificates for passive authentication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <openssl/buffer.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "tdn-cms-private.h"
#include "tdn-csca-store-private.h"

G_DEFINE_QUARK (tdn-csca-store-error-quark, tdn_csca_store_error)

/* id-icao-cscaMasterList 2.23.136.1.1.2 */
static const guint8 OID_CSCA_MASTER_LIST[] = { 0x67, 0x81, 0x08, 0x01, 0x01, 0x02 };

/* A master list file is at most a few MB (the ICAO list is ~1 MB). */
#define MAX_FILE_SIZE (32 * 1024 * 1024)

struct _TdnCscaStore
{
  GObject    parent_instance;
  GPtrArray *certs;          /* of X509 * */
  GPtrArray *problems;       /* of char *: files skipped by load_dir */
  gboolean   trust_unverified_master_lists;
};

G_DEFINE_FINAL_TYPE (TdnCscaStore, tdn_csca_store, G_TYPE_OBJECT)

static void
tdn_csca_store_finalize (GObject *object)
{
  TdnCscaStore *self = TDN_CSCA_STORE (object);

  g_ptr_array_unref (self->certs);
  g_ptr_array_unref (self->problems);
  G_OBJECT_CLASS (tdn_csca_store_parent_class)->finalize (object);
}

static void
tdn_csca_store_class_init (TdnCscaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_csca_store_finalize;
}

static void
tdn_csca_store_init (TdnCscaStore *self)
{
  self->certs = g_ptr_array_new_with_free_func ((GDestroyNotify) X509_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

TdnCscaStore *
tdn_csca_store_new (void)
{
  return g_object_new (TDN_TYPE_CSCA_STORE, NULL);
}

TdnCscaStore *
tdn_csca_store_new_from_config (TdnConfig  *config,
                                GError    **error)
{
  g_autoptr(TdnCscaStore) self = tdn_csca_store_new ();

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);

  self->trust_unverified_master_lists =
    tdn_config_get_bool (config, "reader", "csca_trust_unverified_master_lists");
  if (!tdn_csca_store_load_dir (self, tdn_config_get_string (config, "reader", "csca_dir"), error))
    return NULL;
  return g_steal_pointer (&self);
}

void
tdn_csca_store_set_trust_unverified_master_lists (TdnCscaStore *self,
                                                  gboolean      trust)
{
  g_return_if_fail (TDN_IS_CSCA_STORE (self));
  self->trust_unverified_master_lists = trust;
}

GPtrArray *
tdn_csca_store_get_problems (TdnCscaStore *self)
{
  g_return_val_if_fail (TDN_IS_CSCA_STORE (self), NULL);
  return self->problems;
}

guint
tdn_csca_store_get_n_certificates (TdnCscaStore *self)
{
  g_return_val_if_fail (TDN_IS_CSCA_STORE (self), 0);
  return self->certs->len;
}

static GDateTime *
asn1_time_to_date_time (const ASN1_TIME *t)
{
  struct tm tm = { 0 };

  if (t == NULL || ASN1_TIME_to_tm (t, &tm) != 1)
    return NULL;
  return g_date_time_new_utc (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                              tm.tm_min, tm.tm_sec);
}

void
tdn_csca_store_get_info (TdnCscaStore *self,
                         guint         index,
                         TdnCscaInfo  *info)
{
  X509 *cert;
  X509_NAME *name;
  BIO *bio;
  BUF_MEM *mem = NULL;
  const ASN1_OCTET_STRING *ski;
  int pos;

  g_return_if_fail (TDN_IS_CSCA_STORE (self));
  g_return_if_fail (index < self->certs->len && info != NULL);

  memset (info, 0, sizeof *info);
  cert = g_ptr_array_index (self->certs, index);
  name = X509_get_subject_name (cert);
  bio = BIO_new (BIO_s_mem ());
  if (bio != NULL && X509_NAME_print_ex (bio, name, 0, XN_FLAG_RFC2253) >= 0)
    {
      BIO_get_mem_ptr (bio, &mem);
      info->subject = g_strndup (mem->data, mem->length);
    }
  BIO_free (bio);
  pos = X509_NAME_get_index_by_NID (name, NID_countryName, -1);
  if (pos >= 0)
    {
      const ASN1_STRING *c = X509_NAME_ENTRY_get_data (X509_NAME_get_entry (name, pos));

      info->country = g_strndup ((const char *) ASN1_STRING_get0_data (c), ASN1_STRING_length (c));
    }
  ski = X509_get0_subject_key_id (cert);
  if (ski != NULL)
    {
      GString *hex = g_string_new (NULL);

      for (int i = 0; i < ASN1_STRING_length (ski); i++)
        g_string_append_printf (hex, "%s%02X", i > 0 ? ":" : "", ASN1_STRING_get0_data (ski)[i]);
      info->key_id = g_string_free (hex, FALSE);
    }
  info->not_before = asn1_time_to_date_time (X509_get0_notBefore (cert));
  info->not_after = asn1_time_to_date_time (X509_get0_notAfter (cert));
}

void
tdn_csca_info_clear (TdnCscaInfo *info)
{
  g_return_if_fail (info != NULL);
  g_clear_pointer (&info->subject, g_free);
  g_clear_pointer (&info->country, g_free);
  g_clear_pointer (&info->key_id, g_free);
  g_clear_pointer (&info->not_before, g_date_time_unref);
  g_clear_pointer (&info->not_after, g_date_time_unref);
}

typedef enum {
  ANCHOR_ADDED,
  ANCHOR_DUPLICATE,
  ANCHOR_NOT_CA,
} AnchorResult;

/* Takes `cert`. Only CA certificates are anchors; duplicates are dropped. */
static AnchorResult
add_anchor (TdnCscaStore *self,
            X509         *cert)
{
  if (X509_check_ca (cert) < 1)
    {
      X509_free (cert);
      return ANCHOR_NOT_CA;
    }
  for (guint i = 0; i < self->certs->len; i++)
    if (X509_cmp (g_ptr_array_index (self->certs, i), cert) == 0)
      {
        X509_free (cert);
        return ANCHOR_DUPLICATE;
      }
  g_ptr_array_add (self->certs, cert);
  return ANCHOR_ADDED;
}

gboolean
tdn_csca_store_add_certificates (TdnCscaStore  *self,
                                 const guint8  *data,
                                 gsize          len,
                                 guint         *n_added,
                                 GError       **error)
{
  guint counts[3] = { 0, 0, 0 }, seen = 0;

  g_return_val_if_fail (TDN_IS_CSCA_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len > G_MAXINT)
    len = 0;
  if (g_strstr_len ((const char *) data, MIN (len, 4096), "-----BEGIN") != NULL)
    {
      BIO *bio = BIO_new_mem_buf (data, (int) len);
      X509 *cert;

      while (bio != NULL && (cert = PEM_read_bio_X509 (bio, NULL, NULL, NULL)) != NULL)
        {
          seen++;
          counts[add_anchor (self, cert)]++;
        }
      BIO_free (bio);
    }
  else if (len > 0)
    {
      const unsigned char *p = data;
      X509 *cert = d2i_X509 (NULL, &p, (long) len);

      if (cert != NULL && p == data + len)
        {
          seen++;
          counts[add_anchor (self, cert)]++;
        }
      else
        X509_free (cert);
    }
  if (n_added != NULL)
    *n_added = counts[ANCHOR_ADDED];
  if (seen == 0)
    {
      g_set_error_literal (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE,
                           _("The file holds no certificate. Put PEM or DER CSCA "
                             "certificates in the CSCA directory."));
      return FALSE;
    }
  if (counts[ANCHOR_NOT_CA] == seen)
    {
      g_set_error_literal (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE,
                           _("The file holds no CA certificate (a document signer "
                             "certificate does not belong in the CSCA directory)."));
      return FALSE;
    }
  if (counts[ANCHOR_NOT_CA] > 0)
    g_warning ("CSCA store: skipped %u certificates that are not CA certificates",
               counts[ANCHOR_NOT_CA]);
  return TRUE;
}

static gboolean
key_ids_match (X509 *cert,
               X509 *issuer)
{
  const ASN1_OCTET_STRING *akid = X509_get0_authority_key_id (cert);
  const ASN1_OCTET_STRING *skid = X509_get0_subject_key_id (issuer);

  return akid == NULL || skid == NULL || ASN1_OCTET_STRING_cmp (akid, skid) == 0;
}

TdnCscaLookup
tdn_csca_store_find_issuer (TdnCscaStore *self,
                            X509         *cert,
                            X509        **issuer)
{
  TdnCscaLookup result = TDN_CSCA_LOOKUP_NOT_FOUND;

  g_return_val_if_fail (TDN_IS_CSCA_STORE (self), TDN_CSCA_LOOKUP_NOT_FOUND);
  g_return_val_if_fail (cert != NULL, TDN_CSCA_LOOKUP_NOT_FOUND);

  for (guint i = 0; i < self->certs->len; i++)
    {
      X509 *ca = g_ptr_array_index (self->certs, i);
      EVP_PKEY *key;
      int ok;

      if (X509_NAME_cmp (X509_get_issuer_name (cert), X509_get_subject_name (ca)) != 0
          || !key_ids_match (cert, ca))
        continue;
      key = tdn_cms_public_key (ca);
      ok = key != NULL && X509_verify (cert, key) == 1;
      EVP_PKEY_free (key);
      if (ok)
        {
          if (issuer != NULL)
            {
              X509_up_ref (ca);
              *issuer = ca;
            }
          return TDN_CSCA_LOOKUP_VERIFIED;
        }
      /* Same name and key id but a bad signature is a forgery; same name
       * without key ids to compare may just be another generation. */
      if (X509_get0_authority_key_id (cert) != NULL && X509_get0_subject_key_id (ca) != NULL)
        result = TDN_CSCA_LOOKUP_BAD_SIGNATURE;
    }
  return result;
}

/* CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate } */
static gboolean
master_list_certificates (const TdnSignedData *sd,
                          GPtrArray           *out,
                          GError             **error)
{
  TdnTlvReader r;
  TdnTlv list, version, set, cert;
  g_autoptr(GError) local = NULL;

  tdn_tlv_reader_init (&r, sd->econtent.value, sd->econtent.length);
  if (!tdn_der_expect (&r, 0x30, "CscaMasterList", &list, &local))
    goto bad;
  tdn_tlv_reader_init (&r, list.value, list.length);
  if (!tdn_der_expect (&r, 0x02, "version", &version, &local)
      || !tdn_der_expect (&r, 0x31, "certList", &set, &local))
    goto bad;
  tdn_tlv_reader_init (&r, set.value, set.length);
  while (tdn_tlv_reader_next (&r, &cert, &local))
    {
      X509 *x = tdn_cms_x509_from_tlv (&cert);

      if (x == NULL)
        {
          g_warning ("CSCA master list: skipping an unparsable certificate");
          continue;
        }
      g_ptr_array_add (out, x);
    }
  if (local == NULL)
    return TRUE;
bad:
  g_set_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE,
               _("The CSCA master list is damaged (%s). Download it again."), local->message);
  return FALSE;
}

/* Whether the master list's signer is issued by a CSCA already trusted and
 * signed this list; `why` says what failed. */
static gboolean
master_list_verified (TdnCscaStore        *self,
                      const TdnSignedData *sd,
                      const char         **why)
{
  X509 *signer = tdn_signed_data_get_signer (sd);
  EVP_PKEY *key = NULL;
  gboolean ok = FALSE;

  if (signer == NULL)
    *why = "its signer certificate is not in the file";
  else if (tdn_csca_store_find_issuer (self, signer, NULL) != TDN_CSCA_LOOKUP_VERIFIED)
    *why = "its signer was not issued by a CSCA in the store";
  else if ((key = tdn_cms_public_key (signer)) == NULL
           || tdn_signed_data_verify (sd, key) != TDN_CMS_VERIFY_OK)
    *why = "its signature is not valid";
  else
    ok = TRUE;
  EVP_PKEY_free (key);
  X509_free (signer);
  return ok;
}

gboolean
tdn_csca_store_add_master_list (TdnCscaStore  *self,
                                const guint8  *data,
                                gsize          len,
                                guint         *n_added,
                                GError       **error)
{
  g_autoptr(GBytes) der = NULL;
  g_auto(TdnSignedData) sd = { 0 };
  g_autoptr(GPtrArray) certs = g_ptr_array_new_with_free_func ((GDestroyNotify) X509_free);
  g_autoptr(GError) local = NULL;
  const char *why = NULL;
  guint added = 0;

  g_return_val_if_fail (TDN_IS_CSCA_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (!tdn_signed_data_parse (&sd, data, len, &local)
      && (der = tdn_cms_to_der (data, len)) != NULL)
    {
      /* A BER master list: read its DER form. */
      tdn_signed_data_clear (&sd);
      g_clear_error (&local);
      tdn_signed_data_parse (&sd, g_bytes_get_data (der, NULL), g_bytes_get_size (der), &local);
    }
  if (local != NULL
      || !tdn_der_oid_equal (&sd.econtent_type, OID_CSCA_MASTER_LIST, sizeof OID_CSCA_MASTER_LIST))
    {
      g_set_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE,
                   _("The file is not a CSCA master list (%s). Use the .ml file as "
                     "published."), local != NULL ? local->message : "wrong content type");
      return FALSE;
    }
  if (!master_list_certificates (&sd, certs, error))
    return FALSE;
  if (!master_list_verified (self, &sd, &why))
    {
      if (!self->trust_unverified_master_lists)
        {
          g_set_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_UNVERIFIED,
                       _("The CSCA master list cannot be verified: %s. Add the CSCA that "
                         "issued its signer to the CSCA directory, or set "
                         "csca_trust_unverified_master_lists."), why);
          return FALSE;
        }
      g_warning ("CSCA master list not verified (%s); trusted because "
                 "csca_trust_unverified_master_lists is set", why);
    }
  for (guint i = 0; i < certs->len; i++)
    if (add_anchor (self, X509_dup (g_ptr_array_index (certs, i))) == ANCHOR_ADDED)
      added++;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

static gboolean
load_file (TdnCscaStore *self,
           const char   *path,
           gboolean      master_list,
           GError      **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint added = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int errsv = errno;

      g_set_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_IO,
                   _("Cannot read %s (%s)."), path, g_strerror (errsv));
      return FALSE;
    }
  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_BAD_FILE,
                   _("The file is too large for a CSCA list (%d MB at most)."),
                   MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  if (master_list)
    return tdn_csca_store_add_master_list (self, (const guint8 *) contents, len, &added, error);
  return tdn_csca_store_add_certificates (self, (const guint8 *) contents, len, &added, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
tdn_csca_store_load_dir (TdnCscaStore  *self,
                         const char    *dir,
                         GError       **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  const char *name;

  g_return_val_if_fail (TDN_IS_CSCA_STORE (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  d = g_dir_open (dir, 0, &local);
  if (d == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_message ("CSCA directory %s does not exist: no chip signature can be trusted", dir);
          return TRUE;
        }
      g_set_error (error, TDN_CSCA_STORE_ERROR, TDN_CSCA_STORE_ERROR_IO,
                   _("Cannot read the CSCA directory %s (%s). Check that it exists and "
                     "that the kiosk user may read it."), dir, local->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  /* Certificate files first: master lists are verified against them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < names->len; i++)
      {
        const char *n = ((const char **) names->pdata)[i];
        gboolean is_ml = g_str_has_suffix (n, ".ml");
        gboolean is_cert = g_str_has_suffix (n, ".pem") || g_str_has_suffix (n, ".crt")
                           || g_str_has_suffix (n, ".cer") || g_str_has_suffix (n, ".der");
        g_autofree char *path = NULL;
        g_autoptr(GError) file_error = NULL;

        if ((pass == 0 && !is_cert) || (pass == 1 && !is_ml))
          continue;
        path = g_build_filename (dir, n, NULL);
        if (!load_file (self, path, is_ml, &file_error))
          {
            g_warning ("CSCA store: skipping %s: %s", path, file_error->message);
            g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", n, file_error->message));
          }
      }
  g_debug ("CSCA store: %u certificates from %s", self->certs->len, dir);
  return TRUE;
}
