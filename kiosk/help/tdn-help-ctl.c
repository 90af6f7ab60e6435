/* tdn-help-ctl.c — tiepdonctl help apply and help audit (the kiosk's side)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `help apply` fetches the nurses' overrides of this kiosk's visits from
 * the broker ([eligibility] broker_url and the kiosk token) and applies
 * them to the spool; --once does one round (tests, cron), otherwise it
 * keeps following. `help audit VISIT` prints the spool's audit log of one
 * visit: who changed it, when, and why.
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include <stdio.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-eligibility.h"
#include "tdn-override-applier.h"

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  guint      applied;
  guint      rejected;
  GError    *error;
} Once;

static void
once_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Once *once = data;

  once->ok = tdn_override_applier_run_once_finish (TDN_OVERRIDE_APPLIER (source), result,
                                                   &once->applied, &once->rejected, &once->error);
  g_main_loop_quit (once->loop);
}

static int
help_apply (TdnCtl *ctl,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(TdnHelpClient) client = NULL;
  g_autoptr(TdnOverrideApplier) applier = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  gboolean once_only = FALSE;
  int wait_s = 0;
  TdnConfig *config;
  Once once = { NULL };
  GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once_only, N_("One round, then exit"), NULL },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait_s, N_("With --once: wait up to N seconds for an override"), "N" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 1 || wait_s < 0 || wait_s > 60)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("Usage: help apply [--once [--wait 0-60]]"));
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  client = tdn_help_client_new (config, &error);
  if (client == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  spool = tdn_spool_open_from_config (config, &error);
  if (spool == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  applier = tdn_override_applier_new (config, spool, client);
  loop = g_main_loop_new (NULL, FALSE);

  if (!once_only)
    {
      tdn_override_applier_start (applier);
      g_main_loop_run (loop);   /* until killed: systemd or the operator stops it */
      return TDN_CTL_EXIT_OK;
    }

  once.loop = loop;
  tdn_override_applier_run_once_async (applier, (guint) wait_s, NULL, once_cb, &once);
  g_main_loop_run (loop);
  if (!once.ok)
    {
      int status = tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", once.error->message);
      g_error_free (once.error);
      return status;
    }
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "applied");
      json_builder_add_int_value (b, once.applied);
      json_builder_set_member_name (b, "rejected");
      json_builder_add_int_value (b, once.rejected);
      json_builder_set_member_name (b, "seq");
      json_builder_add_int_value (b, tdn_spool_get_change_seq (spool));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf (_("%u applied, %u rejected\n"), once.applied, once.rejected);
  return TDN_CTL_EXIT_OK;
}

typedef struct {
  GMainLoop *loop;
  char      *id;
  GError    *error;
} Raise;

static void
raised_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Raise *r = data;

  r->id = tdn_help_client_post_finish (TDN_HELP_CLIENT (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

/* help raise: what a kiosk sends, for IT to check the desks and for tests. */
static int
help_raise (TdnCtl *ctl,
            int     argc,
            char  **argv)
{
  g_autofree char *reason = NULL, *visit = NULL, *ticket = NULL, *name = NULL, *id = NULL;
  g_autofree char *assurance = NULL, *code = NULL, *photo_file = NULL, *lang = NULL;
  g_autoptr(TdnHelpRequest) req = tdn_help_request_new ();
  g_autoptr(TdnHelpClient) client = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  int age = -1;
  TdnConfig *config;
  Raise r = { NULL };
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Reason code (docs/help-api.md)"), "CODE" },
    { "visit", 0, 0, G_OPTION_ARG_STRING, &visit, N_("The visit's id"), "UUID" },
    { "ticket", 0, 0, G_OPTION_ARG_STRING, &ticket, N_("Ticket number"), "NUMBER" },
    { "masked-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Initials"), "TEXT" },
    { "masked-id", 0, 0, G_OPTION_ARG_STRING, &id, N_("Masked ID number"), "TEXT" },
    { "age", 0, 0, G_OPTION_ARG_INT, &age, N_("Age in years"), "N" },
    { "assurance", 0, 0, G_OPTION_ARG_STRING, &assurance, N_("manual, qr, chip, chip+pa, chip+pa+aa"), "LEVEL" },
    { "eligibility-code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The gateway's result code (maKetQua)"), "CODE" },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo_file, N_("Chip photo (JPEG)"), "FILE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &lang, N_("vi or en"), "LANG" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 1 || !tdn_help_reason_is_valid (reason))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("Usage: help raise --reason CODE [--visit UUID] [--ticket NUMBER] …"));
  if (visit != NULL && !g_uuid_string_is_valid (visit))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--visit must be a UUID"));
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  client = tdn_help_client_new (config, &error);
  if (client == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  if (photo_file != NULL)
    {
      char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (photo_file, &data, &len, &error))
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
      req->photo = g_bytes_new_take (data, len);
    }
  if (code != NULL)
    {
      g_autoptr(TdnEligibility) e = tdn_eligibility_new_for_code (code);
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      tdn_json_add_string (b, "status", tdn_eligibility_status_to_string (e->status));
      tdn_json_add_string (b, "code", e->code);
      tdn_json_add_string (b, "message_vi", e->message_vi);
      tdn_json_add_string (b, "message_en", e->message_en);
      json_builder_end_object (b);
      req->eligibility = json_builder_get_root (b);
    }
  req->kiosk_id = g_strdup (tdn_config_get_string (config, "kiosk", "id"));
  req->reason = g_steal_pointer (&reason);
  req->visit_ref = g_steal_pointer (&visit);
  req->ticket_number = g_steal_pointer (&ticket);
  req->masked_name = g_steal_pointer (&name);
  req->masked_id = g_steal_pointer (&id);
  req->age_years = age;
  req->assurance = g_steal_pointer (&assurance);
  req->language = g_steal_pointer (&lang);

  loop = g_main_loop_new (NULL, FALSE);
  r.loop = loop;
  tdn_help_client_post_async (client, req, NULL, raised_cb, &r);
  g_main_loop_run (loop);
  if (r.id == NULL)
    {
      int status = tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", r.error->message);
      g_error_free (r.error);
      return status;
    }
  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      tdn_json_add_string (b, "id", r.id);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf ("%s\n", r.id);
  g_free (r.id);
  return TDN_CTL_EXIT_OK;
}

