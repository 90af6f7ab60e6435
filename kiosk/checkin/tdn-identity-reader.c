/* tdn-identity-reader.c — the interface of everything that reads an identity
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-identity-reader.h"

G_DEFINE_QUARK (tdn-identity-reader-error-quark, tdn_identity_reader_error)
G_DEFINE_INTERFACE (TdnIdentityReader, tdn_identity_reader, G_TYPE_OBJECT)

enum {
  SIGNAL_READING,
  SIGNAL_IDENTITY,
  SIGNAL_FAILED,
  SIGNAL_CARD_REMOVED,
  SIGNAL_CONNECTION_CHANGED,
  SIGNAL_PHOTO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const assurance_names[] = { "manual", "qr", "chip", "chip+pa" };

const char *
tdn_assurance_to_string (TdnAssurance assurance)
{
  if ((guint) assurance >= G_N_ELEMENTS (assurance_names))
    return "manual";
  return assurance_names[assurance];
}

gboolean
tdn_assurance_from_string (const char   *text,
                           TdnAssurance *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (assurance_names); i++)
    if (g_str_equal (text, assurance_names[i]))
      {
        *out = (TdnAssurance) i;
        return TRUE;
      }
  return FALSE;
}

static void
tdn_identity_reader_default_init (TdnIdentityReaderInterface *iface)
{
  signals[SIGNAL_READING] =
    g_signal_new ("reading", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_IDENTITY] =
    g_signal_new ("identity", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_INT);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_CARD_REMOVED] =
    g_signal_new ("card-removed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CONNECTION_CHANGED] =
    g_signal_new ("connection-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_PHOTO] =
    g_signal_new ("photo", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BYTES);
}

TdnIdentityReaderKind
tdn_identity_reader_get_kind (TdnIdentityReader *self)
{
  g_return_val_if_fail (TDN_IS_IDENTITY_READER (self), TDN_IDENTITY_READER_KIND_CARD);
  return TDN_IDENTITY_READER_GET_IFACE (self)->get_kind (self);
}

gboolean
tdn_identity_reader_start (TdnIdentityReader  *self,
                           GError            **error)
{
  TdnIdentityReaderInterface *iface;

  g_return_val_if_fail (TDN_IS_IDENTITY_READER (self), FALSE);
  iface = TDN_IDENTITY_READER_GET_IFACE (self);
  return iface->start == NULL || iface->start (self, error);
}

void
tdn_identity_reader_stop (TdnIdentityReader *self)
{
  TdnIdentityReaderInterface *iface;

  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  iface = TDN_IDENTITY_READER_GET_IFACE (self);
  if (iface->stop != NULL)
    iface->stop (self);
}

gboolean
tdn_identity_reader_is_connected (TdnIdentityReader *self)
{
  TdnIdentityReaderInterface *iface;

  g_return_val_if_fail (TDN_IS_IDENTITY_READER (self), FALSE);
  iface = TDN_IDENTITY_READER_GET_IFACE (self);
  return iface->is_connected == NULL || iface->is_connected (self);
}

void
tdn_identity_reader_emit_reading (TdnIdentityReader *self)
{
  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  g_signal_emit (self, signals[SIGNAL_READING], 0);
}

void
tdn_identity_reader_emit_identity (TdnIdentityReader *self,
                                   const TdnIdentity *identity,
                                   TdnAssurance       assurance)
{
  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  g_return_if_fail (identity != NULL);
  g_signal_emit (self, signals[SIGNAL_IDENTITY], 0, identity, (int) assurance);
}

void
tdn_identity_reader_emit_failed (TdnIdentityReader *self,
                                 const GError      *error)
{
  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  g_return_if_fail (error != NULL);
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

void
tdn_identity_reader_emit_card_removed (TdnIdentityReader *self)
{
  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  g_signal_emit (self, signals[SIGNAL_CARD_REMOVED], 0);
}

void
tdn_identity_reader_emit_connection_changed (TdnIdentityReader *self,
                                             gboolean           connected)
{
  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  g_signal_emit (self, signals[SIGNAL_CONNECTION_CHANGED], 0, connected);
}

void
tdn_identity_reader_emit_photo (TdnIdentityReader *self,
                                GBytes            *photo)
{
  g_return_if_fail (TDN_IS_IDENTITY_READER (self));
  g_return_if_fail (photo != NULL);
  g_signal_emit (self, signals[SIGNAL_PHOTO], 0, photo);
}
