/* tdn-checkin-commit.c — the visit is saved, then its ticket printed once
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commit first (one spool transaction with the queue number), print
 * after. A print that surely did not happen (no paper, printer offline:
 * nothing was sent) is tried again when the printer is back, while the
 * patient waits; a print that may have happened is never repeated: the
 * desk gets a "reprint" request.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-checkin-private.h"

static const char *
payment_of (const TdnCheckinSession *s)
{
  if (s->bhyt == TDN_CHECKIN_BHYT_SELF_PAY)
    return "self_pay";
  if (s->bhyt == TDN_CHECKIN_BHYT_ELIGIBLE)
    return "bhyt";
  return "pending";
}

static TdnVisit *
visit_from_session (TdnCheckin *self)
{
  TdnCheckinSession *s = self->session;
  const TdnIdentity *id = s->identity;
  TdnVisit *v = tdn_visit_new ();

  v->kiosk_id = g_strdup (tdn_config_get_string (self->config, "kiosk", "id"));
  v->id_number = g_strdup (id->id_number);
  v->full_name = g_strdup (id->full_name);
  v->date_of_birth = id->date_of_birth.year != 0 ? tdn_partial_date_to_iso (&id->date_of_birth) : NULL;
  v->sex = id->sex != TDN_SEX_UNKNOWN ? g_strdup (tdn_sex_to_string (id->sex)) : NULL;
  v->address = g_strdup (id->place_of_residence);
  if (s->eligibility != NULL && s->eligibility->card_number != NULL)
    v->bhyt_card = g_strdup (s->eligibility->card_number);
  else if (id->bhyt_card != NULL)
    v->bhyt_card = g_strdup (id->bhyt_card->card_number);
  v->assurance = g_strdup (tdn_assurance_to_string (s->assurance));
  v->language = g_strdup (self->language);
  v->clinic = g_strdup (s->clinic_code);
  v->priority = g_strdup (tdn_priority_to_string (s->priority));
  if (s->eligibility != NULL)
    {
      v->eligibility_status = g_strdup (tdn_eligibility_status_to_string (s->eligibility->status));
      v->eligibility_code = g_strdup (s->eligibility->code);
      v->eligibility_raw = g_strdup (s->eligibility->raw_json);
    }
  else
    v->eligibility_status = g_strdup ("pending");
  v->payment = g_strdup (payment_of (s));
  return v;
}

static TdnTicketBhyt
ticket_bhyt (const TdnCheckinSession *s)
{
  if (s->go_to_desk)
    return TDN_TICKET_BHYT_DESK;
  switch (s->bhyt)
    {
    case TDN_CHECKIN_BHYT_ELIGIBLE: return TDN_TICKET_BHYT_ELIGIBLE;
    case TDN_CHECKIN_BHYT_SELF_PAY: return TDN_TICKET_BHYT_SELF_PAY;
    case TDN_CHECKIN_BHYT_NOT_ELIGIBLE:
    case TDN_CHECKIN_BHYT_MISMATCH: return TDN_TICKET_BHYT_DESK;
    default: return TDN_TICKET_BHYT_PENDING;   /* "BHYT being checked" */
    }
}

