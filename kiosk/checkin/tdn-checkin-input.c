/* tdn-checkin-input.c — what the patient taps and types
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-checkin-private.h"

static const TdnPriority priority_choices[] = {
  TDN_PRIORITY_NONE,
  TDN_PRIORITY_PREGNANT,
  TDN_PRIORITY_SEVERE_DISABILITY,
  TDN_PRIORITY_MERIT,
};

const TdnPriority *
tdn_checkin_priority_choices (gsize *n_choices)
{
  if (n_choices != NULL)
    *n_choices = G_N_ELEMENTS (priority_choices);
  return priority_choices;
}

/* ---- inputs ------------------------------------------------------------ */

static gboolean
entry_complete (TdnCheckin *self)
{
  if (self->state == TDN_CHECKIN_STATE_MANUAL_ENTRY)
    return tdn_checkin_get_field_valid (self, TDN_CHECKIN_FIELD_ID_NUMBER)
        && tdn_checkin_get_field_valid (self, TDN_CHECKIN_FIELD_DATE_OF_BIRTH)
        && tdn_checkin_get_field_valid (self, TDN_CHECKIN_FIELD_FULL_NAME);
  if (self->state == TDN_CHECKIN_STATE_BHYT_ENTRY)
    return tdn_checkin_get_field_valid (self, TDN_CHECKIN_FIELD_BHYT_NUMBER)
        && tdn_checkin_get_field_valid (self, TDN_CHECKIN_FIELD_DATE_OF_BIRTH)
        && tdn_checkin_get_field_valid (self, TDN_CHECKIN_FIELD_FULL_NAME);
  return FALSE;
}

gboolean
tdn_checkin_can_tap (TdnCheckin       *self,
                     TdnCheckinAction  action)
{
  TdnCheckinState s;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  s = self->state;
  switch (action)
    {
    case TDN_CHECKIN_ACTION_MORE_TIME:
      return self->idle_warning;
    case TDN_CHECKIN_ACTION_CALL_STAFF:
      return s != TDN_CHECKIN_STATE_COMMITTING && s != TDN_CHECKIN_STATE_PRINTING
          && s != TDN_CHECKIN_STATE_DONE && s != TDN_CHECKIN_STATE_READING;
    case TDN_CHECKIN_ACTION_YES:
      return s == TDN_CHECKIN_STATE_CONFIRM_IDENTITY || s == TDN_CHECKIN_STATE_CONFIRM;
    case TDN_CHECKIN_ACTION_NO:
      return s == TDN_CHECKIN_STATE_CONFIRM_IDENTITY;
    case TDN_CHECKIN_ACTION_BACK:
      return s == TDN_CHECKIN_STATE_MANUAL_ENTRY || s == TDN_CHECKIN_STATE_BHYT_ENTRY
          || s == TDN_CHECKIN_STATE_CLINIC || s == TDN_CHECKIN_STATE_PRIORITY
          || s == TDN_CHECKIN_STATE_CONFIRM;
    case TDN_CHECKIN_ACTION_CANCEL:
      return s == TDN_CHECKIN_STATE_READING || s == TDN_CHECKIN_STATE_CONFIRM_IDENTITY
          || s == TDN_CHECKIN_STATE_MANUAL_ENTRY || s == TDN_CHECKIN_STATE_BHYT_ENTRY
          || s == TDN_CHECKIN_STATE_CLINIC || s == TDN_CHECKIN_STATE_PRIORITY
          || s == TDN_CHECKIN_STATE_CONFIRM || s == TDN_CHECKIN_STATE_NOT_ELIGIBLE
          || s == TDN_CHECKIN_STATE_CARD_UNREADABLE || s == TDN_CHECKIN_STATE_GATEWAY_DOWN
          || s == TDN_CHECKIN_STATE_SPOOL_ERROR;
    case TDN_CHECKIN_ACTION_MANUAL_ENTRY:
      return s == TDN_CHECKIN_STATE_WELCOME || s == TDN_CHECKIN_STATE_READER_MISSING
          || s == TDN_CHECKIN_STATE_CARD_UNREADABLE || s == TDN_CHECKIN_STATE_BHYT_ENTRY;
    case TDN_CHECKIN_ACTION_BHYT_ENTRY:
      return s == TDN_CHECKIN_STATE_WELCOME || s == TDN_CHECKIN_STATE_READER_MISSING
          || s == TDN_CHECKIN_STATE_CARD_UNREADABLE || s == TDN_CHECKIN_STATE_MANUAL_ENTRY;
    case TDN_CHECKIN_ACTION_SELF_PAY:
    case TDN_CHECKIN_ACTION_GO_TO_DESK:
      return s == TDN_CHECKIN_STATE_NOT_ELIGIBLE;
    case TDN_CHECKIN_ACTION_CONTINUE:
      return s == TDN_CHECKIN_STATE_GATEWAY_DOWN;
    case TDN_CHECKIN_ACTION_RETRY:
      return s == TDN_CHECKIN_STATE_CARD_UNREADABLE || s == TDN_CHECKIN_STATE_SPOOL_ERROR;
    case TDN_CHECKIN_ACTION_SUBMIT:
      return entry_complete (self);
    case TDN_CHECKIN_ACTION_FINISH:
      return s == TDN_CHECKIN_STATE_DONE || s == TDN_CHECKIN_STATE_PRINT_FAILED
          || s == TDN_CHECKIN_STATE_PAPER_OUT || s == TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE;
    default:
      return FALSE;
    }
}

