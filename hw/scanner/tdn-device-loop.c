/* tdn-device-loop.c — a worker thread that keeps a device open and reads it
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <poll.h>
#include <unistd.h>

#include "tdn-device-loop.h"

struct _TdnDeviceLoop
{
  TdnScanner        *scanner;
  TdnDeviceOpenFunc  open_func;
  TdnDeviceReadFunc  read_func;
  TdnDeviceIdleFunc  idle_func;
  guint              idle_ms;
  gpointer           data;
  int                wake[2];     /* written to stop the thread */
  GThread           *thread;
};

/* Sleeps `ms` unless woken; TRUE when woken (stop). */
static gboolean
wait_or_wake (TdnDeviceLoop *loop,
              int            ms)
{
  struct pollfd p = { .fd = loop->wake[0], .events = POLLIN };

  return poll (&p, 1, ms) > 0;
}

static gpointer
run (gpointer data)
{
  TdnDeviceLoop *loop = data;
  int backoff_ms = 500;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      int fd = loop->open_func (loop->data, &error);

      if (fd < 0)
        {
          tdn_scanner_set_connected (loop->scanner, FALSE, error ? error->message : NULL);
          if (wait_or_wake (loop, backoff_ms))
            return NULL;
          backoff_ms = MIN (backoff_ms * 2, 5000);
          continue;
        }
      backoff_ms = 500;
      tdn_scanner_set_connected (loop->scanner, TRUE, NULL);

      for (;;)
        {
          struct pollfd p[2] = {
            { .fd = fd, .events = POLLIN },
            { .fd = loop->wake[0], .events = POLLIN },
          };
          int n = poll (p, 2, loop->idle_ms > 0 ? (int) loop->idle_ms : -1);

          if (n < 0 && errno == EINTR)
            continue;
          if (p[1].revents != 0)
            {
              close (fd);
              return NULL;
            }
          if (n == 0)
            {
              if (loop->idle_func != NULL)
                loop->idle_func (loop->data);
              continue;
            }
          if (n < 0 || (p[0].revents & (POLLERR | POLLNVAL)) ||
              ((p[0].revents & POLLHUP) && !(p[0].revents & POLLIN)) ||
              !loop->read_func (loop->data, fd, &error))
            {
              close (fd);
              tdn_scanner_set_connected (loop->scanner, FALSE,
                                         error ? error->message : "device closed");
              g_clear_error (&error);
              break;
            }
        }
      if (wait_or_wake (loop, backoff_ms))
        return NULL;
    }
}

TdnDeviceLoop *
tdn_device_loop_start (TdnScanner        *scanner,
                       TdnDeviceOpenFunc  open_func,
                       TdnDeviceReadFunc  read_func,
                       TdnDeviceIdleFunc  idle_func,
                       guint              idle_ms,
                       gpointer           data)
{
  TdnDeviceLoop *loop = g_new0 (TdnDeviceLoop, 1);

  loop->scanner = scanner;
  loop->open_func = open_func;
  loop->read_func = read_func;
  loop->idle_func = idle_func;
  loop->idle_ms = idle_ms;
  loop->data = data;
  if (!g_unix_open_pipe (loop->wake, FD_CLOEXEC, NULL))
    g_error ("cannot create a pipe");
  loop->thread = g_thread_new ("tdn-scanner", run, loop);
  return loop;
}

void
tdn_device_loop_stop (TdnDeviceLoop *loop)
{
  if (loop == NULL)
    return;
  if (write (loop->wake[1], "x", 1) != 1)
    g_warning ("could not wake the scanner thread");
  g_thread_join (loop->thread);
  close (loop->wake[0]);
  close (loop->wake[1]);
  g_free (loop);
}
