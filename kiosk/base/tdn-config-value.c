/* tdn-config-value.c — parse and check one configuration value
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-config"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tdn-config-private.h"

const char *
tdn_config_type_to_string (TdnConfigType type)
{
  switch (type)
    {
    case TDN_CONFIG_TYPE_STRING: return "string";
    case TDN_CONFIG_TYPE_INT:    return "integer";
    case TDN_CONFIG_TYPE_DOUBLE: return "number";
    case TDN_CONFIG_TYPE_BOOL:   return "boolean";
    case TDN_CONFIG_TYPE_ENUM:   return "choice";
    case TDN_CONFIG_TYPE_STRV:   return "list";
    case TDN_CONFIG_TYPE_PATH:   return "path";
    case TDN_CONFIG_TYPE_URI:    return "uri";
    default:                     return "unknown";
    }
}

static char *
join_choices (const char * const *choices)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, choices[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
tdn_config_value_describe (const TdnConfigKey *key)
{
  g_autofree char *choices = join_choices (key->choices);

  switch (key->type)
    {
    case TDN_CONFIG_TYPE_INT:
      {
        g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, key->min);
        g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, key->max);

        return g_strdup_printf (_("an integer from %s to %s"), lo, hi);
      }
    case TDN_CONFIG_TYPE_DOUBLE:
      return g_strdup_printf (_("a number from %g to %g"), key->dmin, key->dmax);
    case TDN_CONFIG_TYPE_BOOL:
      return g_strdup (_("true or false"));
    case TDN_CONFIG_TYPE_ENUM:
      return g_strdup_printf (_("one of: %s"), choices);
    case TDN_CONFIG_TYPE_STRV:
      return g_strdup (_("a list of values separated by “;”"));
    case TDN_CONFIG_TYPE_PATH:
      return g_strdup (_("an absolute path"));
    case TDN_CONFIG_TYPE_URI:
      return g_strdup_printf (_("a URI with scheme %s"), choices);
    case TDN_CONFIG_TYPE_STRING:
    default:
      if (key->pattern != NULL)
        return g_strdup_printf (_("text matching %s"), key->pattern);
      return g_strdup (_("text"));
    }
}

static gboolean
check_text (const TdnConfigKey *key,
            const char         *text,
            char              **problem)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      *problem = g_strdup (_("the value is not valid UTF-8"));
      return FALSE;
    }
  if (key->max > 0 && (gint64) strlen (text) > key->max)
    {
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, key->max);

      *problem = g_strdup_printf (_("the value is longer than %s bytes"), max);
      return FALSE;
    }
  if (key->pattern != NULL && !g_regex_match_simple (key->pattern, text, 0, 0))
    {
      *problem = g_strdup_printf (_("expected text matching %s, got “%s”"),
                                  key->pattern, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_bool (const char *raw,
            gboolean   *out)
{
  static const char * const yes[] = { "true", "yes", "on", "1", NULL };
  static const char * const no[] = { "false", "no", "off", "0", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (raw, yes[i]) == 0)
        return (*out = TRUE);
      if (g_ascii_strcasecmp (raw, no[i]) == 0)
        {
          *out = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
check_uri (const TdnConfigKey *key,
           const char         *text,
           char              **problem)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *schemes = join_choices (key->choices);

  if (!check_text (key, text, problem))
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      *problem = g_strdup_printf (_("expected a URI with scheme %s, got “%s” (%s)"),
                                  schemes, text, local_error->message);
      return FALSE;
    }
  if (key->choices != NULL &&
      !g_strv_contains ((const char * const *) key->choices, g_uri_get_scheme (uri)))
    {
      *problem = g_strdup_printf (_("expected a URI with scheme %s, got “%s”"), schemes, text);
      return FALSE;
    }
  return TRUE;
}

GVariant *
tdn_config_value_parse (const TdnConfigKey *key,
                        GKeyFile           *kf,
                        const char         *group,
                        const char         *key_name,
                        gboolean           *wrong_type,
                        char              **problem)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *expected = tdn_config_value_describe (key);

  g_return_val_if_fail (problem != NULL && *problem == NULL, NULL);
  g_return_val_if_fail (wrong_type != NULL, NULL);

  *wrong_type = FALSE;

  raw = g_key_file_get_value (kf, group, key_name, &local_error);
  if (raw == NULL)
    {
      *problem = g_strdup (local_error->message);
      return NULL;
    }
  g_strstrip (raw);

  switch (key->type)
    {
    case TDN_CONFIG_TYPE_INT:
      {
        gint64 v = 0;

        if (!g_ascii_string_to_signed (raw, 10, G_MININT64, G_MAXINT64, &v, NULL))
          {
            *wrong_type = TRUE;
            *problem = g_strdup_printf (_("expected %s, got “%s”"), expected, raw);
            return NULL;
          }
        if (v < key->min || v > key->max)
          {
            g_autofree char *got = g_strdup_printf ("%" G_GINT64_FORMAT, v);

            *problem = g_strdup_printf (_("expected %s, got %s"), expected, got);
            return NULL;
          }
        return g_variant_ref_sink (g_variant_new_int64 (v));
      }

    case TDN_CONFIG_TYPE_DOUBLE:
      {
        char *end = NULL;
        double v = g_ascii_strtod (raw, &end);

        if (*raw == '\0' || end == NULL || *end != '\0' || !isfinite (v))
          {
            *wrong_type = TRUE;
            *problem = g_strdup_printf (_("expected %s, got “%s”"), expected, raw);
            return NULL;
          }
        if (v < key->dmin || v > key->dmax)
          {
            *problem = g_strdup_printf (_("expected %s, got %g"), expected, v);
            return NULL;
          }
        return g_variant_ref_sink (g_variant_new_double (v));
      }

    case TDN_CONFIG_TYPE_BOOL:
      {
        gboolean v = FALSE;

        if (!parse_bool (raw, &v))
          {
            *wrong_type = TRUE;
            *problem = g_strdup_printf (_("expected %s, got “%s”"), expected, raw);
            return NULL;
          }
        return g_variant_ref_sink (g_variant_new_boolean (v));
      }

    case TDN_CONFIG_TYPE_ENUM:
      if (!g_strv_contains ((const char * const *) key->choices, raw))
        {
          *problem = g_strdup_printf (_("expected %s, got “%s”"), expected, raw);
          return NULL;
        }
      return g_variant_ref_sink (g_variant_new_string (raw));

    case TDN_CONFIG_TYPE_STRV:
      {
        g_auto(GStrv) items = g_key_file_get_string_list (kf, group, key_name, NULL, &local_error);

        if (items == NULL)
          {
            *wrong_type = TRUE;
            *problem = g_strdup_printf (_("expected %s, got “%s”"), expected, raw);
            return NULL;
          }
        for (guint i = 0; items[i] != NULL; i++)
          {
            g_strstrip (items[i]);
            if (!check_text (key, items[i], problem))
              return NULL;
          }
        return g_variant_ref_sink (g_variant_new_strv ((const char * const *) items, -1));
      }

    case TDN_CONFIG_TYPE_PATH:
    case TDN_CONFIG_TYPE_URI:
    case TDN_CONFIG_TYPE_STRING:
    default:
      {
        g_autofree char *text = g_key_file_get_string (kf, group, key_name, &local_error);

        if (text == NULL)
          {
            *wrong_type = TRUE;
            *problem = g_strdup_printf (_("expected %s, got “%s” (%s)"),
                                        expected, raw, local_error->message);
            return NULL;
          }
        g_strstrip (text);
        if (key->type == TDN_CONFIG_TYPE_PATH && *text != '\0' && !g_path_is_absolute (text))
          {
            *problem = g_strdup_printf (_("expected %s, got “%s”"), expected, text);
            return NULL;
          }
        if (key->type == TDN_CONFIG_TYPE_URI && *text != '\0')
          {
            if (!check_uri (key, text, problem))
              return NULL;
          }
        else if (!check_text (key, text, problem))
          return NULL;
        return g_variant_ref_sink (g_variant_new_string (text));
      }
    }
}
