/* tdn-spool-ctl-outbox.c — tiepdonctl spool list|show|retry|purge|export
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include <stdio.h>

#include "tdn-ctl.h"
#include "tdn-spool-ctl-private.h"
#include "tdn-spool-outbox.h"

static void
add_time (JsonBuilder *b,
          const char  *key,
          gint64       us)
{
  json_builder_set_member_name (b, key);
  if (us > 0)
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format_iso8601 (t);

      json_builder_add_string_value (b, text);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_nullable (JsonBuilder *b,
              const char  *key,
              const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_delivery (JsonBuilder         *b,
              const TdnOutboxItem *d)
{
  json_builder_begin_object (b);
  add_nullable (b, "delivery_id", d->delivery_id);
  add_nullable (b, "visit_id", d->visit_id);
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, d->revision);
  add_nullable (b, "state", tdn_outbox_state_to_string (d->state));
  json_builder_set_member_name (b, "attempts");
  json_builder_add_int_value (b, d->attempts);
  add_time (b, "created_at", d->created_at);
  add_time (b, "next_attempt_at", d->state == TDN_OUTBOX_PENDING ? d->next_attempt_at : 0);
  add_time (b, "delivered_at", d->delivered_at);
  add_nullable (b, "destination", d->destination);
  add_nullable (b, "last_error", d->last_error);
  json_builder_end_object (b);
}

static void
print_builder (TdnCtl      *ctl,
               JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  tdn_ctl_print_json (ctl, root);
}

static int
spool_list (TdnCtl *ctl,
            int     argc,
            char  **argv)
{
  g_autofree char *state_name = NULL;
  int limit = 0;
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_name, N_("pending, in_flight, delivered or parked"), "STATE" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many deliveries"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(GPtrArray) items = NULL;
  TdnOutboxState state = TDN_OUTBOX_PENDING;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (state_name != NULL && !tdn_outbox_state_from_string (state_name, &state))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--state must be pending, in_flight, delivered or parked"));
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL ||
      (items = tdn_spool_outbox_list (spool, state_name ? (int) state : -1, NULL, (guint) MAX (limit, 0), &error)) == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "deliveries");
      json_builder_begin_array (b);
      for (guint i = 0; i < items->len; i++)
        add_delivery (b, items->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_builder (ctl, b);
    }
  else
    for (guint i = 0; i < items->len; i++)
      {
        TdnOutboxItem *d = items->pdata[i];

        printf ("%s  %s/%d  %-9s  %d  %s\n", d->delivery_id, d->visit_id, d->revision,
                tdn_outbox_state_to_string (d->state), d->attempts, d->last_error ? d->last_error : "");
      }
  return TDN_CTL_EXIT_OK;
}

/* The visit an id names: a visit id, or the visit of a delivery id. */
static char *
resolve_visit (TdnSpool    *spool,
               const char  *id,
               GError     **error)
{
  g_autoptr(TdnVisit) v = tdn_spool_get_visit (spool, id, NULL);
  g_autoptr(TdnOutboxItem) d = NULL;

  if (v != NULL)
    return g_strdup (id);
  d = tdn_spool_outbox_get (spool, id, NULL);
  if (d != NULL)
    return g_strdup (d->visit_id);
  g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND,
               _("No visit or delivery %s in the spool; see “tiepdonctl spool list”"), id);
  return NULL;
}

/* One visit: masked (show) or whole (export, for IT entering it by hand). */
static gboolean
add_visit (JsonBuilder  *b,
           TdnSpool     *spool,
           const char   *visit_id,
           gboolean      personal,
           GError      **error)
{
  g_autoptr(TdnVisit) v = tdn_spool_get_visit (spool, visit_id, error);
  g_autoptr(GPtrArray) deliveries = NULL;

  if (v == NULL || (deliveries = tdn_spool_outbox_list (spool, -1, visit_id, 0, error)) == NULL)
    return FALSE;
  json_builder_begin_object (b);
  add_nullable (b, "visit_id", v->visit_id);
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, v->revision);
  add_nullable (b, "kiosk_id", v->kiosk_id);
  add_time (b, "updated_at", v->created_at);
  json_builder_set_member_name (b, "purged");
  json_builder_add_boolean_value (b, v->purged);
  if (personal)
    {
      add_nullable (b, "id_number", v->id_number);
      add_nullable (b, "full_name", v->full_name);
      add_nullable (b, "date_of_birth", v->date_of_birth);
      add_nullable (b, "address", v->address);
      add_nullable (b, "bhyt_card", v->bhyt_card);
    }
  else
    {
      g_autofree char *id = v->id_number ? tdn_mask_id (v->id_number) : NULL;
      g_autofree char *name = v->full_name ? tdn_mask_name (v->full_name) : NULL;
      g_autofree char *dob = v->date_of_birth ? tdn_mask_date (v->date_of_birth) : NULL;

      add_nullable (b, "masked_id", id);
      add_nullable (b, "masked_name", name);
      add_nullable (b, "masked_date_of_birth", dob);
    }
  add_nullable (b, "sex", v->sex);
  add_nullable (b, "assurance", v->assurance);
  add_nullable (b, "language", v->language);
  add_nullable (b, "clinic", v->clinic);
  add_nullable (b, "priority", v->priority);
  add_nullable (b, "queue_number", v->queue_number);
  add_nullable (b, "eligibility_status", v->eligibility_status);
  add_nullable (b, "eligibility_code", v->eligibility_code);
  add_nullable (b, "payment", v->payment);
  json_builder_set_member_name (b, "deliveries");
  json_builder_begin_array (b);
  for (guint i = 0; i < deliveries->len; i++)
    add_delivery (b, deliveries->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return TRUE;
}

