/* tdn-desk-chip.c — the desk's chip reader, minus the widgets
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card put on the reader before the ID number is known is not read (the
 * chip reader has no keys and waits); the NEED_ID sentence therefore asks
 * for the ID number first and the card afterwards. A failed read keeps the
 * form as it was: the dialog only writes on ::identity.
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-i18n.h"
#include <string.h>

#include "tdn-desk-chip.h"
#include "tdn-id-number.h"
#include "tdn-partial-date.h"

struct _TdnDeskChip
{
  GObject            parent_instance;
  TdnIdentityReader *reader;
  TdnIdentity       *key;        /* ID number (and DOB) typed or scanned */
  TdnDeskChipState   state;
  char              *message;
};

G_DEFINE_FINAL_TYPE (TdnDeskChip, tdn_desk_chip, G_TYPE_OBJECT)

enum { SIGNAL_STATE_CHANGED, SIGNAL_IDENTITY, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
state_sentence (TdnDeskChip *self)
{
  switch (self->state)
    {
    case TDN_DESK_CHIP_OFF:
      return "";
    case TDN_DESK_CHIP_NEED_ID:
      return _("To read the chip, type or scan the 12-digit ID number first, then put the card on the chip reader.");
    case TDN_DESK_CHIP_READY:
      return _("Put the ID card on the chip reader.");
    case TDN_DESK_CHIP_READING:
      return _("Reading the chip… keep the card on the reader.");
    case TDN_DESK_CHIP_DONE:
      return _("The chip was read.");
    case TDN_DESK_CHIP_FAILED:
      return _("The chip could not be read.");
    case TDN_DESK_CHIP_UNPLUGGED:
    default:
      return _("The chip reader is not connected. Scan the QR code or type the details.");
    }
}

static void
set_state (TdnDeskChip      *self,
           TdnDeskChipState  state,
           const char       *message)
{
  self->state = state;
  g_free (self->message);
  self->message = g_strdup (message != NULL ? message : state_sentence (self));
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
}

static TdnDeskChipState
idle_state (TdnDeskChip *self)
{
  if (self->reader == NULL)
    return TDN_DESK_CHIP_OFF;
  if (!tdn_identity_reader_is_connected (self->reader))
    return TDN_DESK_CHIP_UNPLUGGED;
  return self->key != NULL ? TDN_DESK_CHIP_READY : TDN_DESK_CHIP_NEED_ID;
}

const TdnIdentity *
tdn_desk_chip_key_source (gpointer data)
{
  TdnDeskChip *self = data;

  g_return_val_if_fail (TDN_IS_DESK_CHIP (self), NULL);
  return self->key;
}

void
tdn_desk_chip_set_key (TdnDeskChip *self,
                       const char  *id_number,
                       const char  *date_of_birth)
{
  gboolean had = FALSE;

  g_return_if_fail (TDN_IS_DESK_CHIP (self));

  had = self->key != NULL;
  g_clear_pointer (&self->key, tdn_identity_free);
  if (id_number != NULL && tdn_id_number_check (id_number, NULL))
    {
      self->key = tdn_identity_new (TDN_IDENTITY_SOURCE_MANUAL);
      self->key->id_number = g_strdup (id_number);
      if (date_of_birth != NULL && *date_of_birth != '\0' &&
          !tdn_partial_date_parse_slashed (date_of_birth, &self->key->date_of_birth, NULL))
        memset (&self->key->date_of_birth, 0, sizeof self->key->date_of_birth);
    }
  /* Only the waiting states follow the form; a result stays on screen. */
  if ((self->state == TDN_DESK_CHIP_NEED_ID || self->state == TDN_DESK_CHIP_READY) &&
      had != (self->key != NULL))
    set_state (self, idle_state (self), NULL);
}

static void
reading_cb (TdnDeskChip *self)
{
  set_state (self, TDN_DESK_CHIP_READING, NULL);
}

static void
identity_cb (TdnDeskChip       *self,
             const TdnIdentity *identity,
             int                assurance)
{
  TdnAssurance level = assurance == TDN_ASSURANCE_CHIP_PA ? TDN_ASSURANCE_CHIP_PA : TDN_ASSURANCE_CHIP;
  g_autofree char *text = NULL;

  text = g_strdup (level == TDN_ASSURANCE_CHIP_PA
                   ? _("The chip was read and its signature checked. Compare the person with the card.")
                   : _("The chip was read, but its signature could not be checked. Compare the person with the card carefully."));
  set_state (self, TDN_DESK_CHIP_DONE, text);
  g_signal_emit (self, signals[SIGNAL_IDENTITY], 0, identity, tdn_assurance_to_string (level));
}

static void
failed_cb (TdnDeskChip  *self,
           const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("%s Put the card back on the reader, or finish the form by hand: what is typed is kept."),
                                           error != NULL ? error->message : _("The chip could not be read."));

