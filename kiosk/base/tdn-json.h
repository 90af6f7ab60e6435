/* tdn-json.h — small helpers for the JSON every module writes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Adds `name`: `value`, or null when `value` is NULL (stable keys are
 * always present). */
void tdn_json_add_string (JsonBuilder *builder,
                          const char  *name,
                          const char  *value);
/* Adds `name`: ISO 8601 UTC time of `us` microseconds since the epoch, or
 * null when `us` is 0 or less. */
void tdn_json_add_time   (JsonBuilder *builder,
                          const char  *name,
                          gint64       us);
/* TRUE when the parsed document is an object. An empty or blank document
 * parses without an error but has no root: that is not an object. */
gboolean tdn_json_root_is_object (JsonParser *parser);

G_END_DECLS
