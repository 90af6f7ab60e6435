/* tdn-id-number.c — the 12-digit personal identification number
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-cccd-error.h"
#include "tdn-id-number.h"

gboolean
tdn_id_number_check (const char  *id,
                     GError     **error)
{
  gsize len;

  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID,
                           _("The ID number is missing"));
      return FALSE;
    }
  len = strlen (id);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (id[i]))
      {
        g_set_error_literal (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID,
                             _("The ID number may contain digits only"));
        return FALSE;
      }
  if (len != 12)
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID,
                   _("The ID number has 12 digits, not %u"), (guint) len);
      return FALSE;
    }
  return TRUE;
}

void
tdn_id_number_decode (const char *id,
                      int        *birth_year,
                      TdnSex     *sex)
{
  int g = id[3] - '0';
  int yy = (id[4] - '0') * 10 + (id[5] - '0');

  *birth_year = 1900 + 100 * (g / 2) + yy;
  *sex = (g % 2 == 0) ? TDN_SEX_MALE : TDN_SEX_FEMALE;
}

char *
tdn_id_number_disagreement (const char           *id,
                            const TdnPartialDate *dob,
                            TdnSex                sex)
{
  int year;
  TdnSex id_sex;

  if (!tdn_id_number_check (id, NULL))
    return NULL;
  tdn_id_number_decode (id, &year, &id_sex);
  if (dob != NULL && dob->year != 0 && dob->year != year)
    return g_strdup_printf (_("the ID number is for someone born in %d, the date of birth says %d"),
                            year, dob->year);
  if (sex != TDN_SEX_UNKNOWN && sex != id_sex)
    return g_strdup (id_sex == TDN_SEX_MALE ? _("the ID number is for a man, the card says a woman")
                                            : _("the ID number is for a woman, the card says a man"));
  return NULL;
}

char *
tdn_id_number_document_number (const char *id)
{
  g_return_val_if_fail (tdn_id_number_check (id, NULL), NULL);
  return g_strdup (id + 3);
}

char *
tdn_id_number_can (const char *id)
{
  g_return_val_if_fail (tdn_id_number_check (id, NULL), NULL);
  return g_strdup (id + 6);
}

const char *
tdn_sex_to_string (TdnSex sex)
{
  switch (sex)
    {
    case TDN_SEX_MALE: return "male";
    case TDN_SEX_FEMALE: return "female";
    case TDN_SEX_UNKNOWN:
    default: return NULL;
    }
}

TdnSex
tdn_sex_parse (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return TDN_SEX_UNKNOWN;
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  if (g_str_equal (folded, "nam") || g_str_equal (folded, "m") || g_str_equal (folded, "1") ||
      g_str_equal (folded, "male"))
    return TDN_SEX_MALE;
  /* "nữ" precomposed or decomposed, and "nu" without diacritics. */
  {
    g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);

    if (g_str_equal (nfc, "nữ") || g_str_equal (nfc, "nu") || g_str_equal (nfc, "f") ||
        g_str_equal (nfc, "2") || g_str_equal (nfc, "female"))
      return TDN_SEX_FEMALE;
  }
  return TDN_SEX_UNKNOWN;
}
