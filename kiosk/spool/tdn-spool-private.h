/* tdn-spool-private.h — what the spool's own files share
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-spool.h"
#include "tdn-spool-crypto.h"

G_BEGIN_DECLS

struct _TdnSpool
{
  GObject      parent_instance;
  sqlite3     *db;
  TdnSpoolKey *key;
  char        *path;
};

/* Sets `error` from the connection's last error (full disk, damaged
 * file, anything else) and returns FALSE. */
gboolean tdn_spool_fail  (TdnSpool    *self,
                          GError     **error,
                          const char  *what);
gboolean tdn_spool_exec  (TdnSpool    *self,
                          const char  *sql,
                          GError     **error);
gboolean tdn_spool_audit (TdnSpool    *self,
                          const char  *actor,
                          const char  *action,
                          const char  *visit_id,
                          const char  *detail,
                          GError     **error);

G_END_DECLS
