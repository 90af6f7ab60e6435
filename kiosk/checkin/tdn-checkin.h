/* tdn-checkin.h — the patient's check-in as a state machine (no GTK)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI renders TdnCheckin and forwards taps; it never decides a
 * transition (docs/adr/0600-checkin-state-machine.md). Everything the
 * screens show is read from here after ::changed (or notify::state),
 * already in the patient's language (tdn_i18n_translate). Timers use
 * tdn_clock: tests move the clock and call tdn_checkin_poll_timers().
 *
 *   WELCOME → READING → CONFIRM_IDENTITY → CLINIC → [PRIORITY] → CONFIRM
 *     → [NOT_ELIGIBLE | GATEWAY_DOWN] → COMMITTING → PRINTING → DONE → WELCOME
 *
 * Every personal field is wiped (overwritten, then freed) on the way back
 * to WELCOME — after DONE, on cancel and on the idle timeout — and
 * ::wiped tells the UI to clear its widgets too.
 *
 * Properties: "state" (TdnCheckinState, notify::state), "language"
 * ("vi"/"en"), "idle-warning" (gboolean).
 * Signals: ::changed () after anything the screens show changed (state,
 * texts, clinics, counts, BHYT, help, fields); ::wiped () after the
 * personal data of a patient was destroyed.
 */
#pragma once

#include <glib-object.h>

#include "tdn-config.h"
#include "tdn-eligibility-service.h"
#include "tdn-help-desk.h"
#include "tdn-identity-reader.h"
#include "tdn-priority.h"
#include "tdn-ticket-printer.h"
#include "tdn-visit-store.h"

G_BEGIN_DECLS

/* Stable: the numbers and the strings of tdn_checkin_state_to_string()
 * are used by the control protocol and the UI tests. Add, never renumber. */
typedef enum {
  TDN_CHECKIN_STATE_WELCOME,            /* put the card on the reader or show the QR */
  TDN_CHECKIN_STATE_READING,            /* a card is being read: progress */
  TDN_CHECKIN_STATE_CONFIRM_IDENTITY,   /* "is this you?" name, masked ID, age */
  TDN_CHECKIN_STATE_MANUAL_ENTRY,       /* 12-digit number + date of birth on a keypad */
  TDN_CHECKIN_STATE_BHYT_ENTRY,         /* BHYT card number + date of birth */
  TDN_CHECKIN_STATE_CLINIC,             /* clinic choice with waiting counts */
  TDN_CHECKIN_STATE_PRIORITY,           /* priority question (not derived from age) */
  TDN_CHECKIN_STATE_CONFIRM,            /* summary, "print my ticket" */
  TDN_CHECKIN_STATE_NOT_ELIGIBLE,       /* BHYT not valid / mismatch: self-pay or desk */
  TDN_CHECKIN_STATE_COMMITTING,         /* saving the visit, taking the number */
  TDN_CHECKIN_STATE_PRINTING,           /* the ticket is printing */
  TDN_CHECKIN_STATE_DONE,               /* big number, room, "take your ticket" */
  TDN_CHECKIN_STATE_READER_MISSING,     /* no card reader nor scanner works */
  TDN_CHECKIN_STATE_CARD_UNREADABLE,    /* the card/QR could not be read */
  TDN_CHECKIN_STATE_GATEWAY_DOWN,       /* BHYT cannot be checked now */
  TDN_CHECKIN_STATE_PAPER_OUT,          /* printer has no paper (visit is saved) */
  TDN_CHECKIN_STATE_SPOOL_ERROR,        /* the visit could not be saved */
  TDN_CHECKIN_STATE_PRINT_FAILED,       /* the ticket may not be out: staff reprints */
  TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE, /* nothing printed: printer offline (visit is saved) */
} TdnCheckinState;

#define TDN_CHECKIN_N_STATES (TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE + 1)
#define TDN_TYPE_CHECKIN_STATE (tdn_checkin_state_get_type ())
GType tdn_checkin_state_get_type (void) G_GNUC_CONST;

