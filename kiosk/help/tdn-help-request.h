/* tdn-help-request.h — a patient who needs the desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Raised by a kiosk (expired card, mismatch, printer out of paper, …),
 * relayed by the broker, worked by one nurse at a time. It carries only a
 * masked identity; the chip photo, when read, is there for the nurse's
 * identity check and is dropped when the request is resolved.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  TDN_HELP_STATE_OPEN,
  TDN_HELP_STATE_CLAIMED,
  TDN_HELP_STATE_RESOLVED,
} TdnHelpState;

typedef struct {
  char         *id;               /* UUID, set by the store */
  char         *visit_ref;        /* the visit UUID, or NULL before commit */
  char         *kiosk_id;
  char         *reason;           /* one of tdn_help_reasons() */
  char         *ticket_number;    /* e.g. "K2-A015", or NULL */
  char         *language;         /* "vi" or "en": the patient's */
  char         *masked_name;      /* "N. T. M." */
  char         *masked_id;        /* "0011******45" */
  int           age_years;        /* -1 when unknown */
  char         *assurance;        /* manual, qr, chip, chip+pa, chip+pa+aa */
  JsonNode     *eligibility;      /* snapshot (object) or NULL */
  GBytes       *photo;            /* JPEG or NULL */
  TdnHelpState  state;
  char         *claimed_by;
  char         *resolved_by;
  char         *resolution;       /* what the nurse did, free text */
  gint64        created_at;       /* µs since the epoch */
  gint64        claimed_at;
  gint64        resolved_at;
  gint64        seq;              /* change sequence of the last update */
} TdnHelpRequest;

TdnHelpRequest     *tdn_help_request_new        (void);
void                tdn_help_request_free       (TdnHelpRequest *self);
TdnHelpRequest     *tdn_help_request_copy       (const TdnHelpRequest *self);

const char         *tdn_help_state_to_string    (TdnHelpState state);
gboolean            tdn_help_state_from_string  (const char *text, TdnHelpState *state);

/* The reason codes kiosks send; anything else is refused. */
const char * const *tdn_help_reasons            (void);
gboolean            tdn_help_reason_is_valid    (const char *reason);
/* Short words for the desk, in `lang` ("vi" or "en"). */
const char         *tdn_help_reason_describe    (const char *reason,
                                                 const char *lang);

/* JSON: the keys are documented in docs/cli.md (help list/show). The
 * photo is base64 in "photo_jpeg" only when `with_photo`. */
JsonNode           *tdn_help_request_to_json    (const TdnHelpRequest *self,
                                                 gboolean              with_photo);
/* Parses what a kiosk posts (id, state and times are ignored: the store
 * sets them). Never trusts sizes: strings and the photo are bounded. */
TdnHelpRequest     *tdn_help_request_from_json  (JsonNode *node,
                                                 GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnHelpRequest, tdn_help_request_free)

G_END_DECLS
