/* tdn-spool-visit-store.h — visits committed to spool.db, numbered by kiosk/queue
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-config.h"
#include "tdn-spool.h"
#include "tdn-visit-store.h"

G_BEGIN_DECLS

#define TDN_TYPE_SPOOL_VISIT_STORE (tdn_spool_visit_store_get_type ())
G_DECLARE_FINAL_TYPE (TdnSpoolVisitStore, tdn_spool_visit_store, TDN, SPOOL_VISIT_STORE, GObject)

/* Clinics and [queue] number_format from `config`, [kiosk] id. Commits
 * and updates run in a worker thread, one at a time. */
G_GNUC_WARN_UNUSED_RESULT
TdnVisitStore *tdn_spool_visit_store_new             (TdnConfig   *config,
                                                      TdnSpool    *spool);
/* Opens [spool] path and key_file. */
G_GNUC_WARN_UNUSED_RESULT
TdnVisitStore *tdn_spool_visit_store_new_from_config (TdnConfig   *config,
                                                      GError     **error);
TdnSpool      *tdn_spool_visit_store_get_spool       (TdnSpoolVisitStore *self);

/* A deep copy of a visit (NULL fields stay NULL). */
TdnVisit      *tdn_visit_store_copy_visit            (const TdnVisit *visit) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
