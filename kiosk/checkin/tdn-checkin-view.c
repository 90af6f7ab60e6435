/* tdn-checkin-view.c — what the screens show, in the patient's language
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-checkin-private.h"

TdnCheckinState
tdn_checkin_get_state (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), TDN_CHECKIN_STATE_WELCOME);
  return self->state;
}

const char *
tdn_checkin_get_language (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), "vi");
  return self->language;
}

/* The welcome sentence names only the devices that work. */
static const char *
welcome_instruction (TdnCheckin *self)
{
  if (self->card_reader_available && self->scanner_available)
    return tdn_checkin_state_instruction (TDN_CHECKIN_STATE_WELCOME);
  if (self->card_reader_available)
    return N_("Put your ID card on the reader.");
  if (self->scanner_available)
    return N_("Show the QR code on your ID card or BHYT card to the scanner.");
  return N_("Touch the button below to type your ID number.");
}

const char *
tdn_checkin_get_instruction (TdnCheckin *self)
{
  const char *msgid;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), "");
  if (self->notice != NULL)
    msgid = self->notice;
  else if (self->state == TDN_CHECKIN_STATE_WELCOME)
    msgid = welcome_instruction (self);
  else
    msgid = tdn_checkin_state_instruction (self->state);
  return tdn_i18n_translate (self->language, msgid);
}

gboolean
tdn_checkin_get_idle_warning (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  return self->idle_warning;
}

int
tdn_checkin_get_idle_seconds_left (TdnCheckin *self)
{
  gint64 left;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), 0);
  if (!self->idle_warning)
    return self->idle_warning_s;
  left = self->reset_deadline - tdn_clock_get_monotonic ();
  return left > 0 ? (int) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
}

TdnCheckinHelp
tdn_checkin_get_help (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), TDN_CHECKIN_HELP_NONE);
  return self->help_state;
}

gboolean
tdn_checkin_get_card_reader_available (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  return self->card_reader_available;
}

gboolean
tdn_checkin_get_scanner_available (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  return self->scanner_available;
}

gboolean
tdn_checkin_has_identity (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  return self->session->identity != NULL;
}

const TdnIdentity *
tdn_checkin_get_identity (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->identity;
}

const char *
tdn_checkin_get_full_name (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->identity != NULL ? self->session->identity->full_name : NULL;
}

const char *
tdn_checkin_get_masked_id (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->masked_id;
}

int
tdn_checkin_get_age (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), -1);
  return self->session->identity != NULL ? tdn_identity_age (self->session->identity) : -1;
}

const char *
tdn_checkin_get_date_of_birth (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->dob_text;
}

TdnAssurance
tdn_checkin_get_assurance (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), TDN_ASSURANCE_MANUAL);
  return self->session->assurance;
}

const guint8 *
tdn_checkin_get_photo (TdnCheckin *self,
                       gsize      *length)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  if (length != NULL)
    *length = 0;
  if (self->session->photo == NULL
      || !g_str_equal (tdn_config_get_string (self->config, "ui", "photo_policy"), "patient"))
    return NULL;
  if (length != NULL)
    *length = self->session->photo_len;
  return self->session->photo;
}

gboolean
tdn_checkin_has_chip_photo (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  return self->session->photo != NULL;
}

GPtrArray *
tdn_checkin_get_clinics (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->clinics;
}

const char *
tdn_checkin_clinic_name (TdnCheckin            *self,
                         const TdnClinicStatus *clinic)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  g_return_val_if_fail (clinic != NULL && clinic->clinic != NULL, NULL);
  if (g_str_equal (self->language, "en") && clinic->clinic->name_en != NULL
      && *clinic->clinic->name_en != '\0')
    return clinic->clinic->name_en;
  return clinic->clinic->name_vi;
}

const TdnClinicStatus *
tdn_checkin_get_selected_clinic (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  if (self->session->clinic_code == NULL)
    return NULL;
  for (guint i = 0; i < self->clinics->len; i++)
    {
      const TdnClinicStatus *c = self->clinics->pdata[i];

      if (g_str_equal (c->clinic->code, self->session->clinic_code))
        return c;
    }
  return NULL;
}

TdnPriority
tdn_checkin_get_priority (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), TDN_PRIORITY_NONE);
  return self->session->priority;
}

gboolean
tdn_checkin_get_priority_derived (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  return self->session->priority_derived;
}

const char *
tdn_checkin_priority_label (TdnCheckin  *self,
                            TdnPriority  priority)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  if (priority == TDN_PRIORITY_NONE)
    return tdn_i18n_translate (self->language, N_("None of these"));
  return tdn_i18n_translate (self->language, tdn_priority_describe (priority));
}

TdnCheckinBhyt
tdn_checkin_get_bhyt (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), TDN_CHECKIN_BHYT_NONE);
  return self->session->bhyt;
}

const char *
tdn_checkin_get_bhyt_message (TdnCheckin *self)
{
  const TdnEligibility *e;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  e = self->session->eligibility;
  if (self->session->bhyt == TDN_CHECKIN_BHYT_CHECKING)
    return tdn_i18n_translate (self->language, N_("Checking your health insurance…"));
  if (self->session->bhyt == TDN_CHECKIN_BHYT_SELF_PAY)
    return tdn_i18n_translate (self->language, N_("You pay for this visit yourself."));
  if (e == NULL)
    return NULL;
  return g_str_equal (self->language, "en") ? e->message_en : e->message_vi;
}

const char *
tdn_checkin_get_field (TdnCheckin      *self,
                       TdnCheckinField  field)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  g_return_val_if_fail ((guint) field < TDN_CHECKIN_N_FIELDS, NULL);
  return self->session->fields[field];
}

gboolean
tdn_checkin_get_field_valid (TdnCheckin      *self,
                             TdnCheckinField  field)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  g_return_val_if_fail ((guint) field < TDN_CHECKIN_N_FIELDS, FALSE);
  return tdn_checkin_get_field_error (self, field) == NULL;
}

const char *
tdn_checkin_get_field_error (TdnCheckin      *self,
                             TdnCheckinField  field)
{
  const char *msgid;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  g_return_val_if_fail ((guint) field < TDN_CHECKIN_N_FIELDS, NULL);
  /* A check across fields (date of birth against the ID number) set at
   * submit, else the field's own check. */
  msgid = self->session->field_errors[field];
  if (msgid == NULL)
    msgid = tdn_checkin_field_check (field, self->session->fields[field]);
  /* The BHYT path needs the name: the gateway checks it. */
  if (msgid == NULL && field == TDN_CHECKIN_FIELD_FULL_NAME
      && self->state == TDN_CHECKIN_STATE_BHYT_ENTRY
      && (self->session->fields[field] == NULL || *self->session->fields[field] == '\0'))
    msgid = N_("Please fill this in.");
  return msgid != NULL ? tdn_i18n_translate (self->language, msgid) : NULL;
}

const char *
tdn_checkin_get_queue_number (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->visit != NULL ? self->session->visit->queue_number : NULL;
}

const char *
tdn_checkin_get_visit_id (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->visit != NULL ? self->session->visit->visit_id : NULL;
}

const TdnTicket *
tdn_checkin_get_ticket (TdnCheckin *self)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), NULL);
  return self->session->ticket;
}
