/* tdn-config.h — configuration from tiepdon.conf plus conf.d drop-ins
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tdn-config-schema.h"

G_BEGIN_DECLS

#define TDN_CONFIG_ERROR (tdn_config_error_quark ())

typedef enum {
  TDN_CONFIG_ERROR_READ,           /* file missing or unreadable */
  TDN_CONFIG_ERROR_SYNTAX,         /* not a key file */
  TDN_CONFIG_ERROR_UNKNOWN_GROUP,
  TDN_CONFIG_ERROR_UNKNOWN_KEY,
  TDN_CONFIG_ERROR_TYPE,           /* value of the wrong type */
  TDN_CONFIG_ERROR_RANGE,          /* right type, outside the allowed values */
  TDN_CONFIG_ERROR_MISSING,        /* required key not set */
  TDN_CONFIG_ERROR_PERMISSIONS,    /* secret in a file others can read */
} TdnConfigError;

GQuark tdn_config_error_quark (void);

#define TDN_TYPE_CONFIG (tdn_config_get_type ())
G_DECLARE_FINAL_TYPE (TdnConfig, tdn_config, TDN, CONFIG, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnConfig  *tdn_config_new               (const TdnConfigSchema *schema);

/* Loads `file` (NULL: $TIEPDON_CONFIG, else the schema's file in the
 * system configuration directory) and then every `*.conf` in the `conf.d`
 * directory next to it, in name order; later files win. The main file may
 * be absent only when it is the system default (all defaults then apply).
 * On error nothing is kept and the message names file, group and key. */
gboolean    tdn_config_load              (TdnConfig   *self,
                                          const char  *file,
                                          GError     **error);
/* Loads from an in-memory key file (tests, tools); `origin` names it. */
gboolean    tdn_config_load_data         (TdnConfig   *self,
                                          const char  *data,
                                          const char  *origin,
                                          GError     **error);

const TdnConfigSchema *tdn_config_get_schema (TdnConfig *self);
/* Files read by the last successful load, in order. */
const char * const    *tdn_config_get_files  (TdnConfig *self);
/* Where the last error was found; any may be NULL. */
void        tdn_config_get_error_location (TdnConfig   *self,
                                           const char **file,
                                           const char **group,
                                           const char **key);

/* Typed getters. `group` is the full group name ("kiosk", "clinic NOI").
 * Asking for a key the schema does not have is a programming error. */
const char         *tdn_config_get_string (TdnConfig *self, const char *group, const char *key);
gint64              tdn_config_get_int    (TdnConfig *self, const char *group, const char *key);
double              tdn_config_get_double (TdnConfig *self, const char *group, const char *key);
gboolean            tdn_config_get_bool   (TdnConfig *self, const char *group, const char *key);
const char * const *tdn_config_get_strv   (TdnConfig *self, const char *group, const char *key);
/* TRUE when some file set the key (FALSE: the default applies). */
gboolean            tdn_config_is_set     (TdnConfig *self, const char *group, const char *key);
/* The file that set the key, or NULL for the default. */
const char         *tdn_config_get_source (TdnConfig *self, const char *group, const char *key);
/* The value as GVariant (s, x, d, b, as), or NULL when unset. */
GVariant           *tdn_config_get_value  (TdnConfig *self, const char *group, const char *key);

/* Instance names of an instance group ("clinic" → ["NOI", "NHI"]) in the
 * order they first appeared. */
GStrv       tdn_config_list_instances    (TdnConfig *self, const char *group_prefix);

/* Sets a value from key-file syntax, validated like a file (tests, --set). */
gboolean    tdn_config_set               (TdnConfig   *self,
                                          const char  *group,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);

G_END_DECLS
