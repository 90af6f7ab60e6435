/* tdn-identity.h — who the patient is, from the chip, a QR code or typing
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same fields whatever the source, with the JSON of `tiepdonctl card
 * read` and `qr parse` (docs/cli.md). Every string is UTF-8, NFC. The
 * kiosk frees identities with tdn_identity_free(), which overwrites every
 * personal string first: nothing of the last patient stays in memory.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tdn-id-number.h"
#include "tdn-partial-date.h"

G_BEGIN_DECLS

typedef enum {
  TDN_IDENTITY_SOURCE_MANUAL,
  TDN_IDENTITY_SOURCE_CHIP,
  TDN_IDENTITY_SOURCE_CCCD_QR,
  TDN_IDENTITY_SOURCE_CAN_CUOC_QR,
  TDN_IDENTITY_SOURCE_BHYT_QR,
  TDN_IDENTITY_SOURCE_UNRECOGNISED,
} TdnIdentitySource;

/* The BHYT card data printed in its QR code (QĐ 1313 layout). */
typedef struct {
  char           *card_number;          /* 15 characters, or a 10-digit BHXH number */
  char           *registered_facility;  /* 5 digits, "79014" */
  TdnPartialDate  valid_from;
  TdnPartialDate  valid_to;
  TdnPartialDate  five_year_date;       /* year 0 when none */
} TdnBhytCard;

typedef struct {
  TdnIdentitySource source;
  char           *id_number;
  char           *old_id_number;
  char           *full_name;
  TdnPartialDate  date_of_birth;        /* year 0 when unknown */
  TdnSex          sex;
  char           *nationality;
  char           *ethnicity;
  char           *religion;
  char           *place_of_origin;
  char           *place_of_residence;
  char           *identifying_marks;
  TdnPartialDate  date_of_issue;        /* year 0 when unknown */
  TdnPartialDate  date_of_expiry;       /* year 0 when none ("Không thời hạn") */
  gboolean        no_expiry;            /* the card says it never expires */
  char           *father_name;
  char           *mother_name;
  char           *spouse_name;
  char          **mrz;                  /* three lines, or NULL */
  TdnBhytCard    *bhyt_card;            /* BHYT QR only */
  GPtrArray      *extra_fields;         /* unknown trailing QR fields, kept raw */
  gsize           payload_length;       /* bytes of the scanned payload */
  GPtrArray      *warnings;             /* translated sentences, e.g. ID/DOB disagree */
} TdnIdentity;

TdnIdentity *tdn_identity_new            (TdnIdentitySource  source);
/* Overwrites then frees every field. */
void         tdn_identity_free           (TdnIdentity       *self);
TdnIdentity *tdn_identity_copy           (const TdnIdentity *self);
const char  *tdn_identity_source_to_string (TdnIdentitySource source);
/* Every key of docs/cli.md, null when unknown. */
JsonNode    *tdn_identity_to_json        (const TdnIdentity *self);
/* Adds the JSON members to an open object in `builder` (for callers that
 * add their own keys, like `security` in `card read`). */
void         tdn_identity_add_json_members (const TdnIdentity *self,
                                            JsonBuilder       *builder);
void         tdn_identity_add_warning    (TdnIdentity       *self,
                                          const char        *sentence);
/* Age in completed years today (the smallest possible for a partial date
 * of birth), or -1 when unknown. */
int          tdn_identity_age            (const TdnIdentity *self);

/* Overwrites a string in place (it stays allocated). */
void         tdn_secure_clear_string     (char              *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnIdentity, tdn_identity_free)

G_END_DECLS
