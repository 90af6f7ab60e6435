/* tdn-mrz.c — the TD1 machine-readable zone of the CCCD and DG1
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-mrz.h"
#include "tdn-tlv.h"

int
tdn_mrz_check_digit (const char *text,
                     gsize       length)
{
  static const int weights[] = { 7, 3, 1 };
  int sum = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      int v;

      if (g_ascii_isdigit (c))
        v = c - '0';
      else if (c >= 'A' && c <= 'Z')
        v = c - 'A' + 10;
      else if (c == '<')
        v = 0;
      else
        return -1;
      sum += v * weights[i % 3];
    }
  return sum % 10;
}

static gboolean
check (const char  *field,
       gsize        length,
       char         digit,
       const char  *what,
       GError     **error)
{
  int want = tdn_mrz_check_digit (field, length);

  if (want < 0 || !g_ascii_isdigit (digit) || digit - '0' != want)
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD,
                   _("MRZ check digit of the %s is wrong"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
yymmdd (const char     *s,
        int             century,
        TdnPartialDate *out)
{
  char buf[9];

  for (int i = 0; i < 6; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  g_snprintf (buf, sizeof buf, "%.2s%.2s%02d%.2s", s + 4, s + 2, century, s);
  return tdn_partial_date_parse_compact (buf, out, NULL);
}

char *
tdn_mrz_information (const char *document_number,
                     const char *dob,
                     const char *doe)
{
  return g_strdup_printf ("%s%d%s%d%s%d",
                          document_number, tdn_mrz_check_digit (document_number, strlen (document_number)),
                          dob, tdn_mrz_check_digit (dob, 6), doe, tdn_mrz_check_digit (doe, 6));
}

static char *
name_from_line3 (const char *l3)
{
  g_autofree char *line = g_strndup (l3, 30);
  g_auto(GStrv) parts = g_strsplit (line, "<<", 2);
  GString *s = g_string_new (NULL);

  for (guint p = 0; parts[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (parts[p], "<", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (words[w][0] == '\0')
            continue;
          if (s->len > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, words[w]);
        }
    }
  return g_string_free (s, FALSE);
}

gboolean
tdn_mrz_parse (const char   *text,
               gsize         length,
               TdnIdentity  *id,
               GError      **error)
{
  char mrz[TDN_MRZ_TD1_LENGTH + 1];
  const char *l1 = mrz, *l2 = mrz + 30, *l3 = mrz + 60;
  gsize n = 0;
  char composite[60];
  g_autofree char *full_id = NULL;
  int century = 19;
  int birth_year;
  TdnSex sex_from_id;
  TdnPartialDate expiry;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n' || text[i] == '\r')
        continue;
      if (n == TDN_MRZ_TD1_LENGTH)
        goto bad_length;
      mrz[n++] = text[i];
    }
  if (n != TDN_MRZ_TD1_LENGTH)
    goto bad_length;
  mrz[n] = '\0';
  for (gsize i = 0; i < n; i++)
    if (!(g_ascii_isdigit (mrz[i]) || (mrz[i] >= 'A' && mrz[i] <= 'Z') || mrz[i] == '<'))
      {
        g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD,
                             _("The MRZ holds characters other than A–Z, 0–9 and “<”"));
        return FALSE;
      }
  if (l1[0] != 'I' && l1[0] != 'A' && l1[0] != 'C')
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD,
                           _("This MRZ is not an identity card's (TD1)"));
      return FALSE;
    }
  if (!check (l1 + 5, 9, l1[14], _("document number"), error) ||
      !check (l2, 6, l2[6], _("date of birth"), error) ||
      !check (l2 + 8, 6, l2[14], _("date of expiry"), error))
    return FALSE;
  /* Composite: line 1 positions 6–30, line 2 positions 1–7, 9–15, 19–29. */
  memcpy (composite, l1 + 5, 25);
  memcpy (composite + 25, l2, 7);
  memcpy (composite + 32, l2 + 8, 7);
  memcpy (composite + 39, l2 + 18, 11);
  if (!check (composite, 50, l2[29], _("whole MRZ"), error))
    return FALSE;

  /* The full 12-digit ID and its own check digit, where CCCDs put them. */
  full_id = g_strndup (l1 + 15, 12);
  if (tdn_id_number_check (full_id, NULL))
    {
      g_autofree char *full = g_steal_pointer (&full_id);

      if (l1[29] != '<' && !check (full, 12, l1[29], _("ID number"), error))
        return FALSE;
      if (strncmp (full + 3, l1 + 5, 9) != 0)
        {
          g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID,
                               _("The MRZ document number is not the end of the ID number"));
          return FALSE;
        }
      tdn_id_number_decode (full, &birth_year, &sex_from_id);
      century = birth_year / 100;
      g_free (id->id_number);
      id->id_number = g_steal_pointer (&full);
    }
  else
    {
      /* No ID number: a person is at most ~100 years old. */
      TdnPartialDate today;
      int yy = (l2[0] - '0') * 10 + (l2[1] - '0');

      tdn_partial_date_today (&today);
      century = (2000 + yy > today.year) ? 19 : 20;
    }

  if (!yymmdd (l2, century, &id->date_of_birth))
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE,
                           _("The MRZ date of birth is not a real date"));
      return FALSE;
    }
  id->sex = l2[7] == 'M' ? TDN_SEX_MALE : l2[7] == 'F' ? TDN_SEX_FEMALE : TDN_SEX_UNKNOWN;
  if (yymmdd (l2 + 8, 20, &expiry))
    id->date_of_expiry = expiry;
  g_free (id->nationality);
  id->nationality = g_strndup (l2 + 15, 3);
  g_strdelimit (id->nationality, "<", '\0');
  if (id->full_name == NULL)
    id->full_name = name_from_line3 (l3);
  g_strfreev (id->mrz);
  id->mrz = g_new0 (char *, 4);
  id->mrz[0] = g_strndup (l1, 30);
  id->mrz[1] = g_strndup (l2, 30);
  id->mrz[2] = g_strndup (l3, 30);
  return TRUE;

bad_length:
  g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD,
               _("A TD1 MRZ has %d characters"), TDN_MRZ_TD1_LENGTH);
  return FALSE;
}

gboolean
tdn_dg1_parse (const guint8 *data,
               gsize         length,
               TdnIdentity  *id,
               GError      **error)
{
  g_autoptr(GError) local = NULL;
  TdnTlv dg1, mrz;

  if (!tdn_tlv_find (data, length, 0x61, &dg1, &local) ||
      !tdn_tlv_find (dg1.value, dg1.length, 0x5F1F, &mrz, &local))
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD,
                   _("DG1 is malformed: %s"), local ? local->message : "no MRZ");
      return FALSE;
    }
  return tdn_mrz_parse ((const char *) mrz.value, mrz.length, id, error);
}
