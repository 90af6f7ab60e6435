/* tdn-config-schema.h — typed description of every configuration key
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema is the contract between IT and the code: every key has a type,
 * a default and a range. A key that is not in the schema is an error, so a
 * typo never silently falls back to a default.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TDN_CONFIG_TYPE_STRING,
  TDN_CONFIG_TYPE_INT,
  TDN_CONFIG_TYPE_DOUBLE,
  TDN_CONFIG_TYPE_BOOL,
  TDN_CONFIG_TYPE_ENUM,   /* one string out of `choices` */
  TDN_CONFIG_TYPE_STRV,   /* ';'-separated list of strings */
  TDN_CONFIG_TYPE_PATH,   /* absolute file-system path */
  TDN_CONFIG_TYPE_URI,    /* URI whose scheme is one of `choices` */
} TdnConfigType;

typedef enum {
  TDN_CONFIG_KEY_NONE     = 0,
  /* Never printed: `config check` shows "(secret)"; a file setting it must
   * not be readable by group or others. */
  TDN_CONFIG_KEY_SECRET   = 1 << 0,
  /* Must be set by some file; there is no sensible default. */
  TDN_CONFIG_KEY_REQUIRED = 1 << 1,
} TdnConfigKeyFlags;

typedef struct {
  const char         *name;
  TdnConfigType       type;
  /* Default in key-file syntax, or NULL for "unset". */
  const char         *default_value;
  /* INT: inclusive range. STRING/PATH/URI/STRV items: maximum length in
   * bytes (max 0 = no limit). DOUBLE uses dmin/dmax. */
  gint64              min;
  gint64              max;
  double              dmin;
  double              dmax;
  /* ENUM: allowed values; URI: allowed schemes. NULL-terminated. */
  const char * const *choices;
  /* STRING/STRV items: optional anchored regular expression. */
  const char         *pattern;
  /* What the key means and what to write (English; shown by tools). */
  const char         *summary;
  TdnConfigKeyFlags   flags;
} TdnConfigKey;

typedef struct {
  /* Plain group name ("kiosk"), or for instance groups the prefix: a group
   * named "clinic NOI" is instance "NOI" of group "clinic". */
  const char         *name;
  gboolean            instances;
  /* Instance groups: anchored regex for the instance name. */
  const char         *instance_pattern;
  const char         *summary;
  const TdnConfigKey *keys;     /* terminated by an entry with name NULL */
} TdnConfigGroup;

typedef struct {
  const char            *name;          /* "tiepdon", "broker" */
  const char            *file_name;     /* "tiepdon.conf" */
  const TdnConfigGroup * const *groups; /* NULL-terminated */
} TdnConfigSchema;

/* The two schemas of the product. */
extern const TdnConfigSchema tdn_config_schema_kiosk;
extern const TdnConfigSchema tdn_config_schema_broker;

const TdnConfigGroup *tdn_config_schema_find_group (const TdnConfigSchema *schema,
                                                    const char            *group_name,
                                                    const char           **instance);
const TdnConfigKey   *tdn_config_group_find_key    (const TdnConfigGroup  *group,
                                                    const char            *key_name);
const char           *tdn_config_type_to_string    (TdnConfigType          type);
/* What a key accepts, as a translated phrase ("an integer from 1 to 60"). */
char                 *tdn_config_value_describe    (const TdnConfigKey    *key);

/* Helpers for the key tables. */
#define TDN_KEY_STRING(n, def, maxlen, pat, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_STRING, .default_value = (def), .max = (maxlen), .pattern = (pat), .summary = (sum) }
#define TDN_KEY_INT(n, def, lo, hi, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_INT, .default_value = (def), .min = (lo), .max = (hi), .summary = (sum) }
#define TDN_KEY_DOUBLE(n, def, lo, hi, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_DOUBLE, .default_value = (def), .dmin = (lo), .dmax = (hi), .summary = (sum) }
#define TDN_KEY_BOOL(n, def, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_BOOL, .default_value = (def), .summary = (sum) }
#define TDN_KEY_ENUM(n, def, ch, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_ENUM, .default_value = (def), .choices = (ch), .summary = (sum) }
#define TDN_KEY_STRV(n, def, pat, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_STRV, .default_value = (def), .pattern = (pat), .max = 1024, .summary = (sum) }
#define TDN_KEY_PATH(n, def, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_PATH, .default_value = (def), .max = 4096, .summary = (sum) }
#define TDN_KEY_URI(n, def, schemes, sum) \
  { .name = (n), .type = TDN_CONFIG_TYPE_URI, .default_value = (def), .choices = (schemes), .max = 2048, .summary = (sum) }
#define TDN_KEY_END { .name = NULL }

G_END_DECLS
