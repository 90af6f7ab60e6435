/* tdn-main-context.h — hand work from a worker thread to a main context
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_main_context_invoke() runs the function at once in the calling thread
 * when the context is free at that instant — between two iterations of the
 * UI's main loop, a worker thread can find it so — and GTK code would then
 * run off the UI thread. tdn_main_context_post() always queues the call
 * for the thread that iterates the context.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls `func (data)` once from `context`'s own dispatch (NULL: the global
 * default context), then `notify (data)`. Safe from any thread. */
void tdn_main_context_post (GMainContext  *context,
                            GSourceFunc    func,
                            gpointer       data,
                            GDestroyNotify notify);

G_END_DECLS
