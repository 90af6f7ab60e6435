/* tdn-chip-identity-reader.c — the chip reader as the check-in's identity source
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"


#include "tdn-card-reader.h"
#include "tdn-chip-identity-reader.h"
#include "tdn-pcsc.h"
#include "tdn-reader-monitor.h"
#include "tdn-reader-options.h"

struct _TdnChipIdentityReader
{
  GObject               parent_instance;
  TdnConfig            *config;
  char                 *reader_name;   /* configured, or "" for any */
  TdnChipKeySourceFunc  key_source;
  gpointer              key_source_data;
  TdnReaderMonitor     *monitor;
  GCancellable         *cancel;        /* the read in progress */
  char                 *reading_on;    /* its reader */
  guint                 readers;       /* readers present (matching the name) */
};

static void identity_reader_iface_init (TdnIdentityReaderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnChipIdentityReader, tdn_chip_identity_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_IDENTITY_READER,
                                                      identity_reader_iface_init))

static gboolean
wanted (TdnChipIdentityReader *self,
        const char            *reader)
{
  return self->reader_name[0] == '\0' || g_str_equal (self->reader_name, reader);
}

static void
emit_error (TdnChipIdentityReader *self,
            const GError          *error)
{
  g_autoptr(GError) mapped = NULL;
  int code = TDN_IDENTITY_READER_ERROR_UNREADABLE;

  if (error->domain == TDN_READER_ERROR
      && (error->code == TDN_READER_ERROR_NO_SERVICE || error->code == TDN_READER_ERROR_NO_READER
          || error->code == TDN_READER_ERROR_READER_GONE || error->code == TDN_READER_ERROR_BUSY
          || error->code == TDN_READER_ERROR_FAILED))
    code = TDN_IDENTITY_READER_ERROR_DEVICE;
  else if (error->domain == TDN_CHIP_ERROR && error->code == TDN_CHIP_ERROR_NOT_ID_CARD)
    code = TDN_IDENTITY_READER_ERROR_UNSUPPORTED;
  mapped = g_error_new_literal (TDN_IDENTITY_READER_ERROR, code, error->message);
  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (self), mapped);
}

typedef struct {
  TdnChipIdentityReader *self;
  GCancellable          *cancel;
  gboolean               told;        /* identity given before the photo */
  TdnAssurance           told_as;
} ReadData;

static TdnAssurance
assurance_of (TdnChipCheck passive_auth)
{
  return passive_auth == TDN_CHIP_CHECK_VALID ? TDN_ASSURANCE_CHIP_PA : TDN_ASSURANCE_CHIP;
}

/* The patient sees who they are while the photo (DG2) is still read. */
static void
early_identity_cb (const TdnIdentity *identity,
                   TdnChipCheck       passive_auth,
                   gpointer           user_data)
{
  ReadData *d = user_data;

  if (g_cancellable_is_cancelled (d->cancel))
    return;
  d->told = TRUE;
  d->told_as = assurance_of (passive_auth);
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (d->self), identity, d->told_as);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadData *d = user_data;
  TdnChipIdentityReader *self = d->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnChipResult) res = tdn_card_read_finish (result, &error);

  if (self->cancel == d->cancel)
    {
      g_clear_object (&self->cancel);
      g_clear_pointer (&self->reading_on, g_free);
    }
  if (res != NULL)
    {
      TdnAssurance a = assurance_of (res->passive_auth);

      if (!d->told)
        tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (self), res->identity, a);
      if (res->photo != NULL && d->told && a < d->told_as)
        /* DG1 and DG13 passed and DG2 did not: the identity stands, the
         * photo is not the one the card was issued with. */
        g_message ("the chip's photo failed passive authentication (%s): not shown",
                   res->passive_auth_reason != NULL ? res->passive_auth_reason : "?");
      else if (res->photo != NULL)
        tdn_identity_reader_emit_photo (TDN_IDENTITY_READER (self), res->photo);
    }
  else if (d->told)
    /* Taken away (or failing) during the photo: the identity is there. */
    g_message ("the chip's photo was not read: %s", error->message);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    emit_error (self, error);
  g_object_unref (d->cancel);
  g_object_unref (d->self);
  g_free (d);
}

