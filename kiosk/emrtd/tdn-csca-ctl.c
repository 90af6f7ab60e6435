/* tdn-csca-ctl.c — tiepdonctl csca list, and the CSCA trust store selftest check
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <stdio.h>

#include "tdn-csca-store.h"
#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"

/* The store from --dir, or from the configuration. */
static TdnCscaStore *
load_store (TdnCtl      *ctl,
            const char  *dir,
            char       **dir_used,
            GError     **error)
{
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  TdnConfig *config;

  if (dir == NULL)
    {
      config = tdn_ctl_load_config (ctl, error);
      if (config == NULL)
        return NULL;
      tdn_csca_store_set_trust_unverified_master_lists (
        store, tdn_config_get_bool (config, "reader", "csca_trust_unverified_master_lists"));
      dir = tdn_config_get_string (config, "reader", "csca_dir");
    }
  *dir_used = g_strdup (dir);
  if (!tdn_csca_store_load_dir (store, dir, error))
    return NULL;
  return g_steal_pointer (&store);
}

static char *
iso_date (GDateTime *t)
{
  return t != NULL ? g_date_time_format (t, "%Y-%m-%d") : g_strdup ("?");
}

/* Certificate `i` with its validity as yyyy-mm-dd. */
static void
describe (TdnCscaStore *store,
          guint         i,
          TdnCscaInfo  *info,
          char        **not_before,
          char        **not_after)
{
  tdn_csca_store_get_info (store, i, info);
  *not_before = iso_date (info->not_before);
  *not_after = iso_date (info->not_after);
}

static void
print_json (TdnCtl       *ctl,
            TdnCscaStore *store,
            const char   *dir)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = tdn_clock_now ();
  GPtrArray *problems = tdn_csca_store_get_problems (store);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "dir");
  json_builder_add_string_value (b, dir);
  json_builder_set_member_name (b, "certificates");
  json_builder_begin_array (b);
  for (guint i = 0; i < tdn_csca_store_get_n_certificates (store); i++)
    {
      TdnCscaInfo info;
      g_autofree char *nb = NULL, *na = NULL;

      describe (store, i, &info, &nb, &na);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "subject");
      json_builder_add_string_value (b, info.subject);
      json_builder_set_member_name (b, "country");
      json_builder_add_string_value (b, info.country);
      json_builder_set_member_name (b, "key_id");
      json_builder_add_string_value (b, info.key_id);
      json_builder_set_member_name (b, "not_before");
      json_builder_add_string_value (b, nb);
      json_builder_set_member_name (b, "not_after");
      json_builder_add_string_value (b, na);
      json_builder_set_member_name (b, "expired");
      json_builder_add_boolean_value (b, info.not_after != NULL
                                         && g_date_time_compare (info.not_after, now) < 0);
      json_builder_end_object (b);
      tdn_csca_info_clear (&info);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "skipped");
  json_builder_begin_array (b);
  for (guint i = 0; i < problems->len; i++)
    json_builder_add_string_value (b, problems->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  tdn_ctl_print_json (ctl, root);
}

static int
csca_list (TdnCtl *ctl,
           int     argc,
           char  **argv)
{
  g_autofree char *dir = NULL, *dir_used = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnCscaStore) store = NULL;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      N_("CSCA directory to read instead of reader.csca_dir"), N_("DIR") },
    { NULL }
  };
  GPtrArray *problems;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  store = load_store (ctl, dir, &dir_used, &error);
  if (store == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  if (tdn_ctl_get_json (ctl))
    {
      print_json (ctl, store, dir_used);
      return TDN_CTL_EXIT_OK;
    }
  problems = tdn_csca_store_get_problems (store);
  printf (_("%u trusted CSCA certificates in %s\n"),
          tdn_csca_store_get_n_certificates (store), dir_used);
  for (guint i = 0; i < tdn_csca_store_get_n_certificates (store); i++)
    {
      TdnCscaInfo info;
      g_autofree char *nb = NULL, *na = NULL;

      describe (store, i, &info, &nb, &na);
      printf ("%s  %s … %s  %s\n", info.subject, nb, na, info.key_id ? info.key_id : "-");
      tdn_csca_info_clear (&info);
    }
  for (guint i = 0; i < problems->len; i++)
    printf (_("skipped %s\n"), (const char *) problems->pdata[i]);
  return TDN_CTL_EXIT_OK;
}

static TdnCtlCheckStatus
check_csca (TdnCtl     *ctl,
            TdnConfig  *config,
            char      **message)
{
  const char *dir = tdn_config_get_string (config, "reader", "csca_dir");
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  if (!tdn_config_get_bool (config, "reader", "enabled"))
    {
      *message = g_strdup (_("no card reader on this kiosk"));
      return TDN_CTL_CHECK_SKIPPED;
    }
  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      *message = g_strdup_printf (_("%s does not exist: chip data will show as signed by an "
                                    "unknown authority (untrusted_csca)"), dir);
      return TDN_CTL_CHECK_SKIPPED;
    }
  tdn_csca_store_set_trust_unverified_master_lists (
    store, tdn_config_get_bool (config, "reader", "csca_trust_unverified_master_lists"));
  if (!tdn_csca_store_load_dir (store, dir, &error))
    {
      *message = g_strdup (error->message);
      return TDN_CTL_CHECK_FAILED;
    }
  n = tdn_csca_store_get_n_certificates (store);
  if (tdn_csca_store_get_problems (store)->len > 0)
    {
      *message = g_strdup_printf (_("%u CSCA certificates; %u files in %s were skipped "
                                    "(see tiepdonctl csca list)"),
                                  n, tdn_csca_store_get_problems (store)->len, dir);
      return TDN_CTL_CHECK_WARNING;
    }
  if (n == 0)
    {
      *message = g_strdup_printf (_("%s holds no CSCA certificate: chip data will show as "
                                    "untrusted_csca"), dir);
      return TDN_CTL_CHECK_WARNING;
    }
  *message = g_strdup_printf (_("%u CSCA certificates in %s"), n, dir);
  return TDN_CTL_CHECK_OK;
}

static const TdnCtlCommand commands[] = {
  { "csca list", "[--dir DIR] [--config FILE] [--json]",
    N_("List the trusted CSCA certificates used to check chip signatures"), csca_list },
};

static const TdnCtlCheck csca_check = {
  "csca", N_("CSCA trust store for chip passive authentication"), check_csca,
};

void
tdn_csca_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
  tdn_ctl_add_check (ctl, &csca_check);
}
