/* tdn-config-keys-broker.c — schema of broker.conf (tiepdon-broker)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The broker has its own file because it holds the BHXH credentials and
 * the accountable officer: it must be 0600 and only the broker reads it.
 */
#include "config.h"

#include "tdn-config-keys-private.h"

static const char * const listen_schemes[] = { "http", "https", NULL };
static const char * const gateway_schemes[] = { "http", "https", NULL };
static const char * const login_formats[] = { "form", "json", NULL };

static const TdnConfigKey broker_keys[] = {
  TDN_KEY_URI ("listen", "https://0.0.0.0:8443/", listen_schemes,
               "Where kiosks and desks connect. Plain http is only allowed on loopback."),
  TDN_KEY_PATH ("tls_cert", TDN_SYSCONFDIR "/broker.crt", "Server certificate (PEM)."),
  TDN_KEY_PATH ("tls_key", TDN_SYSCONFDIR "/broker.key", "Server private key (PEM, 0600)."),
  TDN_KEY_PATH ("database", TDN_LOCALSTATEDIR "/broker.db",
                "Audit log and help requests (SQLite, 0600)."),
  TDN_KEY_STRING ("facility_code", "", 5, "^([0-9]{5})?$",
                  "The hospital's 5-digit BHYT facility code."),
  TDN_KEY_INT ("cache_minutes", "15", 0, 1440,
               "Reuse a lookup answer for the same person for this long (0: never)."),
  TDN_KEY_INT ("rate_limit_per_minute", "30", 1, 6000, "Lookups one kiosk may make per minute."),
  TDN_KEY_END
};

static const TdnConfigKey bhxh_keys[] = {
  TDN_KEY_URI ("url", "https://egw.baohiemxahoi.gov.vn/", gateway_schemes,
               "BHXH gateway base URL."),
  { .name = "username", .type = TDN_CONFIG_TYPE_STRING, .max = 64,
    .summary = "Gateway account (e.g. 79014_BV).", .flags = TDN_CONFIG_KEY_REQUIRED },
  { .name = "password", .type = TDN_CONFIG_TYPE_STRING, .max = 256,
    .summary = "Gateway password (sent as its MD5).",
    .flags = TDN_CONFIG_KEY_REQUIRED | TDN_CONFIG_KEY_SECRET },
  { .name = "officer_name", .type = TDN_CONFIG_TYPE_STRING, .max = 200,
    .summary = "Accountable officer's full name (hoTenCb).", .flags = TDN_CONFIG_KEY_REQUIRED },
  { .name = "officer_cccd", .type = TDN_CONFIG_TYPE_STRING, .max = 12, .pattern = "^[0-9]{12}$",
    .summary = "Accountable officer's CCCD number (cccdCb).",
    .flags = TDN_CONFIG_KEY_REQUIRED | TDN_CONFIG_KEY_SECRET },
  TDN_KEY_ENUM ("login_format", "form", login_formats, "Body format of the token request."),
  TDN_KEY_PATH ("ca_file", "", "Extra CA bundle for the gateway; verification is always on."),
  TDN_KEY_INT ("connect_timeout_s", "10", 1, 60, "Connect timeout."),
  TDN_KEY_INT ("timeout_s", "30", 1, 120, "Total time one gateway call may take."),
  TDN_KEY_END
};

static const TdnConfigKey kiosk_client_keys[] = {
  { .name = "token_sha256", .type = TDN_CONFIG_TYPE_STRING, .max = 64,
    .pattern = "^[0-9a-f]{64}$",
    .summary = "SHA-256 (hex) of this kiosk's bearer token.",
    .flags = TDN_CONFIG_KEY_REQUIRED },
  TDN_KEY_BOOL ("desk", "false", "This client is a nurse's desk (may read and claim help requests)."),
  TDN_KEY_END
};

static const TdnConfigGroup group_broker = {
  .name = "broker", .summary = "The broker service.", .keys = broker_keys,
};
static const TdnConfigGroup group_bhxh = {
  .name = "bhxh", .summary = "The BHXH gateway account.", .keys = bhxh_keys,
};
static const TdnConfigGroup group_client = {
  .name = "client", .instances = TRUE, .instance_pattern = "^[A-Za-z0-9]{1,16}$",
  .summary = "A kiosk or desk allowed to call the broker: [client K1].", .keys = kiosk_client_keys,
};

static const TdnConfigGroup * const broker_groups[] = {
  &group_broker,
  &group_bhxh,
  &group_client,
  &tdn_config_group_nurses,
  &tdn_config_group_staff,
  &tdn_config_group_log,
  NULL
};

const TdnConfigSchema tdn_config_schema_broker = {
  .name = "broker",
  .file_name = "broker.conf",
  .groups = broker_groups,
};
