/* tdn-checkin-session.h — one patient's personal data during a check-in
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the kiosk knows about the patient in front of it lives in
 * this one struct, so that one call destroys it: tdn_checkin_session_scrub()
 * overwrites every byte of every personal string in place (explicit_bzero,
 * which the compiler may not drop), tdn_checkin_session_free() scrubs and
 * frees. Internal to kiosk/checkin (and its tests).
 */
#pragma once

#include "tdn-checkin.h"

G_BEGIN_DECLS

typedef struct {
  TdnIdentity     *identity;       /* NULL before the first read */
  TdnAssurance     assurance;
  guint8          *photo;          /* the chip's photo, own copy (wiped) */
  gsize            photo_len;
  gconstpointer    photo_from;     /* the reader whose identity this is: its photo,
                                    * which comes later, belongs here (not a ref) */
  char            *masked_id;
  char            *dob_text;       /* dd/mm/yyyy for the screen */
  char            *fields[TDN_CHECKIN_N_FIELDS];
  const char      *field_errors[TDN_CHECKIN_N_FIELDS];  /* cross-field msgids set at submit, not owned */
  TdnEligibility  *eligibility;    /* the answer, NULL while none */
  TdnCheckinBhyt   bhyt;
  gboolean         go_to_desk;     /* not eligible: the patient chose the desk */
  gboolean         gateway_continue; /* gateway down: the patient went on */
  char            *clinic_code;
  TdnPriority      priority;
  gboolean         priority_derived;
  gboolean         priority_answered;
  TdnVisit        *visit;          /* committed revision, NULL before */
  TdnTicket       *ticket;         /* as printed */
  gboolean         printed;
  gboolean         print_attempted; /* bytes may have reached the printer */
  guint            failed_kinds;   /* 1 << TdnIdentityReaderKind that failed */
} TdnCheckinSession;

TdnCheckinSession *tdn_checkin_session_new   (void);
/* Overwrites every personal string in place; the struct stays usable
 * (pointers still allocated) until _free. */
void               tdn_checkin_session_scrub (TdnCheckinSession *self);
void               tdn_checkin_session_free  (TdnCheckinSession *self);

/* Overwrite then free, for strings and the structs we hold. */
void               tdn_wipe_string           (char           *s);
void               tdn_wipe_eligibility      (TdnEligibility *e);
void               tdn_wipe_visit            (TdnVisit       *v);

/* Keypad validation: NULL when `text` is a valid value of `field`,
 * else a msgid saying what is wrong. Empty is "not yet" (a msgid too). */
const char        *tdn_checkin_field_check   (TdnCheckinField  field,
                                              const char      *text);
/* The 15-character card or 10-digit BHXH number, upper-cased, no spaces;
 * NULL when `text` is neither. */
char              *tdn_checkin_normalise_bhyt (const char *text) G_GNUC_WARN_UNUSED_RESULT;
/* "14021990" or "14/02/1990" → a complete date; FALSE if not a real date
 * in the past. */
gboolean           tdn_checkin_parse_dob     (const char     *text,
                                              TdnPartialDate *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnCheckinSession, tdn_checkin_session_free)

G_END_DECLS
