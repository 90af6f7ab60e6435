/* tdn-help-store-private.h — shared by the store's files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tdn-help-store.h"

G_BEGIN_DECLS

struct _TdnHelpStore
{
  GObject  parent_instance;
  sqlite3 *db;
  GMutex   lock;
};

gboolean tdn_help_store_exec      (TdnHelpStore *self,
                                   const char   *sql,
                                   GError      **error);
gboolean tdn_help_store_db_error  (TdnHelpStore *self,
                                   GError      **error,
                                   const char   *what);
/* Next change number; call inside a write transaction. -1 on error. */
gint64   tdn_help_store_next_seq  (TdnHelpStore *self);
char    *tdn_help_store_column_text (sqlite3_stmt *stmt,
                                     int           i);

G_END_DECLS
