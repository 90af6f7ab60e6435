/* tdn-sim-card.c — a chip reader that "reads" demo patients
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-sim-card.h"

struct _TdnSimCard
{
  GObject      parent_instance;
  guint        read_ms;
  gboolean     plugged;
  gboolean     card;           /* a card is on the reader */
  TdnIdentity *identity;       /* being read, NULL when it fails */
  guint        read_id;
};

static void tdn_sim_card_iface_init (TdnIdentityReaderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnSimCard, tdn_sim_card, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_IDENTITY_READER, tdn_sim_card_iface_init))

static TdnIdentityReaderKind
get_kind (TdnIdentityReader *reader)
{
  return TDN_IDENTITY_READER_KIND_CARD;
}

static gboolean
is_connected (TdnIdentityReader *reader)
{
  return TDN_SIM_CARD (reader)->plugged;
}

static void
tdn_sim_card_iface_init (TdnIdentityReaderInterface *iface)
{
  iface->get_kind = get_kind;
  iface->is_connected = is_connected;
}

static gboolean
read_done_cb (gpointer data)
{
  TdnSimCard *self = data;
  g_autoptr(TdnIdentity) identity = g_steal_pointer (&self->identity);

  self->read_id = 0;
  if (identity != NULL)
    tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (self), identity, TDN_ASSURANCE_CHIP_PA);
  else
    {
      g_autoptr(GError) error = g_error_new_literal (TDN_IDENTITY_READER_ERROR,
                                                     TDN_IDENTITY_READER_ERROR_UNREADABLE,
                                                     _("The card's chip does not answer"));

      tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (self), error);
    }
  return G_SOURCE_REMOVE;
}

gboolean
tdn_sim_card_place (TdnSimCard          *self,
                    const TdnDemoPerson *person)
{
  g_return_val_if_fail (TDN_IS_SIM_CARD (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  if (!self->plugged || self->card)
    return FALSE;
  self->card = TRUE;
  g_clear_pointer (&self->identity, tdn_identity_free);
  if (!person->unreadable && !person->bhyt_qr)
    self->identity = tdn_identity_copy (person->identity);
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (self));
  self->read_id = self->read_ms > 0 ? g_timeout_add (self->read_ms, read_done_cb, self)
                                    : g_idle_add (read_done_cb, self);
  return TRUE;
}

void
tdn_sim_card_remove (TdnSimCard *self)
{
  g_return_if_fail (TDN_IS_SIM_CARD (self));
  if (!self->card)
    return;
  self->card = FALSE;
  g_clear_pointer (&self->identity, tdn_identity_free);
  if (self->read_id != 0)
    {
      g_clear_handle_id (&self->read_id, g_source_remove);
      tdn_identity_reader_emit_card_removed (TDN_IDENTITY_READER (self));
    }
}

void
tdn_sim_card_plug (TdnSimCard *self,
                   gboolean    plugged)
{
  g_return_if_fail (TDN_IS_SIM_CARD (self));
  if (self->plugged == plugged)
    return;
  if (!plugged)
    tdn_sim_card_remove (self);
  self->plugged = plugged;
  tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (self), plugged);
}

gboolean
tdn_sim_card_has_card (TdnSimCard *self)
{
  g_return_val_if_fail (TDN_IS_SIM_CARD (self), FALSE);
  return self->card;
}

static void
tdn_sim_card_finalize (GObject *object)
{
  TdnSimCard *self = TDN_SIM_CARD (object);

  g_clear_handle_id (&self->read_id, g_source_remove);
  g_clear_pointer (&self->identity, tdn_identity_free);
  G_OBJECT_CLASS (tdn_sim_card_parent_class)->finalize (object);
}

static void
tdn_sim_card_class_init (TdnSimCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_sim_card_finalize;
}

static void
tdn_sim_card_init (TdnSimCard *self)
{
  self->plugged = TRUE;
}

TdnIdentityReader *
tdn_sim_card_new (guint read_ms)
{
  TdnSimCard *self = g_object_new (TDN_TYPE_SIM_CARD, NULL);

  self->read_ms = read_ms;
  return TDN_IDENTITY_READER (self);
}
