/* tdn-uuid.h — random identifiers for visits and deliveries
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new random (version 4) UUID in lower-case text form. */
char     *tdn_uuid_new      (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean  tdn_uuid_is_valid (const char *text);

/* Tests: make tdn_uuid_new() deterministic from `seed` (0: random again). */
void      tdn_uuid_set_test_seed (guint32 seed);

G_END_DECLS
