/* tdn-wedge-scanner.c — a scanner that types like a USB keyboard
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-device-loop.h"
#include "tdn-wedge-scanner.h"

#define MAX_PAYLOAD 4096

struct _TdnWedgeScanner
{
  TdnScanner     parent_instance;
  char          *device;
  GString       *pending;   /* worker thread only */
  gboolean       shift;
  guint          lost;      /* keys with no ASCII in this payload */
  TdnDeviceLoop *loop;
};

G_DEFINE_FINAL_TYPE (TdnWedgeScanner, tdn_wedge_scanner, TDN_TYPE_SCANNER)

/* US layout, indexed by KEY_* code: unshifted and shifted. */
static const char keymap[][2] = {
  [KEY_1] = { '1', '!' }, [KEY_2] = { '2', '@' }, [KEY_3] = { '3', '#' }, [KEY_4] = { '4', '$' },
  [KEY_5] = { '5', '%' }, [KEY_6] = { '6', '^' }, [KEY_7] = { '7', '&' }, [KEY_8] = { '8', '*' },
  [KEY_9] = { '9', '(' }, [KEY_0] = { '0', ')' }, [KEY_MINUS] = { '-', '_' }, [KEY_EQUAL] = { '=', '+' },
  [KEY_Q] = { 'q', 'Q' }, [KEY_W] = { 'w', 'W' }, [KEY_E] = { 'e', 'E' }, [KEY_R] = { 'r', 'R' },
  [KEY_T] = { 't', 'T' }, [KEY_Y] = { 'y', 'Y' }, [KEY_U] = { 'u', 'U' }, [KEY_I] = { 'i', 'I' },
  [KEY_O] = { 'o', 'O' }, [KEY_P] = { 'p', 'P' }, [KEY_LEFTBRACE] = { '[', '{' },
  [KEY_RIGHTBRACE] = { ']', '}' }, [KEY_A] = { 'a', 'A' }, [KEY_S] = { 's', 'S' },
  [KEY_D] = { 'd', 'D' }, [KEY_F] = { 'f', 'F' }, [KEY_G] = { 'g', 'G' }, [KEY_H] = { 'h', 'H' },
  [KEY_J] = { 'j', 'J' }, [KEY_K] = { 'k', 'K' }, [KEY_L] = { 'l', 'L' },
  [KEY_SEMICOLON] = { ';', ':' }, [KEY_APOSTROPHE] = { '\'', '"' }, [KEY_GRAVE] = { '`', '~' },
  [KEY_BACKSLASH] = { '\\', '|' }, [KEY_Z] = { 'z', 'Z' }, [KEY_X] = { 'x', 'X' },
  [KEY_C] = { 'c', 'C' }, [KEY_V] = { 'v', 'V' }, [KEY_B] = { 'b', 'B' }, [KEY_N] = { 'n', 'N' },
  [KEY_M] = { 'm', 'M' }, [KEY_COMMA] = { ',', '<' }, [KEY_DOT] = { '.', '>' },
  [KEY_SLASH] = { '/', '?' }, [KEY_SPACE] = { ' ', ' ' }, [KEY_KPSLASH] = { '/', '/' },
  [KEY_KPASTERISK] = { '*', '*' }, [KEY_KPMINUS] = { '-', '-' }, [KEY_KPPLUS] = { '+', '+' },
  [KEY_KPDOT] = { '.', '.' }, [KEY_KP0] = { '0', '0' }, [KEY_KP1] = { '1', '1' },
  [KEY_KP2] = { '2', '2' }, [KEY_KP3] = { '3', '3' }, [KEY_KP4] = { '4', '4' },
  [KEY_KP5] = { '5', '5' }, [KEY_KP6] = { '6', '6' }, [KEY_KP7] = { '7', '7' },
  [KEY_KP8] = { '8', '8' }, [KEY_KP9] = { '9', '9' },
};

