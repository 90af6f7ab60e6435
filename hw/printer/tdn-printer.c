/* tdn-printer.c — the ticket printer: file, TCP 9100 or /dev/usb/lp*
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-printer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-printer.h"
#include "tdn-printer-cups.h"

typedef enum {
  KIND_FILE,
  KIND_TCP,
  KIND_USB,
  KIND_CUPS,
} Kind;

struct _TdnPrinter
{
  Kind   kind;
  char  *path;      /* directory (file) or device (usb) */
  char  *host;      /* tcp: host; cups: server "HOST[:PORT]" or NULL */
  int    port;
  char  *queue;     /* cups */
  guint  timeout_ms;
};

G_DEFINE_QUARK (tdn-printer-error-quark, tdn_printer_error)

TdnPrinter *
tdn_printer_new (const char  *uri,
                 guint        timeout_ms,
                 GError     **error)
{
  g_autoptr(GUri) u = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  TdnPrinter *p;
  const char *scheme;

  if (u == NULL)
    goto bad;
  scheme = g_uri_get_scheme (u);
  p = g_new0 (TdnPrinter, 1);
  p->timeout_ms = timeout_ms > 0 ? timeout_ms : 1500;
  if (g_str_equal (scheme, "file") && *g_uri_get_path (u) == '/')
    {
      p->kind = KIND_FILE;
      p->path = g_strdup (g_uri_get_path (u));
    }
  else if (g_str_equal (scheme, "usb") && *g_uri_get_path (u) == '/')
    {
      p->kind = KIND_USB;
      p->path = g_strdup (g_uri_get_path (u));
    }
  else if (g_str_equal (scheme, "cups") && g_uri_get_host (u) != NULL && *g_uri_get_host (u) != '\0')
    {
      /* cups://QUEUE (local CUPS) or cups://HOST[:PORT]/QUEUE. */
      const char *path = g_uri_get_path (u);

      p->kind = KIND_CUPS;
      if (*path == '\0' || g_str_equal (path, "/"))
        p->queue = g_strdup (g_uri_get_host (u));
      else
        {
          p->queue = g_strdup (path + 1);
          p->host = g_uri_get_port (u) > 0
                    ? g_strdup_printf ("%s:%d", g_uri_get_host (u), g_uri_get_port (u))
                    : g_strdup (g_uri_get_host (u));
        }
      if (strchr (p->queue, '/') != NULL || *p->queue == '-')
        {
          tdn_printer_free (p);
          goto bad;
        }
    }
  else if (g_str_equal (scheme, "tcp") && g_uri_get_host (u) != NULL)
    {
      p->kind = KIND_TCP;
      p->host = g_strdup (g_uri_get_host (u));
      p->port = g_uri_get_port (u) > 0 ? g_uri_get_port (u) : 9100;
    }
  else
    {
      g_free (p);
      goto bad;
    }
  return p;

bad:
  g_set_error (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_URI,
               _("“%s” is not a printer address (file:///DIR, tcp://HOST:9100, usb:///dev/usb/lp0, cups://QUEUE)"), uri);
  return NULL;
}

void
tdn_printer_free (TdnPrinter *p)
{
  if (p == NULL)
    return;
  g_free (p->path);
  g_free (p->host);
  g_free (p->queue);
  g_free (p);
}

/* A connected, blocking fd with timeouts, or -1. */
static int
connect_printer (TdnPrinter  *p,
                 GError     **error)
{
  if (p->kind == KIND_TCP)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) conn = NULL;
      g_autoptr(GError) local = NULL;
      GSocket *socket;
      int fd;

      g_socket_client_set_timeout (client, (p->timeout_ms + 999) / 1000);
      conn = g_socket_client_connect_to_host (client, p->host, (guint16) p->port, NULL, &local);
      if (conn == NULL)
        {
          g_set_error (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNREACHABLE,
                       _("The printer cannot be reached: %s"), local->message);
          return -1;
        }
      socket = g_socket_connection_get_socket (conn);
      fd = dup (g_socket_get_fd (socket));
      return fd;
    }
  else
    {
      int fd = open (p->path, O_RDWR | O_CLOEXEC | O_NOCTTY);

      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNREACHABLE,
                       _("The printer %s cannot be opened: %s"), p->path, g_strerror (saved));
        }
      return fd;
    }
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len,
           guint         timeout_ms)
{
  while (len > 0)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLOUT };
      ssize_t n;

      if (poll (&pfd, 1, (int) timeout_ms) <= 0)
        return FALSE;
      n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Sends DLE EOT n and reads the one-byte answer. */
static gboolean
ask (int               fd,
     guint8            n,
     guint             timeout_ms,
     TdnPrinterStatus *status)
{
  guint8 q[3], b;
  struct pollfd pfd = { .fd = fd, .events = POLLIN };

  tdn_escpos_status_query (n, q);
  if (!write_all (fd, q, sizeof q, timeout_ms))
    return FALSE;
  if (poll (&pfd, 1, (int) timeout_ms) <= 0 || read (fd, &b, 1) != 1)
    return FALSE;
  return tdn_escpos_parse_status (n, b, status);
}

