/* tdn-ctl-config.c — tiepdonctl config check|schema
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-ctl"

#include "config.h"

#include <stdio.h>

#include "tdn-ctl.h"

static const TdnConfigSchema *
schema_by_name (const char *name)
{
  if (name == NULL || g_str_equal (name, "tiepdon"))
    return &tdn_config_schema_kiosk;
  if (g_str_equal (name, "broker"))
    return &tdn_config_schema_broker;
  return NULL;
}

static void
add_value (JsonBuilder        *b,
           const TdnConfigKey *key,
           GVariant           *v)
{
  if (v == NULL)
    json_builder_add_null_value (b);
  else if (key->flags & TDN_CONFIG_KEY_SECRET)
    json_builder_add_string_value (b, "(secret)");
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    json_builder_add_int_value (b, g_variant_get_int64 (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    json_builder_add_double_value (b, g_variant_get_double (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    json_builder_add_boolean_value (b, g_variant_get_boolean (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **items = g_variant_get_strv (v, NULL);

      json_builder_begin_array (b);
      for (guint i = 0; items[i] != NULL; i++)
        json_builder_add_string_value (b, items[i]);
      json_builder_end_array (b);
    }
  else
    json_builder_add_string_value (b, g_variant_get_string (v, NULL));
}

static char *
value_text (const TdnConfigKey *key,
            GVariant           *v)
{
  if (v == NULL)
    return g_strdup ("");
  if (key->flags & TDN_CONFIG_KEY_SECRET)
    return g_strdup ("(secret)");
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return g_strdup (g_variant_get_string (v, NULL));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **items = g_variant_get_strv (v, NULL);
      return g_strjoinv (";", (char **) items);
    }
  return g_variant_print (v, FALSE);
}

/* Every group name in effect: fixed groups, then each instance. */
static GPtrArray *
effective_groups (TdnConfig *config)
{
  const TdnConfigSchema *schema = tdn_config_get_schema (config);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; schema->groups[i] != NULL; i++)
    {
      const TdnConfigGroup *g = schema->groups[i];

      if (!g->instances)
        g_ptr_array_add (out, g_strdup (g->name));
      else
        {
          g_auto(GStrv) names = tdn_config_list_instances (config, g->name);

          for (guint n = 0; names[n] != NULL; n++)
            g_ptr_array_add (out, g_strdup_printf ("%s %s", g->name, names[n]));
        }
    }
  return out;
}

static void
print_config_json (TdnCtl    *ctl,
                   TdnConfig *config)
{
  const TdnConfigSchema *schema = tdn_config_get_schema (config);
  g_autoptr(GPtrArray) groups = effective_groups (config);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *files = tdn_config_get_files (config);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "valid");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "schema");
  json_builder_add_string_value (b, schema->name);
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; files[i] != NULL; i++)
    json_builder_add_string_value (b, files[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "config");
  json_builder_begin_object (b);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *gname = g_ptr_array_index (groups, i);
      const TdnConfigGroup *g = tdn_config_schema_find_group (schema, gname, NULL);

      json_builder_set_member_name (b, gname);
      json_builder_begin_object (b);
      for (guint k = 0; g->keys[k].name != NULL; k++)
        {
          json_builder_set_member_name (b, g->keys[k].name);
          add_value (b, &g->keys[k], tdn_config_get_value (config, gname, g->keys[k].name));
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "sources");
  json_builder_begin_object (b);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *gname = g_ptr_array_index (groups, i);
      const TdnConfigGroup *g = tdn_config_schema_find_group (schema, gname, NULL);
      gboolean open = FALSE;

      for (guint k = 0; g->keys[k].name != NULL; k++)
        {
          const char *src = tdn_config_get_source (config, gname, g->keys[k].name);

          if (src == NULL)
            continue;
          if (!open)
            {
              json_builder_set_member_name (b, gname);
              json_builder_begin_object (b);
              open = TRUE;
            }
          json_builder_set_member_name (b, g->keys[k].name);
          json_builder_add_string_value (b, src);
        }
      if (open)
        json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  tdn_ctl_print_json (ctl, root);
}

