/* tdn-spool-outbox.h — the outbox: one delivery per visit revision
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A delivery goes pending → in_flight → delivered, or back to pending
 * with a later next attempt, or parked for a human. Its id (a UUID, made
 * when the revision was committed) and, from the first attempt on, the
 * exact bytes sent (sealed: they hold personal data) never change, so a
 * retry after a crash sends the same message with the same id and the
 * HIS can recognise it. Deliveries leave in commit order.
 */
#pragma once

#include "tdn-spool.h"

G_BEGIN_DECLS

typedef enum {
  TDN_OUTBOX_PENDING,
  TDN_OUTBOX_IN_FLIGHT,
  TDN_OUTBOX_DELIVERED,
  TDN_OUTBOX_PARKED,
} TdnOutboxState;

typedef struct {
  gint64          seq;              /* commit order */
  char           *delivery_id;
  char           *visit_id;
  int             revision;
  TdnOutboxState  state;
  int             attempts;
  gint64          next_attempt_at;  /* µs since the epoch */
  char           *last_error;       /* readable reason, no personal data */
  gint64          created_at;
  gint64          updated_at;
  gint64          delivered_at;     /* 0 until delivered */
  char           *destination;      /* adapter that built `payload` ("fhir", "hl7v2") */
  GBytes         *payload;          /* the bytes of the first attempt, or NULL */
} TdnOutboxItem;

void            tdn_outbox_item_free         (TdnOutboxItem  *item);
const char     *tdn_outbox_state_to_string   (TdnOutboxState  state);
gboolean        tdn_outbox_state_from_string (const char     *text,
                                              TdnOutboxState *state);

/* The oldest delivery not yet delivered or parked, with its payload,
 * when it is due at `now`. NULL without error when there is nothing to
 * do now: *next_due is then when the head of the queue becomes due, or -1
 * when the queue is empty. An in_flight row is one a crash interrupted:
 * it is due at once. */
TdnOutboxItem  *tdn_spool_outbox_next        (TdnSpool       *self,
                                              gint64          now,
                                              gint64         *next_due,
                                              GError        **error);
/* Marks the delivery in flight and counts the attempt. The first time, it
 * also stores `payload` built by `destination`; later calls must pass the
 * stored payload (or NULL) — what was sent once is what is sent again.
 * Durable when this returns. */
gboolean        tdn_spool_outbox_begin       (TdnSpool       *self,
                                              const char     *delivery_id,
                                              const char     *destination,
                                              GBytes         *payload,
                                              GError        **error);
/* The attempt's end: delivered, parked (reason for a human), or pending
 * again at `next_attempt_at` (reason kept as last_error). */
gboolean        tdn_spool_outbox_finish      (TdnSpool       *self,
                                              const char     *delivery_id,
                                              TdnOutboxState  state,
                                              gint64          next_attempt_at,
                                              const char     *reason,
                                              GError        **error);
/* A human's "try again": a parked or waiting delivery becomes due now.
 * With `rebuild` the stored bytes are dropped so the next attempt builds
 * them from the visit and the current configuration (same delivery id). */
gboolean        tdn_spool_outbox_retry       (TdnSpool       *self,
                                              const char     *delivery_id,
                                              gboolean        rebuild,
                                              const char     *actor,
                                              GError        **error);
/* One delivery by id, with its payload. */
TdnOutboxItem  *tdn_spool_outbox_get         (TdnSpool       *self,
                                              const char     *delivery_id,
                                              GError        **error);
/* Deliveries in commit order (without payloads): all, or those in
 * `state` (state < 0), of one visit (visit_id non-NULL), at most `limit`
 * (0: no limit). */
GPtrArray      *tdn_spool_outbox_list        (TdnSpool       *self,
                                              int             state,
                                              const char     *visit_id,
                                              guint           limit,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnOutboxItem, tdn_outbox_item_free)

G_END_DECLS
