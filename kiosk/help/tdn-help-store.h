/* tdn-help-store.h — help requests that survive a broker restart
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite (WAL) tables help_requests/help_meta in the broker's database.
 * Every change takes the next value of one sequence, so a desk that saw
 * changes up to N asks for everything after N (long poll or SSE).
 * Claiming is atomic: of two nurses claiming one request, one wins and the
 * other gets TDN_HELP_ERROR_CLAIMED naming the winner.
 */
#pragma once

#include <glib-object.h>

#include "tdn-help-override.h"
#include "tdn-help-request.h"

G_BEGIN_DECLS

#define TDN_HELP_ERROR (tdn_help_error_quark ())

typedef enum {
  TDN_HELP_ERROR_DATABASE,
  TDN_HELP_ERROR_NOT_FOUND,
  TDN_HELP_ERROR_CLAIMED,     /* another nurse has it */
  TDN_HELP_ERROR_RESOLVED,    /* already resolved */
  TDN_HELP_ERROR_INVALID,     /* bad request data */
  TDN_HELP_ERROR_SCHEMA,      /* database made by a newer version */
} TdnHelpError;

GQuark tdn_help_error_quark (void);

#define TDN_TYPE_HELP_STORE (tdn_help_store_get_type ())
G_DECLARE_FINAL_TYPE (TdnHelpStore, tdn_help_store, TDN, HELP_STORE, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnHelpStore   *tdn_help_store_open        (const char      *path,
                                            GError         **error);

/* Stores a new open request; returns its id. */
char           *tdn_help_store_add         (TdnHelpStore    *self,
                                            const TdnHelpRequest *request,
                                            GError         **error);
TdnHelpRequest *tdn_help_store_get         (TdnHelpStore    *self,
                                            const char      *id,
                                            GError         **error);
/* Open and claimed requests, oldest first (and resolved ones if asked). */
GPtrArray      *tdn_help_store_list        (TdnHelpStore    *self,
                                            gboolean         include_resolved,
                                            GError         **error);
/* Requests changed after `seq`, in change order. */
GPtrArray      *tdn_help_store_changes_since (TdnHelpStore  *self,
                                              gint64         seq,
                                              GError       **error);
gint64          tdn_help_store_get_seq     (TdnHelpStore    *self);

gboolean        tdn_help_store_claim       (TdnHelpStore    *self,
                                            const char      *id,
                                            const char      *nurse,
                                            GError         **error);
gboolean        tdn_help_store_release     (TdnHelpStore    *self,
                                            const char      *id,
                                            const char      *nurse,
                                            GError         **error);
/* Resolves a request claimed by `nurse` (an open one is claimed first). */
gboolean        tdn_help_store_resolve     (TdnHelpStore    *self,
                                            const char      *id,
                                            const char      *nurse,
                                            const char      *resolution,
                                            GError         **error);

/* Overrides (tdn-help-store-overrides.c). The request must be claimed by
 * `nurse`; `reason` is required. Returns the override's id. */
char           *tdn_help_store_add_override (TdnHelpStore   *self,
                                             const char     *help_id,
                                             const char     *nurse,
                                             const char     *nurse_name,
                                             const char     *action,
                                             JsonNode       *old_value,
                                             JsonNode       *new_value,
                                             const char     *reason,
                                             GError        **error);
GPtrArray      *tdn_help_store_list_overrides (TdnHelpStore *self,
                                               const char   *help_id,
                                               GError      **error);
/* Overrides of `kiosk_id`'s visits changed after `seq`, in order. */
GPtrArray      *tdn_help_store_overrides_since (TdnHelpStore *self,
                                                const char   *kiosk_id,
                                                gint64        seq,
                                                GError      **error);

/* The owning kiosk's word on an override: "applied" (as `revision` of the
 * visit) or "rejected" (`detail` says why). The first word is kept. */
gboolean        tdn_help_store_ack_override (TdnHelpStore   *self,
                                             const char     *kiosk_id,
                                             const char     *override_id,
                                             const char     *outcome,
                                             int             revision,
                                             const char     *detail,
                                             GError        **error);

G_END_DECLS
