/* tdn-camera-scanner.h — QR codes from a camera (V4L2), decoded with zbar
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-scanner.h"

G_BEGIN_DECLS

#define TDN_TYPE_CAMERA_SCANNER (tdn_camera_scanner_get_type ())
G_DECLARE_FINAL_TYPE (TdnCameraScanner, tdn_camera_scanner, TDN, CAMERA_SCANNER, TdnScanner)

TdnScanner *tdn_camera_scanner_new (const char *device);

G_END_DECLS
