/* tdn-control-command.h — the demo kiosk's control protocol: one line, one command
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kiosk in demo mode listens on a UNIX socket (mode 0600) for lines of
 * UTF-8 text, so that tests and `tiepdonctl kiosk` can drive it without
 * the screen: "place-card mai", "tap yes", "state?". Each line gets one
 * answer line: "ok" or "ok {json}", or "error <message>".
 * docs/cli.md lists the commands. The parser trusts nothing: the length
 * is bounded, the text must be UTF-8 without control characters, every
 * name must be a known one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_CONTROL_MAX_LINE 1024

#define TDN_CONTROL_ERROR (tdn_control_error_quark ())
GQuark tdn_control_error_quark (void);

typedef enum {
  TDN_CONTROL_ERROR_SYNTAX,     /* not a command line at all */
  TDN_CONTROL_ERROR_UNKNOWN,    /* no such command */
  TDN_CONTROL_ERROR_ARGUMENT,   /* wrong or missing argument */
  TDN_CONTROL_ERROR_REFUSED,    /* the kiosk cannot do it now */
} TdnControlError;

/* Stable: new verbs are appended. */
typedef enum {
  TDN_CONTROL_STATE,        /* state?                     → ok {json} */
  TDN_CONTROL_PLACE_CARD,   /* place-card NAME            demo patient's ID card on the reader */
  TDN_CONTROL_REMOVE_CARD,  /* remove-card */
  TDN_CONTROL_SCAN_QR,      /* scan-qr TEXT               raw QR payload (rest of the line) */
  TDN_CONTROL_SCAN_PERSON,  /* scan-person NAME           the patient's card QR */
  TDN_CONTROL_TAP,          /* tap ACTION                 yes, no, back, call-staff, … */
  TDN_CONTROL_CLINIC,       /* clinic CODE */
  TDN_CONTROL_PRIORITY,     /* priority none|pregnant|severe_disability|merit */
  TDN_CONTROL_FIELD,        /* field NAME [TEXT]          keypad field, TEXT may be empty */
  TDN_CONTROL_LANGUAGE,     /* lang vi|en */
  TDN_CONTROL_PULL_PAPER,   /* pull-paper                 printer out of paper */
  TDN_CONTROL_LOAD_PAPER,   /* load-paper */
  TDN_CONTROL_PRINTER,      /* printer online|offline|uncertain */
  TDN_CONTROL_GATEWAY,      /* gateway up|down */
  TDN_CONTROL_READER,       /* reader plug|unplug         the card reader */
  TDN_CONTROL_SCANNER,      /* scanner plug|unplug */
  TDN_CONTROL_WAIT,         /* wait STATE [SECONDS]       answers when reached (default 10 s) */
  TDN_CONTROL_PEOPLE,       /* people?                    → ok {json} */
  TDN_CONTROL_CLINICS,      /* clinics?                   → ok {json} */
  TDN_CONTROL_HELP,         /* help                       → ok {json} */
} TdnControlVerb;

typedef struct {
  TdnControlVerb verb;
  char          *arg;       /* first argument, or NULL */
  char          *text;      /* the rest of the line (scan-qr, field), or NULL */
  int            seconds;   /* wait: timeout */
} TdnControlCommand;

/* `line` without its end of line ("\n" or "\r\n" are accepted and
 * dropped); `length` bytes, not NUL-terminated. */
gboolean     tdn_control_parse       (const char        *line,
                                      gsize              length,
                                      TdnControlCommand *out,
                                      GError           **error);
void         tdn_control_command_clear (TdnControlCommand *command);
const char  *tdn_control_verb_to_string (TdnControlVerb verb);
/* Every verb with its arguments, one per line (for "help"). */
const char  *tdn_control_usage       (void);

G_END_DECLS
