/* tdn-config.c — configuration from tiepdon.conf plus conf.d drop-ins
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-config"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "tdn-config.h"
#include "tdn-config-private.h"

G_DEFINE_FINAL_TYPE (TdnConfig, tdn_config, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdn-config-error-quark, tdn_config_error)

static void
entry_free (gpointer data)
{
  TdnConfigEntry *e = data;

  g_clear_pointer (&e->value, g_variant_unref);
  g_free (e->source);
  g_free (e);
}

char *
tdn_config_make_id (const char *group,
                    const char *key)
{
  return g_strconcat (group, "\037", key, NULL);
}

static GHashTable *
values_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
}

static void
tdn_config_finalize (GObject *object)
{
  TdnConfig *self = TDN_CONFIG (object);

  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->instances, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_strfreev);
  g_free (self->err_file);
  g_free (self->err_group);
  g_free (self->err_key);

  G_OBJECT_CLASS (tdn_config_parent_class)->finalize (object);
}

static void
tdn_config_class_init (TdnConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_config_finalize;
}

static void
tdn_config_init (TdnConfig *self)
{
  self->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_variant_unref);
  self->values = values_table_new ();
  self->instances = g_ptr_array_new_with_free_func (g_free);
  self->files = g_new0 (char *, 1);
}

const TdnConfigGroup *
tdn_config_schema_find_group (const TdnConfigSchema *schema,
                              const char            *group_name,
                              const char           **instance)
{
  if (instance != NULL)
    *instance = NULL;

  for (guint i = 0; schema->groups[i] != NULL; i++)
    {
      const TdnConfigGroup *g = schema->groups[i];
      gsize len = strlen (g->name);

      if (!g->instances && strcmp (g->name, group_name) == 0)
        return g;
      if (g->instances && strncmp (g->name, group_name, len) == 0 && group_name[len] == ' ')
        {
          if (instance != NULL)
            *instance = group_name + len + 1;
          return g;
        }
    }
  return NULL;
}

const TdnConfigKey *
tdn_config_group_find_key (const TdnConfigGroup *group,
                           const char           *key_name)
{
  for (guint i = 0; group->keys[i].name != NULL; i++)
    if (strcmp (group->keys[i].name, key_name) == 0)
      return &group->keys[i];
  return NULL;
}

TdnConfig *
tdn_config_new (const TdnConfigSchema *schema)
{
  TdnConfig *self;
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_return_val_if_fail (schema != NULL, NULL);

  self = g_object_new (TDN_TYPE_CONFIG, NULL);
  self->schema = schema;

  /* Defaults go through the same parser as files: a bad default in a key
   * table is a programming error caught by the first test that loads. */
  for (guint i = 0; schema->groups[i] != NULL; i++)
    {
      const TdnConfigGroup *g = schema->groups[i];

      for (guint k = 0; g->keys[k].name != NULL; k++)
        {
          const TdnConfigKey *key = &g->keys[k];
          g_autofree char *problem = NULL;
          gboolean wrong_type = FALSE;
          GVariant *v;

          if (key->default_value == NULL)
            continue;
          g_key_file_set_value (kf, g->name, key->name, key->default_value);
          v = tdn_config_value_parse (key, kf, g->name, key->name, &wrong_type, &problem);
          if (v == NULL)
            g_error ("schema %s: default of [%s] %s is invalid: %s",
                     schema->name, g->name, key->name, problem);
          g_hash_table_insert (self->defaults, tdn_config_make_id (g->name, key->name), v);
        }
    }

  return self;
}

const TdnConfigSchema *
tdn_config_get_schema (TdnConfig *self)
{
  g_return_val_if_fail (TDN_IS_CONFIG (self), NULL);
  return self->schema;
}

const char * const *
tdn_config_get_files (TdnConfig *self)
{
  g_return_val_if_fail (TDN_IS_CONFIG (self), NULL);
  return (const char * const *) self->files;
}

void
tdn_config_get_error_location (TdnConfig   *self,
                               const char **file,
                               const char **group,
                               const char **key)
{
  g_return_if_fail (TDN_IS_CONFIG (self));
  if (file != NULL)
    *file = self->err_file;
  if (group != NULL)
    *group = self->err_group;
  if (key != NULL)
    *key = self->err_key;
}

static gboolean
fail (TdnConfig   *self,
      GError     **error,
      TdnConfigError code,
      const char  *file,
      const char  *group,
      const char  *key,
      const char  *problem)
{
  g_autoptr(GString) msg = g_string_new (file);

  g_free (self->err_file);
  g_free (self->err_group);
  g_free (self->err_key);
  self->err_file = g_strdup (file);
  self->err_group = g_strdup (group);
  self->err_key = g_strdup (key);

  if (group != NULL)
    g_string_append_printf (msg, ": [%s]", group);
  if (key != NULL)
    g_string_append_printf (msg, " %s", key);
  g_string_append_printf (msg, ": %s", problem);
  g_set_error_literal (error, TDN_CONFIG_ERROR, code, msg->str);
  return FALSE;
}