  set_state (self, TDN_DESK_CHIP_FAILED, text);
}

static void
card_removed_cb (TdnDeskChip *self)
{
  /* A result stays; a read cut short goes back to waiting. */
  if (self->state == TDN_DESK_CHIP_READING)
    set_state (self, idle_state (self), NULL);
}

static void
connection_changed_cb (TdnDeskChip *self,
                       gboolean     connected)
{
  if (!connected)
    set_state (self, TDN_DESK_CHIP_UNPLUGGED, NULL);
  else if (self->state == TDN_DESK_CHIP_UNPLUGGED)
    set_state (self, idle_state (self), NULL);
}

gboolean
tdn_desk_chip_start (TdnDeskChip       *self,
                     TdnIdentityReader *reader,
                     GError           **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (TDN_IS_DESK_CHIP (self), FALSE);
  g_return_val_if_fail (TDN_IS_IDENTITY_READER (reader), FALSE);

  tdn_desk_chip_stop (self);
  self->reader = g_object_ref (reader);
  g_signal_connect_swapped (reader, "reading", G_CALLBACK (reading_cb), self);
  g_signal_connect_swapped (reader, "identity", G_CALLBACK (identity_cb), self);
  g_signal_connect_swapped (reader, "failed", G_CALLBACK (failed_cb), self);
  g_signal_connect_swapped (reader, "card-removed", G_CALLBACK (card_removed_cb), self);
  g_signal_connect_swapped (reader, "connection-changed", G_CALLBACK (connection_changed_cb), self);
  if (!tdn_identity_reader_start (reader, &local))
    {
      g_message ("desk chip reader: %s", local->message);
      set_state (self, TDN_DESK_CHIP_UNPLUGGED, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  set_state (self, idle_state (self), NULL);
  return TRUE;
}

void
tdn_desk_chip_stop (TdnDeskChip *self)
{
  g_return_if_fail (TDN_IS_DESK_CHIP (self));

  if (self->reader == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->reader, self);
  tdn_identity_reader_stop (self->reader);
  g_clear_object (&self->reader);
  self->state = TDN_DESK_CHIP_OFF;
  g_clear_pointer (&self->message, g_free);
}

TdnDeskChipState
tdn_desk_chip_get_state (TdnDeskChip *self)
{
  g_return_val_if_fail (TDN_IS_DESK_CHIP (self), TDN_DESK_CHIP_OFF);
  return self->state;
}

const char *
tdn_desk_chip_get_message (TdnDeskChip *self)
{
  g_return_val_if_fail (TDN_IS_DESK_CHIP (self), "");
  return self->message != NULL ? self->message : "";
}

static void
tdn_desk_chip_dispose (GObject *object)
{
  TdnDeskChip *self = TDN_DESK_CHIP (object);

  tdn_desk_chip_stop (self);
  g_clear_pointer (&self->key, tdn_identity_free);
  G_OBJECT_CLASS (tdn_desk_chip_parent_class)->dispose (object);
}

static void
tdn_desk_chip_class_init (TdnDeskChipClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tdn_desk_chip_dispose;

  signals[SIGNAL_STATE_CHANGED] = g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* (gpointer identity borrowed, const char *assurance) */
  signals[SIGNAL_IDENTITY] = g_signal_new ("identity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_STRING);
}

static void
tdn_desk_chip_init (TdnDeskChip *self)
{
  self->state = TDN_DESK_CHIP_OFF;
}

TdnDeskChip *
tdn_desk_chip_new (void)
{
  return g_object_new (TDN_TYPE_DESK_CHIP, NULL);
}
