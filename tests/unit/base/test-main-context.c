/* test-main-context.c — work posted from a worker thread runs in the thread
 * that iterates the context, even when the context is free at that moment
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"

typedef struct {
  GThread *ran_in;
  guint    calls;
  guint    freed;
} Seen;

static gboolean
record_cb (gpointer data)
{
  Seen *s = data;

  s->ran_in = g_thread_self ();
  s->calls++;
  return G_SOURCE_REMOVE;
}

static void
freed_cb (gpointer data)
{
  ((Seen *) data)->freed++;
}

static gpointer
worker (gpointer data)
{
  /* The main thread is not iterating: the default context is free, so
   * g_main_context_invoke() would run record_cb right here. */
  tdn_main_context_post (NULL, record_cb, data, freed_cb);
  return NULL;
}

static void
test_runs_in_owner_thread (void)
{
  Seen s = { 0 };
  GThread *t = g_thread_new ("worker", worker, &s);

  g_thread_join (t);
  g_assert_cmpuint (s.calls, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (s.calls, ==, 1);
  g_assert_true (s.ran_in == g_thread_self ());
  g_assert_cmpuint (s.freed, ==, 1);
  /* Once only. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (s.calls, ==, 1);
}

static void
test_own_context (void)
{
  g_autoptr(GMainContext) ctx = g_main_context_new ();
  Seen s = { 0 };

  tdn_main_context_post (ctx, record_cb, &s, NULL);
  /* Not on the default context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (s.calls, ==, 0);
  while (g_main_context_iteration (ctx, FALSE))
    ;
  g_assert_cmpuint (s.calls, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/main-context/runs-in-owner-thread", test_runs_in_owner_thread);
  g_test_add_func ("/main-context/own-context", test_own_context);
  return g_test_run ();
}
