/* tdn-reader-monitor.h — PC/SC reader and card hot-plug events
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thread waits in SCardGetStatusChange() on every reader and on the
 * "\\?PnP?\Notification" pseudo-reader (readers plugged or unplugged);
 * events are emitted as signals on the GLib main context that was the
 * thread default when the monitor was created:
 *   reader-added (name), reader-removed (name),
 *   card-inserted (name), card-removed (name).
 * Readers and cards already there at start are reported as added and
 * inserted. If pcscd is not running or stops, the monitor reports its
 * readers removed and retries every two seconds.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDN_TYPE_READER_MONITOR (tdn_reader_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TdnReaderMonitor, tdn_reader_monitor, TDN, READER_MONITOR, GObject)

TdnReaderMonitor *tdn_reader_monitor_new  (void) G_GNUC_WARN_UNUSED_RESULT;
/* Starts the thread; idempotent. */
void              tdn_reader_monitor_start (TdnReaderMonitor *self);
/* Stops and joins the thread (also done on finalize). */
void              tdn_reader_monitor_stop  (TdnReaderMonitor *self);

G_END_DECLS
