/* tdn-scanner-factory.c — the scanner tiepdon.conf's [scanner] describes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include "tdn-camera-scanner.h"
#include "tdn-scanner-factory.h"
#include "tdn-serial-scanner.h"
#include "tdn-sim-scanner.h"
#include "tdn-wedge-scanner.h"

TdnScanner *
tdn_scanner_new_from_config (TdnConfig   *config,
                             const char  *backend,
                             const char  *device,
                             GError     **error)
{
  TdnScanner *scanner = NULL;

  if (backend == NULL)
    backend = tdn_config_get_string (config, "scanner", "backend");
  if (device == NULL)
    device = tdn_config_get_string (config, "scanner", "device");

  if (g_str_equal (backend, "none"))
    return NULL;
  if (g_str_equal (backend, "serial"))
    {
      TdnSerialFraming framing = TDN_SERIAL_FRAMING_ANY;

      tdn_serial_framing_parse (tdn_config_get_string (config, "scanner", "framing"), &framing);
      scanner = tdn_serial_scanner_new (device, (guint) tdn_config_get_int (config, "scanner", "baud"),
                                        framing, error);
    }
  else if (g_str_equal (backend, "camera"))
    {
#if HAVE_ZBAR
      scanner = tdn_camera_scanner_new (device);
#else
      g_set_error_literal (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_UNSUPPORTED,
                           _("This build has no camera support (zbar)"));
#endif
    }
  else if (g_str_equal (backend, "wedge"))
    scanner = tdn_wedge_scanner_new (device);
  else if (g_str_equal (backend, "sim"))
    scanner = tdn_sim_scanner_new ();
  else
    g_set_error (error, TDN_SCANNER_ERROR, TDN_SCANNER_ERROR_CONFIG,
                 _("Unknown scanner backend “%s”"), backend);

  if (scanner != NULL)
    tdn_scanner_set_duplicate_window_ms (scanner,
                                         (guint) tdn_config_get_int (config, "scanner", "duplicate_window_ms"));
  return scanner;
}
