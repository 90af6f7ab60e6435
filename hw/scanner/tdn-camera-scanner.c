/* tdn-camera-scanner.c — QR codes from a camera (V4L2), decoded with zbar
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zbar's processor reads the video device in its own thread and calls us
 * for every frame with codes; the raw bytes (ZBAR_CFG_BINARY) go to the
 * base class, which hands them to the main context.
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include <zbar.h>

#include "tdn-base.h"
#include "tdn-camera-scanner.h"

struct _TdnCameraScanner
{
  TdnScanner        parent_instance;
  char             *device;
  zbar_processor_t *processor;
};

G_DEFINE_FINAL_TYPE (TdnCameraScanner, tdn_camera_scanner, TDN_TYPE_SCANNER)

static void
frame_cb (zbar_image_t *image,
          const void   *user_data)
{
  TdnScanner *scanner = (TdnScanner *) user_data;

  for (const zbar_symbol_t *s = zbar_image_first_symbol (image); s != NULL; s = zbar_symbol_next (s))
    {
      g_autoptr(GBytes) payload = NULL;

      if (zbar_symbol_get_type (s) != ZBAR_QRCODE)
        continue;
      payload = g_bytes_new (zbar_symbol_get_data (s), zbar_symbol_get_data_length (s));
      tdn_scanner_deliver (scanner, payload);
    }
}

static gboolean
tdn_camera_scanner_start (TdnScanner  *scanner,
                          GError     **error)
{
  TdnCameraScanner *self = TDN_CAMERA_SCANNER (scanner);

  if (self->processor != NULL)
    return TRUE;
  self->processor = zbar_processor_create (1);
  if (self->processor == NULL)
    {
      g_set_error_literal (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_OPEN,
                           _("zbar could not start a video processor"));
      return FALSE;
    }
  zbar_processor_set_config (self->processor, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_processor_set_config (self->processor, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_processor_set_config (self->processor, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
  zbar_processor_set_data_handler (self->processor, frame_cb, self);
  if (zbar_processor_init (self->processor, self->device, 0) != 0 ||
      zbar_processor_set_active (self->processor, 1) != 0)
    {
      g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_OPEN,
                   _("Cannot use the camera %s: %s"), self->device,
                   zbar_processor_error_string (self->processor, 0));
      g_clear_pointer (&self->processor, zbar_processor_destroy);
      tdn_scanner_set_connected (scanner, FALSE, _("camera not available"));
      return FALSE;
    }
  tdn_scanner_set_connected (scanner, TRUE, NULL);
  return TRUE;
}

static void
tdn_camera_scanner_stop (TdnScanner *scanner)
{
  TdnCameraScanner *self = TDN_CAMERA_SCANNER (scanner);

  if (self->processor != NULL)
    {
      zbar_processor_set_active (self->processor, 0);
      g_clear_pointer (&self->processor, zbar_processor_destroy);
      tdn_scanner_set_connected (scanner, FALSE, "stopped");
    }
}

static void
tdn_camera_scanner_finalize (GObject *object)
{
  TdnCameraScanner *self = TDN_CAMERA_SCANNER (object);

  tdn_camera_scanner_stop (TDN_SCANNER (self));
  g_free (self->device);
  G_OBJECT_CLASS (tdn_camera_scanner_parent_class)->finalize (object);
}

static void
tdn_camera_scanner_class_init (TdnCameraScannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_camera_scanner_finalize;
  TDN_SCANNER_CLASS (klass)->start = tdn_camera_scanner_start;
  TDN_SCANNER_CLASS (klass)->stop = tdn_camera_scanner_stop;
}

static void
tdn_camera_scanner_init (TdnCameraScanner *self)
{
}

TdnScanner *
tdn_camera_scanner_new (const char *device)
{
  TdnCameraScanner *self = g_object_new (TDN_TYPE_CAMERA_SCANNER, NULL);

  self->device = g_strdup (device);
  return TDN_SCANNER (self);
}
