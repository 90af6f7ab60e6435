/* tdn-checkin-flow.c — the check-in talking to its services
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eligibility in the background from the first identity (a late answer
 * becomes a new revision of the committed visit), the commit before the
 * print, the print that never happens twice, and help requests.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-checkin-private.h"
#include "tdn-id-number.h"

CallData *
tdn_call_data_new (TdnCheckin *self,
               TdnLookup  *lookup)
{
  CallData *d = g_new0 (CallData, 1);

  d->self = g_object_ref (self);
  d->serial = self->serial;
  d->lookup = lookup;
  return d;
}

void
tdn_call_data_free (CallData *d)
{
  g_object_unref (d->self);
  g_free (d);
}

/* The call's patient is still the one in front of the kiosk. */
gboolean
tdn_call_current (CallData *d)
{
  return !d->self->in_dispose && d->serial == d->self->serial;
}

void
tdn_lookup_free (TdnLookup *l)
{
  if (l == NULL)
    return;
  tdn_wipe_string (l->id);
  tdn_wipe_string (l->name);
  tdn_wipe_string (l->dob);
  tdn_wipe_string (l->visit_id);
  tdn_wipe_string (l->queue_number);
  g_free (l->language);
  tdn_wipe_string (l->masked_name);
  tdn_wipe_string (l->masked_id);
  g_free (l);
}

TdnCheckinBhyt
tdn_checkin_bhyt_of_status (TdnEligibilityStatus status)
{
  switch (status)
    {
    case TDN_ELIGIBILITY_ELIGIBLE:
    case TDN_ELIGIBILITY_ELIGIBLE_WARNING:
      return TDN_CHECKIN_BHYT_ELIGIBLE;
    case TDN_ELIGIBILITY_NOT_ELIGIBLE:
      return TDN_CHECKIN_BHYT_NOT_ELIGIBLE;
    case TDN_ELIGIBILITY_INPUT_MISMATCH:
      return TDN_CHECKIN_BHYT_MISMATCH;
    default:
      return TDN_CHECKIN_BHYT_UNAVAILABLE;
    }
}

/* The help reason for a BHYT answer the desk must see. */
const char *
tdn_checkin_help_reason_for (const TdnEligibility *e)
{
  if (e == NULL)
    return "eligibility_unavailable";
  switch (e->status)
    {
    case TDN_ELIGIBILITY_NOT_ELIGIBLE:
      return g_strcmp0 (e->code, "010") == 0 ? "expired_card" : "not_eligible";
    case TDN_ELIGIBILITY_INPUT_MISMATCH:
      return "input_mismatch";
    case TDN_ELIGIBILITY_ELIGIBLE_WARNING:
      return "eligibility_warning";
    case TDN_ELIGIBILITY_ELIGIBLE:
      return NULL;
    default:
      return "eligibility_unavailable";
    }
}

/* ---- help requests ----------------------------------------------------- */

typedef struct {
  gsize  len;
  guint8 data[];
} WipedBytes;

static void
wiped_bytes_free (gpointer p)
{
  WipedBytes *w = p;

  explicit_bzero (w->data, w->len);
  g_free (w);
}

/* A GBytes whose copy of `data` is overwritten when it is freed. */
GBytes *
tdn_wiped_bytes_new (const guint8 *data,
                     gsize         len)
{
  WipedBytes *w = g_malloc (sizeof *w + len);

  w->len = len;
  memcpy (w->data, data, len);
  return g_bytes_new_with_free_func (w->data, len, wiped_bytes_free, w);
}

static TdnHelpRequest *
help_request_new (TdnCheckin *self,
                  const char *reason)
{
  TdnHelpRequest *r = tdn_help_request_new ();
  TdnCheckinSession *s = self->session;

  r->kiosk_id = g_strdup (tdn_config_get_string (self->config, "kiosk", "id"));
  r->reason = g_strdup (reason);
  r->language = g_strdup (self->language);
  r->age_years = -1;
  if (s->identity != NULL)
    {
      r->masked_name = s->identity->full_name ? tdn_mask_name (s->identity->full_name) : NULL;
      r->masked_id = g_strdup (s->masked_id);
      r->age_years = tdn_identity_age (s->identity);
      r->assurance = g_strdup (tdn_assurance_to_string (s->assurance));
    }
  /* The nurse compares the face with the patient (policy desk or patient). */
  if (s->photo != NULL && !g_str_equal (tdn_config_get_string (self->config, "ui", "photo_policy"), "never"))
    r->photo = tdn_wiped_bytes_new (s->photo, s->photo_len);
  if (s->visit != NULL)
    {
      r->visit_ref = g_strdup (s->visit->visit_id);
      r->ticket_number = g_strdup (s->visit->queue_number);
    }
  if (s->eligibility != NULL)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      tdn_json_add_string (b, "status", tdn_eligibility_status_to_string (s->eligibility->status));
      tdn_json_add_string (b, "code", s->eligibility->code);
      tdn_json_add_string (b, "message_vi", s->eligibility->message_vi);
      tdn_json_add_string (b, "message_en", s->eligibility->message_en);
      json_builder_end_object (b);
      r->eligibility = json_builder_get_root (b);
    }
  return r;
}

