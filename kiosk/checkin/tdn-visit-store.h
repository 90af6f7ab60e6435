/* tdn-visit-store.h — where a visit is committed and numbered
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check-in commits a visit (one spool transaction that also takes the
 * queue number) before anything is printed, and later adds revisions (a
 * late eligibility answer). The real implementation is TdnSpoolVisitStore
 * (kiosk/spool + kiosk/queue); it also knows the clinics and how many
 * people wait at each.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-queue.h"
#include "tdn-spool.h"

G_BEGIN_DECLS

/* A clinic as the clinic-choice screen shows it. */
typedef struct {
  TdnClinic *clinic;    /* owned */
  gint64     waiting;   /* numbers handed out today */
  gboolean   open;      /* open now (hours) */
  gboolean   full;      /* daily capacity reached */
} TdnClinicStatus;

void tdn_clinic_status_free (TdnClinicStatus *status);

/* A ticket a nurse asked to print again (docs/adr/0802). */
typedef struct {
  char     *change_id;   /* the nurse's override */
  TdnVisit *visit;       /* its latest revision */
  int       attempts;    /* prints that surely failed so far */
} TdnVisitReprint;

void tdn_visit_reprint_free (TdnVisitReprint *reprint);

typedef enum {
  TDN_VISIT_REPRINT_PRINTED,     /* done */
  TDN_VISIT_REPRINT_UNCERTAIN,   /* may be out: done, never again */
  TDN_VISIT_REPRINT_FAILED,      /* surely not printed: still pending */
} TdnVisitReprintResult;

#define TDN_TYPE_VISIT_STORE (tdn_visit_store_get_type ())
G_DECLARE_INTERFACE (TdnVisitStore, tdn_visit_store, TDN, VISIT_STORE, GObject)

struct _TdnVisitStoreInterface
{
  GTypeInterface parent_iface;

  GPtrArray *(*list_clinics)  (TdnVisitStore  *self,
                               GError        **error);
  void       (*commit_async)  (TdnVisitStore       *self,
                               const TdnVisit      *visit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
  TdnVisit  *(*commit_finish) (TdnVisitStore  *self,
                               GAsyncResult   *result,
                               GError        **error);
  void       (*update_async)  (TdnVisitStore       *self,
                               const char          *visit_id,
                               const TdnVisit      *changes,
                               const char          *reason,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
  gboolean   (*update_finish) (TdnVisitStore  *self,
                               GAsyncResult   *result,
                               GError        **error);
  /* Optional (NULL: no reprints): local, quick. */
  GPtrArray *(*list_reprints)  (TdnVisitStore  *self,
                                GError        **error);
  gboolean   (*finish_reprint) (TdnVisitStore         *self,
                                const char            *change_id,
                                TdnVisitReprintResult  result,
                                const char            *why,
                                GError               **error);
};

/* TdnClinicStatus in screen order; NULL with TDN_SPOOL_ERROR. */
GPtrArray *tdn_visit_store_list_clinics  (TdnVisitStore  *self,
                                          GError        **error);
/* Commits revision 1 of `visit` (clinic set) with a queue number from
 * the clinic's counter, in one transaction. */
void       tdn_visit_store_commit_async  (TdnVisitStore       *self,
                                          const TdnVisit      *visit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The committed revision (visit_id, queue_number set), or NULL with a
 * TDN_SPOOL_ERROR or TDN_QUEUE_ERROR (FULL, CLOSED: choose another). */
TdnVisit  *tdn_visit_store_commit_finish (TdnVisitStore  *self,
                                          GAsyncResult   *result,
                                          GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* A new revision: `changes` on top of the latest (NULL fields kept). */
void       tdn_visit_store_update_async  (TdnVisitStore       *self,
                                          const char          *visit_id,
                                          const TdnVisit      *changes,
                                          const char          *reason,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   tdn_visit_store_update_finish (TdnVisitStore  *self,
                                          GAsyncResult   *result,
                                          GError        **error);

/* Pending reprints of this kiosk's visits (TdnVisitReprint), oldest
 * first; an empty array when the store keeps none; NULL with an error. */
GPtrArray *tdn_visit_store_list_reprints  (TdnVisitStore  *self,
                                           GError        **error);
/* Records how a reprint went; PRINTED and UNCERTAIN mark it done once. */
gboolean   tdn_visit_store_finish_reprint (TdnVisitStore         *self,
                                           const char            *change_id,
                                           TdnVisitReprintResult  result,
                                           const char            *why,
                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnClinicStatus, tdn_clinic_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnVisitReprint, tdn_visit_reprint_free)

G_END_DECLS
