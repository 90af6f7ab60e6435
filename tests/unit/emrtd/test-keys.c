/* test-keys.c — key pairs for the chip authentication tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/core_names.h>

#include "test-keys.h"

static EVP_PKEY *
generate (const char *type,
          OSSL_PARAM *params)
{
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name (NULL, type, NULL);
  EVP_PKEY *key = NULL;

  g_assert_nonnull (ctx);
  g_assert_cmpint (EVP_PKEY_keygen_init (ctx), ==, 1);
  g_assert_cmpint (EVP_PKEY_CTX_set_params (ctx, params), ==, 1);
  g_assert_cmpint (EVP_PKEY_keygen (ctx, &key), ==, 1);
  EVP_PKEY_CTX_free (ctx);
  return key;
}

EVP_PKEY *
test_key_ec (const char *curve,
             gboolean    explicit_params)
{
  OSSL_PARAM params[] = {
    OSSL_PARAM_utf8_string (OSSL_PKEY_PARAM_GROUP_NAME, (char *) curve, 0),
    OSSL_PARAM_utf8_string (OSSL_PKEY_PARAM_EC_ENCODING,
                            explicit_params ? (char *) OSSL_PKEY_EC_ENCODING_EXPLICIT
                                            : (char *) OSSL_PKEY_EC_ENCODING_GROUP, 0),
    OSSL_PARAM_END,
  };

  return generate ("EC", params);
}

EVP_PKEY *
test_key_dh (const char *group)
{
  OSSL_PARAM params[] = {
    OSSL_PARAM_utf8_string (OSSL_PKEY_PARAM_GROUP_NAME, (char *) group, 0),
    OSSL_PARAM_END,
  };

  return generate ("DH", params);
}
