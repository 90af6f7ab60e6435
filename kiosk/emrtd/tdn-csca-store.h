/* tdn-csca-store.h — trusted CSCA certificates for passive authentication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store holds trust anchors: country signing CA certificates (and CSCA
 * link certificates), loaded from a directory (config reader.csca_dir,
 * default /etc/tiepdon/csca/) holding
 *   - *.pem / *.crt / *.cer: one or more certificates, PEM or DER;
 *   - *.ml: ICAO CSCA master lists (CMS SignedData, eContentType
 *     id-icao-cscaMasterList 2.23.136.1.1.2).
 * A master list's own signature is checked: its signer certificate must be
 * issued by a CSCA already in the store (from a certificate file). A master
 * list whose signer is not in the store, or whose signature fails, is
 * skipped with a warning — unless `trust_unverified_master_lists` is set
 * (config reader.csca_trust_unverified_master_lists), in which case its
 * certificates are added anyway (the IT technician vouches for the file).
 * A file that cannot be read or parsed is skipped with a warning; it never
 * stops the others from loading.
 */
#pragma once

#include <glib-object.h>

#include "tdn-config.h"

G_BEGIN_DECLS

#define TDN_CSCA_STORE_ERROR (tdn_csca_store_error_quark ())
GQuark tdn_csca_store_error_quark (void);

typedef enum {
  TDN_CSCA_STORE_ERROR_IO,          /* the directory or file cannot be read */
  TDN_CSCA_STORE_ERROR_BAD_FILE,    /* not a certificate or master list */
  TDN_CSCA_STORE_ERROR_UNVERIFIED,  /* master list signature not checkable or bad */
} TdnCscaStoreError;

#define TDN_TYPE_CSCA_STORE (tdn_csca_store_get_type ())
G_DECLARE_FINAL_TYPE (TdnCscaStore, tdn_csca_store, TDN, CSCA_STORE, GObject)

TdnCscaStore *tdn_csca_store_new             (void) G_GNUC_WARN_UNUSED_RESULT;
/* Reads reader.csca_dir and reader.csca_trust_unverified_master_lists from
 * `config` and loads the directory. A missing directory
 * gives an empty store (no error): every card is then `untrusted_csca`. */
TdnCscaStore *tdn_csca_store_new_from_config (TdnConfig    *config,
                                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;

void     tdn_csca_store_set_trust_unverified_master_lists (TdnCscaStore *self,
                                                           gboolean      trust);
/* Loads every file of `dir` (certificate files first, then master lists).
 * FALSE only when the directory exists but cannot be listed. */
gboolean tdn_csca_store_load_dir         (TdnCscaStore  *self,
                                          const char    *dir,
                                          GError       **error);
/* One or more certificates, PEM or DER; returns how many were added. */
gboolean tdn_csca_store_add_certificates (TdnCscaStore  *self,
                                          const guint8  *data,
                                          gsize          len,
                                          guint         *n_added,
                                          GError       **error);
/* An ICAO CSCA master list (see above for when it is trusted). */
gboolean tdn_csca_store_add_master_list  (TdnCscaStore  *self,
                                          const guint8  *data,
                                          gsize          len,
                                          guint         *n_added,
                                          GError       **error);
guint    tdn_csca_store_get_n_certificates (TdnCscaStore *self);
/* "FILE: why" for every file tdn_csca_store_load_dir() skipped, or an
 * empty array; owned by the store. */
GPtrArray *tdn_csca_store_get_problems   (TdnCscaStore *self);

/* What an IT technician needs to recognise a trust anchor. */
typedef struct {
  char      *subject;     /* one line, RFC 2253 */
  char      *country;     /* C= of the subject, or NULL */
  char      *key_id;      /* subject key identifier, hex "88:91:…", or NULL */
  GDateTime *not_before;  /* UTC */
  GDateTime *not_after;
} TdnCscaInfo;

/* Describes certificate `index` (0 … n-1), in load order. */
void     tdn_csca_store_get_info  (TdnCscaStore *self,
                                   guint         index,
                                   TdnCscaInfo  *info);
void     tdn_csca_info_clear      (TdnCscaInfo  *info);

G_END_DECLS
