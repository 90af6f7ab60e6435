/* test-scanner.c — duplicate guard, simulator, keyboard-wedge key map
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <linux/input.h>

#include "tdn-base.h"
#include "tdn-sim-scanner.h"
#include "tdn-wedge-scanner.h"

static void
count_cb (TdnScanner *scanner,
          GBytes     *payload,
          guint      *n)
{
  (*n)++;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_duplicate_window (void)
{
  g_autoptr(TdnScanner) scanner = tdn_sim_scanner_new ();
  g_autoptr(GBytes) a = g_bytes_new_static ("AAA", 3);
  g_autoptr(GBytes) b = g_bytes_new_static ("BBB", 3);
  guint n = 0;

  tdn_clock_set_fake (G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC);
  tdn_scanner_set_duplicate_window_ms (scanner, 3000);
  g_signal_connect (scanner, "payload-scanned", G_CALLBACK (count_cb), &n);
  g_assert_true (tdn_scanner_start (scanner, NULL));
  g_assert_true (tdn_scanner_is_connected (scanner));

  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), a);
  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), a);       /* dropped */
  tdn_clock_advance (2 * G_USEC_PER_SEC);
  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), a);       /* still held there: dropped */
  tdn_clock_advance (4 * G_USEC_PER_SEC);
  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), a);       /* taken away and back: counted */
  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), b);
  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), a);       /* different from the last: counted */
  drain ();
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (tdn_scanner_get_dropped (scanner), ==, 2);

  /* Unplugged: nothing arrives, and the state says so. */
  tdn_sim_scanner_plug (TDN_SIM_SCANNER (scanner), FALSE);
  tdn_clock_advance (10 * G_USEC_PER_SEC);
  tdn_sim_scanner_scan (TDN_SIM_SCANNER (scanner), b);
  drain ();
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (tdn_scanner_is_connected (scanner));
  tdn_clock_clear_fake ();
}

static void
thread_cb (TdnScanner *scanner,
           GBytes     *payload,
           GThread   **ran_in)
{
  *ran_in = g_thread_self ();
}

static gpointer
scan_from_worker (gpointer data)
{
  g_autoptr(GBytes) p = g_bytes_new_static ("FROM-WORKER", 11);

  tdn_sim_scanner_scan (TDN_SIM_SCANNER (data), p);
  return NULL;
}

/* Regression: a backend's worker thread delivering while the main loop
 * was between iterations emitted "payload-scanned" in the worker thread,
 * so UI handlers ran off the UI thread. */
static void
test_signal_in_main_thread (void)
{
  g_autoptr(TdnScanner) scanner = tdn_sim_scanner_new ();
  GThread *ran_in = NULL;

  tdn_scanner_set_duplicate_window_ms (scanner, 0);
  g_signal_connect (scanner, "payload-scanned", G_CALLBACK (thread_cb), &ran_in);
  g_assert_true (tdn_scanner_start (scanner, NULL));
  g_thread_join (g_thread_new ("backend", scan_from_worker, scanner));
  g_assert_null (ran_in);
  drain ();
  g_assert_true (ran_in == g_thread_self ());
}

static void
test_wedge_keymap (void)
{
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_A, FALSE), ==, 'a');
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_A, TRUE), ==, 'A');
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_1, FALSE), ==, '1');
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_4, TRUE), ==, '$');
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_BACKSLASH, TRUE), ==, '|');
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_KP7, FALSE), ==, '7');
  g_assert_cmpint (tdn_wedge_key_to_ascii (KEY_LEFTCTRL, FALSE), ==, 0);
  g_assert_cmpint (tdn_wedge_key_to_ascii (100000, FALSE), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scanner/duplicate-window", test_duplicate_window);
  g_test_add_func ("/scanner/wedge-keymap", test_wedge_keymap);
  g_test_add_func ("/scanner/signal-in-main-thread", test_signal_in_main_thread);
  return g_test_run ();
}
