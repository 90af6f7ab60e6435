/* tdn-checkin-reprint.c — tickets a nurse asked to print again
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A nurse's "reprint" is applied in tiepdon-syncd, which records it as a
 * pending reprint in the spool. The check-in prints those of its own
 * visits through its ticket printer, one at a time, only while it is idle
 * on the welcome screen (never in a patient's session), and marks each
 * done once. A print that surely did not happen (no paper, printer
 * offline) stays pending and is tried again later; the desk hears once
 * that the printer needs someone. A print that may have happened is done
 * (never printed twice) and the desk is asked to look (docs/adr/0802).
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-checkin-private.h"

static const TdnClinicStatus *
find_clinic (GPtrArray  *clinics,
             const char *code)
{
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      const TdnClinicStatus *c = clinics->pdata[i];

      if (g_strcmp0 (c->clinic->code, code) == 0)
        return c;
    }
  return NULL;
}

static TdnTicketBhyt
ticket_bhyt (const TdnVisit *v)
{
  if (g_strcmp0 (v->payment, "bhyt") == 0)
    return TDN_TICKET_BHYT_ELIGIBLE;
  if (g_strcmp0 (v->payment, "self_pay") == 0)
    return TDN_TICKET_BHYT_SELF_PAY;
  return TDN_TICKET_BHYT_PENDING;
}

/* The visit's ticket as it was first printed: its language, clinic,
 * number and registration time (the latest revision's clinic and number
 * when the desk changed them). */
static TdnTicket *
ticket_for_visit (TdnCheckin     *self,
                  const TdnVisit *v)
{
  const char *lang = g_strcmp0 (v->language, "en") == 0 ? "en" : "vi";
  gboolean en = g_str_equal (lang, "en");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clinics = tdn_visit_store_list_clinics (self->store, &error);
  const TdnClinicStatus *c = find_clinic (clinics, v->clinic);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (v->created_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = tdn_clock_now ();
  g_autoptr(GDateTime) at = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  g_autofree char *name = tdn_ticket_patient_name (v->full_name,
                                                   tdn_config_get_string (self->config, "ticket", "patient_name"));
  TdnPriority priority = TDN_PRIORITY_NONE;
  TdnTicket t = { 0 };
  TdnTicket *copy;

  if (clinics == NULL)
    g_message ("clinics not listed for a reprint: %s", error->message);
  t.hospital_name = tdn_config_get_string (self->config, "kiosk", en ? "hospital_name_en" : "hospital_name");
  t.clinic_name = v->clinic;
  if (c != NULL)
    {
      t.clinic_name = en && c->clinic->name_en != NULL && *c->clinic->name_en != '\0'
        ? c->clinic->name_en : c->clinic->name_vi;
      t.room = c->clinic->room;
      t.location = en && c->clinic->location_en != NULL && *c->clinic->location_en != '\0'
        ? c->clinic->location_en : c->clinic->location;
    }
  t.number = v->queue_number;
  if (v->priority != NULL && tdn_priority_from_string (v->priority, &priority) && priority != TDN_PRIORITY_NONE)
    t.priority = tdn_i18n_translate (lang, tdn_priority_describe (priority));
  t.patient_name = name;
  t.bhyt = ticket_bhyt (v);
  t.time = at;
  t.visit_ref = v->visit_id;
  t.language = lang;
  t.footer = tdn_config_get_string (self->config, "ticket", en ? "footer_en" : "footer_vi");
  t.font = tdn_config_get_string (self->config, "ticket", "font");
  copy = tdn_ticket_copy (&t);
  tdn_secure_clear_string (name);
  return copy;
}

/* The desk hears about this reprint's visit (not the session's). */
static void
raise_for_reprint (TdnCheckin      *self,
                   const char      *reason,
                   const TdnVisit  *v)
{
  TdnHelpRequest *r = tdn_help_request_new ();

  r->kiosk_id = g_strdup (tdn_config_get_string (self->config, "kiosk", "id"));
  r->reason = g_strdup (reason);
  r->language = g_strdup (v->language != NULL ? v->language : "vi");
  r->age_years = -1;
  r->masked_name = v->full_name != NULL ? tdn_mask_name (v->full_name) : NULL;
  r->visit_ref = g_strdup (v->visit_id);
  r->ticket_number = g_strdup (v->queue_number);
  tdn_checkin_send_help (self, r);
}

typedef struct {
  TdnCheckin *self;
  char       *change_id;
  TdnVisit   *visit;
  gboolean    help_sent;   /* the desk already heard about this one */
} Reprint;

static void
reprint_free (Reprint *r)
{
  g_object_unref (r->self);
  g_free (r->change_id);
  tdn_wipe_visit (r->visit);
  g_free (r);
}

static void
finish (TdnCheckin            *self,
        const char            *change_id,
        TdnVisitReprintResult  result,
        const char            *why)
{
  g_autoptr(GError) error = NULL;

  if (result != TDN_VISIT_REPRINT_FAILED)
    /* Done in this process whatever the spool says: never twice. */
    g_hash_table_add (self->reprints_done, g_strdup (change_id));
  if (tdn_visit_store_finish_reprint (self->store, change_id, result, why, &error))
    {
      if (result != TDN_VISIT_REPRINT_FAILED)
        g_hash_table_remove (self->reprints_unsaved, change_id);
    }
  else
    {
      g_message ("reprint %s not recorded: %s", change_id, error->message);
      if (result != TDN_VISIT_REPRINT_FAILED)
        g_hash_table_insert (self->reprints_unsaved, g_strdup (change_id), GINT_TO_POINTER (result));
    }
}

static void
reprint_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Reprint *r = user_data;
  TdnCheckin *self = r->self;
  g_autoptr(GError) error = NULL;
  TdnPrinterStatus after = { 0 };
  gboolean ok = tdn_ticket_printer_print_finish (TDN_TICKET_PRINTER (source), result, &after, &error);
  gint64 now = tdn_clock_get_monotonic ();

  self->reprinting = FALSE;
  if (ok)
    {
      g_info ("reprint %s printed, number %s", r->change_id, r->visit->queue_number);
      finish (self, r->change_id, TDN_VISIT_REPRINT_PRINTED, NULL);
      if (after.paper_near_end)
        g_message ("printer paper is running out");
      self->reprint_at = now;   /* the next one, if any, straight away */
    }
  else if (g_error_matches (error, TDN_TICKET_PRINTER_ERROR, TDN_TICKET_PRINTER_ERROR_UNCERTAIN))
    {
      g_message ("reprint %s may not have printed: %s", r->change_id, error->message);
      finish (self, r->change_id, TDN_VISIT_REPRINT_UNCERTAIN, error->message);
      raise_for_reprint (self, "reprint", r->visit);
      self->reprint_at = now + (gint64) TDN_CHECKIN_REPRINT_RETRY_S * G_USEC_PER_SEC;
    }
  else
    {
      /* Nothing came out: it stays pending; the desk hears once that the
       * printer needs someone. */
      g_message ("reprint %s not printed: %s", r->change_id, error->message);
      finish (self, r->change_id, TDN_VISIT_REPRINT_FAILED, error->message);
      if (!r->help_sent)
        {
          g_hash_table_add (self->reprints_help_sent, g_strdup (r->change_id));
          raise_for_reprint (self, "printer_error", r->visit);
        }
      self->reprint_at = now + (gint64) TDN_CHECKIN_REPRINT_RETRY_S * G_USEC_PER_SEC;
    }
  /* A patient's ticket waited for the printer. */
  if (self->print_waiting)
    {
      self->print_waiting = FALSE;
      tdn_checkin_print (self);
    }
  reprint_free (r);
  tdn_checkin_schedule (self);
}

