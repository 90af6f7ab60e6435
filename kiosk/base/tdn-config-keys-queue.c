/* tdn-config-keys-queue.c — schema of tiepdon.conf: queue, clinics, ticket
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-config-keys-private.h"

static const char * const name_modes[] = { "full", "initials", "none", NULL };

static const TdnConfigKey queue_keys[] = {
  TDN_KEY_STRING ("number_format", "{kiosk}-{prefix}{seq:3}", 64, NULL,
                  "Queue number layout: {kiosk}, {prefix}, {seq:N} (zero-padded to N digits)."),
  TDN_KEY_STRV ("clinics", "", "^[A-Za-z0-9_]{1,16}$",
                "Order of the clinics on screen; empty: the order of the [clinic …] groups."),
  TDN_KEY_END
};

static const TdnConfigKey clinic_keys[] = {
  { .name = "name_vi", .type = TDN_CONFIG_TYPE_STRING, .max = 200,
    .summary = "Clinic name in Vietnamese.", .flags = TDN_CONFIG_KEY_REQUIRED },
  TDN_KEY_STRING ("name_en", "", 200, NULL, "Clinic name in English."),
  TDN_KEY_STRING ("room", "", 64, NULL, "Room or counter, as printed (e.g. “Phòng 105”)."),
  TDN_KEY_STRING ("location", "", 200, NULL, "Where the room is (building, floor)."),
  TDN_KEY_STRING ("location_en", "", 200, NULL, "Where the room is, in English."),
  TDN_KEY_STRING ("hours", "07:00-17:00", 64,
                  "^([0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])(,[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*$",
                  "Opening hours, e.g. 07:00-11:30,13:30-17:00; 00:00-24:00 (or 00:00-23:59) "
                  "is all day, 22:00-06:00 runs past midnight."),
  TDN_KEY_INT ("capacity", "0", 0, 9999, "Patients per day; 0 means no limit."),
  { .name = "prefix", .type = TDN_CONFIG_TYPE_STRING, .max = 2, .pattern = "^[A-Z]{1,2}$",
    .summary = "Letter(s) before the queue number.", .flags = TDN_CONFIG_KEY_REQUIRED },
  TDN_KEY_STRING ("department_code", "", 16, NULL, "HIS department code (MA_KHOA)."),
  TDN_KEY_END
};

static const TdnConfigKey ticket_keys[] = {
  TDN_KEY_ENUM ("patient_name", "initials", name_modes,
                "How the patient's name appears on the ticket."),
  TDN_KEY_STRING ("font", "Noto Sans", 128, NULL, "Font family for the ticket."),
  TDN_KEY_STRING ("footer_vi", "", 200, NULL, "Extra line at the bottom, in Vietnamese."),
  TDN_KEY_STRING ("footer_en", "", 200, NULL, "Extra line at the bottom, in English."),
  TDN_KEY_END
};

const TdnConfigGroup tdn_config_group_queue = {
  .name = "queue", .summary = "Queue numbers.", .keys = queue_keys,
};
const TdnConfigGroup tdn_config_group_clinic = {
  .name = "clinic", .instances = TRUE, .instance_pattern = "^[A-Za-z0-9_]{1,16}$",
  .summary = "One clinic the patient can choose: [clinic CODE].", .keys = clinic_keys,
};
const TdnConfigGroup tdn_config_group_ticket = {
  .name = "ticket", .summary = "What the printed ticket shows.", .keys = ticket_keys,
};