static void
card_inserted_cb (TdnReaderMonitor      *monitor,
                  const char            *reader,
                  TdnChipIdentityReader *self)
{
  const TdnIdentity *who;
  g_autoptr(TdnChipKeys) keys = NULL;
  g_auto(TdnChipReadOptions) options = { 0 };
  TdnCardReadParams params = { 0 };
  ReadData *d;

  if (!wanted (self, reader) || self->cancel != NULL)
    return;
  who = self->key_source != NULL ? self->key_source (self->key_source_data) : NULL;
  keys = who != NULL ? tdn_chip_keys_from_identity (who) : NULL;
  if (keys == NULL || (keys->can == NULL && keys->mrz_infos->len == 0))
    {
      g_message ("a card is on %s but no ID number is known yet: waiting for the QR", reader);
      return;
    }
  tdn_reader_options_from_config (self->config, &options);
  options.read_photo = !g_str_equal (tdn_config_get_string (self->config, "reader", "read_photo"),
                                     "never");
  params.reader = reader;
  params.timeout_ms = (guint) tdn_config_get_int (self->config, "reader", "timeout_ms");

  self->cancel = g_cancellable_new ();
  self->reading_on = g_strdup (reader);
  d = g_new0 (ReadData, 1);
  d->self = g_object_ref (self);
  d->cancel = g_object_ref (self->cancel);
  params.identity = early_identity_cb;
  params.identity_data = d;
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (self));
  tdn_card_read_async (&params, keys, &options, self->cancel, read_done_cb, d);
}

static void
card_removed_cb (TdnReaderMonitor      *monitor,
                 const char            *reader,
                 TdnChipIdentityReader *self)
{
  if (!wanted (self, reader))
    return;
  if (self->cancel != NULL && g_strcmp0 (self->reading_on, reader) == 0)
    g_cancellable_cancel (self->cancel);
  tdn_identity_reader_emit_card_removed (TDN_IDENTITY_READER (self));
}

static void
reader_added_cb (TdnReaderMonitor      *monitor,
                 const char            *reader,
                 TdnChipIdentityReader *self)
{
  if (!wanted (self, reader))
    return;
  if (self->readers++ == 0)
    tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (self), TRUE);
}

static void
reader_removed_cb (TdnReaderMonitor      *monitor,
                   const char            *reader,
                   TdnChipIdentityReader *self)
{
  if (!wanted (self, reader) || self->readers == 0)
    return;
  if (--self->readers == 0)
    tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (self), FALSE);
}

static TdnIdentityReaderKind
get_kind (TdnIdentityReader *reader)
{
  return TDN_IDENTITY_READER_KIND_CARD;
}

static gboolean
start (TdnIdentityReader  *reader,
       GError            **error)
{
  TdnChipIdentityReader *self = TDN_CHIP_IDENTITY_READER (reader);

  if (self->monitor != NULL)
    return TRUE;
  self->monitor = tdn_reader_monitor_new ();
  g_signal_connect (self->monitor, "card-inserted", G_CALLBACK (card_inserted_cb), self);
  g_signal_connect (self->monitor, "card-removed", G_CALLBACK (card_removed_cb), self);
  g_signal_connect (self->monitor, "reader-added", G_CALLBACK (reader_added_cb), self);
  g_signal_connect (self->monitor, "reader-removed", G_CALLBACK (reader_removed_cb), self);
  tdn_reader_monitor_start (self->monitor);
  return TRUE;
}

static void
stop (TdnIdentityReader *reader)
{
  TdnChipIdentityReader *self = TDN_CHIP_IDENTITY_READER (reader);

  if (self->cancel != NULL)
    g_cancellable_cancel (self->cancel);
  if (self->monitor != NULL)
    {
      tdn_reader_monitor_stop (self->monitor);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
  self->readers = 0;
}

static gboolean
is_connected (TdnIdentityReader *reader)
{
  return TDN_CHIP_IDENTITY_READER (reader)->readers > 0;
}

static void
identity_reader_iface_init (TdnIdentityReaderInterface *iface)
{
  iface->get_kind = get_kind;
  iface->start = start;
  iface->stop = stop;
  iface->is_connected = is_connected;
}

static void
tdn_chip_identity_reader_dispose (GObject *object)
{
  stop (TDN_IDENTITY_READER (object));
  G_OBJECT_CLASS (tdn_chip_identity_reader_parent_class)->dispose (object);
}

static void
tdn_chip_identity_reader_finalize (GObject *object)
{
  TdnChipIdentityReader *self = TDN_CHIP_IDENTITY_READER (object);

  g_clear_object (&self->cancel);
  g_free (self->reading_on);
  g_free (self->reader_name);
  g_clear_object (&self->config);
  G_OBJECT_CLASS (tdn_chip_identity_reader_parent_class)->finalize (object);
}

static void
tdn_chip_identity_reader_class_init (TdnChipIdentityReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tdn_chip_identity_reader_dispose;
  G_OBJECT_CLASS (klass)->finalize = tdn_chip_identity_reader_finalize;
}

static void
tdn_chip_identity_reader_init (TdnChipIdentityReader *self)
{
}

TdnChipIdentityReader *
tdn_chip_identity_reader_new (TdnConfig            *config,
                              TdnChipKeySourceFunc  key_source,
                              gpointer              key_source_data)
{
  TdnChipIdentityReader *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (TDN_TYPE_CHIP_IDENTITY_READER, NULL);
  self->config = g_object_ref (config);
  self->reader_name = g_strdup (tdn_config_get_string (config, "reader", "name"));
  self->key_source = key_source;
  self->key_source_data = key_source_data;
  return self;
}