/* What the patient can tap. tdn_checkin_can_tap() says which are
 * available in the current state (the UI shows only those). */
typedef enum {
  TDN_CHECKIN_ACTION_YES,           /* "yes, this is me" / "print my ticket" */
  TDN_CHECKIN_ACTION_NO,            /* "this is not me": back to welcome, wiped */
  TDN_CHECKIN_ACTION_BACK,          /* one screen back */
  TDN_CHECKIN_ACTION_CANCEL,        /* start over: wiped */
  TDN_CHECKIN_ACTION_CALL_STAFF,    /* raise a help request */
  TDN_CHECKIN_ACTION_MORE_TIME,     /* "I need more time" on the idle warning */
  TDN_CHECKIN_ACTION_MANUAL_ENTRY,  /* "type my ID number" */
  TDN_CHECKIN_ACTION_BHYT_ENTRY,    /* "use my BHYT card number" */
  TDN_CHECKIN_ACTION_SELF_PAY,      /* not eligible: pay myself */
  TDN_CHECKIN_ACTION_GO_TO_DESK,    /* not eligible: ticket that sends to the desk */
  TDN_CHECKIN_ACTION_CONTINUE,      /* gateway down: ticket with "BHYT being checked" */
  TDN_CHECKIN_ACTION_RETRY,         /* card unreadable: try again */
  TDN_CHECKIN_ACTION_SUBMIT,        /* manual / BHYT entry: fields complete */
  TDN_CHECKIN_ACTION_FINISH,        /* done: "finished" (else it resets by itself) */
} TdnCheckinAction;

#define TDN_CHECKIN_N_ACTIONS (TDN_CHECKIN_ACTION_FINISH + 1)

/* Fields typed on the keypad (manual and BHYT entry). */
typedef enum {
  TDN_CHECKIN_FIELD_ID_NUMBER,      /* 12 digits */
  TDN_CHECKIN_FIELD_DATE_OF_BIRTH,  /* ddmmyyyy digits (slashes allowed) */
  TDN_CHECKIN_FIELD_BHYT_NUMBER,    /* 15 characters or 10-digit BHXH number */
  TDN_CHECKIN_FIELD_FULL_NAME,      /* optional on both entry screens */
} TdnCheckinField;

#define TDN_CHECKIN_N_FIELDS (TDN_CHECKIN_FIELD_FULL_NAME + 1)

/* What the patient's BHYT looks like right now. */
typedef enum {
  TDN_CHECKIN_BHYT_NONE,         /* no identity yet / not asked */
  TDN_CHECKIN_BHYT_CHECKING,     /* asked, no answer yet */
  TDN_CHECKIN_BHYT_ELIGIBLE,     /* valid (maybe with a warning message) */
  TDN_CHECKIN_BHYT_NOT_ELIGIBLE, /* expired, revoked, unknown card */
  TDN_CHECKIN_BHYT_MISMATCH,     /* name or date of birth differs */
  TDN_CHECKIN_BHYT_UNAVAILABLE,  /* gateway down: checked later */
  TDN_CHECKIN_BHYT_SELF_PAY,     /* the patient chose to pay */
} TdnCheckinBhyt;

/* State of the last "call staff". */
typedef enum {
  TDN_CHECKIN_HELP_NONE,
  TDN_CHECKIN_HELP_SENDING,
  TDN_CHECKIN_HELP_SENT,         /* "someone is coming" */
  TDN_CHECKIN_HELP_FAILED,       /* "please go to the desk" */
} TdnCheckinHelp;

#define TDN_CHECKIN_ERROR (tdn_checkin_error_quark ())
GQuark tdn_checkin_error_quark (void);

typedef enum {
  TDN_CHECKIN_ERROR_DEMO_DATA,   /* the demo patients file is missing or wrong */
  TDN_CHECKIN_ERROR_NOT_DEMO,    /* a demo-only feature on a real kiosk */
} TdnCheckinError;

/* The services a check-in uses; any may be NULL except `store` and
 * `printer` (no eligibility: every ticket says "BHYT being checked";
 * no help desk: "call staff" says to go to the desk). */
