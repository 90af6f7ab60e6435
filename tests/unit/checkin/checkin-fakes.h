/* checkin-fakes.h — scripted services for the check-in tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every fake holds its answers until the test releases them, so a test
 * decides exactly when an answer arrives (before or after confirm).
 */
#pragma once

#include "tdn-checkin.h"

G_BEGIN_DECLS

/* A reader the test drives by hand. */
#define FAKE_TYPE_READER (fake_reader_get_type ())
G_DECLARE_FINAL_TYPE (FakeReader, fake_reader, FAKE, READER, GObject)
FakeReader *fake_reader_new (TdnIdentityReaderKind kind);
void        fake_reader_set_connected (FakeReader *self, gboolean connected);

/* Eligibility: requests queue up; fake_eligibility_answer() answers the
 * oldest with `code` (a maKetQua; NULL: unavailable). */
#define FAKE_TYPE_ELIGIBILITY (fake_eligibility_get_type ())
G_DECLARE_FINAL_TYPE (FakeEligibility, fake_eligibility, FAKE, ELIGIBILITY, GObject)
FakeEligibility *fake_eligibility_new     (void);
guint            fake_eligibility_pending (FakeEligibility *self);
guint            fake_eligibility_asked   (FakeEligibility *self);
const char      *fake_eligibility_last_id (FakeEligibility *self);
void             fake_eligibility_answer  (FakeEligibility *self, const char *code);
/* Answer every request at once (in an idle) with `code`. */
void             fake_eligibility_set_auto (FakeEligibility *self, const char *code);

/* Printer: prints succeed unless an error is set; counts tickets. */
#define FAKE_TYPE_PRINTER (fake_printer_get_type ())
G_DECLARE_FINAL_TYPE (FakePrinter, fake_printer, FAKE, PRINTER, GObject)
FakePrinter *fake_printer_new         (void);
/* -1: works; else the TdnTicketPrinterError code of the next prints. */
void         fake_printer_set_error   (FakePrinter *self, int code);
guint        fake_printer_printed     (FakePrinter *self);
guint        fake_printer_attempts    (FakePrinter *self);
const char  *fake_printer_last_number (FakePrinter *self);
TdnTicketBhyt fake_printer_last_bhyt  (FakePrinter *self);
/* The next successful print stays in flight until fake_printer_release();
 * `overlapped`: a print started while one was in flight. */
void         fake_printer_hold        (FakePrinter *self);
gboolean     fake_printer_holding     (FakePrinter *self);
void         fake_printer_release     (FakePrinter *self);
gboolean     fake_printer_overlapped  (FakePrinter *self);

/* Help desk: records reasons. */
#define FAKE_TYPE_HELP (fake_help_get_type ())
G_DECLARE_FINAL_TYPE (FakeHelp, fake_help, FAKE, HELP, GObject)
FakeHelp   *fake_help_new     (void);
/* Reasons raised so far, comma-separated ("reprint,manual_entry"). */
const char *fake_help_reasons (FakeHelp *self);
gboolean    fake_help_has     (FakeHelp *self, const char *reason);
/* Request fields of the last request (for privacy checks). */
const TdnHelpRequest *fake_help_last (FakeHelp *self);

/* Runs the default main context until nothing is pending. */
void        fake_drain        (void);

G_END_DECLS

G_BEGIN_DECLS
/* Iterates the main context (blocking) until `checkin` is in `state`. */
void        fake_wait_state   (TdnCheckin *checkin, TdnCheckinState state);
G_END_DECLS
