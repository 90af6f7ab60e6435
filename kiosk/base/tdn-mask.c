/* tdn-mask.c — hide personal data before it can reach a log
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-mask.h"

char *
tdn_mask_id (const char *id)
{
  gsize len, keep_head, keep_tail;
  GString *s;

  if (id == NULL || *id == '\0')
    return g_strdup ("");

  len = g_utf8_strlen (id, -1);
  if (len >= 10)
    keep_head = 4, keep_tail = 2;
  else if (len >= 6)
    keep_head = 2, keep_tail = 2;
  else
    keep_head = 0, keep_tail = 0;

  s = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      const char *p = g_utf8_offset_to_pointer (id, i);

      if (i < keep_head || i >= len - keep_tail)
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (s, '*');
    }
  return g_string_free (s, FALSE);
}

char *
tdn_mask_name (const char *name)
{
  g_auto(GStrv) words = NULL;
  GString *s;

  if (name == NULL || *name == '\0')
    return g_strdup ("");
  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup ("[name]");

  words = g_strsplit_set (name, " \t\n", -1);
  s = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c;

      if (words[i][0] == '\0')
        continue;
      c = g_unichar_toupper (g_utf8_get_char (words[i]));
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_unichar (s, c);
      g_string_append_c (s, '.');
    }
  return g_string_free (s, FALSE);
}

char *
tdn_mask_address (const char *address)
{
  if (address == NULL || *address == '\0')
    return g_strdup ("");
  return g_strdup ("[address]");
}

char *
tdn_mask_date (const char *date)
{
  const char *p;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  /* Find a run of four digits that looks like a year. */
  for (p = date; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
          (p == date || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[4]) &&
          (p[0] == '1' || p[0] == '2'))
        return g_strdup_printf ("%.4s-**-**", p);
    }
  return g_strdup ("****-**-**");
}

char *
tdn_mask_text (const char *text)
{
  static GRegex *regex;
  static gsize once;
  GString *out;
  g_autoptr(GMatchInfo) match = NULL;
  gint last = 0;

  if (text == NULL)
    return NULL;
  if (g_once_init_enter (&once))
    {
      /* A BHYT card (2 letters, benefit digit, 12 digits), or any run of
       * nine or more digits (CMND, BHXH number, CCCD). */
      regex = g_regex_new ("[A-Z]{2}[1-5][0-9]{12}|[0-9]{9,}", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("[invalid UTF-8]");

  out = g_string_new (NULL);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      gint start, end;
      g_autofree char *word = g_match_info_fetch (match, 0);
      g_autofree char *masked = tdn_mask_id (word);

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (out, text + last, start - last);
      g_string_append (out, masked);
      last = end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, text + last);
  return g_string_free (out, FALSE);
}