typedef struct {
  TdnEligibilityService *eligibility;
  TdnVisitStore         *store;
  TdnTicketPrinter      *printer;
  TdnHelpDesk           *help;
} TdnCheckinServices;

#define TDN_TYPE_CHECKIN (tdn_checkin_get_type ())
G_DECLARE_FINAL_TYPE (TdnCheckin, tdn_checkin, TDN, CHECKIN, GObject)

/* Reads [kiosk] id, hospital_name*, default_language, facility_code,
 * [ui] idle_timeout_s, idle_warning_s, [ticket] and [printer] keys.
 * The services are referenced. */
G_GNUC_WARN_UNUSED_RESULT
TdnCheckin      *tdn_checkin_new              (TdnConfig                *config,
                                               const TdnCheckinServices *services);
/* Listens to a reader (chip, QR, simulated card); starts it. */
gboolean         tdn_checkin_add_reader       (TdnCheckin         *self,
                                               TdnIdentityReader  *reader,
                                               GError            **error);

/* ---- inputs from the UI ------------------------------------------------ */
gboolean         tdn_checkin_can_tap          (TdnCheckin       *self,
                                               TdnCheckinAction  action);
/* FALSE (and nothing happens) when `action` is not available now. */
gboolean         tdn_checkin_tap              (TdnCheckin       *self,
                                               TdnCheckinAction  action);
gboolean         tdn_checkin_select_clinic    (TdnCheckin       *self,
                                               const char       *clinic_code);
/* On PRIORITY: TDN_PRIORITY_NONE, PREGNANT, SEVERE_DISABILITY, MERIT. */
gboolean         tdn_checkin_select_priority  (TdnCheckin       *self,
                                               TdnPriority       priority);
/* The whole content of a keypad field (the UI sends it on every key). */
gboolean         tdn_checkin_set_field        (TdnCheckin       *self,
                                               TdnCheckinField   field,
                                               const char       *text);
/* "vi" or "en"; any state; a patient's choice lasts until the reset. */
void             tdn_checkin_set_language     (TdnCheckin       *self,
                                               const char       *lang);
/* Any touch on the screen: restarts the idle timer. */
void             tdn_checkin_touch            (TdnCheckin       *self);
/* Fires due timers (idle, retries, done → welcome). Called by the
 * machine's own GSource; tests call it after tdn_clock_advance(). */
void             tdn_checkin_poll_timers      (TdnCheckin       *self);

/* ---- what the UI renders ----------------------------------------------- */
TdnCheckinState  tdn_checkin_get_state        (TdnCheckin *self);
const char      *tdn_checkin_get_language     (TdnCheckin *self);
/* One sentence saying what to do now, in the patient's language. */
const char      *tdn_checkin_get_instruction  (TdnCheckin *self);
/* Idle warning shown ("I need more time" = MORE_TIME); seconds left. */
gboolean         tdn_checkin_get_idle_warning (TdnCheckin *self);
int              tdn_checkin_get_idle_seconds_left (TdnCheckin *self);
TdnCheckinHelp   tdn_checkin_get_help         (TdnCheckin *self);
/* Devices, for the welcome hint (hide "put your card" without a reader). */
gboolean         tdn_checkin_get_card_reader_available (TdnCheckin *self);
gboolean         tdn_checkin_get_scanner_available     (TdnCheckin *self);

/* Identity (NULL / -1 when none). The full name only for display. */
const char      *tdn_checkin_get_full_name    (TdnCheckin *self);
const char      *tdn_checkin_get_masked_id    (TdnCheckin *self);
int              tdn_checkin_get_age          (TdnCheckin *self);
/* dd/mm/yyyy (partial: mm/yyyy, yyyy), or NULL. */
const char      *tdn_checkin_get_date_of_birth (TdnCheckin *self);
TdnAssurance     tdn_checkin_get_assurance    (TdnCheckin *self);
/* The chip's photo (JPEG bytes, borrowed, wiped with the rest) when
 * [ui] photo_policy is "patient"; NULL otherwise or when there is none. */
