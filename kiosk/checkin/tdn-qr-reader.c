/* tdn-qr-reader.c — QR payloads in, identities out
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-qr-payload.h"
#include "tdn-qr-reader.h"

struct _TdnQrReader
{
  GObject  parent_instance;
  gboolean connected;
};

static void tdn_qr_reader_iface_init (TdnIdentityReaderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnQrReader, tdn_qr_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_IDENTITY_READER, tdn_qr_reader_iface_init))

static TdnIdentityReaderKind
get_kind (TdnIdentityReader *reader)
{
  return TDN_IDENTITY_READER_KIND_QR;
}

static gboolean
is_connected (TdnIdentityReader *reader)
{
  return TDN_QR_READER (reader)->connected;
}

static void
tdn_qr_reader_iface_init (TdnIdentityReaderInterface *iface)
{
  iface->get_kind = get_kind;
  iface->is_connected = is_connected;
}

void
tdn_qr_reader_feed (TdnQrReader *self,
                    GBytes      *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) identity = NULL;
  gsize len;
  const guint8 *data;

  g_return_if_fail (TDN_IS_QR_READER (self));
  g_return_if_fail (payload != NULL);

  data = g_bytes_get_data (payload, &len);
  identity = tdn_qr_parse (data, len, &error);
  if (identity == NULL)
    {
      g_autoptr(GError) e = g_error_new (TDN_IDENTITY_READER_ERROR, TDN_IDENTITY_READER_ERROR_UNREADABLE,
                                         "%s", error->message);

      tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (self), e);
      return;
    }
  if (identity->source == TDN_IDENTITY_SOURCE_UNRECOGNISED
      || (identity->id_number == NULL && (identity->bhyt_card == NULL || identity->bhyt_card->card_number == NULL)))
    {
      g_autoptr(GError) e = g_error_new_literal (TDN_IDENTITY_READER_ERROR,
                                                 TDN_IDENTITY_READER_ERROR_UNSUPPORTED,
                                                 _("This QR code is not the one on an ID card or BHYT card"));

      tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (self), e);
      return;
    }
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (self), identity, TDN_ASSURANCE_QR);
}

void
tdn_qr_reader_set_connected (TdnQrReader *self,
                             gboolean     connected)
{
  g_return_if_fail (TDN_IS_QR_READER (self));
  if (self->connected == connected)
    return;
  self->connected = connected;
  tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (self), connected);
}

static void
tdn_qr_reader_class_init (TdnQrReaderClass *klass)
{
}

static void
tdn_qr_reader_init (TdnQrReader *self)
{
  self->connected = TRUE;
}

TdnIdentityReader *
tdn_qr_reader_new (void)
{
  return g_object_new (TDN_TYPE_QR_READER, NULL);
}