static char *
format_time (gint64 us)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return t != NULL ? g_date_time_format_iso8601 (t) : g_strdup ("?");
}

static int
help_audit (TdnCtl *ctl,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  TdnConfig *config;

  if (!tdn_ctl_parse (ctl, NULL, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 2 || !g_uuid_string_is_valid (argv[1]))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("Give one visit id (a UUID, the ticket's reference)"));
  config = tdn_ctl_load_config (ctl, &error);
  if (config == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);
  spool = tdn_spool_open_from_config (config, &error);
  if (spool == NULL || (entries_found = tdn_spool_list_audit (spool, argv[1], &error)) == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, "%s", error->message);
  if (entries_found->len == 0)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_FAILURE, _("No visit %s in the spool; check the reference on the ticket"), argv[1]);

  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      tdn_json_add_string (b, "visit_id", argv[1]);
      json_builder_set_member_name (b, "audit");
      json_builder_begin_array (b);
      for (guint i = 0; i < entries_found->len; i++)
        {
          TdnSpoolAuditEntry *e = entries_found->pdata[i];
          g_autoptr(JsonNode) detail = e->detail ? json_from_string (e->detail, NULL) : NULL;

          json_builder_begin_object (b);
          tdn_json_add_time (b, "at", e->at);
          tdn_json_add_string (b, "actor", e->actor);
          tdn_json_add_string (b, "action", e->action);
          json_builder_set_member_name (b, "detail");
          if (detail != NULL && JSON_NODE_HOLDS_OBJECT (detail))
            json_builder_add_value (b, g_steal_pointer (&detail));
          else if (e->detail != NULL)
            json_builder_add_string_value (b, e->detail);
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
      return TDN_CTL_EXIT_OK;
    }
  for (guint i = 0; i < entries_found->len; i++)
    {
      TdnSpoolAuditEntry *e = entries_found->pdata[i];
      g_autofree char *at = format_time (e->at);
      g_autoptr(JsonNode) detail = e->detail ? json_from_string (e->detail, NULL) : NULL;
      const char *reason = NULL;

      if (detail != NULL && JSON_NODE_HOLDS_OBJECT (detail) &&
          json_object_has_member (json_node_get_object (detail), "reason"))
        reason = json_object_get_string_member (json_node_get_object (detail), "reason");
      printf ("%s  %-24s %-12s %s\n", at, e->action, e->actor,
              reason != NULL ? reason : (e->detail != NULL ? e->detail : ""));
    }
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "help apply", "[--once [--wait N]] [--json]",
    N_("Apply the nurses' overrides of this kiosk's visits to the spool (new revisions for the HIS)"), help_apply },
  { "help raise", "--reason CODE [--visit UUID] [--ticket NUMBER] [--masked-name TEXT] [--masked-id TEXT] "
    "[--age N] [--assurance LEVEL] [--eligibility-code CODE] [--photo FILE] [--language LANG] [--json]",
    N_("Raise a help request as this kiosk (to check that desks see it)"), help_raise },
  { "help audit", "VISIT_ID [--json]",
    N_("Who changed this visit in the spool, when and why"), help_audit },
};

void
tdn_help_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