static int
spool_show (TdnCtl *ctl,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *visit_id = NULL;

  if (!tdn_ctl_parse (ctl, NULL, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 2)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("give one visit or delivery id"));
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL || (visit_id = resolve_visit (spool, argv[1], &error)) == NULL ||
      !add_visit (b, spool, visit_id, FALSE, &error))
    return tdn_ctl_fail (ctl, g_error_matches (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND)
                              ? TDN_CTL_EXIT_INVALID : TDN_CTL_EXIT_FAILURE, "%s", error->message);
  /* Text mode prints the same document: it is short and readable. */
  print_builder (ctl, b);
  return TDN_CTL_EXIT_OK;
}

static int
spool_retry (TdnCtl *ctl,
             int     argc,
             char  **argv)
{
  gboolean rebuild = FALSE;
  GOptionEntry entries[] = {
    { "rebuild", 0, 0, G_OPTION_ARG_NONE, &rebuild,
      N_("Build the message again from the visit and today's configuration (same delivery id)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(TdnOutboxItem) one = NULL;
  const char *actor = g_get_user_name ();
  guint n = 0;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 2)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("give one delivery or visit id"));
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  /* A delivery id, or every parked/waiting delivery of a visit. */
  one = tdn_spool_outbox_get (spool, argv[1], NULL);
  items = one != NULL ? tdn_spool_outbox_list (spool, -1, one->visit_id, 0, &error)
                      : tdn_spool_outbox_list (spool, -1, argv[1], 0, &error);
  if (items == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "retried");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      TdnOutboxItem *d = items->pdata[i];

      if ((one != NULL && !g_str_equal (d->delivery_id, one->delivery_id)) ||
          (d->state != TDN_OUTBOX_PARKED && d->state != TDN_OUTBOX_PENDING))
        continue;
      if (!tdn_spool_outbox_retry (spool, d->delivery_id, rebuild, actor, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
      json_builder_add_string_value (b, d->delivery_id);
      n++;
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (n == 0)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID,
                         _("nothing to retry: no parked or waiting delivery with id %s"), argv[1]);
  if (tdn_ctl_get_json (ctl))
    print_builder (ctl, b);
  else
    printf (_("%u deliveries will be sent again\n"), n);
  return TDN_CTL_EXIT_OK;
}

static int
spool_purge (TdnCtl *ctl,
             int     argc,
             char  **argv)
{
  int days = -1;
  GOptionEntry entries[] = {
    { "older-than-days", 0, 0, G_OPTION_ARG_INT, &days,
      N_("Erase visits delivered more than N days ago (default: [spool] retention_days)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  TdnConfig *config;
  guint n = 0;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  if (days < 0)
    days = (int) tdn_config_get_int (config, "spool", "retention_days");
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL ||
      !tdn_spool_purge (spool, tdn_clock_get_real () - (gint64) days * 24 * 3600 * G_USEC_PER_SEC,
                        g_get_user_name (), &n, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "purged_visits");
      json_builder_add_int_value (b, n);
      json_builder_set_member_name (b, "older_than_days");
      json_builder_add_int_value (b, days);
      json_builder_end_object (b);
      print_builder (ctl, b);
    }
  else
    printf (_("personal data of %u visits erased\n"), n);
  return TDN_CTL_EXIT_OK;
}

static int
spool_export (TdnCtl *ctl,
              int     argc,
              char  **argv)
{
  g_autofree char *state_name = NULL;
  gboolean anonymous = FALSE;
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_name, N_("Only visits with a delivery in this state"), "STATE" },
    { "anonymous", 0, 0, G_OPTION_ARG_NONE, &anonymous, N_("Mask names, ID numbers and dates of birth"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *detail = NULL;
  TdnOutboxState state = TDN_OUTBOX_PENDING;

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (state_name != NULL && !tdn_outbox_state_from_string (state_name, &state))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--state must be pending, in_flight, delivered or parked"));
  spool = tdn_spool_ctl_open (ctl, &error);
  if (spool == NULL ||
      (items = tdn_spool_outbox_list (spool, state_name ? (int) state : -1, NULL, 0, &error)) == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "visits");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      TdnOutboxItem *d = items->pdata[i];

      if (!g_hash_table_add (seen, g_strdup (d->visit_id)))
        continue;
      if (!add_visit (b, spool, d->visit_id, !anonymous, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  /* Personal data leaving the spool is an audited act. */
  detail = g_strdup_printf ("%u visits%s", g_hash_table_size (seen), anonymous ? ", masked" : "");
  if (!tdn_spool_add_audit (spool, g_get_user_name (), "export", NULL, detail, &error))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  print_builder (ctl, b);
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "spool list", "[--state STATE] [--limit N] [--json]",
    N_("List deliveries to the HIS in the order they leave"), spool_list },
  { "spool show", "ID [--json]",
    N_("Show one visit (masked) and its deliveries, by visit or delivery id"), spool_show },
  { "spool retry", "ID [--rebuild] [--json]",
    N_("Send a parked or waiting delivery (or all of a visit's) again now"), spool_retry },
  { "spool purge", "[--older-than-days N] [--json]",
    N_("Erase personal data of visits delivered long enough ago"), spool_purge },
  { "spool export", "[--state STATE] [--anonymous]",
    N_("Print visits and their deliveries as JSON (audited)"), spool_export },
};

void
tdn_spool_ctl_register_outbox (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