static TdnTicket *
ticket_from_session (TdnCheckin *self)
{
  TdnCheckinSession *s = self->session;
  const TdnClinicStatus *c = tdn_checkin_get_selected_clinic (self);
  gboolean en = g_str_equal (self->language, "en");
  g_autoptr(GDateTime) now = tdn_clock_now ();
  g_autofree char *name = tdn_ticket_patient_name (s->identity->full_name,
                                                   tdn_config_get_string (self->config, "ticket", "patient_name"));
  TdnTicket t = { 0 };
  TdnTicket *copy;

  t.hospital_name = tdn_config_get_string (self->config, "kiosk", en ? "hospital_name_en" : "hospital_name");
  if (c != NULL)
    {
      t.clinic_name = tdn_checkin_clinic_name (self, c);
      t.room = c->clinic->room;
      t.location = en && c->clinic->location_en != NULL && *c->clinic->location_en != '\0'
        ? c->clinic->location_en : c->clinic->location;
    }
  else
    t.clinic_name = s->clinic_code;
  t.number = s->visit->queue_number;
  t.priority = s->priority != TDN_PRIORITY_NONE
    ? tdn_i18n_translate (self->language, tdn_priority_describe (s->priority)) : NULL;
  t.patient_name = name;
  t.bhyt = ticket_bhyt (s);
  t.time = now;
  t.visit_ref = s->visit->visit_id;
  t.language = self->language;
  t.footer = tdn_config_get_string (self->config, "ticket", en ? "footer_en" : "footer_vi");
  t.font = tdn_config_get_string (self->config, "ticket", "font");
  copy = tdn_ticket_copy (&t);
  tdn_secure_clear_string (name);
  return copy;
}

static void print_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

void
tdn_checkin_print (TdnCheckin *self)
{
  if (self->busy || self->session->visit == NULL || self->session->printed
      || self->session->print_attempted)
    return;
  if (self->session->ticket == NULL)
    self->session->ticket = ticket_from_session (self);
  self->busy = TRUE;
  tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PRINTING);
  tdn_ticket_printer_print_async (self->printer, self->session->ticket, NULL, print_done_cb,
                                  tdn_call_data_new (self, NULL));
}

static void
print_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CallData *d = user_data;
  TdnCheckin *self = d->self;
  g_autoptr(GError) error = NULL;
  TdnPrinterStatus after = { 0 };
  gboolean ok = tdn_ticket_printer_print_finish (TDN_TICKET_PRINTER (source), result, &after, &error);

  self->busy = FALSE;
  if (!tdn_call_current (d))
    {
      tdn_call_data_free (d);
      return;
    }
  if (ok)
    {
      self->session->printed = TRUE;
      if (after.paper_near_end)
        g_message ("printer paper is running out");
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_DONE);
    }
  else if (g_error_matches (error, TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_PAPER_OUT))
    {
      g_message ("ticket not printed: %s", error->message);
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PAPER_OUT);
    }
  else if (g_error_matches (error, TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_UNAVAILABLE))
    {
      g_message ("ticket not printed: %s", error->message);
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE);
    }
  else
    {
      /* The ticket may be out: never again from here, the desk reprints. */
      g_message ("ticket may not have printed: %s", error->message);
      self->session->print_attempted = TRUE;
      self->help_reprint_sent = TRUE;
      tdn_checkin_raise_auto (self, "reprint");
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PRINT_FAILED);
    }
  tdn_call_data_free (d);
}

static void
status_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CallData *d = user_data;
  TdnCheckin *self = d->self;
  g_autoptr(GError) error = NULL;
  TdnPrinterStatus st = { 0 };
  gboolean ok = tdn_ticket_printer_status_finish (TDN_TICKET_PRINTER (source), result, &st, &error);

  self->busy = FALSE;
  if (tdn_call_current (d)
      && (self->state == TDN_CHECKIN_STATE_PAPER_OUT || self->state == TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE))
    {
      if (ok && st.known && st.online && !st.paper_out && !st.cover_open && !st.error)
        {
          g_info ("printer is back: printing the ticket");
          tdn_checkin_print (self);
        }
      else if (ok && st.known && st.paper_out && self->state != TDN_CHECKIN_STATE_PAPER_OUT)
        tdn_checkin_set_state (self, TDN_CHECKIN_STATE_PAPER_OUT);
    }
  tdn_call_data_free (d);
}

void
tdn_checkin_check_printer (TdnCheckin *self)
{
  if (self->busy)
    return;
  self->busy = TRUE;
  tdn_ticket_printer_status_async (self->printer, NULL, status_done_cb, tdn_call_data_new (self, NULL));
}

