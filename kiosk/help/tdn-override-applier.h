/* tdn-override-applier.h — nurses' overrides become revisions in the spool
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk side of docs/help-api.md "Overrides": fetch the overrides of
 * this kiosk's visits from the broker (kiosk token), apply each exactly
 * once as a new revision of the visit in the spool (which syncd delivers
 * to the HIS like any revision), with an audit row naming the nurse, the
 * time, old and new values and the reason, then tell the broker. An
 * override that can never apply (unknown visit, cancelled visit, bad
 * value) is recorded as rejected and reported, never retried.
 */
#pragma once

#include "tdn-help-client.h"
#include "tdn-spool.h"

G_BEGIN_DECLS

#define TDN_TYPE_OVERRIDE_APPLIER (tdn_override_applier_get_type ())
G_DECLARE_FINAL_TYPE (TdnOverrideApplier, tdn_override_applier, TDN, OVERRIDE_APPLIER, GObject)

/* `config` gives the clinics and [queue] number_format (a clinic change
 * takes a new queue number at the new clinic) and [kiosk] id. */
G_GNUC_WARN_UNUSED_RESULT
TdnOverrideApplier *tdn_override_applier_new     (TdnConfig           *config,
                                                  TdnSpool            *spool,
                                                  TdnHelpClient       *client);

/* Applies one override (a JSON object as the broker sends it) to the
 * spool; no network. TRUE when applied, already applied or recorded as
 * rejected (*outcome "applied", "already", "rejected"); FALSE on a spool
 * failure (try again later). */
gboolean  tdn_override_applier_apply_one         (TdnOverrideApplier  *self,
                                                  JsonObject          *override,
                                                  const char         **outcome,
                                                  GError             **error);

/* One round: acknowledges what is not yet acknowledged, fetches what is
 * new (holding up to `wait_s` for it), applies and acknowledges it. */
void      tdn_override_applier_run_once_async    (TdnOverrideApplier  *self,
                                                  guint                wait_s,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* The number of overrides applied (rejected ones in *rejected). */
gboolean  tdn_override_applier_run_once_finish   (TdnOverrideApplier  *self,
                                                  GAsyncResult        *result,
                                                  guint               *applied,
                                                  guint               *rejected,
                                                  GError             **error);

/* Rounds forever (long poll, back-off 1 … 60 s on failures) until stop. */
void      tdn_override_applier_start             (TdnOverrideApplier  *self);
void      tdn_override_applier_stop              (TdnOverrideApplier  *self);

G_END_DECLS
