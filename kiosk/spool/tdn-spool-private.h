/* tdn-spool-private.h — what the spool's own files share
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never included from another module.
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
gboolean  tdn_spool_fail            (TdnSpool        *self,
                                     GError         **error,
                                     const char      *what);
gboolean  tdn_spool_exec            (TdnSpool        *self,
                                     const char      *sql,
                                     GError         **error);
gboolean  tdn_spool_audit           (TdnSpool        *self,
                                     const char      *actor,
                                     const char      *action,
                                     const char      *visit_id,
                                     const char      *detail,
                                     GError         **error);
TdnVisit *tdn_spool_load_latest     (TdnSpool        *self,
                                     const char      *visit_id,
                                     GError         **error);
gboolean  tdn_spool_insert_revision (TdnSpool        *self,
                                     TdnVisit        *visit,
                                     GError         **error);
gboolean  tdn_spool_add_revision_in_txn (TdnSpool        *self,
                                         const char      *visit_id,
                                         const TdnVisit  *changes,
                                         TdnSpoolTxnFunc  txn,
                                         gpointer         user_data,
                                         const char      *actor,
                                         const char      *action,
                                         const char      *detail,
                                         int             *revision,
                                         GError         **error);

G_END_DECLS
