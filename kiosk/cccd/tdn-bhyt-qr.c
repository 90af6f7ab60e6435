/* tdn-bhyt-qr.c — the QR code on a BHYT health-insurance card (QĐ 1313)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * card | name (hex of UTF-8) | DOB | sex 1/2 | address (hex) | facility
 * "PP - FFF" | valid from | valid to | issued | managing code | parent's
 * name (children) | area code | date of 5 years | … $
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-qr-payload.h"

#define MIN_FIELDS 9

static gboolean
is_card_number (const char *s)
{
  return g_regex_match_simple ("^[A-Z]{2}[1-5][0-9]{12}$", s, 0, 0) ||
         (strlen (s) == 10 && tdn_cccd_is_digits (s));
}

static gboolean
is_hex (const char *s)
{
  gsize len = strlen (s);

  if (len == 0 || len % 2 != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
tdn_bhyt_qr_looks_like (const char *text)
{
  const char *bar = strchr (text, '|');
  g_autofree char *first = NULL;

  if (bar == NULL)
    return FALSE;
  first = g_ascii_strup (text, bar - text);
  g_strstrip (first);
  if (!is_card_number (first))
    return FALSE;
  /* A 10-digit BHXH number could start a CMND-era payload: ask for the
   * hex name or the "$" terminator as well. */
  return g_str_has_suffix (text, "$") || strlen (first) == 15;
}

/* Hex of UTF-8 → text (NFC, clean); plain text is accepted as it is. */
static char *
decode_text (const char  *field,
             const char  *what,
             GError     **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *nfc = NULL;
  gsize len = strlen (field);

  if (!is_hex (field))
    raw = g_strdup (field);
  else
    {
      raw = g_malloc (len / 2 + 1);
      for (gsize i = 0; i < len / 2; i++)
        raw[i] = (char) (g_ascii_xdigit_value (field[2 * i]) * 16 + g_ascii_xdigit_value (field[2 * i + 1]));
      raw[len / 2] = '\0';
      if (memchr (raw, '\0', len / 2) != NULL || !g_utf8_validate (raw, (gssize) (len / 2), NULL))
        {
          g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_NOT_TEXT,
                       _("The %s in the BHYT code is not UTF-8 text"), what);
          return NULL;
        }
    }
  nfc = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  return tdn_cccd_clean_text (nfc);
}

static gboolean
parse_date (const char     *field,
            TdnPartialDate *out,
            const char     *what,
            gboolean        optional,
            GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (field));

  if (*clean == '\0' && optional)
    return TRUE;
  if (tdn_partial_date_parse_slashed (clean, out, &local))
    return TRUE;
  g_clear_error (&local);
  if (tdn_partial_date_parse_compact (clean, out, &local))
    return TRUE;
  g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE, "%s: %s", what, local->message);
  return FALSE;
}

TdnIdentity *
tdn_bhyt_qr_parse (const char  *text,
                   GError     **error)
{
  g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_BHYT_QR);
  g_autofree char *body = g_strdup (text);
  g_auto(GStrv) f = NULL;
  g_autofree char *facility = NULL;
  guint n;

  /* "…|$" or "…$": drop the terminator. Without it the code was cut
   * short (a scan that stopped early, a wedge that dropped keys): its last
   * field may be half there, so nothing of it is trusted. */
  if (!g_str_has_suffix (body, "$"))
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_FIELD_COUNT,
                           _("The BHYT card code is cut short (no “$” at its end); scan it again"));
      return NULL;
    }
  body[strlen (body) - 1] = '\0';
  f = g_strsplit (body, "|", TDN_QR_MAX_FIELDS + 1);
  n = g_strv_length (f);
  if (n > TDN_QR_MAX_FIELDS || n < MIN_FIELDS)
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_FIELD_COUNT,
                   _("A BHYT card QR code has at least %d fields; this one has %u"), MIN_FIELDS, n);
      return NULL;
    }

  id->bhyt_card = g_new0 (TdnBhytCard, 1);
  id->bhyt_card->card_number = g_ascii_strup (g_strstrip (f[0]), -1);
  if ((id->full_name = decode_text (f[1], _("name"), error)) == NULL ||
      (id->place_of_residence = decode_text (f[4], _("address"), error)) == NULL)
    return NULL;
  if (*id->full_name == '\0')
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD, _("The name is missing"));
      return NULL;
    }
  if (*id->place_of_residence == '\0')
    g_clear_pointer (&id->place_of_residence, g_free);
  if (!parse_date (f[2], &id->date_of_birth, _("Date of birth"), FALSE, error))
    return NULL;
  id->sex = tdn_sex_parse (f[3]);
  if (id->sex == TDN_SEX_UNKNOWN)
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_SEX,
                           _("Sex in a BHYT code is 1 (male) or 2 (female)"));
      return NULL;
    }

  facility = g_strdup (f[5]);
  g_strdelimit (facility, " -", ' ');
  {
    g_autoptr(GString) digits = g_string_new (NULL);

    for (const char *p = facility; *p != '\0'; p++)
      if (*p != ' ')
        g_string_append_c (digits, *p);
    if (digits->len != 5 || !tdn_cccd_is_digits (digits->str))
      {
        g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD,
                     _("The registered facility “%s” is not a 5-digit code"), f[5]);
        return NULL;
      }
    id->bhyt_card->registered_facility = g_string_free (g_steal_pointer (&digits), FALSE);
  }

  if (!parse_date (f[6], &id->bhyt_card->valid_from, _("Valid from"), FALSE, error) ||
      !parse_date (f[7], &id->bhyt_card->valid_to, _("Valid to"), FALSE, error) ||
      !parse_date (f[8], &id->date_of_issue, _("Date of issue"), TRUE, error) ||
      (n > 12 && !parse_date (f[12], &id->bhyt_card->five_year_date, _("Five-year date"), TRUE, error)))
    return NULL;
  if (tdn_partial_date_compare (&id->bhyt_card->valid_to, &id->bhyt_card->valid_from) < 0)
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE,
                           _("The card's validity ends before it starts"));
      return NULL;
    }
  /* Fields 9 on (managing code, a child's parent, area code, …) are kept
   * as they are: which parent, and the later fields, are not documented. */
  id->extra_fields = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 9; i < n; i++)
    g_ptr_array_add (id->extra_fields, g_strdup (f[i]));
  if (tdn_cccd_looks_mojibake (id->full_name))
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_NOT_TEXT,
                           _("The text is garbled (UTF-8 read as another encoding); "
                             "set the scanner to UTF-8 or binary output"));
      return NULL;
    }
  return g_steal_pointer (&id);
}
