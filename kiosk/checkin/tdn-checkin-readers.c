/* tdn-checkin-readers.c — the check-in listening to its identity readers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Card placed, identity, photo, failure, card removed, device unplugged:
 * what each does depends on where the patient is (tdn-checkin.h).
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-checkin-private.h"

/* ---- readers ----------------------------------------------------------- */

/* May a reader event start or replace a patient now? */
static gboolean
accepts_identity (TdnCheckin *self)
{
  switch (self->state)
    {
    case TDN_CHECKIN_STATE_COMMITTING:
    case TDN_CHECKIN_STATE_PRINTING:
    case TDN_CHECKIN_STATE_PAPER_OUT:
    case TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE:
    case TDN_CHECKIN_STATE_SPOOL_ERROR:
      return FALSE;
    default:
      return TRUE;
    }
}

/* A new card in the middle of someone else's check-in: the previous
 * patient walked away; start over for the new one. */
static void
new_patient (TdnCheckin *self)
{
  guint failed = self->session->failed_kinds;

  if (self->session->identity != NULL || self->session->visit != NULL
      || self->state == TDN_CHECKIN_STATE_DONE || self->state == TDN_CHECKIN_STATE_PRINT_FAILED)
    tdn_checkin_reset (self);
  else
    self->session->failed_kinds = failed;
}

/* The patient who is checking in (identity read, nothing committed yet)
 * puts the chip card on the reader after showing its QR code: the chip
 * read runs in the background and, for the same ID number, only raises
 * the assurance; the screen stays where the patient is. */
static gboolean
in_patient_flow (TdnCheckin *self)
{
  return self->session->identity != NULL && self->session->visit == NULL
      && accepts_identity (self) && self->state != TDN_CHECKIN_STATE_DONE
      && self->state != TDN_CHECKIN_STATE_PRINT_FAILED;
}

static void
reader_reading_cb (TdnIdentityReader *reader,
                   TdnCheckin        *self)
{
  if (!accepts_identity (self))
    return;
  if (in_patient_flow (self))
    {
      self->upgrading = TRUE;
      return;
    }
  new_patient (self);
  tdn_checkin_set_state (self, TDN_CHECKIN_STATE_READING);
}

static gboolean
same_person (const TdnIdentity *a,
             const TdnIdentity *b)
{
  return a->id_number != NULL && b->id_number != NULL && g_str_equal (a->id_number, b->id_number);
}

static void
reader_identity_cb (TdnIdentityReader *reader,
                    gpointer           identity,
                    int                assurance,
                    TdnCheckin        *self)
{
  TdnCheckinSession *s = self->session;
  gboolean upgrading = self->upgrading;

  self->upgrading = FALSE;
  if (!accepts_identity (self))
    {
      g_info ("an identity was read while the kiosk is busy: ignored");
      s->photo_from = NULL;  /* nor the photo that follows it */
      return;
    }
  if (in_patient_flow (self) && same_person (s->identity, identity))
    {
      s->photo_from = reader;
      if ((TdnAssurance) assurance > s->assurance)
        {
          /* The chip's data replace the QR's; BHYT was asked with the same
           * ID, name and date of birth, or is asked now if they differ. */
          gboolean differs = g_strcmp0 (s->identity->full_name, ((const TdnIdentity *) identity)->full_name) != 0
            || tdn_partial_date_compare (&s->identity->date_of_birth,
                                         &((const TdnIdentity *) identity)->date_of_birth) != 0;

          g_clear_pointer (&s->identity, tdn_identity_free);
          s->identity = tdn_identity_copy (identity);
          s->assurance = (TdnAssurance) assurance;
          g_info ("identity confirmed by the %s", tdn_assurance_to_string (s->assurance));
          if (differs)
            tdn_checkin_start_lookup (self);
          tdn_checkin_emit_changed (self);
        }
      return;
    }
  if (upgrading)
    g_info ("another card during a check-in: starting over for its holder");
  new_patient (self);
  tdn_checkin_take_identity (self, identity, (TdnAssurance) assurance);
  self->session->photo_from = reader;
}

static void
reader_photo_cb (TdnIdentityReader *reader,
                 GBytes            *photo,
                 TdnCheckin        *self)
{
  TdnCheckinSession *s = self->session;
  gsize len;
  const guint8 *data = g_bytes_get_data (photo, &len);

  /* The chip reader gives the photo after the identity (it is most of the
   * read): it may come while the ticket is printing. It belongs to this
   * patient only if the identity before it from that reader was taken. */
  if (reader != s->photo_from || len == 0 || len > 512 * 1024)
    return;
  if (s->photo != NULL)
    explicit_bzero (s->photo, s->photo_len);
  g_free (s->photo);
  s->photo = g_memdup2 (data, len);
  s->photo_len = len;
  tdn_checkin_emit_changed (self);
}