const guint8    *tdn_checkin_get_photo        (TdnCheckin *self,
                                               gsize      *length);
gboolean         tdn_checkin_has_identity     (TdnCheckin *self);
/* Whether the chip's photo has been read for this patient (whatever the
 * photo policy: for the desk and for tests, never the bytes). */
gboolean         tdn_checkin_has_chip_photo   (TdnCheckin *self);
/* For device glue only, never for display: the identity read so far
 * (borrowed, NULL when none), e.g. for a chip reader to derive the card's
 * access key (CAN) from the ID number the QR gave. */
const TdnIdentity *tdn_checkin_get_identity   (TdnCheckin *self);

/* Clinic choice: TdnClinicStatus, refreshed on entry to CLINIC and every
 * few seconds while there; borrowed. */
GPtrArray       *tdn_checkin_get_clinics      (TdnCheckin *self);
/* The clinic's name in the patient's language. */
const char      *tdn_checkin_clinic_name      (TdnCheckin            *self,
                                               const TdnClinicStatus *clinic);
const TdnClinicStatus *tdn_checkin_get_selected_clinic (TdnCheckin *self);
TdnPriority      tdn_checkin_get_priority     (TdnCheckin *self);
/* TRUE when the priority came from the date of birth (no question). */
gboolean         tdn_checkin_get_priority_derived (TdnCheckin *self);
/* The choices of the priority question, TDN_PRIORITY_NONE first. */
const TdnPriority *tdn_checkin_priority_choices (gsize *n_choices);
/* Whether a choice makes sense for this patient (no "pregnant" for a man
 * or a child); the screen shows only those, select_priority refuses others. */
gboolean         tdn_checkin_priority_applies (TdnCheckin  *self,
                                               TdnPriority  priority);
/* Words for a priority in the patient's language. */
const char      *tdn_checkin_priority_label   (TdnCheckin  *self,
                                               TdnPriority  priority);

/* BHYT: status and the gateway's plain-language message (or NULL). */
TdnCheckinBhyt   tdn_checkin_get_bhyt         (TdnCheckin *self);
const char      *tdn_checkin_get_bhyt_message (TdnCheckin *self);

/* Keypad fields: what was typed, whether it is valid, why not (or NULL). */
const char      *tdn_checkin_get_field        (TdnCheckin      *self,
                                               TdnCheckinField  field);
gboolean         tdn_checkin_get_field_valid  (TdnCheckin      *self,
                                               TdnCheckinField  field);
const char      *tdn_checkin_get_field_error  (TdnCheckin      *self,
                                               TdnCheckinField  field);

/* After COMMITTING: the queue number ("K1-A015"), the visit's reference,
 * and the ticket as printed (or as it will be); NULL before. */
const char      *tdn_checkin_get_queue_number (TdnCheckin *self);
const char      *tdn_checkin_get_visit_id     (TdnCheckin *self);
const TdnTicket *tdn_checkin_get_ticket       (TdnCheckin *self);

/* ---- names ------------------------------------------------------------- */
/* "welcome", "reading", "confirm-identity", … (docs/adr/0600). */
const char      *tdn_checkin_state_to_string    (TdnCheckinState   state);
gboolean         tdn_checkin_state_from_string  (const char       *text,
                                                 TdnCheckinState  *out);
/* "yes", "no", "back", "cancel", "call-staff", "more-time", … */
const char      *tdn_checkin_action_to_string   (TdnCheckinAction  action);
gboolean         tdn_checkin_action_from_string (const char       *text,
                                                 TdnCheckinAction *out);
/* "id-number", "date-of-birth", "bhyt-number", "full-name". */
const char      *tdn_checkin_field_to_string    (TdnCheckinField   field);
gboolean         tdn_checkin_field_from_string  (const char       *text,
                                                 TdnCheckinField  *out);
/* "none", "checking", "eligible", "not-eligible", "mismatch", … */
const char      *tdn_checkin_bhyt_to_string     (TdnCheckinBhyt    bhyt);

G_END_DECLS
