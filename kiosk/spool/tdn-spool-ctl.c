/* tdn-spool-ctl.c — tiepdonctl spool status, add-test-visit and rekey
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-queue.h"
#include "tdn-spool.h"
#include "tdn-spool-ctl-private.h"

TdnSpool *
tdn_spool_ctl_open (TdnCtl  *ctl,
                    GError **error)
{
  TdnConfig *config = tdn_ctl_load_config (ctl, error);

  return config != NULL ? tdn_spool_open_from_config (config, error) : NULL;
}

static int
spool_status (TdnCtl *ctl,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  TdnSpoolCounts c;

  if (!tdn_ctl_parse (ctl, NULL, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL || !tdn_spool_get_counts (spool, &c, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      tdn_spool_counts_add_json (&c, b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf (_("pending %lld, in flight %lld, delivered %lld, parked %lld\n"),
            (long long) c.pending, (long long) c.in_flight, (long long) c.delivered, (long long) c.parked);
  return TDN_CTL_EXIT_OK;
}

static int
spool_add_test_visit (TdnCtl *ctl,
                      int     argc,
                      char  **argv)
{
  g_autofree char *clinic_code = NULL, *name = NULL, *id = NULL, *dob = NULL, *payment = NULL, *lang = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autoptr(GPtrArray) clinics = NULL;
  TdnConfig *config;
  TdnSpoolQueueTake a = { NULL, NULL };
  GOptionEntry entries[] = {
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &clinic_code, N_("Clinic code ([clinic CODE])"), "CODE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Patient's name"), N_("NAME") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("12-digit ID number"), "NUM" },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob, N_("Date of birth, ISO 8601"), "DATE" },
    { "payment", 0, 0, G_OPTION_ARG_STRING, &payment, N_("bhyt, self_pay or pending"), "WAY" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &lang, N_("vi or en"), "LANG" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  clinics = tdn_clinics_from_config (config);
  for (guint i = 0; i < clinics->len; i++)
    if (clinic_code == NULL || g_strcmp0 (((TdnClinic *) clinics->pdata[i])->code, clinic_code) == 0)
      {
        a.clinic = clinics->pdata[i];
        break;
      }
  if (a.clinic == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("no such clinic in the configuration"));
  a.format = tdn_config_get_string (config, "queue", "number_format");

  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  v->kiosk_id = g_strdup (tdn_config_get_string (config, "kiosk", "id"));
  v->full_name = g_strdup (name ? name : "Nguyễn Văn Thử");
  v->id_number = g_strdup (id ? id : "001090000001");
  v->date_of_birth = g_strdup (dob ? dob : "1990-01-01");
  v->clinic = g_strdup (a.clinic->code);
  v->assurance = g_strdup ("manual");
  v->language = g_strdup (lang ? lang : "vi");
  v->payment = g_strdup (payment ? payment : "pending");
  v->eligibility_status = g_strdup (g_strcmp0 (payment, "bhyt") == 0 ? "eligible" : "unavailable");
  if (!tdn_spool_commit_visit (spool, v, tdn_spool_take_queue_number, &a, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);

  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "visit_id");
      json_builder_add_string_value (b, v->visit_id);
      json_builder_set_member_name (b, "queue_number");
      json_builder_add_string_value (b, v->queue_number);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf ("%s %s\n", v->visit_id, v->queue_number);
  return TDN_CTL_EXIT_OK;
}

/* Re-seal under a new key, then swap the files so that at every moment
 * [spool] key_file opens the spool: link the old key aside, then rename
 * the new one over it (atomic). Running it again after a crash finishes. */
static int
spool_rekey (TdnCtl *ctl,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autofree char *fresh = NULL, *retired = NULL;
  TdnConfig *config;
  const char *key_file;
  guint n = 0;

  if (!tdn_ctl_parse (ctl, NULL, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  key_file = tdn_config_get_string (config, "spool", "key_file");
  if (!g_file_test (key_file, G_FILE_TEST_EXISTS))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("There is no spool key %s to rotate"), key_file);
  fresh = g_strconcat (key_file, ".new", NULL);
  retired = g_strdup_printf ("%s.retired-%" G_GINT64_FORMAT, key_file, tdn_clock_get_real ());
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL || !tdn_spool_rekey (spool, fresh, g_get_user_name (), &n, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (link (key_file, retired) != 0 || rename (fresh, key_file) != 0)
    {
      int saved = errno;
      return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE,
                           _("The spool is sealed with %s but the key files could not be swapped (%s); run "
                             "“tiepdonctl spool rekey” again"), fresh, g_strerror (saved));
    }
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "resealed_values");
      json_builder_add_int_value (b, n);
      json_builder_set_member_name (b, "key_file");
      json_builder_add_string_value (b, key_file);
      json_builder_set_member_name (b, "retired_key_file");
      json_builder_add_string_value (b, retired);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf (_("%u values sealed with the new key in %s; the old key is %s — delete it when no backup needs it\n"),
            n, key_file, retired);
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "spool status", "[--json]",
    N_("Count the visits waiting for, on their way to, and delivered to the HIS"), spool_status },
  { "spool add-test-visit", "[--clinic CODE] [--name NAME] [--id NUM] [--dob DATE] [--payment WAY] [--json]",
    N_("Commit a test visit with a queue number (for printer and HIS checks)"), spool_add_test_visit },
  { "spool rekey", "[--json]",
    N_("Seal the spool's personal data with a new key (stop the kiosk and syncd first)"), spool_rekey },
};

void
tdn_spool_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
  tdn_spool_ctl_register_outbox (ctl);
}
