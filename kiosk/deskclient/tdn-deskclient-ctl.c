/* tdn-deskclient-ctl.c — tiepdonctl help list|show|claim|release|resolve
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scripted access to the broker's help requests as a nurse: every command
 * signs in with --login and the PIN read from standard input, does one
 * thing, and signs out. --json prints the broker's answer unchanged (keys
 * of docs/help-api.md).
 */
#define G_LOG_DOMAIN "tiepdon-deskclient"

#include "config.h"

#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-desk-client.h"

/* Reads the PIN from stdin, without echo on a terminal. */
static char *
read_pin (void)
{
  struct termios old, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char buf[64] = { 0 };
  char *nl;
  char *pin;

  if (tty)
    {
      fputs (_("PIN: "), stderr);
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  if (fgets (buf, sizeof buf, stdin) == NULL)
    buf[0] = '\0';
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
      fputc ('\n', stderr);
    }
  nl = strpbrk (buf, "\r\n");
  if (nl != NULL)
    *nl = '\0';
  pin = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  return pin;
}

static int
fail_with (TdnCtl       *ctl,
           const GError *error)
{
  int status = error->domain == TDN_DESK_CLIENT_ERROR &&
               (error->code == TDN_DESK_CLIENT_ERROR_CONFIG ||
                g_strcmp0 (tdn_desk_client_error_code (error), "invalid") == 0)
               ? TDN_CTL_EXIT_INVALID : TDN_CTL_EXIT_FAILURE;

  return tdn_ctl_fail (ctl, status, "%s", error->message);
}

/* Connects with [desk] settings and signs `login` in. */
static TdnDeskClient *
connect_nurse (TdnCtl      *ctl,
               const char  *login,
               GError     **error)
{
  TdnConfig *config = tdn_ctl_load_config (ctl, error);
  g_autoptr(TdnDeskClient) client = NULL;
  g_autoptr(JsonNode) who = NULL;
  g_autofree char *pin = NULL;

  if (config == NULL)
    return NULL;
  client = tdn_desk_client_new (config, error);
  if (client == NULL)
    return NULL;
  pin = read_pin ();
  who = tdn_desk_client_sign_in_sync (client, login, pin, NULL, error);
  explicit_bzero (pin, strlen (pin));
  if (who == NULL)
    return NULL;
  return g_steal_pointer (&client);
}

static void
sign_out (TdnDeskClient *client)
{
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  out = tdn_desk_client_call_sync (client, "POST", "/staff/sign-out", NULL, 0, NULL, NULL, &error);
  if (out == NULL)
    g_message ("Sign-out failed (the session will expire): %s", error->message);
  tdn_desk_client_set_session (client, NULL);
}

static const char *
str_or (JsonObject *o,
        const char *name,
        const char *fallback)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n) : fallback;
}

static void
print_request_line (JsonObject *r)
{
  const char *vi = str_or (r, "reason_vi", NULL);
  const char *en = str_or (r, "reason_en", NULL);

  printf ("%s  %-8s %-6s %-8s %s  %s\n",
          str_or (r, "id", "?"), str_or (r, "state", "?"), str_or (r, "kiosk_id", "-"),
          str_or (r, "ticket_number", "-"),
          g_str_has_prefix (g_get_language_names ()[0], "vi") && vi != NULL ? vi : (en != NULL ? en : str_or (r, "reason", "?")),
          str_or (r, "claimed_by", ""));
}

/* Runs one call as `login` and prints the answer. */
static int
run_call (TdnCtl     *ctl,
          const char *login,
          const char *method,
          const char *path,
          JsonNode   *body,
          guint       wait_s)
{
  g_autoptr(TdnDeskClient) client = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  if (login == NULL || *login == '\0')
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--login is required (the PIN is read from standard input)"));
  client = connect_nurse (ctl, login, &error);
  if (client == NULL)
    return fail_with (ctl, error);
  out = tdn_desk_client_call_sync (client, method, path, body, wait_s, NULL, NULL, &error);
  sign_out (client);
  if (out == NULL)
    return fail_with (ctl, error);

  if (tdn_ctl_get_json (ctl))
    {
      tdn_ctl_print_json (ctl, out);
      return TDN_CTL_EXIT_OK;
    }
  o = json_node_get_object (out);
  if (json_object_has_member (o, "requests"))
    {
      JsonArray *list = json_object_get_array_member (o, "requests");

      for (guint i = 0; i < json_array_get_length (list); i++)
        print_request_line (json_array_get_object_element (list, i));
    }
  else if (json_object_has_member (o, "overrides"))
    {
      JsonArray *list = json_object_get_array_member (o, "overrides");

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *ov = json_array_get_object_element (list, i);

          printf ("%s  %s  %s (%s)  %s\n", str_or (ov, "created_at", "?"), str_or (ov, "action", "?"),
                  str_or (ov, "nurse_name", "?"), str_or (ov, "nurse", "?"), str_or (ov, "reason", ""));
        }
    }
  else
    print_request_line (o);
  return TDN_CTL_EXIT_OK;
}

