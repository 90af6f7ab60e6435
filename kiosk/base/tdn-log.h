/* tdn-log.h — structured logging for every Tiếp đón program
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each module sets its own G_LOG_DOMAIN ("tiepdon-spool", …) and logs with
 * g_debug()/g_message()/g_warning(). tdn_log_init() installs a writer that
 * sends to the journal when the program runs under systemd (with
 * SYSLOG_IDENTIFIER and the domain as fields) and to stderr otherwise, and
 * masks ID-like numbers in every message. Use tdn_mask_*() for the rest.
 */
#pragma once

#include <glib.h>

#include "tdn-mask.h"

G_BEGIN_DECLS

typedef enum {
  TDN_LOG_TARGET_AUTO,
  TDN_LOG_TARGET_JOURNAL,
  TDN_LOG_TARGET_STDERR,
} TdnLogTarget;

void     tdn_log_init           (const char    *program);
/* Least severe level written: "error", "warning", "message", "info",
 * "debug". G_MESSAGES_DEBUG still enables debug output per domain. */
gboolean tdn_log_set_level_name (const char    *level);
void     tdn_log_set_target     (TdnLogTarget   target);
gboolean tdn_log_set_target_name (const char   *target);

/* Tests: send every formatted line to `func` as well (NULL to stop). */
typedef void (*TdnLogCaptureFunc) (GLogLevelFlags level,
                                   const char    *domain,
                                   const char    *message,
                                   gpointer       user_data);
void     tdn_log_set_capture    (TdnLogCaptureFunc func,
                                 gpointer          user_data);

G_END_DECLS