static void
help_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CallData *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tdn_help_desk_raise_finish (TDN_HELP_DESK (source), result, &error);

  if (id == NULL)
    g_message ("help request not delivered: %s", error->message);
  if (d->patient && tdn_call_current (d))
    {
      d->self->help_state = id != NULL ? TDN_CHECKIN_HELP_SENT : TDN_CHECKIN_HELP_FAILED;
      tdn_checkin_emit_changed (d->self);
    }
  tdn_call_data_free (d);
}

/* `patient`: the patient pressed "call staff" (the screen shows the
 * result); else the kiosk raises it on its own. */
static void
send_help_as (TdnCheckin     *self,
           TdnHelpRequest *request,
           gboolean        patient)
{
  CallData *d;

  if (self->help == NULL)
    {
      g_message ("no help desk configured: “%s” not sent", request->reason);
      if (patient)
        {
          self->help_state = TDN_CHECKIN_HELP_FAILED;
          tdn_checkin_emit_changed (self);
        }
      tdn_help_request_free (request);
      return;
    }
  d = tdn_call_data_new (self, NULL);
  d->patient = patient;
  if (patient)
    {
      self->help_state = TDN_CHECKIN_HELP_SENDING;
      tdn_checkin_emit_changed (self);
    }
  tdn_help_desk_raise_async (self->help, request, NULL, help_done_cb, d);
  tdn_help_request_free (request);
}

/* A request the kiosk raises on its own, built by the caller. */
void
tdn_checkin_send_help (TdnCheckin     *self,
                       TdnHelpRequest *request)
{
  send_help_as (self, request, FALSE);
}

static const char *
reason_for_state (TdnCheckin *self)
{
  switch (self->state)
    {
    case TDN_CHECKIN_STATE_READER_MISSING: return "reader_missing";
    case TDN_CHECKIN_STATE_CARD_UNREADABLE: return "card_unreadable";
    case TDN_CHECKIN_STATE_GATEWAY_DOWN: return "eligibility_unavailable";
    case TDN_CHECKIN_STATE_PAPER_OUT:
    case TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE: return "printer_error";
    case TDN_CHECKIN_STATE_PRINT_FAILED: return "reprint";
    case TDN_CHECKIN_STATE_SPOOL_ERROR: return "spool_error";
    case TDN_CHECKIN_STATE_MANUAL_ENTRY:
    case TDN_CHECKIN_STATE_BHYT_ENTRY: return "manual_entry";
    case TDN_CHECKIN_STATE_NOT_ELIGIBLE:
      return tdn_checkin_help_reason_for (self->session->eligibility);
    default:
      return "patient_request";
    }
}

void
tdn_checkin_raise_help (TdnCheckin *self,
                        const char *reason)
{
  /* One request per patient and screen is enough; a new trouble on
   * another screen is a new request. */
  if ((self->help_state == TDN_CHECKIN_HELP_SENDING || self->help_state == TDN_CHECKIN_HELP_SENT)
      && self->help_raised_in == self->state)
    return;
  self->help_raised_in = self->state;
  send_help_as (self, help_request_new (self, reason != NULL ? reason : reason_for_state (self)), TRUE);
}

void
tdn_checkin_raise_auto (TdnCheckin *self,
            const char *reason)
{
  send_help_as (self, help_request_new (self, reason), FALSE);
}

/* A committed visit whose ticket never came out: the desk prints it. */
void
tdn_checkin_end_session_help (TdnCheckin *self)
{
  if (self->session->visit != NULL && !self->session->printed && !self->help_reprint_sent)
    {
      self->help_reprint_sent = TRUE;
      tdn_checkin_raise_auto (self, "reprint");
    }
}

