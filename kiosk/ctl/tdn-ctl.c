/* tdn-ctl.c — tiepdonctl's command registry and dispatcher
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-ctl"

#include "config.h"

#include <stdio.h>

#include "tdn-ctl.h"

struct _TdnCtl
{
  GPtrArray           *commands;   /* const TdnCtlCommand * */
  GPtrArray           *checks;     /* const TdnCtlCheck * */
  const TdnCtlCommand *current;
  char                *config_file;
  gboolean             json;
  TdnConfig           *config;
};

void
tdn_ctl_register (TdnCtl              *ctl,
                  const TdnCtlCommand *command)
{
  g_return_if_fail (ctl != NULL && command != NULL && command->name != NULL);
  g_ptr_array_add (ctl->commands, (gpointer) command);
}

void
tdn_ctl_register_commands (TdnCtl              *ctl,
                           const TdnCtlCommand *commands,
                           gsize                n)
{
  for (gsize i = 0; i < n; i++)
    tdn_ctl_register (ctl, &commands[i]);
}

void
tdn_ctl_add_check (TdnCtl            *ctl,
                   const TdnCtlCheck *check)
{
  g_return_if_fail (ctl != NULL && check != NULL && check->run != NULL);
  g_ptr_array_add (ctl->checks, (gpointer) check);
}

GPtrArray *
tdn_ctl_get_checks (TdnCtl *ctl)
{
  return ctl->checks;
}

const TdnCtlCommand *
tdn_ctl_get_command (TdnCtl *ctl)
{
  return ctl->current;
}

gboolean
tdn_ctl_get_json (TdnCtl *ctl)
{
  return ctl->json;
}

const char *
tdn_ctl_get_config_file (TdnCtl *ctl)
{
  return ctl->config_file;
}

gboolean
tdn_ctl_parse (TdnCtl        *ctl,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = NULL;
  GOptionEntry common[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &ctl->config_file,
      N_("Read this configuration file instead of the system one"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctl->json,
      N_("Print JSON (keys are documented in docs/cli.md)"), NULL },
    { NULL }
  };

  usage = g_strdup_printf ("%s %s", ctl->current->name,
                           ctl->current->parameters ? ctl->current->parameters : "");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(ctl->current->summary));
  g_option_context_set_description (context, usage);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "tiepdonctl %s: %s\n", ctl->current->name, error->message);
      fprintf (stderr, _("Usage: tiepdonctl %s\n"), usage);
      return FALSE;
    }
  return TRUE;
}

TdnConfig *
tdn_ctl_load_config_schema (TdnCtl                *ctl,
                            const TdnConfigSchema *schema,
                            GError               **error)
{
  g_autoptr(TdnConfig) config = tdn_config_new (schema);

  if (!tdn_config_load (config, ctl->config_file, error))
    return NULL;
  return g_steal_pointer (&config);
}

TdnConfig *
tdn_ctl_load_config (TdnCtl  *ctl,
                     GError **error)
{
  if (ctl->config == NULL)
    {
      ctl->config = tdn_ctl_load_config_schema (ctl, &tdn_config_schema_kiosk, error);
      if (ctl->config == NULL)
        return NULL;
      /* A command line stays quiet unless the file asks for more. */
      if (tdn_config_is_set (ctl->config, "log", "level"))
        tdn_log_set_level_name (tdn_config_get_string (ctl->config, "log", "level"));
      if (!tdn_clock_set_timezone (tdn_config_get_string (ctl->config, "kiosk", "timezone")))
        g_warning ("time zone “%s” is unknown to this system; using the local zone",
                   tdn_config_get_string (ctl->config, "kiosk", "timezone"));
    }
  return ctl->config;
}

void
tdn_ctl_print_json (TdnCtl   *ctl,
                    JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

int
tdn_ctl_fail (TdnCtl     *ctl,
              int         status,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, and masked like a log line: an error may quote input. */
  {
    g_autofree char *masked = tdn_mask_text (message);

    for (char *p = masked; *p != '\0'; p++)
      if (*p == '\n')
        *p = ' ';
    fprintf (stderr, "tiepdonctl: %s\n", masked);
    if (ctl->json)
      {
        g_autoptr(JsonBuilder) b = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "error");
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "status");
        json_builder_add_int_value (b, status);
        json_builder_set_member_name (b, "message");
        json_builder_add_string_value (b, masked);
        json_builder_end_object (b);
        json_builder_end_object (b);
        root = json_builder_get_root (b);
        tdn_ctl_print_json (ctl, root);
      }
  }
  return status;
}

