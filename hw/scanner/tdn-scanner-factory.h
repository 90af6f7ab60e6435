/* tdn-scanner-factory.h — the scanner tiepdon.conf's [scanner] describes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-base.h"
#include "tdn-scanner.h"

G_BEGIN_DECLS

/* `backend`/`device` override the configuration when not NULL. NULL with
 * no error for backend "none". */
TdnScanner *tdn_scanner_new_from_config (TdnConfig   *config,
                                         const char  *backend,
                                         const char  *device,
                                         GError     **error);

G_END_DECLS