char
tdn_wedge_key_to_ascii (guint    code,
                        gboolean shift)
{
  if (code >= G_N_ELEMENTS (keymap))
    return 0;
  return keymap[code][shift ? 1 : 0];
}

static int
open_device (gpointer  data,
             GError  **error)
{
  TdnWedgeScanner *self = data;
  int fd = open (self->device, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_OPEN,
                   _("Cannot open the scanner %s: %s"), self->device, g_strerror (saved));
      return -1;
    }
  /* Grab it: the scanner's typing must not reach any window. */
  if (ioctl (fd, EVIOCGRAB, 1) != 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_OPEN,
                   _("Cannot take the scanner %s for the kiosk alone: %s"),
                   self->device, g_strerror (saved));
      return -1;
    }
  g_string_truncate (self->pending, 0);
  self->shift = FALSE;
  self->lost = 0;
  return fd;
}

static void
key (TdnWedgeScanner *self,
     guint            code,
     int              value)
{
  char c;

  if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT)
    {
      self->shift = value != 0;
      return;
    }
  if (value == 0)
    return;   /* releases carry nothing; repeats (2) count as presses */
  if (code == KEY_ENTER || code == KEY_KPENTER)
    {
      if (self->lost > 0)
        g_message ("keyboard-wedge scanner: %u key(s) had no ASCII; the payload may be damaged",
                   self->lost);
      if (self->pending->len > 0)
        {
          g_autoptr(GBytes) payload = g_bytes_new (self->pending->str, self->pending->len);
          tdn_scanner_deliver (TDN_SCANNER (self), payload);
        }
      g_string_truncate (self->pending, 0);
      self->lost = 0;
      return;
    }
  c = tdn_wedge_key_to_ascii (code, self->shift);
  if (c == 0)
    self->lost++;
  else if (self->pending->len < MAX_PAYLOAD)
    g_string_append_c (self->pending, c);
}

static gboolean
read_device (gpointer  data,
             int       fd,
             GError  **error)
{
  TdnWedgeScanner *self = data;
  struct input_event ev[64];
  ssize_t n = read (fd, ev, sizeof ev);

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
  for (gsize i = 0; i < (gsize) n / sizeof ev[0]; i++)
    if (ev[i].type == EV_KEY)
      key (self, ev[i].code, ev[i].value);
  return TRUE;
}

static gboolean
tdn_wedge_scanner_start (TdnScanner  *scanner,
                         GError     **error)
{
  TdnWedgeScanner *self = TDN_WEDGE_SCANNER (scanner);

  if (self->loop == NULL)
    self->loop = tdn_device_loop_start (scanner, open_device, read_device, NULL, 0, self);
  return TRUE;
}

static void
tdn_wedge_scanner_stop (TdnScanner *scanner)
{
  g_clear_pointer (&TDN_WEDGE_SCANNER (scanner)->loop, tdn_device_loop_stop);
}

static void
tdn_wedge_scanner_finalize (GObject *object)
{
  TdnWedgeScanner *self = TDN_WEDGE_SCANNER (object);

  g_clear_pointer (&self->loop, tdn_device_loop_stop);
  g_free (self->device);
  g_string_free (self->pending, TRUE);
  G_OBJECT_CLASS (tdn_wedge_scanner_parent_class)->finalize (object);
}

static void
tdn_wedge_scanner_class_init (TdnWedgeScannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_wedge_scanner_finalize;
  TDN_SCANNER_CLASS (klass)->start = tdn_wedge_scanner_start;
  TDN_SCANNER_CLASS (klass)->stop = tdn_wedge_scanner_stop;
}

static void
tdn_wedge_scanner_init (TdnWedgeScanner *self)
{
  self->pending = g_string_new (NULL);
}

TdnScanner *
tdn_wedge_scanner_new (const char *device)
{
  TdnWedgeScanner *self = g_object_new (TDN_TYPE_WEDGE_SCANNER, NULL);

  self->device = g_strdup (device);
  return TDN_SCANNER (self);
}
