/* tdn-gateway-client.h — the BHXH gateway (egw) client used by the broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Logs in at /api/token/take, caches the token until 60 s before its
 * expires_in, and asks /api/egw/KQNhanLichSuKCB2024. A 401 (HTTP status
 * or maKetQua) makes it log in again and retry exactly once; a timeout is
 * never retried. Thread-safe: one client serves all broker requests.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-config.h"
#include "tdn-eligibility.h"

G_BEGIN_DECLS

#define TDN_GATEWAY_ERROR (tdn_gateway_error_quark ())
GQuark tdn_gateway_error_quark (void);

typedef enum {
  TDN_GATEWAY_ERROR_UNREACHABLE, /* connect/TLS/DNS failure */
  TDN_GATEWAY_ERROR_TIMEOUT,     /* timeout_s elapsed; not retried */
  TDN_GATEWAY_ERROR_HTTP,        /* HTTP status other than 200/401 */
  TDN_GATEWAY_ERROR_AUTH,        /* login refused */
  TDN_GATEWAY_ERROR_MALFORMED,   /* answer is not a gateway answer */
  TDN_GATEWAY_ERROR_INPUT,       /* the request itself is invalid */
} TdnGatewayError;

typedef struct {
  const char *url;           /* base URL, e.g. https://egw.baohiemxahoi.gov.vn/ */
  const char *username;
  const char *password;      /* plain; sent only as upper-case MD5 hex */
  const char *officer_name;  /* hoTenCb */
  const char *officer_cccd;  /* cccdCb */
  gboolean    login_json;    /* JSON token request instead of form */
  const char *ca_file;       /* NULL/"": system CAs */
  int         connect_timeout_s;
  int         timeout_s;
  const char *facility_code; /* for registered_here */
} TdnGatewayOptions;

typedef struct _TdnGatewayClient TdnGatewayClient;

TdnGatewayClient *tdn_gateway_client_new             (const TdnGatewayOptions *options) G_GNUC_WARN_UNUSED_RESULT;
/* From broker.conf: [bhxh] and [broker] facility_code. */
TdnGatewayClient *tdn_gateway_client_new_from_config (TdnConfig *config) G_GNUC_WARN_UNUSED_RESULT;
void              tdn_gateway_client_free            (TdnGatewayClient *self);

/* Number of HTTP requests made (logins + lookups), for tests/metrics. */
guint             tdn_gateway_client_get_login_count (TdnGatewayClient *self);

/* Normalises a name as sent in hoTen: NFC, trimmed, single spaces. */
char             *tdn_gateway_normalize_name         (const char *name) G_GNUC_WARN_UNUSED_RESULT;
/* Upper-case hex MD5 of `password`. */
char             *tdn_gateway_password_hash          (const char *password) G_GNUC_WARN_UNUSED_RESULT;

/* Blocking lookup (run it in a worker thread). `id` is a 12-digit CCCD,
 * 10-digit BHXH number or 15-char card; `dob` is dd/MM/yyyy or yyyy.
 * A gateway answer (any maKetQua) is a TdnEligibility; failures before
 * an answer are TDN_GATEWAY_ERROR. */
TdnEligibility   *tdn_gateway_client_lookup          (TdnGatewayClient *self,
                                                      const char       *id,
                                                      const char       *name,
                                                      const char       *dob,
                                                      const GDate      *visit_date,
                                                      GCancellable     *cancellable,
                                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same in a GTask worker thread. */
void              tdn_gateway_client_lookup_async    (TdnGatewayClient   *self,
                                                      const char         *id,
                                                      const char         *name,
                                                      const char         *dob,
                                                      const GDate        *visit_date,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
TdnEligibility   *tdn_gateway_client_lookup_finish   (TdnGatewayClient *self,
                                                      GAsyncResult     *result,
                                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnGatewayClient, tdn_gateway_client_free)

G_END_DECLS
