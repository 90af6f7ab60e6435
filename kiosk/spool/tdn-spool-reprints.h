/* tdn-spool-reprints.h — tickets a nurse asked to print again
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A nurse's "reprint" override is applied inside tiepdon-syncd, which has
 * no printer: it records a pending reprint (tdn_spool_apply_reprint_change(),
 * schema 4). The kiosk's check-in lists the pending reprints of its own
 * visits when it is idle, prints each and marks it done once; a print
 * that surely did not happen is counted and stays pending
 * (docs/adr/0802).
 */
#pragma once

#include "tdn-spool.h"

G_BEGIN_DECLS

typedef struct {
  char   *change_id;         /* the override's id */
  char   *visit_id;
  char   *requested_by;      /* the nurse's login */
  gint64  requested_at;      /* µs since the epoch */
  int     attempts;          /* prints that failed so far */
} TdnSpoolReprint;

void       tdn_spool_reprint_free          (TdnSpoolReprint *reprint);

/* Pending reprints of visits made by kiosk `kiosk_id`, oldest first. */
GPtrArray *tdn_spool_list_pending_reprints (TdnSpool    *self,
                                            const char  *kiosk_id,
                                            GError     **error);
/* Marks the reprint done (`uncertain`: it may have printed, never print
 * it again); TRUE in `*marked` only the first time. */
gboolean   tdn_spool_finish_reprint        (TdnSpool    *self,
                                            const char  *change_id,
                                            gboolean     uncertain,
                                            gboolean    *marked,
                                            GError     **error);
/* A print that surely did not happen: counted, `why` kept, still pending. */
gboolean   tdn_spool_fail_reprint          (TdnSpool    *self,
                                            const char  *change_id,
                                            const char  *why,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnSpoolReprint, tdn_spool_reprint_free)

G_END_DECLS
