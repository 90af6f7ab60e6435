/* tdn-config-keys-data.c — schema of tiepdon.conf: eligibility, spool, HIS delivery
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-config-keys-private.h"

static const char * const http_schemes[] = { "http", "https", NULL };
static const char * const adapters[] = { "fhir", "hl7v2", "none", NULL };
static const char * const mllp_schemes[] = { "mllp", "mllps", NULL };

static const TdnConfigKey eligibility_keys[] = {
  TDN_KEY_URI ("broker_url", "", http_schemes,
               "tiepdon-broker base URL (https://broker.example:8443/); empty: no lookups."),
  TDN_KEY_PATH ("token_file", TDN_SYSCONFDIR "/kiosk-token",
                "File holding this kiosk's bearer token for the broker (mode 0600)."),
  TDN_KEY_PATH ("ca_file", "",
                "Extra CA bundle that signs the broker's certificate; empty: system CAs."),
  TDN_KEY_INT ("connect_timeout_s", "10", 1, 60, "Connect timeout for a lookup."),
  TDN_KEY_INT ("timeout_s", "30", 1, 120,
               "Total time a lookup may take before the visit goes on as “being checked”."),
  TDN_KEY_END
};

static const TdnConfigKey spool_keys[] = {
  TDN_KEY_PATH ("path", TDN_LOCALSTATEDIR "/spool.db", "The spool database (mode 0600)."),
  TDN_KEY_PATH ("key_file", TDN_LOCALSTATEDIR "/spool.key",
                "Key that encrypts personal columns (mode 0600, service user only)."),
  TDN_KEY_INT ("retention_days", "30", 1, 3650,
               "Days after delivery before a visit's personal data is erased."),
  TDN_KEY_INT ("busy_timeout_ms", "5000", 100, 60000,
               "How long to wait for the other process's write lock."),
  TDN_KEY_END
};

static const TdnConfigKey sync_keys[] = {
  TDN_KEY_ENUM ("adapter", "none", adapters, "How visits reach the HIS."),
  TDN_KEY_URI ("fhir_url", "", http_schemes, "FHIR R4 base URL of the HIS."),
  TDN_KEY_PATH ("fhir_token_file", "", "File holding the bearer token for the FHIR server."),
  TDN_KEY_PATH ("client_cert", "", "Client certificate (PEM) for the HIS, if it wants one."),
  TDN_KEY_PATH ("client_key", "", "Private key of client_cert (mode 0600)."),
  TDN_KEY_PATH ("ca_file", "", "Extra CA bundle for the HIS; TLS verification is always on."),
  TDN_KEY_STRING ("cccd_system", "http://fhir.hl7.org.vn/core/sid/cccd", 256, NULL,
                  "FHIR identifier system for the CCCD number."),
  TDN_KEY_STRING ("bhyt_system", "http://fhir.hl7.org.vn/core/sid/bhyt", 256, NULL,
                  "FHIR identifier system for the BHYT card number."),
  TDN_KEY_STRING ("visit_system", "urn:tiepdon:visit", 256, NULL,
                  "FHIR identifier system for the kiosk's visit UUID."),
  TDN_KEY_URI ("hl7_url", "", mllp_schemes, "HL7 v2 peer: mllp://HOST:PORT or mllps://HOST:PORT."),
  TDN_KEY_STRING ("hl7_sending_application", "TIEPDON", 64, NULL, "MSH-3."),
  TDN_KEY_STRING ("hl7_sending_facility", "", 64, NULL, "MSH-4 (default: the facility code)."),
  TDN_KEY_STRING ("hl7_receiving_application", "HIS", 64, NULL, "MSH-5."),
  TDN_KEY_STRING ("hl7_receiving_facility", "", 64, NULL, "MSH-6."),
  TDN_KEY_STRING ("hl7_financial_class_bhyt", "BHYT", 32, NULL, "PV1-20 for a visit paid by BHYT."),
  TDN_KEY_STRING ("hl7_financial_class_self_pay", "VP", 32, NULL, "PV1-20 for a self-pay visit (viện phí)."),
  TDN_KEY_STRING ("hl7_financial_class_pending", "CHO", 32, NULL,
                  "PV1-20 while the payment is still being decided."),
  TDN_KEY_INT ("timeout_s", "30", 1, 300, "Time to wait for the HIS to answer one delivery."),
  TDN_KEY_INT ("backoff_min_s", "5", 1, 3600, "First retry delay after a failure."),
  TDN_KEY_INT ("backoff_max_s", "600", 1, 86400, "Longest retry delay."),
  TDN_KEY_INT ("poll_interval_ms", "1000", 50, 60000,
               "How often syncd looks for new visits when not woken."),
  TDN_KEY_END
};

const TdnConfigGroup tdn_config_group_eligibility = {
  .name = "eligibility", .summary = "BHYT lookups through tiepdon-broker.", .keys = eligibility_keys,
};
const TdnConfigGroup tdn_config_group_spool = {
  .name = "spool", .summary = "The local store of visits.", .keys = spool_keys,
};
const TdnConfigGroup tdn_config_group_sync = {
  .name = "sync", .summary = "Delivery to the hospital information system.", .keys = sync_keys,
};
