/* tdn-checkin-session.c — one patient's data, and how it is destroyed
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-checkin-session.h"
#include "tdn-eligibility.h"
#include "tdn-id-number.h"
#include "tdn-qr-payload.h"

void
tdn_wipe_string (char *s)
{
  tdn_secure_clear_string (s);
  g_free (s);
}

static void
scrub_eligibility (TdnEligibility *e)
{
  if (e == NULL)
    return;
  tdn_secure_clear_string (e->code);
  tdn_secure_clear_string (e->message_vi);
  tdn_secure_clear_string (e->message_en);
  tdn_secure_clear_string (e->card_number);
  tdn_secure_clear_string (e->valid_from);
  tdn_secure_clear_string (e->valid_to);
  tdn_secure_clear_string (e->registered_facility);
  tdn_secure_clear_string (e->five_year_date);
  tdn_secure_clear_string (e->raw_json);
}

void
tdn_wipe_eligibility (TdnEligibility *e)
{
  scrub_eligibility (e);
  tdn_eligibility_free (e);
}

void
tdn_wipe_visit (TdnVisit *v)
{
  /* tdn_visit_free() overwrites every string before freeing it. */
  tdn_visit_free (v);
}

static void
scrub_ticket (TdnTicket *t)
{
  if (t == NULL)
    return;
  tdn_secure_clear_string ((char *) t->patient_name);
  tdn_secure_clear_string ((char *) t->visit_ref);
  tdn_secure_clear_string ((char *) t->number);
}

static void
scrub_identity (TdnIdentity *id)
{
  if (id == NULL)
    return;
  tdn_secure_clear_string (id->id_number);
  tdn_secure_clear_string (id->old_id_number);
  tdn_secure_clear_string (id->full_name);
  tdn_secure_clear_string (id->place_of_origin);
  tdn_secure_clear_string (id->place_of_residence);
  tdn_secure_clear_string (id->identifying_marks);
  tdn_secure_clear_string (id->father_name);
  tdn_secure_clear_string (id->mother_name);
  tdn_secure_clear_string (id->spouse_name);
  if (id->bhyt_card != NULL)
    tdn_secure_clear_string (id->bhyt_card->card_number);
  explicit_bzero (&id->date_of_birth, sizeof id->date_of_birth);
}

static void
scrub_visit (TdnVisit *v)
{
  if (v == NULL)
    return;
  tdn_secure_clear_string (v->visit_id);
  tdn_secure_clear_string (v->id_number);
  tdn_secure_clear_string (v->full_name);
  tdn_secure_clear_string (v->date_of_birth);
  tdn_secure_clear_string (v->address);
  tdn_secure_clear_string (v->bhyt_card);
  tdn_secure_clear_string (v->queue_number);
  tdn_secure_clear_string (v->eligibility_raw);
}

TdnCheckinSession *
tdn_checkin_session_new (void)
{
  TdnCheckinSession *self = g_new0 (TdnCheckinSession, 1);

  self->assurance = TDN_ASSURANCE_MANUAL;
  self->bhyt = TDN_CHECKIN_BHYT_NONE;
  self->priority = TDN_PRIORITY_NONE;
  return self;
}

void
tdn_checkin_session_scrub (TdnCheckinSession *self)
{
  g_return_if_fail (self != NULL);
  scrub_identity (self->identity);
  if (self->photo != NULL)
    explicit_bzero (self->photo, self->photo_len);
  tdn_secure_clear_string (self->masked_id);
  tdn_secure_clear_string (self->dob_text);
  for (guint i = 0; i < TDN_CHECKIN_N_FIELDS; i++)
    tdn_secure_clear_string (self->fields[i]);
  scrub_eligibility (self->eligibility);
  tdn_secure_clear_string (self->clinic_code);
  scrub_visit (self->visit);
  scrub_ticket (self->ticket);
  self->priority = TDN_PRIORITY_NONE;
  self->bhyt = TDN_CHECKIN_BHYT_NONE;
  self->failed_kinds = 0;
}

void
tdn_checkin_session_free (TdnCheckinSession *self)
{
  if (self == NULL)
    return;
  tdn_checkin_session_scrub (self);
  g_clear_pointer (&self->identity, tdn_identity_free);
  g_clear_pointer (&self->photo, g_free);
  g_clear_pointer (&self->masked_id, tdn_wipe_string);
  g_clear_pointer (&self->dob_text, tdn_wipe_string);
  for (guint i = 0; i < TDN_CHECKIN_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], tdn_wipe_string);
  g_clear_pointer (&self->eligibility, tdn_wipe_eligibility);
  g_clear_pointer (&self->clinic_code, tdn_wipe_string);
  g_clear_pointer (&self->visit, tdn_wipe_visit);
  g_clear_pointer (&self->ticket, tdn_ticket_free);
  explicit_bzero (self, sizeof *self);
  g_free (self);
}

gboolean
tdn_checkin_parse_dob (const char     *text,
                       TdnPartialDate *out)
{
  char digits[9];
  gsize n = 0;
  TdnPartialDate today;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n >= 8)
            return FALSE;
          digits[n++] = *p;
        }
      else if (*p != '/' && *p != '.' && *p != '-' && *p != ' ')
        return FALSE;
    }
  digits[n] = '\0';
  if (n != 8 || !tdn_partial_date_parse_compact (digits, out, NULL))
    return FALSE;
  tdn_partial_date_today (&today);
  explicit_bzero (digits, sizeof digits);
  return out->year >= 1900 && tdn_partial_date_compare (out, &today) <= 0;
}

char *
tdn_checkin_normalise_bhyt (const char *text)
{
  GString *s;

  if (text == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isalnum (*p) || s->len >= 15)
        {
          tdn_secure_clear_string (s->str);
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append_c (s, g_ascii_toupper (*p));
    }
  if (tdn_eligibility_is_card_number (s->str)
      || (s->len == 10 && tdn_cccd_is_digits (s->str)))
    return g_string_free (s, FALSE);
  tdn_secure_clear_string (s->str);
  g_string_free (s, TRUE);
  return NULL;
}

const char *
tdn_checkin_field_check (TdnCheckinField  field,
                         const char      *text)
{
  TdnPartialDate dob;

  if (text == NULL || *text == '\0')
    return field == TDN_CHECKIN_FIELD_FULL_NAME ? NULL : N_("Please fill this in.");
  switch (field)
    {
    case TDN_CHECKIN_FIELD_ID_NUMBER:
      if (strlen (text) != 12 || !tdn_cccd_is_digits (text))
        return N_("The ID number has 12 digits.");
      if (!tdn_id_number_check (text, NULL))
        return N_("This is not a valid ID number. Please check the digits.");
      return NULL;
    case TDN_CHECKIN_FIELD_DATE_OF_BIRTH:
      if (!tdn_checkin_parse_dob (text, &dob))
        return N_("Type the date of birth as day, month, year: 8 digits.");
      return NULL;
    case TDN_CHECKIN_FIELD_BHYT_NUMBER:
      {
        g_autofree char *card = tdn_checkin_normalise_bhyt (text);

        if (card == NULL)
          return N_("The BHYT number has 15 characters, or the last 10 digits.");
        tdn_secure_clear_string (card);
        return NULL;
      }
    case TDN_CHECKIN_FIELD_FULL_NAME:
      if (g_utf8_strlen (text, -1) > 100 || !g_utf8_validate (text, -1, NULL))
        return N_("The name is too long.");
      return NULL;
    default:
      return N_("Please fill this in.");
    }
}
