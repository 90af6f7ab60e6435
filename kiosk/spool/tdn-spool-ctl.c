/* tdn-spool-ctl.c — tiepdonctl spool status and spool add-test-visit
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include <stdio.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-queue.h"
#include "tdn-spool.h"

static TdnSpool *
open_spool (TdnCtl  *ctl,
            GError **error)
{
  TdnConfig *config = tdn_ctl_load_config (ctl, error);

  if (config == NULL)
    return NULL;
  return tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                         tdn_config_get_string (config, "spool", "key_file"), error);
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
  spool = open_spool (ctl, &error);
  if (spool == NULL || !tdn_spool_get_counts (spool, &c, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "pending");
      json_builder_add_int_value (b, c.pending);
      json_builder_set_member_name (b, "in_flight");
      json_builder_add_int_value (b, c.in_flight);
      json_builder_set_member_name (b, "delivered");
      json_builder_add_int_value (b, c.delivered);
      json_builder_set_member_name (b, "parked");
      json_builder_add_int_value (b, c.parked);
      json_builder_set_member_name (b, "oldest_pending_age_s");
      if (c.oldest_pending_age_s >= 0)
        json_builder_add_int_value (b, c.oldest_pending_age_s);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf (_("pending %lld, in flight %lld, delivered %lld, parked %lld\n"),
            (long long) c.pending, (long long) c.in_flight, (long long) c.delivered, (long long) c.parked);
  return TDN_CTL_EXIT_OK;
}

typedef struct {
  TdnClinic  *clinic;
  const char *format;
} Alloc;

static gboolean
allocate_cb (sqlite3   *db,
             TdnVisit  *visit,
             gpointer   data,
             GError   **error)
{
  Alloc *a = data;

  visit->queue_number = tdn_queue_take_number (db, a->format, visit->kiosk_id, a->clinic, error);
  return visit->queue_number != NULL;
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
  Alloc a = { NULL, NULL };
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

  spool = open_spool (ctl, &error);
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
  if (!tdn_spool_commit_visit (spool, v, allocate_cb, &a, &error))
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

static const TdnCtlCommand commands[] = {
  { "spool status", "[--json]",
    N_("Count the visits waiting for, on their way to, and delivered to the HIS"), spool_status },
  { "spool add-test-visit", "[--clinic CODE] [--name NAME] [--id NUM] [--dob DATE] [--payment WAY] [--json]",
    N_("Commit a test visit with a queue number (for printer and HIS checks)"), spool_add_test_visit },
};

void
tdn_spool_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
