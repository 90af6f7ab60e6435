/* tdn-chip-keys.c — the access keys a chip read can try (CAN, BAC MRZ keys)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tdn-chip-read.h"
#include "tdn-expiry.h"
#include "tdn-mrz.h"

static void
wipe_free (gpointer p)
{
  tdn_secure_clear_string (p);
  g_free (p);
}

TdnChipKeys *
tdn_chip_keys_new (void)
{
  TdnChipKeys *self = g_new0 (TdnChipKeys, 1);

  self->mrz_infos = g_ptr_array_new_with_free_func (wipe_free);
  return self;
}

void
tdn_chip_keys_free (TdnChipKeys *self)
{
  if (self == NULL)
    return;
  tdn_secure_clear_string (self->can);
  g_free (self->can);
  g_ptr_array_unref (self->mrz_infos);
  g_free (self);
}

static char *
yymmdd (const TdnPartialDate *d)
{
  return g_strdup_printf ("%02d%02d%02d", d->year % 100, d->month, d->day);
}

static void
add_unique (TdnChipKeys *self,
            char        *info)
{
  for (guint i = 0; i < self->mrz_infos->len; i++)
    if (strcmp (self->mrz_infos->pdata[i], info) == 0)
      {
        wipe_free (info);
        return;
      }
  g_ptr_array_add (self->mrz_infos, info);
}

TdnChipKeys *
tdn_chip_keys_from_identity (const TdnIdentity *identity)
{
  TdnChipKeys *self = tdn_chip_keys_new ();
  g_autofree char *doc = NULL;
  g_autofree char *dob = NULL;
  TdnExpiryCandidates cands = { 0 };

  g_return_val_if_fail (identity != NULL, self);

  if (identity->id_number == NULL || !tdn_id_number_check (identity->id_number, NULL))
    return self;
  self->can = tdn_id_number_can (identity->id_number);
  doc = tdn_id_number_document_number (identity->id_number);

  if (!tdn_partial_date_is_complete (&identity->date_of_birth)
      || !tdn_partial_date_is_complete (&identity->date_of_issue))
    return self;
  if (!tdn_expiry_candidates (&identity->date_of_birth, &identity->date_of_issue, &cands))
    {
      tdn_expiry_candidates_clear (&cands);
      return self;
    }
  dob = yymmdd (&identity->date_of_birth);
  for (guint i = 0; i < cands.dates->len; i++)
    {
      g_autofree char *doe = yymmdd (&g_array_index (cands.dates, TdnPartialDate, i));
      add_unique (self, tdn_mrz_information (doc, dob, doe));
    }
  /* "Không thời hạn": no source says what the MRZ holds (cccd-chip-and-qr
   * §3.2). ICAO fills an absent date with '<'; try that after the dated
   * candidates. PACE, tried first, needs no date at all. */
  if (cands.lifetime)
    add_unique (self, tdn_mrz_information (doc, dob, "<<<<<<"));
  tdn_expiry_candidates_clear (&cands);
  return self;
}

gboolean
tdn_chip_keys_add_mrz_key (TdnChipKeys *self,
                           const char  *text,
                           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autofree char *doc = NULL;

  if (g_strv_length (parts) != 3 || strlen (parts[1]) != 6 || strlen (parts[2]) != 6)
    goto bad;
  for (int p = 1; p < 3; p++)
    for (int i = 0; i < 6; i++)
      if (!g_ascii_isdigit (parts[p][i]))
        goto bad;
  doc = g_ascii_strup (g_strstrip (parts[0]), -1);
  if (*doc == '\0' || strlen (doc) > 9)
    goto bad;
  for (const char *c = doc; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !g_ascii_isupper (*c))
      goto bad;
  while (strlen (doc) < 9)
    {
      char *padded = g_strconcat (doc, "<", NULL);
      g_free (doc);
      doc = padded;
    }
  add_unique (self, tdn_mrz_information (doc, parts[1], parts[2]));
  return TRUE;

bad:
  g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NO_KEY,
                       _("The MRZ key must be DOCUMENT-NUMBER,YYMMDD,YYMMDD "
                         "(document number, date of birth, date of expiry)."));
  return FALSE;
}
