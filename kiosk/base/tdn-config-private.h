/* tdn-config-private.h — value parsing shared by the config loader
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-config-schema.h"

G_BEGIN_DECLS

/* Parses key `key_name` of `group` in `kf` against `key`. Returns a new
 * (non-floating) variant, or NULL with `problem` set to a translated
 * sentence such as "expected an integer from 1 to 60, got “abc”".
 * `wrong_type` is TRUE when the text is not of the key's type at all,
 * FALSE when it is but lies outside the allowed values. */
GVariant *tdn_config_value_parse (const TdnConfigKey *key,
                                  GKeyFile           *kf,
                                  const char         *group,
                                  const char         *key_name,
                                  gboolean           *wrong_type,
                                  char              **problem);

G_END_DECLS
