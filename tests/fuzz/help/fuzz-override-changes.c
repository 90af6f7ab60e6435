/* fuzz-override-changes.c — overrides as the broker sends them to a kiosk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-override-changes.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
clinic_valid (const char *code,
              gpointer    user_data)
{
  return g_strcmp0 (code, "NOI") == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TdnVisit) current = tdn_visit_new ();
  g_autoptr(TdnVisit) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  JsonNode *root;

  if (size > 1 << 20 || !json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  current->payment = g_strdup ("bhyt");
  current->bhyt_card = g_strdup ("HC4010123456789");
  current->clinic = g_strdup ("NOI");
  changes = tdn_override_changes_for (json_node_get_object (root), current, clinic_valid, NULL, &error);
  /* Either changes, an error, or neither for a reprint. */
  g_assert_true (changes == NULL || error == NULL);
  detail = tdn_override_audit_detail (json_node_get_object (root), current, changes);
  /* The audit detail is always JSON, whatever came in. */
  {
    g_autoptr(JsonParser) back = json_parser_new ();
    g_assert_true (json_parser_load_from_data (back, detail, -1, NULL));
  }
  return 0;
}