static void
commit_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CallData *d = user_data;
  TdnCheckin *self = d->self;
  g_autoptr(GError) error = NULL;
  TdnVisit *visit = tdn_visit_store_commit_finish (TDN_VISIT_STORE (source), result, &error);
  TdnCheckinSession *s = self->session;

  self->busy = FALSE;
  if (!tdn_call_current (d))
    {
      /* Cannot happen (no reset while committing), but never lose a
       * committed visit silently: the desk prints its ticket. */
      if (visit != NULL)
        g_message ("visit committed after the patient left: the desk reprints");
      tdn_wipe_visit (visit);
      tdn_call_data_free (d);
      return;
    }
  if (visit == NULL)
    {
      g_message ("visit not committed: %s", error->message);
      if (g_error_matches (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_FULL)
          || g_error_matches (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_CLOSED)
          || g_error_matches (error, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_UNKNOWN_CLINIC))
        {
          g_clear_pointer (&s->clinic_code, tdn_wipe_string);
          tdn_checkin_refresh_clinics (self);
          tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CLINIC);
          self->notice = N_("That clinic cannot take more patients now. Please choose another clinic.");
          tdn_checkin_emit_changed (self);
        }
      else
        tdn_checkin_set_state (self, TDN_CHECKIN_STATE_SPOOL_ERROR);
      tdn_call_data_free (d);
      return;
    }
  s->visit = visit;
  g_info ("visit committed, number %s", visit->queue_number);
  /* An answer still on its way updates the visit when it comes; an
   * "unavailable" one is asked again later. */
  if (self->lookup != NULL)
    tdn_checkin_lookup_attach_visit (self, self->lookup);
  else if (s->bhyt == TDN_CHECKIN_BHYT_UNAVAILABLE && self->eligibility != NULL && s->identity != NULL
           && s->identity->full_name != NULL)
    {
      TdnLookup *l = g_new0 (TdnLookup, 1);
      const TdnIdentity *id = s->identity;

      l->serial = self->serial;
      l->id = g_strdup (id->bhyt_card && id->bhyt_card->card_number ? id->bhyt_card->card_number
                                                                     : id->id_number);
      l->name = g_strdup (id->full_name);
      l->dob = tdn_partial_date_to_slashed (&id->date_of_birth);
      l->tries = 1;
      l->retry_at = tdn_clock_get_monotonic () + (gint64) TDN_CHECKIN_LATE_RETRY_S * G_USEC_PER_SEC;
      tdn_checkin_lookup_attach_visit (self, l);
      if (l->id != NULL)
        g_ptr_array_add (self->late, l);
      else
        tdn_lookup_free (l);
    }
  if (s->go_to_desk)
    tdn_checkin_raise_auto (self, tdn_checkin_help_reason_for (s->eligibility));
  else if (s->eligibility != NULL && s->eligibility->status == TDN_ELIGIBILITY_ELIGIBLE_WARNING
           && s->bhyt == TDN_CHECKIN_BHYT_ELIGIBLE)
    tdn_checkin_raise_auto (self, "eligibility_warning");   /* valid, but the desk looks at the card */
  if (s->assurance == TDN_ASSURANCE_MANUAL)
    tdn_checkin_raise_auto (self, "manual_entry");
  if (tdn_priority_needs_check (s->priority))
    tdn_checkin_raise_auto (self, "priority_declared");
  tdn_checkin_print (self);
  tdn_call_data_free (d);
}

void
tdn_checkin_commit (TdnCheckin *self)
{
  g_autoptr(TdnVisit) visit = NULL;

  if (self->busy || self->session->identity == NULL || self->session->clinic_code == NULL)
    return;
  if (self->session->visit != NULL)
    {
      tdn_checkin_print (self);   /* committed already: never twice */
      return;
    }
  visit = visit_from_session (self);
  self->busy = TRUE;
  tdn_checkin_set_state (self, TDN_CHECKIN_STATE_COMMITTING);
  tdn_visit_store_commit_async (self->store, visit, NULL, commit_done_cb, tdn_call_data_new (self, NULL));
}
