/* tdn-checkin-private.h — internals of TdnCheckin shared by its .c files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never included from another module; tests include it to look inside.
 */
#pragma once

#include "tdn-checkin.h"
#include "tdn-checkin-session.h"

G_BEGIN_DECLS

/* Seconds; see docs/adr/0600-checkin-state-machine.md. */
#define TDN_CHECKIN_READING_TIMEOUT_S   20   /* a card read that never ends */
#define TDN_CHECKIN_DONE_RESET_S        15   /* DONE / PRINT_FAILED back to welcome */
#define TDN_CHECKIN_GATEWAY_RETRY_S     10   /* GATEWAY_DOWN asks again */
#define TDN_CHECKIN_PAPER_POLL_S         3   /* PAPER_OUT / PRINTER_UNAVAILABLE polls */
#define TDN_CHECKIN_SPOOL_RETRY_S        5   /* SPOOL_ERROR commits again */
#define TDN_CHECKIN_CLINIC_REFRESH_S     5   /* waiting counts while choosing */
#define TDN_CHECKIN_LATE_RETRY_S        60   /* committed, BHYT unanswered: ask again */
#define TDN_CHECKIN_LATE_TRIES           5
#define TDN_CHECKIN_REPRINT_POLL_S      10   /* welcome: look for nurses' reprints */
#define TDN_CHECKIN_REPRINT_RETRY_S     30   /* after a reprint that did not print */

typedef struct _TdnLookup TdnLookup;

struct _TdnCheckin
{
  GObject                parent_instance;

  TdnConfig             *config;
  TdnEligibilityService *eligibility;
  TdnVisitStore         *store;
  TdnTicketPrinter      *printer;
  TdnHelpDesk           *help;
  GPtrArray             *readers;
  GCancellable          *cancellable;   /* cancelled at dispose */

  TdnCheckinState        state;
  char                   language[3];
  char                   default_language[3];
  const char            *notice;        /* msgid replacing the instruction, or NULL */

  TdnCheckinSession     *session;       /* never NULL */
  guint                  serial;        /* +1 at every wipe */
  TdnLookup             *lookup;        /* this session's eligibility lookup, or NULL */
  GPtrArray             *late;          /* TdnLookup of committed visits to re-ask */
  GPtrArray             *clinics;       /* TdnClinicStatus */

  TdnCheckinHelp         help_state;
  TdnCheckinState        help_raised_in;  /* the screen of the last "call staff" */
  gboolean               help_reprint_sent;
  gboolean               idle_warning;
  gint64                 idle_deadline;   /* monotonic µs, 0: none */
  gint64                 reset_deadline;
  gint64                 state_deadline;
  guint                  timer_id;
  int                    idle_timeout_s;
  int                    idle_warning_s;
  gboolean               busy;            /* a commit, print or status query in flight */
  gboolean               reprinting;      /* a nurse's reprint is printing */
  gboolean               print_waiting;   /* the patient's ticket waits for it */
  gint64                 reprint_at;      /* monotonic µs: next look for reprints */
  GHashTable            *reprints_done;   /* change ids printed (or maybe) here */
  GHashTable            *reprints_unsaved; /* change id → result the spool refused */
  GHashTable            *reprints_help_sent; /* change ids the desk heard about */
  gboolean               upgrading;       /* a chip read for the patient already identified */
  gboolean               in_dispose;
  gboolean               card_reader_available;
  gboolean               scanner_available;
};

/* A lookup in flight or to be repeated; outlives the session when the
 * visit was committed before the answer came. */
struct _TdnLookup
{
  guint   serial;
  int     tries;
  gboolean in_flight;
  gint64  retry_at;       /* monotonic µs, late lookups */
  char   *id;             /* what was asked (wiped) */
  char   *name;
  char   *dob;
  char   *visit_id;       /* set when committed before the answer */
  char   *queue_number;
  char   *language;
  char   *masked_name;
  char   *masked_id;
  int     age;
  TdnAssurance assurance;
};

void tdn_lookup_free (TdnLookup *lookup);

/* An async call's context: the machine, and which patient it was for. */
typedef struct {
  TdnCheckin *self;
  guint       serial;
  TdnLookup  *lookup;
  gboolean    patient;   /* help: the patient asked, the screen shows it */
} CallData;

CallData   *tdn_call_data_new  (TdnCheckin *self,
                                TdnLookup  *lookup);
void        tdn_call_data_free (CallData   *d);
/* The call's patient is still the one in front of the kiosk. */
gboolean    tdn_call_current   (CallData   *d);

/* tdn-checkin.c */
void        tdn_checkin_set_state          (TdnCheckin      *self,
                                            TdnCheckinState  state);
void        tdn_checkin_emit_changed       (TdnCheckin      *self);
void        tdn_checkin_reset              (TdnCheckin      *self);
void        tdn_checkin_schedule           (TdnCheckin      *self);
void        tdn_checkin_restart_idle       (TdnCheckin      *self);
gboolean    tdn_checkin_any_reader_connected (TdnCheckin    *self);
void        tdn_checkin_set_state_timer    (TdnCheckin      *self,
                                            int              seconds);
TdnCheckinSession *tdn_checkin_get_session (TdnCheckin      *self);

/* tdn-checkin-flow.c: talking to the services */
void        tdn_checkin_take_identity      (TdnCheckin        *self,
                                            const TdnIdentity *identity,
                                            TdnAssurance       assurance);
void        tdn_checkin_start_lookup       (TdnCheckin      *self);
void        tdn_checkin_late_poll          (TdnCheckin      *self,
                                            gint64           now);
void        tdn_checkin_refresh_clinics    (TdnCheckin      *self);
void        tdn_checkin_go_confirm         (TdnCheckin      *self);
void        tdn_checkin_go_clinics         (TdnCheckin      *self);
void        tdn_checkin_commit             (TdnCheckin      *self);
void        tdn_checkin_print              (TdnCheckin      *self);
void        tdn_checkin_check_printer      (TdnCheckin      *self);
void        tdn_checkin_raise_help         (TdnCheckin      *self,
                                            const char      *reason);
void        tdn_checkin_end_session_help   (TdnCheckin      *self);
gboolean    tdn_checkin_submit_entry       (TdnCheckin      *self);
void        tdn_checkin_raise_auto         (TdnCheckin      *self,
                                            const char      *reason);
TdnCheckinBhyt tdn_checkin_bhyt_of_status  (TdnEligibilityStatus status);
const char *tdn_checkin_help_reason_for    (const TdnEligibility *e);
void        tdn_checkin_lookup_attach_visit (TdnCheckin     *self,
                                             TdnLookup      *lookup);

GBytes     *tdn_wiped_bytes_new            (const guint8    *data,
                                            gsize            len);

void        tdn_checkin_send_help          (TdnCheckin      *self,
                                            TdnHelpRequest  *request);
/* tdn-checkin-reprint.c: nurses' reprints, printed when idle */
gboolean    tdn_checkin_reprint_idle       (TdnCheckin      *self);
void        tdn_checkin_reprint_poll       (TdnCheckin      *self,
                                            gint64           now);
/* tdn-checkin-names.c */
const char *tdn_checkin_state_instruction  (TdnCheckinState  state);

G_END_DECLS