/* ---- eligibility ------------------------------------------------------- */

static void lookup_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
lookup_send (TdnCheckin *self,
             TdnLookup  *lookup)
{
  lookup->in_flight = TRUE;
  lookup->tries++;
  tdn_eligibility_service_check_async (self->eligibility, lookup->id, lookup->name, lookup->dob,
                                       self->cancellable, lookup_done_cb,
                                       tdn_call_data_new (self, lookup));
}

void
tdn_checkin_start_lookup (TdnCheckin *self)
{
  const TdnIdentity *id = self->session->identity;
  const char *number;
  TdnLookup *l;

  if (self->eligibility == NULL || id == NULL)
    return;
  if (self->lookup != NULL && self->lookup->in_flight)
    return;
  number = id->bhyt_card != NULL && id->bhyt_card->card_number != NULL
    ? id->bhyt_card->card_number : id->id_number;
  if (number == NULL || id->full_name == NULL || id->date_of_birth.year == 0)
    {
      /* A typed ID without a name cannot be looked up: the desk checks. */
      self->session->bhyt = TDN_CHECKIN_BHYT_NONE;
      return;
    }
  l = g_new0 (TdnLookup, 1);
  l->serial = self->serial;
  l->id = g_strdup (number);
  l->name = g_strdup (id->full_name);
  l->dob = tdn_partial_date_to_slashed (&id->date_of_birth);
  l->age = -1;
  self->lookup = l;
  if (self->session->bhyt != TDN_CHECKIN_BHYT_SELF_PAY)
    self->session->bhyt = TDN_CHECKIN_BHYT_CHECKING;
  lookup_send (self, l);
}

/* Copies what the desk needs about a committed visit into `l`. */
void
tdn_checkin_lookup_attach_visit (TdnCheckin *self,
                     TdnLookup  *l)
{
  TdnCheckinSession *s = self->session;

  g_clear_pointer (&l->visit_id, tdn_wipe_string);
  g_clear_pointer (&l->queue_number, tdn_wipe_string);
  g_clear_pointer (&l->masked_name, tdn_wipe_string);
  g_clear_pointer (&l->masked_id, tdn_wipe_string);
  g_clear_pointer (&l->language, g_free);
  l->visit_id = g_strdup (s->visit->visit_id);
  l->queue_number = g_strdup (s->visit->queue_number);
  l->language = g_strdup (self->language);
  l->masked_name = s->identity && s->identity->full_name ? tdn_mask_name (s->identity->full_name) : NULL;
  l->masked_id = g_strdup (s->masked_id);
  l->age = s->identity ? tdn_identity_age (s->identity) : -1;
  l->assurance = s->assurance;
}

static void
update_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tdn_visit_store_update_finish (TDN_VISIT_STORE (source), result, &error))
    g_message ("late BHYT answer not saved: %s", error->message);
}

/* A BHYT answer for a visit already committed: a new revision, and the
 * desk is told when the patient must see it. */
static void
late_update (TdnCheckin           *self,
             TdnLookup            *l,
             const TdnEligibility *e)
{
  g_autoptr(TdnVisit) changes = tdn_visit_new ();
  const char *reason = tdn_checkin_help_reason_for (e);

  changes->eligibility_status = g_strdup (tdn_eligibility_status_to_string (e->status));
  changes->eligibility_code = g_strdup (e->code);
  changes->eligibility_raw = g_strdup (e->raw_json);
  changes->bhyt_card = g_strdup (e->card_number);
  changes->payment = g_strdup (tdn_checkin_bhyt_of_status (e->status) == TDN_CHECKIN_BHYT_ELIGIBLE ? "bhyt" : "pending");
  tdn_visit_store_update_async (self->store, l->visit_id, changes, "eligibility answer after commit",
                                NULL, update_done_cb, NULL);
  if (reason != NULL && e->status != TDN_ELIGIBILITY_UNAVAILABLE
      && e->status != TDN_ELIGIBILITY_CONFIG_ERROR)
    {
      TdnHelpRequest *r = tdn_help_request_new ();

      r->kiosk_id = g_strdup (tdn_config_get_string (self->config, "kiosk", "id"));
      r->reason = g_strdup (reason);
      r->language = g_strdup (l->language);
      r->visit_ref = g_strdup (l->visit_id);
      r->ticket_number = g_strdup (l->queue_number);
      r->masked_name = g_strdup (l->masked_name);
      r->masked_id = g_strdup (l->masked_id);
      r->age_years = l->age;
      r->assurance = g_strdup (tdn_assurance_to_string (l->assurance));
      send_help_as (self, r, FALSE);
    }
}