static gboolean
valid_id (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

static int
help_list (TdnCtl *ctl,
           int     argc,
           char  **argv)
{
  g_autofree char *login = NULL;
  g_autofree char *path = NULL;
  gboolean all = FALSE;
  gint64 since = -1;
  int wait_s = 0;
  GOptionEntry entries[] = {
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("Nurse login"), "LOGIN" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also resolved requests"), NULL },
    { "since", 0, 0, G_OPTION_ARG_INT64, &since, N_("Only requests changed after change number SEQ"), "SEQ" },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait_s, N_("With --since: wait up to N seconds for a change"), "N" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 1 || wait_s < 0 || wait_s > 60 || (wait_s > 0 && since < 0))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("Usage: help list --login LOGIN [--all] [--since SEQ [--wait 0-60]]"));
  if (since >= 0)
    path = g_strdup_printf ("/help?state=%s&since=%" G_GINT64_FORMAT "&wait=%d", all ? "all" : "open", since, wait_s);
  else
    path = g_strdup_printf ("/help?state=%s", all ? "all" : "open");
  return run_call (ctl, login, "GET", path, NULL, (guint) wait_s);
}

/* help show|claim|release|overrides ID */
static int
help_on_id (TdnCtl     *ctl,
            int         argc,
            char      **argv,
            const char *method,
            const char *suffix)
{
  g_autofree char *login = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("Nurse login"), "LOGIN" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 2 || !valid_id (argv[1]))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("Give one help request id (a UUID)"));
  path = g_strdup_printf ("/help/%s%s", argv[1], suffix);
  return run_call (ctl, login, method, path, NULL, 0);
}

static int
help_show (TdnCtl *ctl, int argc, char **argv)
{
  return help_on_id (ctl, argc, argv, "GET", "");
}

static int
help_claim (TdnCtl *ctl, int argc, char **argv)
{
  return help_on_id (ctl, argc, argv, "POST", "/claim");
}

static int
help_release (TdnCtl *ctl, int argc, char **argv)
{
  return help_on_id (ctl, argc, argv, "POST", "/release");
}

static int
help_overrides (TdnCtl *ctl, int argc, char **argv)
{
  return help_on_id (ctl, argc, argv, "GET", "/overrides");
}

static int
help_resolve (TdnCtl *ctl,
              int     argc,
              char  **argv)
{
  g_autofree char *login = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  GOptionEntry entries[] = {
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("Nurse login"), "LOGIN" },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &resolution, N_("What the nurse did"), "TEXT" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (argc != 2 || !valid_id (argv[1]))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("Give one help request id (a UUID)"));
  if (resolution == NULL || *g_strstrip (resolution) == '\0' || !g_utf8_validate (resolution, -1, NULL))
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("--resolution TEXT is required"));
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resolution");
  json_builder_add_string_value (b, resolution);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  path = g_strdup_printf ("/help/%s/resolve", argv[1]);
  return run_call (ctl, login, "POST", path, body, 0);
}

static const TdnCtlCommand commands[] = {
  { "help list", "--login LOGIN [--all] [--since SEQ [--wait N]] [--json] < PIN",
    N_("List help requests at the broker ([desk] broker_url)"), help_list },
  { "help show", "ID --login LOGIN [--json] < PIN",
    N_("Show one help request, with its chip photo in --json"), help_show },
  { "help claim", "ID --login LOGIN [--json] < PIN",
    N_("Take a help request so no other nurse works it"), help_claim },
  { "help release", "ID --login LOGIN [--json] < PIN",
    N_("Give a claimed help request back"), help_release },
  { "help resolve", "ID --login LOGIN --resolution TEXT [--json] < PIN",
    N_("Close a help request, saying what was done"), help_resolve },
  { "help overrides", "ID --login LOGIN [--json] < PIN",
    N_("Show who changed this visit, when and why"), help_overrides },
};

void
tdn_deskclient_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
