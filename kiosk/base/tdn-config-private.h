/* tdn-config-private.h — internals shared by the configuration's files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-config.h"
#include "tdn-config-schema.h"

G_BEGIN_DECLS

typedef struct {
  GVariant *value;
  char     *source;   /* file that set it */
} TdnConfigEntry;

struct _TdnConfig
{
  GObject                parent_instance;
  const TdnConfigSchema *schema;
  GHashTable            *defaults;   /* "group\037key" → GVariant (group: schema name) */
  GHashTable            *values;     /* "group\037key" → TdnConfigEntry (group: full name) */
  GPtrArray             *instances;  /* full group names of instance groups, in order */
  GStrv                  files;
  char                  *err_file;
  char                  *err_group;
  char                  *err_key;
};

/* "group\037key", the key of both tables. */
char     *tdn_config_make_id     (const char *group,
                                  const char *key);


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