static gboolean
status_on (TdnPrinter        *p,
           int                fd,
           TdnPrinterStatus  *status,
           GError           **error)
{
  memset (status, 0, sizeof *status);
  if (!ask (fd, 1, p->timeout_ms, status) || !ask (fd, 4, p->timeout_ms, status) ||
      !ask (fd, 2, p->timeout_ms, status))
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_NO_ANSWER,
                           _("The printer does not answer status queries"));
      return FALSE;
    }
  return TRUE;
}

gboolean
tdn_printer_query_status (TdnPrinter        *p,
                          TdnPrinterStatus  *status,
                          GError           **error)
{
  int fd;
  gboolean ok;

  if (p->kind == KIND_FILE)
    {
      /* A directory "prints" while it can be written to. */
      memset (status, 0, sizeof *status);
      status->known = TRUE;
      status->online = g_file_test (p->path, G_FILE_TEST_IS_DIR) && access (p->path, W_OK) == 0;
      return TRUE;
    }
  if (p->kind == KIND_CUPS)
    return tdn_printer_cups_status (p->host, p->queue, status, error);
  fd = connect_printer (p, error);
  if (fd < 0)
    return FALSE;
  ok = status_on (p, fd, status, error);
  close (fd);
  return ok;
}

static gboolean
refuse_if_not_ready (const TdnPrinterStatus *s,
                     GError                **error)
{
  if (s->paper_out)
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_PAPER_OUT,
                           _("The printer is out of paper"));
      return FALSE;
    }
  if (s->cover_open)
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_COVER_OPEN,
                           _("The printer's cover is open"));
      return FALSE;
    }
  /* A jammed cutter or an offline printer would keep the bytes and print
   * them later, or never: send nothing, so the desk can reprint once. */
  if (s->error)
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_NOT_READY,
                           _("The printer reports an error (paper jam or cutter); check it and try again"));
      return FALSE;
    }
  if (!s->online)
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_NOT_READY,
                           _("The printer is offline; check it and try again"));
      return FALSE;
    }
  return TRUE;
}

/* A raw queue: the queue's state before (nothing is queued on a stopped
 * or paperless printer), the job, the state after. Once CUPS has the job
 * it prints it on its own; a failure there is for the desk to see. */
static gboolean
print_cups (TdnPrinter        *p,
            GBytes            *job,
            const char        *reference,
            TdnPrinterStatus  *after,
            GError           **error)
{
  g_autofree char *title = g_strdup_printf ("tiepdon-ticket-%s", reference ? reference : "sample");
  TdnPrinterStatus before;

  if (!tdn_printer_cups_status (p->host, p->queue, &before, error) ||
      !refuse_if_not_ready (&before, error) ||
      !tdn_printer_cups_submit (p->host, p->queue, title, job, error))
    return FALSE;
  if (!tdn_printer_cups_status (p->host, p->queue, after, NULL))
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNCERTAIN,
                           _("The printer took the ticket but no longer answers"));
      return FALSE;
    }
  return TRUE;
}

gboolean
tdn_printer_print (TdnPrinter        *p,
                   const TdnRaster   *raster,
                   gboolean           beep,
                   const char        *reference,
                   TdnPrinterStatus  *after,
                   GError           **error)
{
  g_autoptr(GBytes) job = tdn_escpos_encode_ticket (raster, beep);
  TdnPrinterStatus before, local_after;
  gsize len;
  const guint8 *data = g_bytes_get_data (job, &len);
  int fd;

  if (after == NULL)
    after = &local_after;
  if (p->kind == KIND_FILE)
    {
      g_autofree char *name = g_strdup_printf ("ticket-%s", reference ? reference : "sample");
      g_autofree char *bin = g_strconcat (p->path, "/", name, ".bin", NULL);
      g_autofree char *png = g_strconcat (p->path, "/", name, ".png", NULL);

      if (!g_file_set_contents_full (bin, (const char *) data, (gssize) len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
          !tdn_raster_write_png (raster, png, error))
        return FALSE;
      memset (after, 0, sizeof *after);
      after->known = after->online = TRUE;
      g_message ("ticket written to %s", bin);
      return TRUE;
    }

  if (p->kind == KIND_CUPS)
    return print_cups (p, job, reference, after, error);
  fd = connect_printer (p, error);
  if (fd < 0)
    return FALSE;
  /* Before: a printer with no paper gets nothing, so nothing is lost. */
  if (!status_on (p, fd, &before, error) || !refuse_if_not_ready (&before, error))
    {
      close (fd);
      return FALSE;
    }
  if (!write_all (fd, data, len, p->timeout_ms * 4))
    {
      close (fd);
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNCERTAIN,
                           _("The printer stopped taking the ticket; it may be half printed"));
      return FALSE;
    }
  /* After: paper running out during the ticket means it may be cut short. */
  if (!status_on (p, fd, after, NULL))
    {
      close (fd);
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNCERTAIN,
                           _("The printer took the ticket but no longer answers"));
      return FALSE;
    }
  close (fd);
  if (after->paper_out || after->error)
    {
      g_set_error_literal (error, TDN_PRINTER_ERROR, TDN_PRINTER_ERROR_UNCERTAIN,
                           _("The printer ran out of paper or failed while printing"));
      return FALSE;
    }
  return TRUE;
}
