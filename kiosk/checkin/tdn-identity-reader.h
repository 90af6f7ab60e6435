/* tdn-identity-reader.h — anything that tells the kiosk who the patient is
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chip reader (hw/reader + kiosk/emrtd), the QR scanner and the demo's
 * simulated card all implement this interface; the check-in machine
 * listens to its signals and never knows which device is behind it.
 *
 * Signals, all emitted on the main context the reader was started in:
 *   ::reading ()                       a card is on the reader, reading began
 *   ::identity (gpointer identity,     a TdnIdentity (borrowed: copy it) and
 *               int      assurance)    how far it can be trusted (TdnAssurance)
 *   ::failed (GError *error)           the read failed (TDN_IDENTITY_READER_ERROR)
 *   ::card-removed ()                  the card left the reader
 *   ::connection-changed (gboolean)    the device was unplugged / came back
 *   ::photo (GBytes *jpeg)             the chip's photo (DG2), after the
 *                                      ::identity it belongs to (maybe seconds
 *                                      later); shown per [ui] photo_policy
 *
 * Implementations emit through tdn_identity_reader_emit_*() below.
 */
#pragma once

#include <glib-object.h>

#include "tdn-identity.h"

G_BEGIN_DECLS

/* How the identity was obtained, weakest first ([help] "assurance"). */
typedef enum {
  TDN_ASSURANCE_MANUAL,    /* typed by the patient */
  TDN_ASSURANCE_QR,        /* the printed QR of a CCCD or BHYT card */
  TDN_ASSURANCE_CHIP,      /* read from the chip (BAC/PACE) */
  TDN_ASSURANCE_CHIP_PA,   /* chip data with passive authentication */
} TdnAssurance;

/* "manual", "qr", "chip", "chip+pa". */
const char *tdn_assurance_to_string   (TdnAssurance  assurance);
gboolean    tdn_assurance_from_string (const char   *text,
                                       TdnAssurance *out);

typedef enum {
  TDN_IDENTITY_READER_KIND_CARD,   /* a chip reader: reading takes seconds */
  TDN_IDENTITY_READER_KIND_QR,     /* a QR scanner: instant */
} TdnIdentityReaderKind;

#define TDN_IDENTITY_READER_ERROR (tdn_identity_reader_error_quark ())
GQuark tdn_identity_reader_error_quark (void);

typedef enum {
  TDN_IDENTITY_READER_ERROR_UNREADABLE,   /* card moved, chip dead, bad QR */
  TDN_IDENTITY_READER_ERROR_UNSUPPORTED,  /* not a card or code we know */
  TDN_IDENTITY_READER_ERROR_DEVICE,       /* the device itself failed */
} TdnIdentityReaderError;

#define TDN_TYPE_IDENTITY_READER (tdn_identity_reader_get_type ())
G_DECLARE_INTERFACE (TdnIdentityReader, tdn_identity_reader, TDN, IDENTITY_READER, GObject)

struct _TdnIdentityReaderInterface
{
  GTypeInterface parent_iface;

  TdnIdentityReaderKind (*get_kind)      (TdnIdentityReader *self);
  gboolean              (*start)         (TdnIdentityReader *self,
                                          GError           **error);
  void                  (*stop)          (TdnIdentityReader *self);
  gboolean              (*is_connected)  (TdnIdentityReader *self);
};

TdnIdentityReaderKind tdn_identity_reader_get_kind     (TdnIdentityReader *self);
gboolean              tdn_identity_reader_start        (TdnIdentityReader *self,
                                                        GError           **error);
void                  tdn_identity_reader_stop         (TdnIdentityReader *self);
gboolean              tdn_identity_reader_is_connected (TdnIdentityReader *self);

/* For implementations. `identity` is borrowed: listeners copy it, the
 * caller wipes and frees its own copy afterwards. */
void tdn_identity_reader_emit_reading            (TdnIdentityReader *self);
void tdn_identity_reader_emit_identity           (TdnIdentityReader *self,
                                                  const TdnIdentity *identity,
                                                  TdnAssurance       assurance);
void tdn_identity_reader_emit_failed             (TdnIdentityReader *self,
                                                  const GError      *error);
void tdn_identity_reader_emit_card_removed       (TdnIdentityReader *self);
void tdn_identity_reader_emit_connection_changed (TdnIdentityReader *self,
                                                  gboolean           connected);
/* The holder's photo (JPEG or JPEG 2000 bytes, borrowed: listeners copy). */
void tdn_identity_reader_emit_photo              (TdnIdentityReader *self,
                                                  GBytes            *photo);

G_END_DECLS
