/* tdn-control-command.c — parsing the demo kiosk's control lines
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-control-command.h"
#include "tdn-identity.h"

G_DEFINE_QUARK (tdn-control-error-quark, tdn_control_error)

typedef enum {
  ARGS_NONE,
  ARGS_NAME,          /* one name */
  ARGS_TEXT,          /* the rest of the line, not empty */
  ARGS_NAME_TEXT,     /* a name, then the rest of the line (may be empty) */
  ARGS_NAME_SECONDS,  /* a name and an optional number of seconds */
} Args;

static const struct {
  const char *word;
  Args        args;
  const char *usage;
} verbs[] = {
  [TDN_CONTROL_STATE] = { "state?", ARGS_NONE, "state?" },
  [TDN_CONTROL_PLACE_CARD] = { "place-card", ARGS_NAME, "place-card NAME" },
  [TDN_CONTROL_REMOVE_CARD] = { "remove-card", ARGS_NONE, "remove-card" },
  [TDN_CONTROL_SCAN_QR] = { "scan-qr", ARGS_TEXT, "scan-qr TEXT" },
  [TDN_CONTROL_SCAN_PERSON] = { "scan-person", ARGS_NAME, "scan-person NAME" },
  [TDN_CONTROL_TAP] = { "tap", ARGS_NAME, "tap ACTION" },
  [TDN_CONTROL_CLINIC] = { "clinic", ARGS_NAME, "clinic CODE" },
  [TDN_CONTROL_PRIORITY] = { "priority", ARGS_NAME, "priority none|pregnant|severe_disability|merit" },
  [TDN_CONTROL_FIELD] = { "field", ARGS_NAME_TEXT, "field id-number|date-of-birth|bhyt-number|full-name [TEXT]" },
  [TDN_CONTROL_LANGUAGE] = { "lang", ARGS_NAME, "lang vi|en" },
  [TDN_CONTROL_PULL_PAPER] = { "pull-paper", ARGS_NONE, "pull-paper" },
  [TDN_CONTROL_LOAD_PAPER] = { "load-paper", ARGS_NONE, "load-paper" },
  [TDN_CONTROL_PRINTER] = { "printer", ARGS_NAME, "printer online|offline|uncertain" },
  [TDN_CONTROL_GATEWAY] = { "gateway", ARGS_NAME, "gateway up|down" },
  [TDN_CONTROL_READER] = { "reader", ARGS_NAME, "reader plug|unplug" },
  [TDN_CONTROL_SCANNER] = { "scanner", ARGS_NAME, "scanner plug|unplug" },
  [TDN_CONTROL_WAIT] = { "wait", ARGS_NAME_SECONDS, "wait STATE [SECONDS]" },
  [TDN_CONTROL_PEOPLE] = { "people?", ARGS_NONE, "people?" },
  [TDN_CONTROL_CLINICS] = { "clinics?", ARGS_NONE, "clinics?" },
  [TDN_CONTROL_HELP] = { "help", ARGS_NONE, "help" },
};

const char *
tdn_control_verb_to_string (TdnControlVerb verb)
{
  return (guint) verb < G_N_ELEMENTS (verbs) ? verbs[verb].word : "unknown";
}

const char *
tdn_control_usage (void)
{
  static char *usage;

  if (g_once_init_enter (&usage))
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        g_string_append_printf (s, "%s\n", verbs[i].usage);
      g_once_init_leave (&usage, g_string_free (s, FALSE));
    }
  return usage;
}

void
tdn_control_command_clear (TdnControlCommand *c)
{
  g_clear_pointer (&c->arg, g_free);
  if (c->text != NULL)
    tdn_secure_clear_string (c->text);
  g_clear_pointer (&c->text, g_free);
}

/* Names: letters, digits, "-", "_", "+", "?"; at most 64. */
static gboolean
is_name (const char *s,
         gsize       n)
{
  if (n == 0 || n > 64)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '+' && s[i] != '?')
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, TDN_CONTROL_ERROR, code, message);
  return FALSE;
}

