/* test-keys.h — key pairs for the chip authentication tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

/* A fresh EC key on `curve`, encoded with explicit parameters when asked. */
EVP_PKEY *test_key_ec (const char *curve,
                       gboolean    explicit_params);
/* A fresh DH key in the named group (e.g. "ffdhe2048"). */
EVP_PKEY *test_key_dh (const char *group);

G_END_DECLS