/* The answer, for the patient still in front of the kiosk. */
static void
apply_answer (TdnCheckin     *self,
              TdnEligibility *e)
{
  TdnCheckinSession *s = self->session;
  TdnCheckinBhyt b = tdn_checkin_bhyt_of_status (e->status);

  g_clear_pointer (&s->eligibility, tdn_wipe_eligibility);
  s->eligibility = e;
  if (s->bhyt != TDN_CHECKIN_BHYT_SELF_PAY)
    s->bhyt = b;
  switch (self->state)
    {
    case TDN_CHECKIN_STATE_CONFIRM:
    case TDN_CHECKIN_STATE_GATEWAY_DOWN:
      tdn_checkin_go_confirm (self);
      break;
    default:
      tdn_checkin_emit_changed (self);
      break;
    }
}

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CallData *d = user_data;
  TdnCheckin *self = d->self;
  TdnLookup *l = d->lookup;
  TdnEligibility *e = tdn_eligibility_service_check_finish (TDN_ELIGIBILITY_SERVICE (source), result);
  gboolean in_late = FALSE;
  gboolean final = e->status != TDN_ELIGIBILITY_UNAVAILABLE;

  l->in_flight = FALSE;
  for (guint i = 0; i < self->late->len; i++)
    in_late |= self->late->pdata[i] == l;
  g_info ("BHYT answer: %s (try %d)", tdn_eligibility_status_to_string (e->status), l->tries);

  if (self->in_dispose)
    {
      tdn_wipe_eligibility (e);
      if (!in_late)
        tdn_lookup_free (l);
      tdn_call_data_free (d);
      return;
    }
  if (l->visit_id != NULL)
    {
      if (final)
        late_update (self, l, e);
      else if (l->tries < TDN_CHECKIN_LATE_TRIES)
        {
          l->retry_at = tdn_clock_get_monotonic () + (gint64) TDN_CHECKIN_LATE_RETRY_S * G_USEC_PER_SEC;
          if (!in_late)
            g_ptr_array_add (self->late, l);
          in_late = TRUE;
          tdn_checkin_schedule (self);
        }
      else
        late_update (self, l, e);   /* saves "unavailable": the desk checks */
    }
  if (tdn_call_current (d) && self->lookup == l)
    {
      self->lookup = NULL;
      apply_answer (self, e);   /* takes e */
      e = NULL;
    }
  if (e != NULL)
    tdn_wipe_eligibility (e);
  if (in_late && (final || l->tries >= TDN_CHECKIN_LATE_TRIES))
    g_ptr_array_remove (self->late, l);   /* frees it */
  else if (!in_late)
    tdn_lookup_free (l);
  tdn_call_data_free (d);
}

void
tdn_checkin_late_poll (TdnCheckin *self,
                       gint64      now)
{
  for (guint i = 0; i < self->late->len; i++)
    {
      TdnLookup *l = self->late->pdata[i];

      if (!l->in_flight && l->retry_at <= now && self->eligibility != NULL)
        lookup_send (self, l);
    }
}

void
tdn_checkin_take_identity (TdnCheckin        *self,
                           const TdnIdentity *identity,
                           TdnAssurance       assurance)
{
  TdnCheckinSession *s = self->session;
  const char *number;

  g_clear_pointer (&s->identity, tdn_identity_free);
  g_clear_pointer (&s->masked_id, tdn_wipe_string);
  g_clear_pointer (&s->dob_text, tdn_wipe_string);
  s->identity = tdn_identity_copy (identity);
  s->assurance = assurance;
  number = identity->id_number != NULL ? identity->id_number
         : identity->bhyt_card != NULL ? identity->bhyt_card->card_number : NULL;
  s->masked_id = number != NULL ? tdn_mask_id (number) : NULL;
  s->dob_text = identity->date_of_birth.year != 0
    ? tdn_partial_date_to_slashed (&identity->date_of_birth) : NULL;
  s->failed_kinds = 0;
  g_info ("identity %s (%s)", s->masked_id ? s->masked_id : "-", tdn_assurance_to_string (assurance));
  tdn_checkin_start_lookup (self);
  tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
}

