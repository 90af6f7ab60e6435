/* tdn-hl7.h — HL7 v2.5 ADT^A04 / A08 / A11 for a visit, MLLP framing, ACKs
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MSH (MSH-10 = the outbox's delivery id, reused on every retry; MSH-18
 * "UNICODE UTF-8"), EVN, PID (CCCD in PID-3 typed NI), PV1 (class O),
 * IN1 (BHYT card). Text is escaped (\F\ \S\ \R\ \E\ \T\), segments end
 * with CR, and MLLP wraps the message in VT … FS CR.
 */
#pragma once

#include <glib.h>

#include "tdn-spool.h"

G_BEGIN_DECLS

typedef struct {
  const char *sending_application;
  const char *sending_facility;
  const char *receiving_application;
  const char *receiving_facility;
  const char *processing_id;       /* "P" production, "T" training */
} TdnHl7Header;

typedef enum {
  TDN_HL7_ACK_ACCEPT,        /* AA: delivered */
  TDN_HL7_ACK_ERROR,         /* AE: park for a human */
  TDN_HL7_ACK_REJECT,        /* AR about the content or HIS trouble: retry later */
  TDN_HL7_ACK_REJECT_HEADER, /* AR naming MSH-9/11/12: park */
  TDN_HL7_ACK_INVALID,       /* not an ACK to this message: retry the same bytes */
} TdnHl7AckResult;

/* Escapes the HL7 delimiters and CR/LF in `text`. */
char           *tdn_hl7_escape       (const char         *text) G_GNUC_WARN_UNUSED_RESULT;
/* The message for a revision: A04 for revision 1, A08 after, A11
 * (ADT_A09, no IN1) for a revision whose state is "cancelled". */
char           *tdn_hl7_build_adt    (const TdnVisit     *visit,
                                      const char         *delivery_id,
                                      const TdnHl7Header *header,
                                      GDateTime          *now) G_GNUC_WARN_UNUSED_RESULT;
/* The same, with PV1-44 (admit time) = `arrived`, when revision 1 was
 * committed; `now` dates MSH-7 and EVN-2. */
char           *tdn_hl7_build_adt_arrived (const TdnVisit     *visit,
                                           const char         *delivery_id,
                                           const TdnHl7Header *header,
                                           GDateTime          *now,
                                           GDateTime          *arrived) G_GNUC_WARN_UNUSED_RESULT;
GBytes         *tdn_hl7_mllp_frame   (const char         *message);
/* Finds one complete MLLP frame in `data`; its payload and the bytes used. */
gboolean        tdn_hl7_mllp_unframe (const guint8       *data,
                                      gsize               length,
                                      const guint8      **payload,
                                      gsize              *payload_length,
                                      gsize              *consumed);
/* Classifies an ACK payload for the message whose MSH-10 was `control_id`;
 * `reason` gets MSA-3/ERR text (or what was wrong with the bytes). */
TdnHl7AckResult tdn_hl7_parse_ack    (const guint8       *data,
                                      gsize               length,
                                      const char         *control_id,
                                      char              **reason);

G_END_DECLS
