/* tdn-config-get.c — typed reads of the loaded configuration
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-config"

#include "config.h"

#include "tdn-config.h"
#include "tdn-config-private.h"

GVariant *
tdn_config_get_value (TdnConfig  *self,
                      const char *group,
                      const char *key)
{
  g_autofree char *id = NULL;
  const TdnConfigGroup *g;
  TdnConfigEntry *e;

  g_return_val_if_fail (TDN_IS_CONFIG (self), NULL);

  g = tdn_config_schema_find_group (self->schema, group, NULL);
  if (g == NULL || tdn_config_group_find_key (g, key) == NULL)
    {
      g_critical ("configuration key [%s] %s is not in schema %s", group, key, self->schema->name);
      return NULL;
    }
  id = tdn_config_make_id (group, key);
  e = g_hash_table_lookup (self->values, id);
  if (e != NULL)
    return e->value;
  g_free (id);
  id = tdn_config_make_id (g->name, key);
  return g_hash_table_lookup (self->defaults, id);
}

gboolean
tdn_config_is_set (TdnConfig  *self,
                   const char *group,
                   const char *key)
{
  g_autofree char *id = tdn_config_make_id (group, key);

  g_return_val_if_fail (TDN_IS_CONFIG (self), FALSE);
  return g_hash_table_contains (self->values, id);
}

const char *
tdn_config_get_source (TdnConfig  *self,
                       const char *group,
                       const char *key)
{
  g_autofree char *id = tdn_config_make_id (group, key);
  TdnConfigEntry *e;

  g_return_val_if_fail (TDN_IS_CONFIG (self), NULL);
  e = g_hash_table_lookup (self->values, id);
  return e != NULL ? e->source : NULL;
}

#define TYPED_GETTER(ret, name, vtype, conv, zero)                              \
  ret                                                                           \
  tdn_config_get_##name (TdnConfig  *self,                                      \
                         const char *group,                                     \
                         const char *key)                                       \
  {                                                                             \
    GVariant *v = tdn_config_get_value (self, group, key);                      \
    if (v == NULL)                                                              \
      return zero;                                                              \
    if (!g_variant_is_of_type (v, vtype))                                       \
      {                                                                         \
        g_critical ("configuration key [%s] %s is not of type %s",              \
                    group, key, (const char *) vtype);                          \
        return zero;                                                            \
      }                                                                         \
    return conv;                                                                \
  }

TYPED_GETTER (const char *, string, G_VARIANT_TYPE_STRING, g_variant_get_string (v, NULL), NULL)
TYPED_GETTER (gint64, int, G_VARIANT_TYPE_INT64, g_variant_get_int64 (v), 0)
TYPED_GETTER (double, double, G_VARIANT_TYPE_DOUBLE, g_variant_get_double (v), 0.0)
TYPED_GETTER (gboolean, bool, G_VARIANT_TYPE_BOOLEAN, g_variant_get_boolean (v), FALSE)

const char * const *
tdn_config_get_strv (TdnConfig  *self,
                     const char *group,
                     const char *key)
{
  static const char * const empty[] = { NULL };
  GVariant *v = tdn_config_get_value (self, group, key);
  g_autofree char *data_key = NULL;
  const char **strv;

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    return empty;
  /* The variant owns the strings; the array lives as long as the object
   * (or until the key is asked for again). */
  strv = g_variant_get_strv (v, NULL);
  data_key = g_strconcat ("strv:", group, "/", key, NULL);
  g_object_set_data_full (G_OBJECT (self), g_intern_string (data_key), strv, g_free);
  return strv;
}

GStrv
tdn_config_list_instances (TdnConfig  *self,
                           const char *group_prefix)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  gsize len = strlen (group_prefix);

  g_return_val_if_fail (TDN_IS_CONFIG (self), NULL);

  for (guint i = 0; i < self->instances->len; i++)
    {
      const char *full = g_ptr_array_index (self->instances, i);

      if (strncmp (full, group_prefix, len) == 0 && full[len] == ' ')
        g_strv_builder_add (b, full + len + 1);
    }
  return g_strv_builder_end (b);
}