static void
go_back (TdnCheckin *self)
{
  switch (self->state)
    {
    case TDN_CHECKIN_STATE_MANUAL_ENTRY:
    case TDN_CHECKIN_STATE_BHYT_ENTRY:
      /* Typed digits are personal too. */
      for (guint i = 0; i < TDN_CHECKIN_N_FIELDS; i++)
        {
          g_clear_pointer (&self->session->fields[i], tdn_wipe_string);
          self->session->field_errors[i] = NULL;
        }
      tdn_checkin_set_state (self, tdn_checkin_any_reader_connected (self) ? TDN_CHECKIN_STATE_WELCOME
                                                               : TDN_CHECKIN_STATE_READER_MISSING);
      break;
    case TDN_CHECKIN_STATE_CLINIC:
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
      break;
    case TDN_CHECKIN_STATE_PRIORITY:
      tdn_checkin_go_clinics (self);
      break;
    case TDN_CHECKIN_STATE_CONFIRM:
      if (self->session->priority_derived)
        {
          tdn_checkin_go_clinics (self);
        }
      else
        tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PRIORITY);
      break;
    default:
      break;
    }
}

static void
enter_entry (TdnCheckin      *self,
             TdnCheckinState  state)
{
  tdn_checkin_set_state (self, state);
}

gboolean
tdn_checkin_tap (TdnCheckin       *self,
                 TdnCheckinAction  action)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);

  if (!tdn_checkin_can_tap (self, action))
    return FALSE;
  if (action != TDN_CHECKIN_ACTION_MORE_TIME)
    tdn_checkin_touch (self);
  switch (action)
    {
    case TDN_CHECKIN_ACTION_MORE_TIME:
      tdn_checkin_restart_idle (self);
      tdn_checkin_schedule (self);
      tdn_checkin_emit_changed (self);
      break;
    case TDN_CHECKIN_ACTION_CALL_STAFF:
      tdn_checkin_raise_help (self, NULL);
      break;
    case TDN_CHECKIN_ACTION_YES:
      if (self->state == TDN_CHECKIN_STATE_CONFIRM_IDENTITY)
        {
          tdn_checkin_go_clinics (self);
        }
      else
        tdn_checkin_commit (self);
      break;
    case TDN_CHECKIN_ACTION_NO:
    case TDN_CHECKIN_ACTION_CANCEL:
    case TDN_CHECKIN_ACTION_FINISH:
      tdn_checkin_reset (self);
      break;
    case TDN_CHECKIN_ACTION_BACK:
      go_back (self);
      break;
    case TDN_CHECKIN_ACTION_MANUAL_ENTRY:
      enter_entry (self, TDN_CHECKIN_STATE_MANUAL_ENTRY);
      break;
    case TDN_CHECKIN_ACTION_BHYT_ENTRY:
      enter_entry (self, TDN_CHECKIN_STATE_BHYT_ENTRY);
      break;
    case TDN_CHECKIN_ACTION_SELF_PAY:
      self->session->bhyt = TDN_CHECKIN_BHYT_SELF_PAY;
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CONFIRM);
      break;
    case TDN_CHECKIN_ACTION_GO_TO_DESK:
      self->session->go_to_desk = TRUE;
      tdn_checkin_commit (self);
      break;
    case TDN_CHECKIN_ACTION_CONTINUE:
      self->session->gateway_continue = TRUE;
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CONFIRM);
      break;
    case TDN_CHECKIN_ACTION_RETRY:
      if (self->state == TDN_CHECKIN_STATE_SPOOL_ERROR && self->session->clinic_code == NULL)
        tdn_checkin_go_clinics (self);
      else if (self->state == TDN_CHECKIN_STATE_SPOOL_ERROR)
        tdn_checkin_commit (self);
      else
        tdn_checkin_set_state (self, tdn_checkin_any_reader_connected (self) ? TDN_CHECKIN_STATE_WELCOME
                                                                 : TDN_CHECKIN_STATE_READER_MISSING);
      break;
    case TDN_CHECKIN_ACTION_SUBMIT:
      tdn_checkin_submit_entry (self);
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
tdn_checkin_select_clinic (TdnCheckin *self,
                           const char *clinic_code)
{
  const TdnClinicStatus *chosen = NULL;
  TdnPartialDate today;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  g_return_val_if_fail (clinic_code != NULL, FALSE);

  if (self->state != TDN_CHECKIN_STATE_CLINIC)
    return FALSE;
  for (guint i = 0; i < self->clinics->len; i++)
    {
      const TdnClinicStatus *c = self->clinics->pdata[i];

      if (g_str_equal (c->clinic->code, clinic_code))
        chosen = c;
    }
  if (chosen == NULL || !chosen->open || chosen->full)
    return FALSE;
  tdn_checkin_touch (self);
  g_clear_pointer (&self->session->clinic_code, g_free);
  self->session->clinic_code = g_strdup (clinic_code);

  tdn_partial_date_today (&today);
  self->session->priority = self->session->identity != NULL
    ? tdn_priority_from_age (&self->session->identity->date_of_birth, &today)
    : TDN_PRIORITY_NONE;
  self->session->priority_derived = self->session->priority != TDN_PRIORITY_NONE;
  if (self->session->priority_derived)
    tdn_checkin_go_confirm (self);
  else
    tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PRIORITY);
  return TRUE;
}

