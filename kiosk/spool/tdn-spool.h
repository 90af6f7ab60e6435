/* tdn-spool.h — the kiosk's local store of visits, before and after the HIS
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spool.db (SQLite, WAL, synchronous=FULL, 0600) holds every visit as
 * revisions, with an outbox row per revision whose delivery id is fixed
 * the moment it is written. A visit is committed in one transaction —
 * identity and eligibility snapshot, queue number, outbox row — before
 * any ticket is printed. Personal columns are sealed with AES-256-GCM
 * (tdn-spool-crypto.h); lookups by ID number go through an HMAC.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "tdn-base.h"
#include "tdn-queue.h"

G_BEGIN_DECLS

#define TDN_SPOOL_ERROR (tdn_spool_error_quark ())

typedef enum {
  TDN_SPOOL_ERROR_OPEN,
  TDN_SPOOL_ERROR_PERMISSIONS,   /* the file can be read by others */
  TDN_SPOOL_ERROR_NEWER_SCHEMA,  /* made by a newer Tiếp đón */
  TDN_SPOOL_ERROR_CORRUPT,       /* not a database, or a damaged value */
  TDN_SPOOL_ERROR_FULL,          /* disk full */
  TDN_SPOOL_ERROR_KEY,           /* key file missing, unreadable, wrong */
  TDN_SPOOL_ERROR_DATABASE,
  TDN_SPOOL_ERROR_NOT_FOUND,
  TDN_SPOOL_ERROR_PURGED,        /* personal data erased by retention */
} TdnSpoolError;

GQuark tdn_spool_error_quark (void);

#define TDN_SPOOL_SCHEMA_VERSION 3

/* One revision of a visit as the kiosk knows it. Personal fields are
 * plain here and sealed in the file. */
typedef struct {
  char   *visit_id;          /* UUID, the visit's reference (ticket QR) */
  int     revision;          /* 1, 2, … */
  char   *kiosk_id;
  gint64  created_at;        /* µs since the epoch */
  /* personal */
  char   *id_number;
  char   *full_name;
  char   *date_of_birth;     /* ISO 8601, possibly partial */
  char   *sex;               /* male / female */
  char   *address;
  char   *bhyt_card;
  /* visit */
  char   *assurance;         /* manual, qr, chip, chip+pa, … */
  char   *language;
  char   *clinic;
  char   *priority;
  char   *queue_number;
  char   *eligibility_status;
  char   *eligibility_code;
  char   *eligibility_raw;   /* the gateway's answer (sealed) */
  char   *payment;           /* bhyt / self_pay / pending */
  GBytes *photo;             /* chip DG2 JPEG or NULL (sealed) */
  gboolean purged;           /* personal data erased by retention (read only) */
  char   *state;             /* NULL (active) or "cancelled" */
} TdnVisit;

typedef struct {
  gint64 pending;
  gint64 in_flight;
  gint64 delivered;
  gint64 parked;
  gint64 oldest_pending_age_s;   /* -1 when nothing is pending */
} TdnSpoolCounts;

/* Runs inside the commit's transaction (queue allocation). */
typedef gboolean (*TdnSpoolTxnFunc) (sqlite3   *db,
                                     TdnVisit  *visit,
                                     gpointer   user_data,
                                     GError   **error);

TdnVisit *tdn_visit_new   (void);
void      tdn_visit_free  (TdnVisit *visit);

#define TDN_TYPE_SPOOL (tdn_spool_get_type ())
G_DECLARE_FINAL_TYPE (TdnSpool, tdn_spool, TDN, SPOOL, GObject)

/* Opens (creating 0600) the spool and its key; migrates the schema. */
G_GNUC_WARN_UNUSED_RESULT
TdnSpool *tdn_spool_open          (const char       *path,
                                   const char       *key_path,
                                   GError          **error);
/* The spool [spool] path and key_file name, with [spool] busy_timeout_ms
 * (tiepdonctl, syncd, the applier and the desk all open it this way). */
G_GNUC_WARN_UNUSED_RESULT
TdnSpool *tdn_spool_open_from_config (TdnConfig     *config,
                                      GError       **error);
sqlite3  *tdn_spool_get_db        (TdnSpool         *self);

/* Writes revision 1 of a new visit (a UUID is made when visit_id is NULL)
 * with its outbox row, calling `txn` inside the same transaction; the
 * visit is durable when this returns TRUE. */
gboolean  tdn_spool_commit_visit  (TdnSpool         *self,
                                   TdnVisit         *visit,
                                   TdnSpoolTxnFunc   txn,
                                   gpointer          user_data,
                                   GError          **error);
/* The same, with `actor` (a nurse registering a patient at the desk) in
 * the audit row instead of the kiosk. */
gboolean  tdn_spool_commit_visit_as (TdnSpool         *self,
                                     TdnVisit         *visit,
                                     TdnSpoolTxnFunc   txn,
                                     gpointer          user_data,
                                     const char       *actor,
                                     GError          **error);
/* A new revision (a late eligibility answer, a nurse's override): the
 * latest revision with `changes` applied on top (NULL fields keep their
 * value), its own outbox row, and an audit row naming who and why. */
gboolean  tdn_spool_add_revision  (TdnSpool         *self,
                                   const char       *visit_id,
                                   const TdnVisit   *changes,
                                   const char       *actor,
                                   const char       *reason,
                                   GError          **error);
/* The latest revision, decrypted. */
TdnVisit *tdn_spool_get_visit     (TdnSpool         *self,
                                   const char       *visit_id,
                                   GError          **error);
