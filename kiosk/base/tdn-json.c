/* tdn-json.c — small helpers for the JSON every module writes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-json.h"

void
tdn_json_add_string (JsonBuilder *b,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
tdn_json_add_time (JsonBuilder *b,
                   const char  *name,
                   gint64       us)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (us > 0)
    {
      utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
      text = g_date_time_format_iso8601 (utc);
    }
  tdn_json_add_string (b, name, text);
}

gboolean
tdn_json_root_is_object (JsonParser *parser)
{
  JsonNode *root = json_parser_get_root (parser);

  return root != NULL && JSON_NODE_HOLDS_OBJECT (root);
}
