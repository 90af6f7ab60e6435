/* tdn-config-keys-kiosk.c — schema of tiepdon.conf: site and user interface
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Groups that every program reading tiepdon.conf shares. The device,
 * data and queue groups are in the other tdn-config-keys-*.c files; the
 * list of groups is at the end of this file.
 */
#include "config.h"

#include "tdn-config-schema.h"
#include "tdn-config-keys-private.h"

static const char * const languages[] = { "vi", "en", NULL };
static const char * const log_levels[] = { "error", "warning", "message", "info", "debug", NULL };
static const char * const log_targets[] = { "auto", "journal", "stderr", NULL };
static const char * const photo_policies[] = { "never", "desk", "patient", NULL };
static const char * const orientations[] = { "auto", "landscape", "portrait", NULL };
static const char * const cursor_modes[] = { "auto", "always", "never", NULL };

static const TdnConfigKey kiosk_keys[] = {
  TDN_KEY_STRING ("id", "K1", 8, "^[A-Za-z0-9]{1,8}$",
                  "This kiosk's short name, unique in the hospital; printed in queue numbers."),
  TDN_KEY_STRING ("hospital_name", "Bệnh viện", 200, NULL,
                  "Hospital name in Vietnamese, as printed on tickets."),
  TDN_KEY_STRING ("hospital_name_en", "Hospital", 200, NULL,
                  "Hospital name in English."),
  TDN_KEY_STRING ("facility_code", "", 5, "^([0-9]{5})?$",
                  "The hospital's 5-digit BHYT facility code (mã CSKCB), compared with the "
                  "patient's registered facility."),
  TDN_KEY_STRING ("timezone", "Asia/Ho_Chi_Minh", 64, "^[A-Za-z0-9_+/-]+$",
                  "Time zone of the hospital; queue numbers restart at its midnight."),
  TDN_KEY_ENUM ("default_language", "vi", languages,
                "Language a new patient sees first."),
  TDN_KEY_PATH ("state_dir", TDN_LOCALSTATEDIR,
                "Directory for the spool and other state, owned by the service user."),
  TDN_KEY_END
};

static const TdnConfigKey log_keys[] = {
  TDN_KEY_ENUM ("level", "message", log_levels,
                "Least severe message written to the log."),
  TDN_KEY_ENUM ("target", "auto", log_targets,
                "Where logs go: the journal when running under systemd (auto), or stderr."),
  TDN_KEY_END
};

static const TdnConfigKey ui_keys[] = {
  TDN_KEY_INT ("idle_timeout_s", "60", 10, 900,
               "Seconds without a touch before the kiosk warns and then resets."),
  TDN_KEY_INT ("idle_warning_s", "15", 5, 120,
               "Seconds the “I need more time” warning stays before the reset."),
  TDN_KEY_ENUM ("photo_policy", "desk", photo_policies,
                "Who sees the chip photo: nobody, the desk only, or also the patient."),
  TDN_KEY_BOOL ("high_contrast", "false", "Start in high-contrast mode."),
  TDN_KEY_BOOL ("large_text", "false", "Start with large text."),
  TDN_KEY_BOOL ("speech", "false", "Speak guidance aloud in the patient's language."),
  TDN_KEY_STRING ("speech_command", "espeak-ng -v vi", 256, NULL,
                  "Command that speaks text given on its standard input."),
  TDN_KEY_BOOL ("low_reach", "false", "Keep every action in the lower half of the screen."),
  TDN_KEY_ENUM ("orientation", "auto", orientations, "Screen layout."),
  TDN_KEY_ENUM ("hide_cursor", "auto", cursor_modes,
                "Hide the pointer: auto hides it on touch-only seats."),
  TDN_KEY_END
};

static const TdnConfigGroup group_kiosk = {
  .name = "kiosk", .summary = "This kiosk and its hospital.", .keys = kiosk_keys,
};
static const TdnConfigGroup group_ui = {
  .name = "ui", .summary = "The patient screen.", .keys = ui_keys,
};

static const TdnConfigGroup * const kiosk_groups[] = {
  &group_kiosk,
  &tdn_config_group_log,
  &group_ui,
  &tdn_config_group_reader,
  &tdn_config_group_scanner,
  &tdn_config_group_printer,
  &tdn_config_group_eligibility,
  &tdn_config_group_spool,
  &tdn_config_group_sync,
  &tdn_config_group_queue,
  &tdn_config_group_clinic,
  &tdn_config_group_ticket,
  &tdn_config_group_desk,
  &tdn_config_group_staff,
  NULL
};

const TdnConfigSchema tdn_config_schema_kiosk = {
  .name = "tiepdon",
  .file_name = "tiepdon.conf",
  .groups = kiosk_groups,
};

/* Shared with the broker schema. */
const TdnConfigGroup tdn_config_group_log = {
  .name = "log", .summary = "Logging.", .keys = log_keys,
};
