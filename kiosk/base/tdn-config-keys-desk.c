/* tdn-config-keys-desk.c — schema of tiepdon.conf: the nurse's desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-config-keys-private.h"

static const char * const desk_http_schemes[] = { "http", "https", NULL };

static const TdnConfigKey desk_keys[] = {
  TDN_KEY_STRING ("id", "DESK1", 16, "^[A-Za-z0-9]{1,16}$", "This desk's name."),
  TDN_KEY_INT ("max_pin_failures", "5", 1, 20, "Wrong PINs before an account locks."),
  TDN_KEY_INT ("lockout_s", "300", 10, 86400, "How long a locked account stays locked."),
  TDN_KEY_INT ("auto_signout_s", "600", 30, 28800, "Sign the nurse out after this much inactivity."),
  TDN_KEY_URI ("broker_url", "", desk_http_schemes,
               "tiepdon-broker base URL the desk follows help requests on; empty: none."),
  TDN_KEY_PATH ("token_file", TDN_SYSCONFDIR "/desk-token",
                "File holding this desk's bearer token for the broker (mode 0600)."),
  TDN_KEY_PATH ("ca_file", "",
                "Extra CA bundle that signs the broker's certificate; empty: system CAs."),
  TDN_KEY_END
};

/* The broker's sign-in policy for nurses' sessions ([nurses] in broker.conf). */
static const TdnConfigKey nurses_keys[] = {
  TDN_KEY_INT ("max_pin_failures", "5", 1, 20, "Wrong PINs before an account locks."),
  TDN_KEY_INT ("lockout_s", "300", 10, 86400, "How long a locked account stays locked."),
  TDN_KEY_INT ("auto_signout_s", "600", 30, 28800,
               "End a nurse's session after this much inactivity."),
  TDN_KEY_END
};

static const TdnConfigKey staff_keys[] = {
  { .name = "display_name", .type = TDN_CONFIG_TYPE_STRING, .max = 200,
    .summary = "The nurse's name, as recorded with each override.",
    .flags = TDN_CONFIG_KEY_REQUIRED },
  { .name = "pin_hash", .type = TDN_CONFIG_TYPE_STRING, .max = 256,
    .pattern = "^pbkdf2-sha256\\$[0-9]+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$",
    .summary = "PIN hash made by “tiepdonctl staff hash-pin”.",
    .flags = TDN_CONFIG_KEY_REQUIRED | TDN_CONFIG_KEY_SECRET },
  TDN_KEY_END
};

const TdnConfigGroup tdn_config_group_desk = {
  .name = "desk", .summary = "The nurse's desk console.", .keys = desk_keys,
};
const TdnConfigGroup tdn_config_group_nurses = {
  .name = "nurses", .summary = "Nurses' sign-in at the broker.", .keys = nurses_keys,
};
const TdnConfigGroup tdn_config_group_staff = {
  .name = "staff", .instances = TRUE, .instance_pattern = "^[a-z0-9_.-]{1,32}$",
  .summary = "A nurse who may sign in at the desk: [staff LOGIN].", .keys = staff_keys,
};
