/* tdn-identity.c — who the patient is, from the chip, a QR code or typing
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"

#include <string.h>

#include "tdn-identity.h"

void
tdn_secure_clear_string (char *s)
{
  if (s != NULL)
    explicit_bzero (s, strlen (s));
}

static void
wipe_free (char **s)
{
  tdn_secure_clear_string (*s);
  g_clear_pointer (s, g_free);
}

static void
wipe_free_string (gpointer s)
{
  tdn_secure_clear_string (s);
  g_free (s);
}

TdnIdentity *
tdn_identity_new (TdnIdentitySource source)
{
  TdnIdentity *self = g_new0 (TdnIdentity, 1);

  self->source = source;
  return self;
}

void
tdn_identity_free (TdnIdentity *self)
{
  if (self == NULL)
    return;
  wipe_free (&self->id_number);
  wipe_free (&self->old_id_number);
  wipe_free (&self->full_name);
  wipe_free (&self->nationality);
  wipe_free (&self->ethnicity);
  wipe_free (&self->religion);
  wipe_free (&self->place_of_origin);
  wipe_free (&self->place_of_residence);
  wipe_free (&self->identifying_marks);
  wipe_free (&self->father_name);
  wipe_free (&self->mother_name);
  wipe_free (&self->spouse_name);
  if (self->mrz != NULL)
    {
      for (guint i = 0; self->mrz[i] != NULL; i++)
        tdn_secure_clear_string (self->mrz[i]);
      g_strfreev (self->mrz);
    }
  if (self->bhyt_card != NULL)
    {
      wipe_free (&self->bhyt_card->card_number);
      wipe_free (&self->bhyt_card->registered_facility);
      g_free (self->bhyt_card);
    }
  g_clear_pointer (&self->extra_fields, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  explicit_bzero (self, sizeof *self);
  g_free (self);
}

TdnIdentity *
tdn_identity_copy (const TdnIdentity *self)
{
  TdnIdentity *c = g_memdup2 (self, sizeof *self);

  c->id_number = g_strdup (self->id_number);
  c->old_id_number = g_strdup (self->old_id_number);
  c->full_name = g_strdup (self->full_name);
  c->nationality = g_strdup (self->nationality);
  c->ethnicity = g_strdup (self->ethnicity);
  c->religion = g_strdup (self->religion);
  c->place_of_origin = g_strdup (self->place_of_origin);
  c->place_of_residence = g_strdup (self->place_of_residence);
  c->identifying_marks = g_strdup (self->identifying_marks);
  c->father_name = g_strdup (self->father_name);
  c->mother_name = g_strdup (self->mother_name);
  c->spouse_name = g_strdup (self->spouse_name);
  c->mrz = g_strdupv (self->mrz);
  if (self->bhyt_card != NULL)
    {
      c->bhyt_card = g_memdup2 (self->bhyt_card, sizeof *self->bhyt_card);
      c->bhyt_card->card_number = g_strdup (self->bhyt_card->card_number);
      c->bhyt_card->registered_facility = g_strdup (self->bhyt_card->registered_facility);
    }
  c->extra_fields = NULL;
  if (self->extra_fields != NULL)
    {
      c->extra_fields = g_ptr_array_new_with_free_func (wipe_free_string);
      for (guint i = 0; i < self->extra_fields->len; i++)
        g_ptr_array_add (c->extra_fields, g_strdup (self->extra_fields->pdata[i]));
    }
  c->warnings = NULL;
  for (guint i = 0; self->warnings != NULL && i < self->warnings->len; i++)
    tdn_identity_add_warning (c, self->warnings->pdata[i]);
  return c;
}

void
tdn_identity_add_warning (TdnIdentity *self,
                          const char  *sentence)
{
  if (self->warnings == NULL)
    self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, g_strdup (sentence));
}

const char *
tdn_identity_source_to_string (TdnIdentitySource source)
{
  switch (source)
    {
    case TDN_IDENTITY_SOURCE_MANUAL: return "manual";
    case TDN_IDENTITY_SOURCE_CHIP: return "chip";
    case TDN_IDENTITY_SOURCE_CCCD_QR: return "cccd_qr";
    case TDN_IDENTITY_SOURCE_CAN_CUOC_QR: return "can_cuoc_qr";
    case TDN_IDENTITY_SOURCE_BHYT_QR: return "bhyt_qr";
    case TDN_IDENTITY_SOURCE_UNRECOGNISED:
    default: return "unrecognised";
    }
}

int
tdn_identity_age (const TdnIdentity *self)
{
  TdnPartialDate today;

  if (self->date_of_birth.year == 0)
    return -1;
  tdn_partial_date_today (&today);
  return tdn_partial_date_age_on (&self->date_of_birth, &today);
}

static void
add_date (JsonBuilder          *b,
          const char           *name,
          const TdnPartialDate *date)
{
  g_autofree char *iso = date->year != 0 ? tdn_partial_date_to_iso (date) : NULL;

  tdn_json_add_string (b, name, iso);
}

void
tdn_identity_add_json_members (const TdnIdentity *self,
                               JsonBuilder       *b)
{
  tdn_json_add_string (b, "id_number", self->id_number);
  tdn_json_add_string (b, "old_id_number", self->old_id_number);
  tdn_json_add_string (b, "full_name", self->full_name);
  add_date (b, "date_of_birth", &self->date_of_birth);
  tdn_json_add_string (b, "sex", tdn_sex_to_string (self->sex));
  tdn_json_add_string (b, "nationality", self->nationality);
  tdn_json_add_string (b, "ethnicity", self->ethnicity);
  tdn_json_add_string (b, "religion", self->religion);
  tdn_json_add_string (b, "place_of_origin", self->place_of_origin);
  tdn_json_add_string (b, "place_of_residence", self->place_of_residence);
  tdn_json_add_string (b, "identifying_marks", self->identifying_marks);
  add_date (b, "date_of_issue", &self->date_of_issue);
  add_date (b, "date_of_expiry", &self->date_of_expiry);
  tdn_json_add_string (b, "father_name", self->father_name);
  tdn_json_add_string (b, "mother_name", self->mother_name);
  tdn_json_add_string (b, "spouse_name", self->spouse_name);
  json_builder_set_member_name (b, "mrz");
  if (self->mrz != NULL)
    {
      json_builder_begin_array (b);
      for (guint i = 0; self->mrz[i] != NULL; i++)
        json_builder_add_string_value (b, self->mrz[i]);
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);
  tdn_json_add_string (b, "source", tdn_identity_source_to_string (self->source));
  json_builder_set_member_name (b, "bhyt_card");
  if (self->bhyt_card != NULL)
    {
      json_builder_begin_object (b);
      tdn_json_add_string (b, "card_number", self->bhyt_card->card_number);
      tdn_json_add_string (b, "registered_facility", self->bhyt_card->registered_facility);
      add_date (b, "valid_from", &self->bhyt_card->valid_from);
      add_date (b, "valid_to", &self->bhyt_card->valid_to);
      add_date (b, "five_year_date", &self->bhyt_card->five_year_date);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "extra_fields");
  json_builder_begin_array (b);
  for (guint i = 0; self->extra_fields != NULL && i < self->extra_fields->len; i++)
    json_builder_add_string_value (b, self->extra_fields->pdata[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "payload_length");
  json_builder_add_int_value (b, (gint64) self->payload_length);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; self->warnings != NULL && i < self->warnings->len; i++)
    json_builder_add_string_value (b, self->warnings->pdata[i]);
  json_builder_end_array (b);
}

JsonNode *
tdn_identity_to_json (const TdnIdentity *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  tdn_identity_add_json_members (self, b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