static char *
known_names (const TdnConfigSchema *schema,
             const TdnConfigGroup  *group)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (group == NULL)
    {
      for (guint i = 0; schema->groups[i] != NULL; i++)
        g_string_append_printf (s, "%s%s%s", i ? ", " : "", schema->groups[i]->name,
                                schema->groups[i]->instances ? " NAME" : "");
    }
  else
    {
      for (guint i = 0; group->keys[i].name != NULL; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", group->keys[i].name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Applies one parsed key file onto `values`. */
static gboolean
apply_key_file (TdnConfig   *self,
                GKeyFile    *kf,
                const char  *origin,
                gboolean     others_can_read,
                GHashTable  *values,
                GPtrArray   *instances,
                GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *instance = NULL;
      const TdnConfigGroup *g = tdn_config_schema_find_group (self->schema, groups[i], &instance);
      g_auto(GStrv) keys = NULL;

      if (g == NULL)
        {
          g_autofree char *known = known_names (self->schema, NULL);
          g_autofree char *problem = g_strdup_printf (_("unknown group; known groups: %s"), known);
          return fail (self, error, TDN_CONFIG_ERROR_UNKNOWN_GROUP, origin, groups[i], NULL, problem);
        }
      if (instance != NULL &&
          (g->instance_pattern != NULL && !g_regex_match_simple (g->instance_pattern, instance, 0, 0)))
        {
          g_autofree char *problem = g_strdup_printf (_("the name after “%s” must match %s"),
                                                      g->name, g->instance_pattern);
          return fail (self, error, TDN_CONFIG_ERROR_UNKNOWN_GROUP, origin, groups[i], NULL, problem);
        }
      if (g->instances && !g_ptr_array_find_with_equal_func (instances, groups[i], g_str_equal, NULL))
        g_ptr_array_add (instances, g_strdup (groups[i]));

      keys = g_key_file_get_keys (kf, groups[i], NULL, NULL);
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          const TdnConfigKey *key = tdn_config_group_find_key (g, keys[k]);
          g_autofree char *problem = NULL;
          gboolean wrong_type = FALSE;
          GVariant *v;
          TdnConfigEntry *e;

          if (key == NULL)
            {
              g_autofree char *known = known_names (self->schema, g);
              problem = g_strdup_printf (_("unknown key; known keys: %s"), known);
              return fail (self, error, TDN_CONFIG_ERROR_UNKNOWN_KEY, origin, groups[i], keys[k], problem);
            }
          if ((key->flags & TDN_CONFIG_KEY_SECRET) && others_can_read)
            {
              problem = g_strdup_printf (_("holds a secret but the file can be read by other users; "
                                           "run “chmod 600 %s”"), origin);
              return fail (self, error, TDN_CONFIG_ERROR_PERMISSIONS, origin, groups[i], keys[k], problem);
            }
          v = tdn_config_value_parse (key, kf, groups[i], keys[k], &wrong_type, &problem);
          if (v == NULL)
            return fail (self, error,
                         wrong_type ? TDN_CONFIG_ERROR_TYPE : TDN_CONFIG_ERROR_RANGE,
                         origin, groups[i], keys[k], problem);
          e = g_new0 (TdnConfigEntry, 1);
          e->value = v;
          e->source = g_strdup (origin);
          g_hash_table_replace (values, tdn_config_make_id (groups[i], keys[k]), e);
        }
    }
  return TRUE;
}

static gboolean
check_required (TdnConfig   *self,
                GHashTable  *values,
                GPtrArray   *instances,
                GError     **error)
{
  for (guint i = 0; self->schema->groups[i] != NULL; i++)
    {
      const TdnConfigGroup *g = self->schema->groups[i];

      for (guint k = 0; g->keys[k].name != NULL; k++)
        {
          const TdnConfigKey *key = &g->keys[k];

          if (!(key->flags & TDN_CONFIG_KEY_REQUIRED))
            continue;
          if (!g->instances)
            {
              g_autofree char *id = tdn_config_make_id (g->name, key->name);

              if (!g_hash_table_contains (values, id))
                return fail (self, error, TDN_CONFIG_ERROR_MISSING,
                             self->files[0] ? self->files[0] : self->schema->file_name,
                             g->name, key->name, _("required, but no file sets it"));
              continue;
            }
          for (guint n = 0; n < instances->len; n++)
            {
              const char *full = g_ptr_array_index (instances, n);
              const char *inst = NULL;
              g_autofree char *id = tdn_config_make_id (full, key->name);

              if (tdn_config_schema_find_group (self->schema, full, &inst) != g)
                continue;
              if (!g_hash_table_contains (values, id))
                return fail (self, error, TDN_CONFIG_ERROR_MISSING,
                             self->files[0] ? self->files[0] : self->schema->file_name,
                             full, key->name, _("required, but no file sets it"));
            }
        }
    }
  return TRUE;
}

