/* tdn-qr-payload.c — what a scanned QR code says about a person
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-qr-payload.h"

#define CCCD_FIELDS 7

gboolean
tdn_cccd_is_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Collapses runs of white space to one space and trims. */
char *
tdn_cccd_clean_text (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xFEFF)
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* UTF-8 that went through another encoding on the way: C1 controls, CJK
 * or half-width katakana (zbar guessing Shift-JIS), or the tell-tale
 * pairs of UTF-8 read as Windows-1252 ("Ã©", "á»…", "Æ°", "Ä‘"). */
gboolean
tdn_cccd_looks_mojibake (const char *text)
{
  static const char * const pairs[] = { "á»", "áº", "Æ°", "Ä‘", "Ä", "Ã¡", "Ã ", "Ã¢", "Ãª", "Ã´", "Ã³", "Ã²", "Ã­", "Ã¬", "Ãº", "Ã¹", "Ã½", "Ã©", "Ã¨", "Ã£", "Ãµ", NULL };

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x80 && c <= 0x9F) || (c >= 0x3000 && c <= 0x9FFF) ||
          (c >= 0xFF61 && c <= 0xFF9F) || c == 0xFFFD)
        return TRUE;
    }
  for (guint i = 0; pairs[i] != NULL; i++)
    if (strstr (text, pairs[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
bad (GError     **error,
     TdnCccdError code,
     const char  *format,
     ...) G_GNUC_PRINTF (3, 4);

static gboolean
bad (GError     **error,
     TdnCccdError code,
     const char  *format,
     ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, TDN_CCCD_ERROR, code, msg);
  return FALSE;
}

/* Does a payload that is not a valid CCCD QR still look meant as one? */
static gboolean
meant_as_cccd (char **fields,
               guint  n)
{
  gsize len0 = strlen (fields[0]);

  if (tdn_cccd_is_digits (fields[0]) && len0 >= 9 && len0 <= 12)
    {
      /* Short of seven fields with a name where the old CMND belongs is
       * another layout that starts with the ID (VNeID's national QR
       * "SoGiayTo|HoTen|NgaySinh|…"): unrecognised, not a broken card. */
      if (n >= 2 && n < CCCD_FIELDS && *fields[1] != '\0' && !tdn_cccd_is_digits (fields[1]))
        return FALSE;
      return TRUE;
    }
  return n >= CCCD_FIELDS && tdn_sex_parse (fields[4]) != TDN_SEX_UNKNOWN &&
         strlen (fields[3]) >= 4 && strlen (fields[3]) <= 8 && tdn_cccd_is_digits (fields[3]);
}

static gboolean
parse_cccd (char        **fields,
            guint         n,
            TdnIdentity  *id,
            GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *disagree = NULL;
  TdnPartialDate today;

  if (n < CCCD_FIELDS)
    return bad (error, TDN_CCCD_ERROR_FIELD_COUNT,
                _("A card QR code has at least %d fields separated by “|”; this one has %u"),
                CCCD_FIELDS, n);
  if (!tdn_id_number_check (fields[0], &local))
    return bad (error, TDN_CCCD_ERROR_BAD_ID, "%s", local->message);

  old_id = tdn_cccd_clean_text (fields[1]);
  if (*old_id != '\0' && (!tdn_cccd_is_digits (old_id) || (strlen (old_id) != 9 && strlen (old_id) != 12)))
    return bad (error, TDN_CCCD_ERROR_BAD_FIELD,
                _("The old ID number (CMND) must be 9 or 12 digits"));

  name = tdn_cccd_clean_text (fields[2]);
  if (*name == '\0')
    return bad (error, TDN_CCCD_ERROR_BAD_FIELD, _("The name is missing"));

  if (!tdn_partial_date_parse_compact (fields[3], &id->date_of_birth, &local))
    return bad (error, TDN_CCCD_ERROR_BAD_DATE, _("Date of birth: %s"), local->message);
  id->sex = tdn_sex_parse (fields[4]);
  if (id->sex == TDN_SEX_UNKNOWN)
    return bad (error, TDN_CCCD_ERROR_BAD_SEX, _("Sex must be “Nam” or “Nữ”"));
  address = tdn_cccd_clean_text (fields[5]);
  if (!tdn_partial_date_parse_compact (fields[6], &id->date_of_issue, &local) ||
      !tdn_partial_date_is_complete (&id->date_of_issue))
    return bad (error, TDN_CCCD_ERROR_BAD_DATE, _("Date of issue: %s"),
                local ? local->message : _("the day is missing"));

  tdn_partial_date_today (&today);
  if (tdn_partial_date_compare (&id->date_of_birth, &today) > 0)
    return bad (error, TDN_CCCD_ERROR_BAD_DATE, _("The date of birth is in the future"));
  if (tdn_partial_date_compare (&id->date_of_issue, &today) > 0)
    return bad (error, TDN_CCCD_ERROR_BAD_DATE, _("The date of issue is in the future"));
  if (tdn_partial_date_compare (&id->date_of_issue, &id->date_of_birth) < 0)
    return bad (error, TDN_CCCD_ERROR_BAD_DATE, _("The card was issued before its holder was born"));

  id->id_number = g_strdup (fields[0]);
  id->old_id_number = *old_id != '\0' ? g_steal_pointer (&old_id) : NULL;
  id->full_name = g_steal_pointer (&name);
  id->place_of_residence = *address != '\0' ? g_steal_pointer (&address) : NULL;

  disagree = tdn_id_number_disagreement (id->id_number, &id->date_of_birth, id->sex);
  if (disagree != NULL)
    tdn_identity_add_warning (id, disagree);

  if (n > CCCD_FIELDS)
    {
      id->source = TDN_IDENTITY_SOURCE_CAN_CUOC_QR;
      id->extra_fields = g_ptr_array_new_with_free_func (g_free);
      for (guint i = CCCD_FIELDS; i < n; i++)
        g_ptr_array_add (id->extra_fields, g_strdup (fields[i]));
      /* The layout beyond seven fields is not public: count, never content. */
      g_message ("Căn cước QR with %u extra field(s) after the seven known ones",
                 n - CCCD_FIELDS);
    }
  else
    id->source = TDN_IDENTITY_SOURCE_CCCD_QR;
  return TRUE;
}

TdnIdentity *
tdn_qr_parse (const guint8 *data,
              gsize         length,
              GError      **error)
{
  g_autoptr(TdnIdentity) id = NULL;
  g_autofree char *nfc = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end = NULL;
  char *text;
  guint n;

  if (data == NULL || length == 0)
    {
      bad (error, TDN_CCCD_ERROR_EMPTY, _("The code is empty"));
      return NULL;
    }
  if (length > TDN_QR_MAX_PAYLOAD)
    {
      bad (error, TDN_CCCD_ERROR_TOO_LONG,
           _("The code holds %lu bytes, more than any QR code can"), (unsigned long) length);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      bad (error, TDN_CCCD_ERROR_NOT_TEXT, _("The code holds binary data, not text"));
      return NULL;
    }
  if (!g_utf8_validate_len ((const char *) data, length, &end))
    {
      bad (error, TDN_CCCD_ERROR_NOT_TEXT,
           _("The code is not UTF-8 text (bad byte at position %lu); "
             "set the scanner to UTF-8 or binary output"),
           (unsigned long) (end - (const char *) data));
      return NULL;
    }

  nfc = g_utf8_normalize ((const char *) data, (gssize) length, G_NORMALIZE_NFC);
  text = g_strstrip (nfc);
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  if (*text == '\0')
    {
      bad (error, TDN_CCCD_ERROR_EMPTY, _("The code is empty"));
      return NULL;
    }

  if (tdn_bhyt_qr_looks_like (text))
    {
      id = tdn_bhyt_qr_parse (text, error);
      if (id != NULL)
        id->payload_length = length;
      return g_steal_pointer (&id);
    }

  fields = g_strsplit (text, "|", TDN_QR_MAX_FIELDS + 1);
  n = g_strv_length (fields);
  id = tdn_identity_new (TDN_IDENTITY_SOURCE_UNRECOGNISED);
  id->payload_length = length;

  if (!meant_as_cccd (fields, n))
    {
      g_message ("unrecognised QR payload of %" G_GSIZE_FORMAT " bytes", length);
      return g_steal_pointer (&id);
    }
  if (n > TDN_QR_MAX_FIELDS)
    {
      bad (error, TDN_CCCD_ERROR_FIELD_COUNT,
           _("The code has more than %d fields; it is not a card QR code"), TDN_QR_MAX_FIELDS);
      return NULL;
    }
  if (tdn_cccd_looks_mojibake (text))
    {
      bad (error, TDN_CCCD_ERROR_NOT_TEXT,
           _("The text is garbled (UTF-8 read as another encoding); "
             "set the scanner to UTF-8 or binary output"));
      return NULL;
    }
  if (!parse_cccd (fields, n, id, error))
    return NULL;
  return g_steal_pointer (&id);
}
