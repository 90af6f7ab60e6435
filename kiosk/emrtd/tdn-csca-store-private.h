/* tdn-csca-store-private.h — finding the CSCA that issued a certificate, emrtd internals
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <openssl/x509.h>

#include "tdn-csca-store.h"

G_BEGIN_DECLS

typedef enum {
  TDN_CSCA_LOOKUP_VERIFIED,      /* a store CSCA signed it */
  TDN_CSCA_LOOKUP_BAD_SIGNATURE, /* a CSCA with its issuer name and key id exists, but did not sign it */
  TDN_CSCA_LOOKUP_NOT_FOUND,
} TdnCscaLookup;

/* Looks for the CSCA that issued `cert`: same DN as the issuer, same key
 * identifier when both carry one, and a good signature. `issuer` (may be
 * NULL) gets a new reference on success. */
TdnCscaLookup tdn_csca_store_find_issuer (TdnCscaStore *self,
                                          X509         *cert,
                                          X509        **issuer);

G_END_DECLS