static void
commit (TdnConfig  *self,
        GHashTable *values,
        GPtrArray  *instances,
        GPtrArray  *files)
{
  g_clear_pointer (&self->values, g_hash_table_unref);
  self->values = g_hash_table_ref (values);
  g_clear_pointer (&self->instances, g_ptr_array_unref);
  self->instances = g_ptr_array_ref (instances);
  g_strfreev (self->files);
  g_ptr_array_add (files, NULL);
  self->files = (GStrv) g_ptr_array_steal (files, NULL);
  g_clear_pointer (&self->err_file, g_free);
  g_clear_pointer (&self->err_group, g_free);
  g_clear_pointer (&self->err_key, g_free);
}

static gboolean
load_one_file (TdnConfig   *self,
               const char  *path,
               GHashTable  *values,
               GPtrArray   *instances,
               GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  struct stat st;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    return fail (self, error, TDN_CONFIG_ERROR_READ, path, NULL, NULL, local_error->message);
  if (!g_key_file_load_from_data (kf, contents, len, G_KEY_FILE_NONE, &local_error))
    return fail (self, error, TDN_CONFIG_ERROR_SYNTAX, path, NULL, NULL, local_error->message);
  if (g_stat (path, &st) != 0)
    return fail (self, error, TDN_CONFIG_ERROR_READ, path, NULL, NULL, g_strerror (errno));
  return apply_key_file (self, kf, path, (st.st_mode & 0077) != 0, values, instances, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
tdn_config_load (TdnConfig   *self,
                 const char  *file,
                 GError     **error)
{
  g_autoptr(GHashTable) values = values_table_new ();
  g_autoptr(GPtrArray) instances = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dropins = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *main_file = NULL;
  g_autofree char *dropin_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean is_default = FALSE;
  const char *name;

  g_return_val_if_fail (TDN_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (file != NULL)
    main_file = g_strdup (file);
  else if (g_getenv ("TIEPDON_CONFIG") != NULL && *g_getenv ("TIEPDON_CONFIG") != '\0')
    main_file = g_strdup (g_getenv ("TIEPDON_CONFIG"));
  else
    {
      main_file = g_build_filename (TDN_SYSCONFDIR, self->schema->file_name, NULL);
      is_default = TRUE;
    }

  if (g_file_test (main_file, G_FILE_TEST_EXISTS) || !is_default)
    {
      if (!load_one_file (self, main_file, values, instances, error))
        return FALSE;
      g_ptr_array_add (files, g_strdup (main_file));
    }

  /* Drop-ins: conf.d next to the main file, *.conf in name order. The broker
   * schema uses its own directory name so the two never mix. */
  {
    g_autofree char *parent = g_path_get_dirname (main_file);
    g_autofree char *dname = g_strdup_printf ("%s.d",
                                              g_str_equal (self->schema->name, "tiepdon")
                                                ? "conf" : self->schema->name);
    dropin_dir = g_build_filename (parent, dname, NULL);
  }
  dir = g_dir_open (dropin_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".conf") && name[0] != '.')
      g_ptr_array_add (dropins, g_build_filename (dropin_dir, name, NULL));
  g_ptr_array_sort (dropins, compare_strings);
  for (guint i = 0; i < dropins->len; i++)
    {
      const char *path = g_ptr_array_index (dropins, i);

      if (!load_one_file (self, path, values, instances, error))
        return FALSE;
      g_ptr_array_add (files, g_strdup (path));
    }

  if (!check_required (self, values, instances, error))
    return FALSE;

  commit (self, values, instances, files);
  g_debug ("configuration loaded from %u file(s)", g_strv_length (self->files));
  return TRUE;
}

gboolean
tdn_config_load_data (TdnConfig   *self,
                      const char  *data,
                      const char  *origin,
                      GError     **error)
{
  g_autoptr(GHashTable) values = values_table_new ();
  g_autoptr(GPtrArray) instances = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TDN_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (origin == NULL)
    origin = "(data)";
  if (!g_key_file_load_from_data (kf, data, -1, G_KEY_FILE_NONE, &local_error))
    return fail (self, error, TDN_CONFIG_ERROR_SYNTAX, origin, NULL, NULL, local_error->message);
  if (!apply_key_file (self, kf, origin, FALSE, values, instances, error))
    return FALSE;
  g_ptr_array_add (files, g_strdup (origin));
  if (!check_required (self, values, instances, error))
    return FALSE;
  commit (self, values, instances, files);
  return TRUE;
}

gboolean
tdn_config_set (TdnConfig   *self,
                const char  *group,
                const char  *key,
                const char  *value,
                GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GHashTable) values = values_table_new ();
  GHashTableIter iter;
  gpointer k, v;

  g_return_val_if_fail (TDN_IS_CONFIG (self), FALSE);

  g_key_file_set_value (kf, group, key, value);
  if (!apply_key_file (self, kf, "(set)", FALSE, values, self->instances, error))
    return FALSE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->values, k, v);
    }
  return TRUE;
}

