/* tdn-staff-ctl.c — tiepdonctl staff hash-pin
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-staff"

#include "config.h"

#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"
#include "tdn-pin.h"

/* Reads one line from stdin without echo when it is a terminal. */
static char *
read_secret_line (const char *prompt)
{
  struct termios old, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char buf[64] = { 0 };
  char *nl;

  if (tty)
    {
      fputs (prompt, stderr);
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
  return g_strdup (buf);
}

static int
staff_hash_pin (TdnCtl *ctl,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *again = NULL;
  g_autofree char *hash = NULL;
  int iterations = 0;
  GOptionEntry entries[] = {
    { "iterations", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &iterations,
      "PBKDF2 iterations (tests only)", "N" },
    { NULL }
  };

  if (!tdn_ctl_parse (ctl, entries, &argc, &argv))
    return TDN_CTL_EXIT_INVALID;
  if (iterations < 0)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "--iterations must be positive");

  pin = read_secret_line (_("New PIN (6 to 12 digits): "));
  if (isatty (STDIN_FILENO))
    {
      again = read_secret_line (_("Repeat the PIN: "));
      if (g_strcmp0 (pin, again) != 0)
        return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, _("The two PINs differ"));
    }
  hash = tdn_pin_hash (pin, (guint) iterations, &error);
  explicit_bzero (pin, strlen (pin));
  if (again != NULL)
    explicit_bzero (again, strlen (again));
  if (hash == NULL)
    return tdn_ctl_fail (ctl, TDN_CTL_EXIT_INVALID, "%s", error->message);

  if (tdn_ctl_get_json (ctl))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "pin_hash");
      json_builder_add_string_value (b, hash);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      tdn_ctl_print_json (ctl, root);
    }
  else
    printf ("pin_hash=%s\n", hash);
  return TDN_CTL_EXIT_OK;
}

static const TdnCtlCommand commands[] = {
  { "staff hash-pin", "[--json] < PIN",
    N_("Hash a nurse's PIN for a [staff LOGIN] group (reads the PIN from standard input)"),
    staff_hash_pin },
};

void
tdn_staff_ctl_register (TdnCtl *ctl)
{
  tdn_ctl_register_commands (ctl, commands, G_N_ELEMENTS (commands));
}