static void
reader_failed_cb (TdnIdentityReader *reader,
                  const GError      *error,
                  TdnCheckin        *self)
{
  TdnIdentityReaderKind kind = tdn_identity_reader_get_kind (reader);
  guint all = 0;

  g_info ("identity read failed: %s", error->message);
  if (self->upgrading)
    {
      /* The QR's identity stands; the chip did not confirm it. */
      self->upgrading = FALSE;
      return;
    }
  if (self->state != TDN_CHECKIN_STATE_WELCOME && self->state != TDN_CHECKIN_STATE_READING
      && self->state != TDN_CHECKIN_STATE_CARD_UNREADABLE
      && self->state != TDN_CHECKIN_STATE_READER_MISSING)
    return;
  self->session->failed_kinds |= 1u << kind;
  for (guint i = 0; i < self->readers->len; i++)
    all |= 1u << tdn_identity_reader_get_kind (self->readers->pdata[i]);
  if ((self->session->failed_kinds & all) == all && all != 0
      && (all & (1u << TDN_IDENTITY_READER_KIND_CARD)) && (all & (1u << TDN_IDENTITY_READER_KIND_QR)))
    {
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_MANUAL_ENTRY);
      self->notice = N_("Your card could not be read. Please type the 12 digits of your ID number and your date of birth.");
    }
  else
    {
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CARD_UNREADABLE);
      if (kind == TDN_IDENTITY_READER_KIND_QR)
        self->notice = N_("This QR code could not be used. Show the QR code on the front of your ID card or BHYT card, or put your ID card on the reader.");
    }
  tdn_checkin_emit_changed (self);
}

static void
reader_card_removed_cb (TdnIdentityReader *reader,
                        TdnCheckin        *self)
{
  self->upgrading = FALSE;
  if (self->state != TDN_CHECKIN_STATE_READING)
    return;
  self->session->failed_kinds |= 1u << TDN_IDENTITY_READER_KIND_CARD;
  tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CARD_UNREADABLE);
  self->notice = N_("The card was taken off too soon. Put it on the reader again and leave it there until you see your name.");
  tdn_checkin_emit_changed (self);
}

static void
update_availability (TdnCheckin *self)
{
  gboolean card = FALSE, qr = FALSE;

  for (guint i = 0; i < self->readers->len; i++)
    {
      TdnIdentityReader *r = self->readers->pdata[i];

      if (!tdn_identity_reader_is_connected (r))
        continue;
      if (tdn_identity_reader_get_kind (r) == TDN_IDENTITY_READER_KIND_CARD)
        card = TRUE;
      else
        qr = TRUE;
    }
  self->card_reader_available = card;
  self->scanner_available = qr;
}

static void
reader_connection_cb (TdnIdentityReader *reader,
                      gboolean           connected,
                      TdnCheckin        *self)
{
  update_availability (self);
  g_info ("%s %s", tdn_identity_reader_get_kind (reader) == TDN_IDENTITY_READER_KIND_CARD
                     ? "card reader" : "QR scanner",
          connected ? "connected" : "disconnected");
  if (!tdn_checkin_any_reader_connected (self) && (self->state == TDN_CHECKIN_STATE_WELCOME
                                       || self->state == TDN_CHECKIN_STATE_READING
                                       || self->state == TDN_CHECKIN_STATE_CARD_UNREADABLE))
    tdn_checkin_set_state (self, TDN_CHECKIN_STATE_READER_MISSING);
  else if (tdn_checkin_any_reader_connected (self) && self->state == TDN_CHECKIN_STATE_READER_MISSING)
    tdn_checkin_set_state (self, TDN_CHECKIN_STATE_WELCOME);
  else
    tdn_checkin_emit_changed (self);
}

gboolean
tdn_checkin_add_reader (TdnCheckin         *self,
                        TdnIdentityReader  *reader,
                        GError            **error)
{
  g_return_val_if_fail (TDN_IS_CHECKIN (self), FALSE);
  g_return_val_if_fail (TDN_IS_IDENTITY_READER (reader), FALSE);

  g_ptr_array_add (self->readers, g_object_ref (reader));
  g_signal_connect (reader, "reading", G_CALLBACK (reader_reading_cb), self);
  g_signal_connect (reader, "identity", G_CALLBACK (reader_identity_cb), self);
  g_signal_connect (reader, "failed", G_CALLBACK (reader_failed_cb), self);
  g_signal_connect (reader, "card-removed", G_CALLBACK (reader_card_removed_cb), self);
  g_signal_connect (reader, "connection-changed", G_CALLBACK (reader_connection_cb), self);
  g_signal_connect (reader, "photo", G_CALLBACK (reader_photo_cb), self);
  if (!tdn_identity_reader_start (reader, error))
    {
      update_availability (self);
      reader_connection_cb (reader, FALSE, self);
      return FALSE;
    }
  update_availability (self);
  reader_connection_cb (reader, tdn_identity_reader_is_connected (reader), self);
  return TRUE;
}