gboolean
tdn_control_parse (const char        *line,
                   gsize              length,
                   TdnControlCommand *out,
                   GError           **error)
{
  const char *end, *sp;
  gsize wlen;
  guint verb = G_N_ELEMENTS (verbs);
  const char *rest = NULL;
  gsize rest_len = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (line == NULL)
    return fail (error, TDN_CONTROL_ERROR_SYNTAX, "empty line");
  if (length > 0 && line[length - 1] == '\n')
    length--;
  if (length > 0 && line[length - 1] == '\r')
    length--;
  if (length == 0)
    return fail (error, TDN_CONTROL_ERROR_SYNTAX, "empty line");
  if (length > TDN_CONTROL_MAX_LINE)
    return fail (error, TDN_CONTROL_ERROR_SYNTAX, "line too long");
  if (!g_utf8_validate_len (line, length, NULL))
    return fail (error, TDN_CONTROL_ERROR_SYNTAX, "not UTF-8");
  for (gsize i = 0; i < length; i++)
    if ((guchar) line[i] < 0x20 || line[i] == 0x7f)
      return fail (error, TDN_CONTROL_ERROR_SYNTAX, "control character in the line");

  end = line + length;
  sp = memchr (line, ' ', length);
  wlen = sp != NULL ? (gsize) (sp - line) : length;
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (strlen (verbs[i].word) == wlen && memcmp (verbs[i].word, line, wlen) == 0)
      verb = i;
  if (verb == G_N_ELEMENTS (verbs))
    return fail (error, TDN_CONTROL_ERROR_UNKNOWN, "unknown command (try “help”)");
  out->verb = (TdnControlVerb) verb;
  if (sp != NULL)
    {
      rest = sp + 1;
      rest_len = (gsize) (end - rest);
    }

  switch (verbs[verb].args)
    {
    case ARGS_NONE:
      if (rest != NULL)
        return fail (error, TDN_CONTROL_ERROR_ARGUMENT, "this command takes no argument");
      return TRUE;
    case ARGS_TEXT:
      if (rest == NULL || rest_len == 0)
        return fail (error, TDN_CONTROL_ERROR_ARGUMENT, "text expected");
      out->text = g_strndup (rest, rest_len);
      return TRUE;
    case ARGS_NAME:
    case ARGS_NAME_TEXT:
    case ARGS_NAME_SECONDS:
      {
        const char *sp2 = rest != NULL ? memchr (rest, ' ', rest_len) : NULL;
        gsize nlen = sp2 != NULL ? (gsize) (sp2 - rest) : rest_len;
        const char *tail = sp2 != NULL ? sp2 + 1 : NULL;
        gsize tail_len = tail != NULL ? (gsize) (end - tail) : 0;

        if (rest == NULL || !is_name (rest, nlen))
          return fail (error, TDN_CONTROL_ERROR_ARGUMENT, "a name is expected");
        if (verbs[verb].args == ARGS_NAME && tail != NULL)
          return fail (error, TDN_CONTROL_ERROR_ARGUMENT, "one argument only");
        out->arg = g_strndup (rest, nlen);
        if (verbs[verb].args == ARGS_NAME_TEXT)
          out->text = g_strndup (tail != NULL ? tail : "", tail_len);
        if (verbs[verb].args == ARGS_NAME_SECONDS)
          {
            guint64 v = 10;

            if (tail != NULL)
              {
                g_autofree char *num = g_strndup (tail, tail_len);

                if (tail_len == 0 || tail_len > 4
                    || !g_ascii_string_to_unsigned (num, 10, 1, 3600, &v, NULL))
                  {
                    tdn_control_command_clear (out);
                    return fail (error, TDN_CONTROL_ERROR_ARGUMENT, "seconds must be 1 to 3600");
                  }
              }
            out->seconds = (int) v;
          }
        return TRUE;
      }
    default:
      return fail (error, TDN_CONTROL_ERROR_UNKNOWN, "unknown command");
    }
}
