/* tdn-eligibility-client.h — the kiosk's client of tiepdon-broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sends a FHIR CoverageEligibilityRequest to the broker and always ends
 * with a TdnEligibility: a broker that cannot be reached or does not answer
 * within [eligibility] timeout_s is `unavailable`; a refused token or
 * request is `config_error`. A refused connection (broker restarting) is
 * retried until the timeout; a request that reached the broker is never
 * sent twice. Runs in a GTask worker thread; progress is reported on the
 * caller's main context.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-config.h"
#include "tdn-eligibility.h"

G_BEGIN_DECLS

typedef enum {
  TDN_ELIGIBILITY_PROGRESS_SENDING,   /* request sent, waiting for the broker */
  TDN_ELIGIBILITY_PROGRESS_RETRYING,  /* broker not reachable, trying again */
} TdnEligibilityProgress;

typedef void (*TdnEligibilityProgressFunc) (TdnEligibilityProgress progress,
                                            gpointer               user_data);

typedef struct _TdnEligibilityClient TdnEligibilityClient;

/* `broker_url` e.g. https://broker.lan:8443/; `token` the kiosk's bearer. */
TdnEligibilityClient *tdn_eligibility_client_new (const char *broker_url,
                                                  const char *token,
                                                  const char *ca_file,
                                                  int         connect_timeout_s,
                                                  int         timeout_s) G_GNUC_WARN_UNUSED_RESULT;
/* From [eligibility]: broker_url (or `broker_url` if not NULL), token_file
 * (read, trimmed), ca_file, timeouts. NULL with an error naming the file. */
TdnEligibilityClient *tdn_eligibility_client_new_from_config (TdnConfig   *config,
                                                              const char  *broker_url,
                                                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void                  tdn_eligibility_client_free (TdnEligibilityClient *self);

/* Blocking; never NULL. `latency_ms` (may be NULL) gets the elapsed time. */
TdnEligibility *tdn_eligibility_client_check (TdnEligibilityClient      *self,
                                              const char                *id,
                                              const char                *name,
                                              const char                *dob,
                                              const GDate               *visit_date,
                                              TdnEligibilityProgressFunc progress,
                                              gpointer                   progress_data,
                                              GCancellable              *cancellable,
                                              gint64                    *latency_ms) G_GNUC_WARN_UNUSED_RESULT;

void            tdn_eligibility_client_check_async  (TdnEligibilityClient      *self,
                                                     const char                *id,
                                                     const char                *name,
                                                     const char                *dob,
                                                     const GDate               *visit_date,
                                                     TdnEligibilityProgressFunc progress,
                                                     gpointer                   progress_data,
                                                     GCancellable              *cancellable,
                                                     GAsyncReadyCallback        callback,
                                                     gpointer                   user_data);
/* Never NULL: a cancelled check gives an `unavailable` result. */
TdnEligibility *tdn_eligibility_client_check_finish (TdnEligibilityClient *self,
                                                     GAsyncResult         *result) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnEligibilityClient, tdn_eligibility_client_free)

G_END_DECLS
