/* test-serial-scanner.c — a pty stands in for a CDC-ACM QR scanner
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <pty.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-serial-scanner.h"

typedef struct {
  GPtrArray *payloads;
  int        connects;
  int        disconnects;
} Seen;

static void
payload_cb (TdnScanner *scanner,
            GBytes     *payload,
            Seen       *seen)
{
  g_ptr_array_add (seen->payloads, g_strndup (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload)));
}

static void
status_cb (TdnScanner *scanner,
           gboolean    connected,
           const char *reason,
           Seen       *seen)
{
  if (connected)
    seen->connects++;
  else
    seen->disconnects++;
}

static gboolean
wait_until (gboolean (*cond) (Seen *), Seen *seen)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (seen) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return cond (seen);
}

static guint want_payloads;
static int want_connects, want_disconnects;
static gboolean enough_payloads (Seen *s) { return s->payloads->len >= want_payloads; }
static gboolean enough_connects (Seen *s) { return s->connects >= want_connects; }
static gboolean enough_disconnects (Seen *s) { return s->disconnects >= want_disconnects; }

static void
write_all (int         fd,
           const char *s)
{
  gsize len = strlen (s);

  while (len > 0)
    {
      ssize_t n = write (fd, s, len);

      g_assert_cmpint (n, >, 0);
      s += n;
      len -= (gsize) n;
    }
}

static int
open_pty_link (const char *link)
{
  int master, slave;
  char name[256];

  g_assert_cmpint (openpty (&master, &slave, name, NULL, NULL), ==, 0);
  /* The scanner opens the slave by name; keep our copy closed. */
  close (slave);
  g_unlink (link);
  g_assert_cmpint (symlink (name, link), ==, 0);
  return master;
}

static void
test_pty_scanner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tdn-scanner-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (dir, "ttyACM-test", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnScanner) scanner = NULL;
  Seen seen = { g_ptr_array_new_with_free_func (g_free), 0, 0 };
  const char *cccd = "001195012345|012345678|Nguyễn Thị Mai|14031995|Nữ|Hà Nội|10052021";
  g_autofree char *head = g_strndup (cccd, 20);
  int master = open_pty_link (link);

  scanner = tdn_serial_scanner_new (link, 9600, TDN_SERIAL_FRAMING_ANY, &error);
  g_assert_no_error (error);
  tdn_scanner_set_duplicate_window_ms (scanner, 2000);
  g_signal_connect (scanner, "payload-scanned", G_CALLBACK (payload_cb), &seen);
  g_signal_connect (scanner, "status-changed", G_CALLBACK (status_cb), &seen);
  g_assert_true (tdn_scanner_start (scanner, &error));
  want_connects = 1;
  g_assert_true (wait_until (enough_connects, &seen));

  /* A payload in two writes, ended by CR LF: one payload, UTF-8 intact. */
  write_all (master, head);
  g_usleep (20000);
  write_all (master, cccd + 20);
  write_all (master, "\r\n");
  want_payloads = 1;
  g_assert_true (wait_until (enough_payloads, &seen));
  g_assert_cmpstr (seen.payloads->pdata[0], ==, cccd);

  /* The same code again at once is dropped; a different one is not. */
  write_all (master, cccd);
  write_all (master, "\r\nGD4010112345678|AB|$\n");
  want_payloads = 2;
  g_assert_true (wait_until (enough_payloads, &seen));
  g_assert_cmpstr (seen.payloads->pdata[1], ==, "GD4010112345678|AB|$");
  g_assert_cmpuint (tdn_scanner_get_dropped (scanner), ==, 1);

  /* No terminator at all: a pause ends the payload ("any" framing). */
  write_all (master, "NO-SUFFIX-123");
  want_payloads = 3;
  g_assert_true (wait_until (enough_payloads, &seen));
  g_assert_cmpstr (seen.payloads->pdata[2], ==, "NO-SUFFIX-123");

  /* Unplug: the scanner says so; plug a new one in: it reconnects. */
  close (master);
  want_disconnects = 1;
  g_assert_true (wait_until (enough_disconnects, &seen));
  g_assert_false (tdn_scanner_is_connected (scanner));
  master = open_pty_link (link);
  want_connects = 2;
  g_assert_true (wait_until (enough_connects, &seen));
  write_all (master, "AFTER-REPLUG\r");
  want_payloads = 4;
  g_assert_true (wait_until (enough_payloads, &seen));
  g_assert_cmpstr (seen.payloads->pdata[3], ==, "AFTER-REPLUG");

  tdn_scanner_stop (scanner);
  close (master);
  g_unlink (link);
  g_rmdir (dir);
  g_ptr_array_unref (seen.payloads);
}

static void
test_bad_speed (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (tdn_serial_scanner_new ("/dev/null", 12345, TDN_SERIAL_FRAMING_CR, &error));
  g_assert_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_CONFIG);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/serial-scanner/pty", test_pty_scanner);
  g_test_add_func ("/serial-scanner/bad-speed", test_bad_speed);
  return g_test_run ();
}
