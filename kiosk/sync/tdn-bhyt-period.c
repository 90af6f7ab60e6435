/* tdn-bhyt-period.c — a BHYT card's validity from the gateway's answer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "tdn-bhyt-period.h"

/* "dd/mm/yyyy" or "yyyy-mm-dd" → "yyyy-mm-dd", else NULL. */
static char *
card_date (JsonObject *o,
           const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  const char *s;
  int d, m, y;
  char tail;

  if (n == NULL || JSON_NODE_TYPE (n) != JSON_NODE_VALUE || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  s = json_node_get_string (n);
  if (strlen (s) != 10)
    return NULL;
  if ((sscanf (s, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 && s[2] == '/' && s[5] == '/') ||
      (sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && s[4] == '-' && s[7] == '-'))
    {
      if (g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1900)
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  return NULL;
}

gboolean
tdn_bhyt_period_from_raw (const char  *eligibility_raw,
                          char       **start,
                          char       **end)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  *start = *end = NULL;
  if (eligibility_raw == NULL || *eligibility_raw == '\0')
    return FALSE;
  root = json_from_string (eligibility_raw, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  o = json_node_get_object (root);
  *start = card_date (o, "gtTheTu");
  *end = card_date (o, "gtTheDen");
  return *start != NULL || *end != NULL;
}
