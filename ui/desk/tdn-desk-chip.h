/* tdn-desk-chip.h — the desk's chip reader, minus the widgets
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registration dialog's glue to a TdnIdentityReader (the chip reader
 * of hw/reader in the desk, a fake in tests), with no GTK so it can be
 * unit-tested. The dialog tells it the ID number (and date of birth)
 * typed or scanned so far; tdn_desk_chip_key_source() hands them to the
 * chip reader, which opens the chip with PACE (CAN from the ID number)
 * or BAC. It turns the reader's signals into one state with a translated
 * sentence for the nurse (::state-changed) and ::identity (identity,
 * assurance "chip" or "chip+pa") for the dialog to fill its form with.
 */
#pragma once

#include "tdn-identity-reader.h"

G_BEGIN_DECLS

typedef enum {
  TDN_DESK_CHIP_OFF,          /* not started, or stopped */
  TDN_DESK_CHIP_NEED_ID,      /* no 12-digit ID number typed or scanned yet */
  TDN_DESK_CHIP_READY,        /* put the card on the reader */
  TDN_DESK_CHIP_READING,      /* reading the chip */
  TDN_DESK_CHIP_DONE,         /* the chip was read */
  TDN_DESK_CHIP_FAILED,       /* the read failed: the message says why */
  TDN_DESK_CHIP_UNPLUGGED,    /* the reader (or pcscd) is not there */
} TdnDeskChipState;

#define TDN_TYPE_DESK_CHIP (tdn_desk_chip_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskChip, tdn_desk_chip, TDN, DESK_CHIP, GObject)

TdnDeskChip      *tdn_desk_chip_new         (void) G_GNUC_WARN_UNUSED_RESULT;

/* A TdnChipKeySourceFunc: the identity built from tdn_desk_chip_set_key(),
 * or NULL while there is no 12-digit ID number. `data` is the TdnDeskChip. */
const TdnIdentity *tdn_desk_chip_key_source (gpointer data);

/* What the nurse typed or scanned so far; `date_of_birth` "dd/mm/yyyy"
 * (may be NULL or partial: the reader then tries BAC candidates). */
void              tdn_desk_chip_set_key     (TdnDeskChip       *self,
                                             const char        *id_number,
                                             const char        *date_of_birth);

/* Listens to `reader` and starts it; on failure the state is UNPLUGGED
 * with the error's message and FALSE is returned. */
gboolean          tdn_desk_chip_start       (TdnDeskChip       *self,
                                             TdnIdentityReader *reader,
                                             GError           **error);
void              tdn_desk_chip_stop        (TdnDeskChip       *self);

TdnDeskChipState  tdn_desk_chip_get_state   (TdnDeskChip       *self);
/* A translated sentence for the state, for a status label. */
const char       *tdn_desk_chip_get_message (TdnDeskChip       *self);

G_END_DECLS
