/* tdn-desk-registration.h — a patient registered at the desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A patient who skipped the kiosk (or whose card it could not read) is
 * registered by a nurse: from the ID card's QR code, the chip (when the
 * desk has a reader: tdn_desk_registration_form_from_identity() takes the
 * chip's identity as it takes the QR's) or typed by hand. The visit goes
 * into the desk's own spool with a queue number, like a kiosk's, and
 * syncd delivers it to the HIS. Pure logic: no GTK, no device.
 */
#pragma once

#include "tdn-base.h"
#include "tdn-identity.h"
#include "tdn-spool.h"

G_BEGIN_DECLS

#define TDN_DESK_REGISTRATION_ERROR (tdn_desk_registration_error_quark ())

typedef enum {
  TDN_DESK_REGISTRATION_ERROR_INVALID,   /* a field is missing or wrong: the message says which */
  TDN_DESK_REGISTRATION_ERROR_CLINIC,    /* no such clinic here */
} TdnDeskRegistrationError;

GQuark tdn_desk_registration_error_quark (void);

/* What the nurse confirmed; strings as typed (trimmed here). */
typedef struct {
  char *id_number;        /* 12 digits */
  char *full_name;
  char *date_of_birth;    /* dd/mm/yyyy, mm/yyyy or yyyy */
  char *sex;              /* male, female or NULL */
  char *address;
  char *bhyt_card;        /* optional */
  char *clinic;           /* [clinic CODE] */
  char *priority;         /* tdn_priority_to_string(), NULL: none */
  char *payment;          /* bhyt, self_pay, pending */
  char *assurance;        /* manual, qr, chip, chip+pa, … */
  char *language;         /* vi, en */
  char *eligibility_status;
  char *eligibility_code;
} TdnDeskRegistrationForm;

void      tdn_desk_registration_form_clear (TdnDeskRegistrationForm *form);
/* Fills the identity fields (and assurance) from a QR or chip identity. */
void      tdn_desk_registration_form_from_identity (TdnDeskRegistrationForm *form,
                                                    const TdnIdentity       *identity,
                                                    const char              *assurance);

/* Checks the form and makes revision 1 of the visit, from `desk_id`. */
TdnVisit *tdn_desk_registration_build  (const TdnDeskRegistrationForm *form,
                                        const char                    *desk_id,
                                        GError                       **error);
/* Commits it with a queue number at its clinic ([queue] number_format),
 * audited as registered by `nurse`. */
gboolean  tdn_desk_registration_commit (TdnSpool                      *spool,
                                        TdnConfig                     *config,
                                        TdnVisit                      *visit,
                                        const char                    *nurse,
                                        GError                       **error);

G_END_DECLS
