/* tdn-serial-scanner.c — a QR scanner in USB CDC-ACM (virtual COM) mode
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Raw bytes, no echo, no line discipline; a payload ends at the configured
 * terminator (or, with "any", at a pause, for scanners set to send none).
 * Unplugged scanners are reopened by the device loop.
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-device-loop.h"
#include "tdn-serial-scanner.h"

#define MAX_PENDING 8192
#define PAUSE_MS 150

struct _TdnSerialScanner
{
  TdnScanner        parent_instance;
  char             *device;
  speed_t           speed;
  TdnSerialFraming  framing;
  GByteArray       *pending;   /* worker thread only */
  TdnDeviceLoop    *loop;
};

G_DEFINE_FINAL_TYPE (TdnSerialScanner, tdn_serial_scanner, TDN_TYPE_SCANNER)

static const struct {
  guint   baud;
  speed_t speed;
} speeds[] = {
  { 1200, B1200 }, { 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 }, { 19200, B19200 },
  { 38400, B38400 }, { 57600, B57600 }, { 115200, B115200 }, { 230400, B230400 },
  { 460800, B460800 }, { 921600, B921600 },
};

gboolean
tdn_serial_framing_parse (const char       *text,
                          TdnSerialFraming *out)
{
  static const char * const names[] = { "any", "cr", "lf", "crlf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = (TdnSerialFraming) i;
        return TRUE;
      }
  return FALSE;
}

static int
open_device (gpointer  data,
             GError  **error)
{
  TdnSerialScanner *self = data;
  struct termios tio;
  int fd = open (self->device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_OPEN,
                   _("Cannot open the scanner %s: %s"), self->device, g_strerror (saved));
      return -1;
    }
  if (tcgetattr (fd, &tio) == 0)
    {
      cfmakeraw (&tio);
      tio.c_cflag |= CLOCAL | CREAD;
      tio.c_cc[VMIN] = 1;
      tio.c_cc[VTIME] = 0;
      cfsetispeed (&tio, self->speed);
      cfsetospeed (&tio, self->speed);
      if (tcsetattr (fd, TCSANOW, &tio) != 0)
        g_message ("scanner %s: cannot set the line speed (%s)", self->device, g_strerror (errno));
      tcflush (fd, TCIFLUSH);
    }
  g_byte_array_set_size (self->pending, 0);
  return fd;
}

static void
deliver_range (TdnSerialScanner *self,
               guint             len)
{
  if (len > 0)
    {
      g_autoptr(GBytes) payload = g_bytes_new (self->pending->data, len);
      tdn_scanner_deliver (TDN_SCANNER (self), payload);
    }
}

/* Splits complete payloads off the front of `pending`. */
static void
frame (TdnSerialScanner *self)
{
  for (;;)
    {
      guint8 *d = self->pending->data;
      guint len = self->pending->len, i, skip = 0;

      for (i = 0; i < len; i++)
        {
          if (self->framing == TDN_SERIAL_FRAMING_CRLF)
            {
              if (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n')
                {
                  skip = 2;
                  break;
                }
            }
          else if ((d[i] == '\r' && self->framing != TDN_SERIAL_FRAMING_LF) ||
                   (d[i] == '\n' && self->framing != TDN_SERIAL_FRAMING_CR))
            {
              skip = 1;
              break;
            }
        }
      if (skip == 0)
        return;
      deliver_range (self, i);
      g_byte_array_remove_range (self->pending, 0, i + skip);
    }
}

static gboolean
read_device (gpointer  data,
             int       fd,
             GError  **error)
{
  TdnSerialScanner *self = data;
  guint8 buf[512];
  ssize_t n = read (fd, buf, sizeof buf);

  if (n < 0 && (errno == EAGAIN || errno == EINTR))
    return TRUE;
  if (n <= 0)
    {
      int saved = errno;
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_OPEN,
                   _("The scanner %s went away: %s"), self->device,
                   n == 0 ? _("end of file") : g_strerror (saved));
      return FALSE;
    }
  g_byte_array_append (self->pending, buf, (guint) n);
  frame (self);
  if (self->pending->len > MAX_PENDING)
    {
      g_message ("scanner %s: %u bytes without a terminator; discarded (check the framing)",
                 self->device, self->pending->len);
      g_byte_array_set_size (self->pending, 0);
    }
  return TRUE;
}

static void
idle (gpointer data)
{
  TdnSerialScanner *self = data;

  /* "any": a scanner set to send no suffix ends its payload with a pause. */
  if (self->framing == TDN_SERIAL_FRAMING_ANY && self->pending->len > 0)
    {
      deliver_range (self, self->pending->len);
      g_byte_array_set_size (self->pending, 0);
    }
}

static gboolean
tdn_serial_scanner_start (TdnScanner  *scanner,
                          GError     **error)
{
  TdnSerialScanner *self = TDN_SERIAL_SCANNER (scanner);

  if (self->loop == NULL)
    self->loop = tdn_device_loop_start (scanner, open_device, read_device, idle, PAUSE_MS, self);
  return TRUE;
}

static void
tdn_serial_scanner_stop (TdnScanner *scanner)
{
  TdnSerialScanner *self = TDN_SERIAL_SCANNER (scanner);

  g_clear_pointer (&self->loop, tdn_device_loop_stop);
}

static void
tdn_serial_scanner_finalize (GObject *object)
{
  TdnSerialScanner *self = TDN_SERIAL_SCANNER (object);

  g_clear_pointer (&self->loop, tdn_device_loop_stop);
  g_free (self->device);
  g_byte_array_unref (self->pending);
  G_OBJECT_CLASS (tdn_serial_scanner_parent_class)->finalize (object);
}

static void
tdn_serial_scanner_class_init (TdnSerialScannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_serial_scanner_finalize;
  TDN_SCANNER_CLASS (klass)->start = tdn_serial_scanner_start;
  TDN_SCANNER_CLASS (klass)->stop = tdn_serial_scanner_stop;
}

static void
tdn_serial_scanner_init (TdnSerialScanner *self)
{
  self->pending = g_byte_array_new ();
}

TdnScanner *
tdn_serial_scanner_new (const char        *device,
                        guint              baud,
                        TdnSerialFraming   framing,
                        GError           **error)
{
  TdnSerialScanner *self;

  g_return_val_if_fail (device != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    if (speeds[i].baud == baud)
      {
        self = g_object_new (TDN_TYPE_SERIAL_SCANNER, NULL);
        self->device = g_strdup (device);
        self->speed = speeds[i].speed;
        self->framing = framing;
        return TDN_SCANNER (self);
      }
  g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_CONFIG,
               _("%u baud is not a serial speed this system supports"), baud);
  return NULL;
}
