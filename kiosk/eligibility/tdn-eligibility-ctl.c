/* tdn-eligibility-ctl.c — tiepdonctl eligibility check, broker token
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-ctl"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-eligibility-client.h"

static void
add_string (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static int
check_run (TdnCtl *ctl, int argc, char **argv)
{
  g_autofree char *id = NULL, *name = NULL, *dob = NULL, *broker = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, "CCCD (12 digits), BHXH number (10) or card (15)", "N" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Full name as on the ID", "NAME" },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob, "Date of birth DD/MM/YYYY or YYYY", "DATE" },
    { "broker", 0, 0, G_OPTION_ARG_STRING, &broker, "Broker URL (default [eligibility] broker_url)", "URL" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnEligibilityClient) client = NULL;
  g_autoptr(TdnEligibility) r = NULL;
  TdnConfig *config;
  gint64 latency = 0;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (id == NULL || name == NULL || dob == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", _("--id, --name and --dob are required."));
  if (!((strlen (dob) == 10 && dob[2] == '/' && dob[5] == '/') || strlen (dob) == 4))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", _("--dob must be DD/MM/YYYY or YYYY."));
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  client = tdn_eligibility_client_new_from_config (config, broker, &error);
  if (client == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  r = tdn_eligibility_client_check (client, id, name, dob, NULL, NULL, NULL, NULL, &latency);

  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      add_string (b, "status", tdn_eligibility_status_to_string (r->status));
      add_string (b, "code", r->code != NULL && *r->code != '\0' ? r->code : NULL);
      add_string (b, "message_vi", r->message_vi);
      add_string (b, "message_en", r->message_en);
      add_string (b, "card_number", r->card_number);
      add_string (b, "valid_from", r->valid_from);
      add_string (b, "valid_to", r->valid_to);
      add_string (b, "registered_facility", r->registered_facility);
      json_builder_set_member_name (b, "registered_here");
      json_builder_add_boolean_value (b, r->registered_here);
      json_builder_set_member_name (b, "benefit_level");
      if (r->benefit_level > 0)
        json_builder_add_int_value (b, r->benefit_level);
      else
        json_builder_add_null_value (b);
      add_string (b, "five_year_date", r->five_year_date);
      json_builder_set_member_name (b, "new_card");
      json_builder_add_boolean_value (b, r->new_card);
      json_builder_set_member_name (b, "latency_ms");
      json_builder_add_int_value (b, latency);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    {
      printf ("status: %s\ncode: %s\nmessage_vi: %s\nmessage_en: %s\n",
              tdn_eligibility_status_to_string (r->status), r->code, r->message_vi, r->message_en);
      printf ("card_number: %s\nvalid_from: %s\nvalid_to: %s\nregistered_facility: %s%s\n",
              r->card_number ? r->card_number : "", r->valid_from ? r->valid_from : "",
              r->valid_to ? r->valid_to : "", r->registered_facility ? r->registered_facility : "",
              r->registered_here ? " (here)" : "");
      printf ("benefit_level: %d\nfive_year_date: %s\nnew_card: %s\nlatency_ms: %" G_GINT64_FORMAT "\n",
              r->benefit_level, r->five_year_date ? r->five_year_date : "",
              r->new_card ? "true" : "false", latency);
    }
  switch (r->status)
    {
    case TDN_ELIGIBILITY_UNAVAILABLE:
      return TDN_CTL_EXIT_FAILURE;
    case TDN_ELIGIBILITY_CONFIG_ERROR:
      return TDN_CTL_EXIT_INVALID;
    default:
      return TDN_CTL_EXIT_OK;
    }
}

static int
token_run (TdnCtl *ctl, int argc, char **argv)
{
  g_autofree char *client = NULL;
  GOptionEntry entries[] = {
    { "client", 0, 0, G_OPTION_ARG_STRING, &client, "Client name for broker.conf ([client NAME])", "NAME" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  guint8 raw[32];
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (client != NULL && !g_regex_match_simple ("^[A-Za-z0-9]{1,16}$", client, 0, 0))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", _("--client must be 1 to 16 letters or digits."));
  if (getrandom (raw, sizeof raw, 0) != (ssize_t) sizeof raw)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", _("Could not read random bytes from the system."));
  token = g_base64_encode (raw, sizeof raw);
  for (char *p = token; *p != '\0'; p++)  /* URL- and header-safe */
    *p = *p == '+' ? '-' : *p == '/' ? '_' : *p;
  token[strcspn (token, "=")] = '\0';
  memset (raw, 0, sizeof raw);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      json_builder_begin_object (b);
      add_string (b, "client", client);
      add_string (b, "token", token);
      add_string (b, "token_sha256", hash);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    {
      printf ("# kiosk: put this in [eligibility] token_file (mode 0600)\n%s\n", token);
      printf ("# broker.conf:\n[client %s]\ntoken_sha256=%s\n", client ? client : "NAME", hash);
    }
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "eligibility check", "--id N --name NAME --dob DD/MM/YYYY [--broker URL]",
    N_("Check BHYT eligibility through tiepdon-broker"), check_run },
  { "broker token", "[--client NAME]",
    N_("Make a kiosk bearer token and its broker.conf line"), token_run },
};

void
tdn_eligibility_ctl_register (TdnCtl *ctl)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    tdn_ctl_register (ctl, &commands[i]);
}