/* One revision (1, 2, …), decrypted: what a delivery of it sends. */
TdnVisit *tdn_spool_get_revision  (TdnSpool         *self,
                                   const char       *visit_id,
                                   int               revision,
                                   GError          **error);
/* How long to wait for the other process's write lock ([spool]
 * busy_timeout_ms; 5 s until set). */
void      tdn_spool_set_busy_timeout (TdnSpool      *self,
                                      int            ms);
/* Visit ids whose ID number is `id_number` (by HMAC). */
GStrv     tdn_spool_find_by_id_number (TdnSpool     *self,
                                       const char   *id_number,
                                       GError      **error);
gboolean  tdn_spool_get_counts    (TdnSpool         *self,
                                   TdnSpoolCounts   *counts,
                                   GError          **error);
/* Adds "pending", "in_flight", "delivered", "parked" and
 * "oldest_pending_age_s" (null when nothing waits) to an open object. */
void      tdn_spool_counts_add_json (const TdnSpoolCounts *counts,
                                     JsonBuilder          *builder);

/* An audit row (who did what to which visit); `detail` has no personal data. */
gboolean  tdn_spool_add_audit     (TdnSpool         *self,
                                   const char       *actor,
                                   const char       *action,
                                   const char       *visit_id,
                                   const char       *detail,
                                   GError          **error);
/* Retention: erases the personal data (sealed columns, ID hash, the
 * delivered bytes) of every visit whose deliveries were all delivered
 * before `cutoff` (µs since the epoch), keeping an anonymous record
 * (clinic, priority, times, eligibility status, payment) for statistics.
 * Visits with a pending or parked delivery are kept whole. */
gboolean  tdn_spool_purge         (TdnSpool         *self,
                                   gint64            cutoff,
                                   const char       *actor,
                                   guint            *n_purged,
                                   GError          **error);

/* Key rotation: re-seals every personal value (and the ID hashes, and
 * the stored delivery bytes) under the key in `new_key_path` (created 0600
 * when missing) in one transaction; values already under it are skipped,
 * so an interrupted rotation is finished by running it again. Afterwards
 * this spool uses the new key; the caller swaps the key files. Stop the
 * kiosk and syncd first: they hold the old key. */
gboolean  tdn_spool_rekey         (TdnSpool         *self,
                                   const char       *new_key_path,
                                   const char       *actor,
                                   guint            *n_values,
                                   GError          **error);

/* Changes from outside the kiosk (a nurse's override), each applied
 * exactly once by its id (tdn-spool-changes.c). */
typedef struct {
  char   *change_id;
  gint64  seq;               /* the sender's change number */
  char   *visit_id;
  int     revision;          /* the revision it made; 0: none */
  char   *outcome;           /* "applied" or "rejected" */
  char   *detail;            /* why it was rejected */
  gboolean acked;            /* the sender knows */
} TdnSpoolChange;

typedef struct {
  gint64  at;                /* µs since the epoch */
  char   *actor;
  char   *action;
  char   *visit_id;
  char   *detail;
} TdnSpoolAuditEntry;

void      tdn_spool_change_free       (TdnSpoolChange     *change);
void      tdn_spool_audit_entry_free  (TdnSpoolAuditEntry *entry);

/* Applies change `change_id` once: a new revision of `visit_id` with
 * `changes` on top (`txn` runs inside the transaction with the merged
 * visit), or with `changes` NULL only an audit row; plus the audit row
 * (`actor`, `action`, `detail`) and the record that it was applied, in one
 * transaction. When `change_id` was seen before nothing is written and
 * `*already` is TRUE. `*revision` is the new revision (0: none). */
gboolean  tdn_spool_apply_change      (TdnSpool         *self,
                                       const char       *change_id,
                                       gint64            seq,
                                       const char       *visit_id,
                                       const TdnVisit   *changes,
                                       TdnSpoolTxnFunc   txn,
                                       gpointer          user_data,
                                       const char       *actor,
                                       const char       *action,
                                       const char       *detail,
                                       int              *revision,
                                       gboolean         *already,
                                       GError          **error);
/* Records that change `change_id` cannot be applied (`why`, in the audit
 * log too), so it is reported once and never retried. */
gboolean  tdn_spool_reject_change     (TdnSpool         *self,
                                       const char       *change_id,
                                       gint64            seq,
                                       const char       *visit_id,
                                       const char       *actor,
                                       const char       *why,
                                       GError          **error);
/* The highest change number recorded (0: none). */
gint64    tdn_spool_get_change_seq    (TdnSpool         *self);
TdnSpoolChange *tdn_spool_get_change  (TdnSpool         *self,
                                       const char       *change_id,
                                       GError          **error);
/* Changes the sender has not been told about yet, oldest first. */
GPtrArray *tdn_spool_list_unacked_changes (TdnSpool     *self,
                                           GError      **error);
gboolean  tdn_spool_mark_change_acked (TdnSpool         *self,
                                       const char       *change_id,
                                       GError          **error);
/* The audit log of one visit, oldest first. */
GPtrArray *tdn_spool_list_audit       (TdnSpool         *self,
                                       const char       *visit_id,
                                       GError          **error);

/* A TdnSpoolTxnFunc for tdn_spool_commit_visit*(): the visit's queue
 * number at `clinic` (tdn_queue_take_number()) inside the commit, so a
 * number is only used by a saved visit (tdn-spool-queue.c). */
typedef struct {
  const TdnClinic *clinic;
  const char      *format;       /* [queue] number_format */
} TdnSpoolQueueTake;

gboolean  tdn_spool_take_queue_number (sqlite3          *db,
                                       TdnVisit         *visit,
                                       gpointer          take,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnVisit, tdn_visit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnSpoolChange, tdn_spool_change_free)

G_END_DECLS