static void
print_commands (TdnCtl     *ctl,
                FILE       *out,
                const char *prefix)
{
  fprintf (out, _("Usage: tiepdonctl [--config FILE] [--json] COMMAND [OPTIONS]\n\n"));
  fprintf (out, _("Commands:\n"));
  for (guint i = 0; i < ctl->commands->len; i++)
    {
      const TdnCtlCommand *c = g_ptr_array_index (ctl->commands, i);

      if (prefix != NULL && !g_str_has_prefix (c->name, prefix))
        continue;
      fprintf (out, "  %-28s %s\n", c->name, _(c->summary));
    }
  fprintf (out, _("\nRun “tiepdonctl COMMAND --help” for a command's options.\n"));
}

/* Finds the registered command whose words start argv, longest first. */
static const TdnCtlCommand *
find_command (TdnCtl  *ctl,
              int      argc,
              char   **argv,
              int     *n_words)
{
  const TdnCtlCommand *best = NULL;
  int best_words = 0;

  for (guint i = 0; i < ctl->commands->len; i++)
    {
      const TdnCtlCommand *c = g_ptr_array_index (ctl->commands, i);
      g_auto(GStrv) words = g_strsplit (c->name, " ", -1);
      int n = (int) g_strv_length (words);
      gboolean match = n <= argc;

      for (int w = 0; match && w < n; w++)
        match = g_strcmp0 (words[w], argv[w]) == 0;
      if (match && n > best_words)
        {
          best = c;
          best_words = n;
        }
    }
  *n_words = best_words;
  return best;
}

static int
compare_commands (gconstpointer a,
                  gconstpointer b)
{
  const TdnCtlCommand *ca = *(const TdnCtlCommand * const *) a;
  const TdnCtlCommand *cb = *(const TdnCtlCommand * const *) b;

  return strcmp (ca->name, cb->name);
}

int
tdn_ctl_main (int    argc,
              char **argv)
{
  TdnCtl ctl = { 0 };
  const TdnCtlCommand *command;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree char *name = NULL;
  int n_words = 0;
  int status;
  int i;

  tdn_i18n_init ();
  tdn_log_init ("tiepdonctl");
  tdn_log_set_target (TDN_LOG_TARGET_STDERR);
  /* A command-line tool prints its errors itself; the log carries only
   * warnings unless G_MESSAGES_DEBUG asks for more. */
  tdn_log_set_level_name ("warning");

  ctl.commands = g_ptr_array_new ();
  ctl.checks = g_ptr_array_new ();
  tdn_ctl_register_all (&ctl);
  g_ptr_array_sort (ctl.commands, compare_commands);

  /* Options before the command apply to it too. */
  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--version"))
        {
          printf ("tiepdonctl %s\n", PACKAGE_VERSION);
          status = TDN_CTL_EXIT_OK;
          goto out;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_commands (&ctl, stdout, NULL);
          status = TDN_CTL_EXIT_OK;
          goto out;
        }
      else if (g_str_equal (argv[i], "--json"))
        ctl.json = TRUE;
      else if ((g_str_equal (argv[i], "--config") || g_str_equal (argv[i], "-c")) && i + 1 < argc)
        {
          g_free (ctl.config_file);
          ctl.config_file = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--config="))
        {
          g_free (ctl.config_file);
          ctl.config_file = g_strdup (argv[i] + strlen ("--config="));
        }
      else
        {
          fprintf (stderr, _("tiepdonctl: unknown option %s\n"), argv[i]);
          print_commands (&ctl, stderr, NULL);
          status = TDN_CTL_EXIT_INVALID;
          goto out;
        }
    }

  /* "tiepdonctl help" alone lists commands; "help list" etc. are commands. */
  if (i >= argc || (g_str_equal (argv[i], "help") && i + 1 >= argc))
    {
      print_commands (&ctl, i >= argc ? stderr : stdout, NULL);
      status = i >= argc ? TDN_CTL_EXIT_INVALID : TDN_CTL_EXIT_OK;
      goto out;
    }

  command = find_command (&ctl, argc - i, argv + i, &n_words);
  if (command == NULL)
    {
      g_autofree char *prefix = g_strconcat (argv[i], " ", NULL);

      fprintf (stderr, _("tiepdonctl: unknown command “%s”\n"), argv[i]);
      print_commands (&ctl, stderr, prefix);
      status = TDN_CTL_EXIT_INVALID;
      goto out;
    }

  ctl.current = command;
  name = g_strconcat ("tiepdonctl ", command->name, NULL);
  g_ptr_array_add (rest, name);
  for (int j = i + n_words; j < argc; j++)
    g_ptr_array_add (rest, argv[j]);
  g_ptr_array_add (rest, NULL);
  status = command->run (&ctl, (int) rest->len - 1, (char **) rest->pdata);

out:
  g_clear_object (&ctl.config);
  g_free (ctl.config_file);
  g_ptr_array_unref (ctl.commands);
  g_ptr_array_unref (ctl.checks);
  return status;
}
