/* tdn-desk-registration.c — a patient registered at the desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-deskclient"

#include "config.h"

#include "tdn-desk-registration.h"
#include "tdn-priority.h"
#include "tdn-queue.h"

G_DEFINE_QUARK (tdn-desk-registration-error-quark, tdn_desk_registration_error)

void
tdn_desk_registration_form_clear (TdnDeskRegistrationForm *form)
{
  char **fields[] = { &form->id_number, &form->full_name, &form->date_of_birth, &form->sex, &form->address,
                      &form->bhyt_card, &form->clinic, &form->priority, &form->payment, &form->assurance,
                      &form->language, &form->eligibility_status, &form->eligibility_code };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (*fields[i] != NULL)
        explicit_bzero (*fields[i], strlen (*fields[i]));
      g_clear_pointer (fields[i], g_free);
    }
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
tdn_desk_registration_form_from_identity (TdnDeskRegistrationForm *form,
                                          const TdnIdentity       *identity,
                                          const char              *assurance)
{
  g_return_if_fail (form != NULL && identity != NULL);

  if (identity->id_number != NULL)
    replace (&form->id_number, identity->id_number);
  if (identity->full_name != NULL)
    replace (&form->full_name, identity->full_name);
  if (identity->date_of_birth.year > 0)
    {
      g_autofree char *dob = tdn_partial_date_to_slashed (&identity->date_of_birth);
      replace (&form->date_of_birth, dob);
    }
  if (identity->sex != TDN_SEX_UNKNOWN)
    replace (&form->sex, tdn_sex_to_string (identity->sex));
  if (identity->place_of_residence != NULL)
    replace (&form->address, identity->place_of_residence);
  if (identity->bhyt_card != NULL && identity->bhyt_card->card_number != NULL)
    replace (&form->bhyt_card, identity->bhyt_card->card_number);
  replace (&form->assurance, assurance);
}

static char *
trimmed (const char *s)
{
  return s != NULL ? g_strstrip (g_strdup (s)) : NULL;
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static TdnVisit *
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, TDN_DESK_REGISTRATION_ERROR, TDN_DESK_REGISTRATION_ERROR_INVALID, message);
  return NULL;
}

TdnVisit *
tdn_desk_registration_build (const TdnDeskRegistrationForm *form,
                             const char                    *desk_id,
                             GError                       **error)
{
  g_autoptr(TdnVisit) v = tdn_visit_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL, *name = NULL, *dob_text = NULL, *card = NULL;
  g_autofree char *disagree = NULL;
  TdnPartialDate dob = { 0 };
  TdnPriority priority = TDN_PRIORITY_NONE;

  g_return_val_if_fail (form != NULL && desk_id != NULL, NULL);

  id = trimmed (form->id_number);
  name = trimmed (form->full_name);
  dob_text = trimmed (form->date_of_birth);
  card = form->bhyt_card != NULL ? g_ascii_strup (form->bhyt_card, -1) : NULL;
  if (card != NULL)
    g_strstrip (card);
  if (!tdn_id_number_check (id, &local_error))
    {
      g_set_error (error, TDN_DESK_REGISTRATION_ERROR, TDN_DESK_REGISTRATION_ERROR_INVALID,
                   _("ID number: %s"), local_error->message);
      return NULL;
    }
  if (empty (name) || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 100)
    return invalid (error, _("Type the patient's full name as on the ID card."));
  if (!tdn_partial_date_parse_slashed (dob_text, &dob, &local_error))
    {
      g_set_error (error, TDN_DESK_REGISTRATION_ERROR, TDN_DESK_REGISTRATION_ERROR_INVALID,
                   _("Date of birth: %s"), local_error->message);
      return NULL;
    }
  disagree = tdn_id_number_disagreement (id, &dob, tdn_sex_parse (form->sex));
  if (disagree != NULL)
    return invalid (error, disagree);
  if (!empty (card) && !(strlen (card) == 15 || strlen (card) == 10))
    return invalid (error, _("The BHYT card number has 15 characters (or 10 digits on VNeID)."));
  if (empty (form->clinic))
    return invalid (error, _("Choose a clinic."));
  if (form->priority != NULL && !tdn_priority_from_string (form->priority, &priority))
    return invalid (error, _("Unknown priority."));
  if (g_strcmp0 (form->payment, "bhyt") == 0 && empty (card))
    return invalid (error, _("Type the BHYT card number, or choose self-pay."));

  v->kiosk_id = g_strdup (desk_id);
  v->id_number = g_steal_pointer (&id);
  v->full_name = g_steal_pointer (&name);
  v->date_of_birth = tdn_partial_date_to_iso (&dob);
  v->sex = tdn_sex_parse (form->sex) == TDN_SEX_UNKNOWN ? NULL : g_strdup (tdn_sex_to_string (tdn_sex_parse (form->sex)));
  v->address = empty (form->address) ? NULL : trimmed (form->address);
  v->bhyt_card = empty (card) ? NULL : g_steal_pointer (&card);
  v->clinic = g_strdup (form->clinic);
  v->priority = g_strdup (tdn_priority_to_string (priority));
  v->payment = g_strdup (empty (form->payment) ? "pending" : form->payment);
  v->assurance = g_strdup (empty (form->assurance) ? "manual" : form->assurance);
  v->language = g_strdup (empty (form->language) ? "vi" : form->language);
  v->eligibility_status = g_strdup (empty (form->eligibility_status) ? "not_checked" : form->eligibility_status);
  v->eligibility_code = g_strdup (form->eligibility_code);
  return g_steal_pointer (&v);
}

gboolean
tdn_desk_registration_commit (TdnSpool   *spool,
                              TdnConfig  *config,
                              TdnVisit   *visit,
                              const char *nurse,
                              GError    **error)
{
  g_autoptr(GPtrArray) clinics = NULL;
  TdnSpoolQueueTake a = { NULL, NULL };

  g_return_val_if_fail (TDN_IS_SPOOL (spool) && config != NULL && visit != NULL && nurse != NULL, FALSE);

  clinics = tdn_clinics_from_config (config);
  for (guint i = 0; i < clinics->len; i++)
    if (g_strcmp0 (((TdnClinic *) clinics->pdata[i])->code, visit->clinic) == 0)
      a.clinic = clinics->pdata[i];
  if (a.clinic == NULL)
    {
      g_set_error (error, TDN_DESK_REGISTRATION_ERROR, TDN_DESK_REGISTRATION_ERROR_CLINIC,
                   _("The clinic %s is not configured at this desk ([clinic %s])"), visit->clinic, visit->clinic);
      return FALSE;
    }
  a.format = tdn_config_get_string (config, "queue", "number_format");
  if (!tdn_spool_commit_visit_as (spool, visit, tdn_spool_take_queue_number, &a, nurse, error))
    return FALSE;
  g_message ("visit %s registered at the desk by %s (queue %s)", visit->visit_id, nurse, visit->queue_number);
  return TRUE;
}