/* Records outcomes the spool could not take before. */
static void
save_unsaved (TdnCheckin *self)
{
  GHashTableIter it;
  gpointer key, value;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_iter_init (&it, self->reprints_unsaved);
  while (g_hash_table_iter_next (&it, &key, &value))
    g_ptr_array_add (ids, g_strdup (key));
  for (guint i = 0; i < ids->len; i++)
    finish (self, ids->pdata[i],
            GPOINTER_TO_INT (g_hash_table_lookup (self->reprints_unsaved, ids->pdata[i])), NULL);
}

gboolean
tdn_checkin_reprint_idle (TdnCheckin *self)
{
  return self->state == TDN_CHECKIN_STATE_WELCOME && self->session->identity == NULL
    && !self->busy && !self->reprinting && !self->in_dispose;
}

void
tdn_checkin_reprint_poll (TdnCheckin *self,
                          gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  TdnVisitReprint *next = NULL;
  Reprint *r;

  if (!tdn_checkin_reprint_idle (self) || now < self->reprint_at)
    return;
  self->reprint_at = now + (gint64) TDN_CHECKIN_REPRINT_POLL_S * G_USEC_PER_SEC;
  save_unsaved (self);
  pending = tdn_visit_store_list_reprints (self->store, &error);
  if (pending == NULL)
    {
      g_message ("reprints not listed: %s", error->message);
      return;
    }
  for (guint i = 0; i < pending->len && next == NULL; i++)
    if (!g_hash_table_contains (self->reprints_done, ((TdnVisitReprint *) pending->pdata[i])->change_id))
      next = pending->pdata[i];
  if (next == NULL)
    return;
  r = g_new0 (Reprint, 1);
  r->self = g_object_ref (self);
  r->change_id = g_strdup (next->change_id);
  r->visit = g_steal_pointer (&next->visit);
  r->help_sent = g_hash_table_contains (self->reprints_help_sent, r->change_id);
  g_info ("printing reprint %s, number %s", r->change_id, r->visit->queue_number);
  self->reprinting = TRUE;
  {
    g_autoptr(TdnTicket) ticket = ticket_for_visit (self, r->visit);

    tdn_ticket_printer_print_async (self->printer, ticket, NULL, reprint_done_cb, r);
  }
}
