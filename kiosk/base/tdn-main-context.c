/* tdn-main-context.c — hand work from a worker thread to a main context
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-base"

#include "config.h"

#include "tdn-main-context.h"

void
tdn_main_context_post (GMainContext  *context,
                       GSourceFunc    func,
                       gpointer       data,
                       GDestroyNotify notify)
{
  GSource *source;

  g_return_if_fail (func != NULL);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "tdn_main_context_post");
  g_source_attach (source, context);
  g_source_unref (source);
}
