/* tdn-device-loop.h — a worker thread that keeps a device open and reads it
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the device, waits for input with poll(), calls `read` when there
 * is some and `idle` when none came for `idle_ms`, and after an unplug or
 * error reopens it with a growing delay (0.5 s to 5 s). Stopping wakes the
 * thread at once. The scanner's connected state follows the device.
 */
#pragma once

#include "tdn-scanner.h"

G_BEGIN_DECLS

typedef int      (*TdnDeviceOpenFunc) (gpointer data, GError **error);
/* FALSE (with `error`) when the device is gone: it is closed and reopened. */
typedef gboolean (*TdnDeviceReadFunc) (gpointer data, int fd, GError **error);
typedef void     (*TdnDeviceIdleFunc) (gpointer data);

typedef struct _TdnDeviceLoop TdnDeviceLoop;

TdnDeviceLoop *tdn_device_loop_start (TdnScanner        *scanner,
                                      TdnDeviceOpenFunc  open_func,
                                      TdnDeviceReadFunc  read_func,
                                      TdnDeviceIdleFunc  idle_func,
                                      guint              idle_ms,
                                      gpointer           data);
void           tdn_device_loop_stop  (TdnDeviceLoop     *loop);

G_END_DECLS