static void
print_config_text (TdnConfig *config)
{
  const TdnConfigSchema *schema = tdn_config_get_schema (config);
  g_autoptr(GPtrArray) groups = effective_groups (config);
  const char * const *files = tdn_config_get_files (config);
  g_autofree char *list = g_strjoinv (", ", (char **) files);

  printf (_("# Configuration is valid. Files read: %s\n"),
          files[0] != NULL ? list : _("none (all defaults)"));
  for (guint i = 0; i < groups->len; i++)
    {
      const char *gname = g_ptr_array_index (groups, i);
      const TdnConfigGroup *g = tdn_config_schema_find_group (schema, gname, NULL);

      printf ("\n[%s]\n", gname);
      for (guint k = 0; g->keys[k].name != NULL; k++)
        {
          const char *src = tdn_config_get_source (config, gname, g->keys[k].name);
          g_autofree char *text = value_text (&g->keys[k],
                                              tdn_config_get_value (config, gname, g->keys[k].name));

          printf ("%s=%s%s%s\n", g->keys[k].name, text,
                  src != NULL ? "    # " : "    # ",
                  src != NULL ? src : _("default"));
        }
    }
}

static int
config_check (TdnCtl *ctl,
              int     argc,
              char  **argv)
{
  g_autofree char *schema_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnConfig) config = NULL;
  const TdnConfigSchema *schema;
  GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_STRING, &schema_name,
      N_("Which file to check: tiepdon (default) or broker"), N_("NAME") },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc > 1)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("unexpected argument “%s”"), argv[1]);
  schema = schema_by_name (schema_name);
  if (schema == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID,
                         _("unknown schema “%s”; expected tiepdon or broker"), schema_name);

  config = tdn_config_new (schema);
  if (!tdn_config_load (config, tdn_ctl_get_config_file (ctl), &error))
    {
      const char *file, *group, *key;

      tdn_config_get_error_location (config, &file, &group, &key);
      fprintf (stderr, "tiepdonctl: %s\n", error->message);
      if (tdn_ctl_get_json (ctl))
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "valid");
          json_builder_add_boolean_value (b, FALSE);
          json_builder_set_member_name (b, "error");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "file");
          json_builder_add_string_value (b, file);
          json_builder_set_member_name (b, "group");
          json_builder_add_string_value (b, group);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, key);
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, error->message);
          json_builder_end_object (b);
          json_builder_end_object (b);
          root = json_builder_get_root (b);
          tdn_ctl_print_json (ctl, root);
        }
      return TDN_CTL_EXIT_INVALID;
    }

  if (tdn_ctl_get_json (ctl))
    print_config_json (ctl, config);
  else
    print_config_text (config);
  return TDN_CTL_EXIT_OK;
}

static int
config_schema (TdnCtl *ctl,
               int     argc,
               char  **argv)
{
  g_autofree char *schema_name = NULL;
  const TdnConfigSchema *schema;
  GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_STRING, &schema_name,
      N_("Which file: tiepdon (default) or broker"), N_("NAME") },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  schema = schema_by_name (schema_name);
  if (schema == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID,
                         _("unknown schema “%s”; expected tiepdon or broker"), schema_name);

  printf ("# %s\n", schema->file_name);
  for (guint i = 0; schema->groups[i] != NULL; i++)
    {
      const TdnConfigGroup *g = schema->groups[i];

      printf ("\n[%s%s]  # %s\n", g->name, g->instances ? " NAME" : "", g->summary);
      for (guint k = 0; g->keys[k].name != NULL; k++)
        {
          const TdnConfigKey *key = &g->keys[k];
          g_autofree char *expected = tdn_config_value_describe (key);

          printf ("#   %s (%s%s%s): %s\n", key->name, expected,
                  key->flags & TDN_CONFIG_KEY_REQUIRED ? ", required" : "",
                  key->flags & TDN_CONFIG_KEY_SECRET ? ", secret" : "",
                  key->summary);
          printf ("#%s=%s\n", key->name, key->default_value ? key->default_value : "");
        }
    }
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "config check", "[--schema tiepdon|broker] [--config FILE] [--json]",
    N_("Check the configuration and print what is in effect (secrets hidden)"), config_check },
  { "config schema", "[--schema tiepdon|broker]",
    N_("Print every configuration key with its type, range and default"), config_schema },
};

void
tdn_ctl_config_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