gboolean
tdn_checkin_submit_entry (TdnCheckin *self)
{
  TdnCheckinSession *s = self->session;
  g_autoptr(TdnIdentity) id = tdn_identity_new (TDN_IDENTITY_SOURCE_MANUAL);
  char *name = s->fields[TDN_CHECKIN_FIELD_FULL_NAME];

  if (!tdn_checkin_parse_dob (s->fields[TDN_CHECKIN_FIELD_DATE_OF_BIRTH], &id->date_of_birth))
    return FALSE;
  if (name != NULL && *name != '\0')
    id->full_name = g_utf8_normalize (g_strstrip (name), -1, G_NORMALIZE_NFC);
  if (self->state == TDN_CHECKIN_STATE_MANUAL_ENTRY)
    {
      g_autofree char *disagree = NULL;

      id->id_number = g_strdup (s->fields[TDN_CHECKIN_FIELD_ID_NUMBER]);
      disagree = tdn_id_number_disagreement (id->id_number, &id->date_of_birth, TDN_SEX_UNKNOWN);
      if (disagree != NULL)
        {
          s->field_errors[TDN_CHECKIN_FIELD_DATE_OF_BIRTH] =
            N_("This date of birth does not match the ID number. Please check both.");
          tdn_checkin_emit_changed (self);
          return FALSE;
        }
    }
  else
    {
      id->bhyt_card = g_new0 (TdnBhytCard, 1);
      id->bhyt_card->card_number = tdn_checkin_normalise_bhyt (s->fields[TDN_CHECKIN_FIELD_BHYT_NUMBER]);
      if (id->bhyt_card->card_number == NULL)
        return FALSE;
    }
  for (guint i = 0; i < TDN_CHECKIN_N_FIELDS; i++)
    g_clear_pointer (&s->fields[i], tdn_wipe_string);
  tdn_checkin_take_identity (self, id, TDN_ASSURANCE_MANUAL);
  return TRUE;
}

/* ---- clinics ----------------------------------------------------------- */

void
tdn_checkin_refresh_clinics (TdnCheckin *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = tdn_visit_store_list_clinics (self->store, &error);

  if (list == NULL)
    {
      g_message ("waiting counts not refreshed: %s", error->message);
      return;
    }
  g_ptr_array_set_size (self->clinics, 0);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (self->clinics, g_ptr_array_steal_index (list, i--));
  tdn_checkin_emit_changed (self);
}

/* The clinic choice; without any clinic to show (the spool cannot be
 * read, none configured) the patient is told and the kiosk tries again. */
void
tdn_checkin_go_clinics (TdnCheckin *self)
{
  tdn_checkin_refresh_clinics (self);
  if (self->clinics->len > 0)
    {
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CLINIC);
      return;
    }
  tdn_checkin_set_state (self, TDN_CHECKIN_STATE_SPOOL_ERROR);
  self->notice = N_("The list of clinics cannot be shown right now. Please wait a moment or call a staff member.");
  tdn_checkin_emit_changed (self);
}

void
tdn_checkin_go_confirm (TdnCheckin *self)
{
  TdnCheckinSession *s = self->session;

  if ((s->bhyt == TDN_CHECKIN_BHYT_NOT_ELIGIBLE || s->bhyt == TDN_CHECKIN_BHYT_MISMATCH)
      && !s->go_to_desk)
    {
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_NOT_ELIGIBLE);
      /* Say why, in plain words, when we know. */
      if (s->bhyt == TDN_CHECKIN_BHYT_MISMATCH)
        self->notice = N_("The name or date of birth on your card is not the same as on your health insurance record. You can pay for this visit yourself, or get a ticket and go to the reception desk to have it corrected.");
      else if (s->eligibility != NULL && g_strcmp0 (s->eligibility->code, "010") == 0)
        self->notice = N_("Your health insurance card has expired. You can pay for this visit yourself, or get a ticket and go to the reception desk.");
      tdn_checkin_emit_changed (self);
    }
  else if (s->bhyt == TDN_CHECKIN_BHYT_UNAVAILABLE && !s->gateway_continue)
    {
      if (self->state != TDN_CHECKIN_STATE_GATEWAY_DOWN)
        tdn_checkin_set_state (self, TDN_CHECKIN_STATE_GATEWAY_DOWN);
      else
        tdn_checkin_emit_changed (self);
    }
  else
    tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CONFIRM);
}