gboolean
tdn_checkin_priority_applies (TdnCheckin  *self,
                              TdnPriority  priority)
{
  const TdnIdentity *id;
  gboolean listed = FALSE;

  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (priority_choices); i++)
    listed |= priority_choices[i] == priority;
  if (!listed)
    return FALSE;
  id = self->session->identity;
  if (priority == TDN_PRIORITY_PREGNANT && id != NULL)
    return id->sex != TDN_SEX_MALE && (tdn_identity_age (id) < 0 || tdn_identity_age (id) >= 10);
  return TRUE;
}

gboolean
tdn_checkin_select_priority (TdnCheckin  *self,
                             TdnPriority  priority)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);

  if (self->state != TDN_CHECKIN_STATE_PRIORITY || !tdn_checkin_priority_applies (self, priority))
    return FALSE;
  tdn_checkin_touch (self);
  self->session->priority = priority;
  self->session->priority_answered = TRUE;
  tdn_checkin_go_confirm (self);
  return TRUE;
}

gboolean
tdn_checkin_set_field (TdnCheckin      *self,
                       TdnCheckinField  field,
                       const char      *text)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  g_return_val_if_fail ((guint) field < TDN_CHECKIN_N_FIELDS, FALSE);

  if (self->state != TDN_CHECKIN_STATE_MANUAL_ENTRY && self->state != TDN_CHECKIN_STATE_BHYT_ENTRY)
    return FALSE;
  if (text != NULL && (strlen (text) > 256 || !g_utf8_validate (text, -1, NULL)))
    return FALSE;
  tdn_checkin_touch (self);
  g_clear_pointer (&self->session->fields[field], tdn_wipe_string);
  self->session->fields[field] = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  self->session->field_errors[field] = NULL;
  tdn_checkin_emit_changed (self);
  return TRUE;
}

void
tdn_checkin_set_language (TdnCheckin *self,
                          const char *lang)
{
  g_return_if_fail (TDN_IS_CHECKIN (self));
  g_return_if_fail (lang != NULL);

  if (!g_str_equal (lang, "vi") && !g_str_equal (lang, "en"))
    return;
  tdn_checkin_touch (self);
  if (g_str_equal (self->language, lang))
    return;
  g_strlcpy (self->language, lang, sizeof self->language);
  g_object_notify (G_OBJECT (self), "language");
  tdn_checkin_emit_changed (self);
}

void
tdn_checkin_touch (TdnCheckin *self)
{
  g_return_if_fail (TDN_IS_CHECKIN (self));
  if (self->idle_warning)
    return;  /* only "I need more time" takes the warning away */
  tdn_checkin_restart_idle (self);
  tdn_checkin_schedule (self);
}
