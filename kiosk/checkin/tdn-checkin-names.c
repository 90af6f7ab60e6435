/* tdn-checkin-names.c — names of states, actions and fields; screen texts
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names are a stable interface (control protocol, UI tests, logs):
 * add new ones, never rename.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-checkin-private.h"

G_DEFINE_QUARK (tdn-checkin-error-quark, tdn_checkin_error)

static const char * const state_names[TDN_CHECKIN_N_STATES] = {
  [TDN_CHECKIN_STATE_WELCOME] = "welcome",
  [TDN_CHECKIN_STATE_READING] = "reading",
  [TDN_CHECKIN_STATE_CONFIRM_IDENTITY] = "confirm-identity",
  [TDN_CHECKIN_STATE_MANUAL_ENTRY] = "manual-entry",
  [TDN_CHECKIN_STATE_BHYT_ENTRY] = "bhyt-entry",
  [TDN_CHECKIN_STATE_CLINIC] = "clinic",
  [TDN_CHECKIN_STATE_PRIORITY] = "priority",
  [TDN_CHECKIN_STATE_CONFIRM] = "confirm",
  [TDN_CHECKIN_STATE_NOT_ELIGIBLE] = "not-eligible",
  [TDN_CHECKIN_STATE_COMMITTING] = "committing",
  [TDN_CHECKIN_STATE_PRINTING] = "printing",
  [TDN_CHECKIN_STATE_DONE] = "done",
  [TDN_CHECKIN_STATE_READER_MISSING] = "reader-missing",
  [TDN_CHECKIN_STATE_CARD_UNREADABLE] = "card-unreadable",
  [TDN_CHECKIN_STATE_GATEWAY_DOWN] = "gateway-down",
  [TDN_CHECKIN_STATE_PAPER_OUT] = "paper-out",
  [TDN_CHECKIN_STATE_SPOOL_ERROR] = "spool-error",
  [TDN_CHECKIN_STATE_PRINT_FAILED] = "print-failed",
  [TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE] = "printer-unavailable",
};

static const char * const action_names[TDN_CHECKIN_N_ACTIONS] = {
  [TDN_CHECKIN_ACTION_YES] = "yes",
  [TDN_CHECKIN_ACTION_NO] = "no",
  [TDN_CHECKIN_ACTION_BACK] = "back",
  [TDN_CHECKIN_ACTION_CANCEL] = "cancel",
  [TDN_CHECKIN_ACTION_CALL_STAFF] = "call-staff",
  [TDN_CHECKIN_ACTION_MORE_TIME] = "more-time",
  [TDN_CHECKIN_ACTION_MANUAL_ENTRY] = "manual-entry",
  [TDN_CHECKIN_ACTION_BHYT_ENTRY] = "bhyt-entry",
  [TDN_CHECKIN_ACTION_SELF_PAY] = "self-pay",
  [TDN_CHECKIN_ACTION_GO_TO_DESK] = "go-to-desk",
  [TDN_CHECKIN_ACTION_CONTINUE] = "continue",
  [TDN_CHECKIN_ACTION_RETRY] = "retry",
  [TDN_CHECKIN_ACTION_SUBMIT] = "submit",
  [TDN_CHECKIN_ACTION_FINISH] = "finish",
};

static const char * const field_names[TDN_CHECKIN_N_FIELDS] = {
  [TDN_CHECKIN_FIELD_ID_NUMBER] = "id-number",
  [TDN_CHECKIN_FIELD_DATE_OF_BIRTH] = "date-of-birth",
  [TDN_CHECKIN_FIELD_BHYT_NUMBER] = "bhyt-number",
  [TDN_CHECKIN_FIELD_FULL_NAME] = "full-name",
};

static const char * const bhyt_names[] = {
  [TDN_CHECKIN_BHYT_NONE] = "none",
  [TDN_CHECKIN_BHYT_CHECKING] = "checking",
  [TDN_CHECKIN_BHYT_ELIGIBLE] = "eligible",
  [TDN_CHECKIN_BHYT_NOT_ELIGIBLE] = "not-eligible",
  [TDN_CHECKIN_BHYT_MISMATCH] = "mismatch",
  [TDN_CHECKIN_BHYT_UNAVAILABLE] = "unavailable",
  [TDN_CHECKIN_BHYT_SELF_PAY] = "self-pay",
};

/* What each screen asks of the patient, in plain words. */
static const char * const state_instructions[TDN_CHECKIN_N_STATES] = {
  [TDN_CHECKIN_STATE_WELCOME] =
    N_("Put your ID card on the reader, or show the QR code on your card."),
  [TDN_CHECKIN_STATE_READING] =
    N_("Reading your card. Please leave it on the reader."),
  [TDN_CHECKIN_STATE_CONFIRM_IDENTITY] =
    N_("Is this you?"),
  [TDN_CHECKIN_STATE_MANUAL_ENTRY] =
    N_("Type the 12 digits of your ID number and your date of birth."),
  [TDN_CHECKIN_STATE_BHYT_ENTRY] =
    N_("Type your health insurance card number, your name and your date of birth."),
  [TDN_CHECKIN_STATE_CLINIC] =
    N_("Choose the clinic you want to see."),
  [TDN_CHECKIN_STATE_PRIORITY] =
    N_("Does one of these apply to you? You will be seen sooner."),
  [TDN_CHECKIN_STATE_CONFIRM] =
    N_("Check your choice, then press “Print my ticket”."),
  [TDN_CHECKIN_STATE_NOT_ELIGIBLE] =
    N_("Your health insurance cannot be used today. You can pay for this visit yourself, or get a ticket and go to the reception desk."),
  [TDN_CHECKIN_STATE_COMMITTING] =
    N_("Saving your visit…"),
  [TDN_CHECKIN_STATE_PRINTING] =
    N_("Printing your ticket…"),
  [TDN_CHECKIN_STATE_DONE] =
    N_("Take your ticket and go to the room shown."),
  [TDN_CHECKIN_STATE_READER_MISSING] =
    N_("The card reader is not working. You can type your ID number instead, or call a staff member."),
  [TDN_CHECKIN_STATE_CARD_UNREADABLE] =
    N_("Your card could not be read. Take it off and put it on the reader again, or show the QR code."),
  [TDN_CHECKIN_STATE_GATEWAY_DOWN] =
    N_("Your health insurance cannot be checked right now. You can still get your ticket: it will be checked later."),
  [TDN_CHECKIN_STATE_PAPER_OUT] =
    N_("The printer is out of paper. Your number is saved. Please wait or call a staff member."),
  [TDN_CHECKIN_STATE_SPOOL_ERROR] =
    N_("Your visit could not be saved. Please wait a moment or call a staff member."),
  [TDN_CHECKIN_STATE_PRINT_FAILED] =
    N_("Your ticket could not be printed. Your number is saved: please go to the reception desk, where staff will give you your ticket."),
  [TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE] =
    N_("The printer is not working. Your number is saved. Please wait or call a staff member."),
};

GType
tdn_checkin_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static GEnumValue values[TDN_CHECKIN_N_STATES + 1];
      GType t;

      for (guint i = 0; i < TDN_CHECKIN_N_STATES; i++)
        {
          values[i].value = (int) i;
          values[i].value_name = state_names[i];
          values[i].value_nick = state_names[i];
        }
      t = g_enum_register_static (g_intern_static_string ("TdnCheckinState"), values);
      g_once_init_leave (&type_id, t);
    }
  return type_id;
}

static gboolean
lookup (const char * const *names,
        guint               n,
        const char         *text,
        int                *out)
{
  for (guint i = 0; text != NULL && i < n; i++)
    if (names[i] != NULL && g_str_equal (names[i], text))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tdn_checkin_state_to_string (TdnCheckinState state)
{
  return (guint) state < TDN_CHECKIN_N_STATES ? state_names[state] : "unknown";
}

gboolean
tdn_checkin_state_from_string (const char      *text,
                               TdnCheckinState *out)
{
  int v;

  if (!lookup (state_names, TDN_CHECKIN_N_STATES, text, &v))
    return FALSE;
  *out = (TdnCheckinState) v;
  return TRUE;
}

const char *
tdn_checkin_action_to_string (TdnCheckinAction action)
{
  return (guint) action < TDN_CHECKIN_N_ACTIONS ? action_names[action] : "unknown";
}

gboolean
tdn_checkin_action_from_string (const char       *text,
                                TdnCheckinAction *out)
{
  int v;

  if (!lookup (action_names, TDN_CHECKIN_N_ACTIONS, text, &v))
    return FALSE;
  *out = (TdnCheckinAction) v;
  return TRUE;
}

const char *
tdn_checkin_field_to_string (TdnCheckinField field)
{
  return (guint) field < TDN_CHECKIN_N_FIELDS ? field_names[field] : "unknown";
}

gboolean
tdn_checkin_field_from_string (const char      *text,
                               TdnCheckinField *out)
{
  int v;

  if (!lookup (field_names, TDN_CHECKIN_N_FIELDS, text, &v))
    return FALSE;
  *out = (TdnCheckinField) v;
  return TRUE;
}

const char *
tdn_checkin_bhyt_to_string (TdnCheckinBhyt bhyt)
{
  return (guint) bhyt < G_N_ELEMENTS (bhyt_names) ? bhyt_names[bhyt] : "unknown";
}

const char *
tdn_checkin_state_instruction (TdnCheckinState state)
{
  return (guint) state < TDN_CHECKIN_N_STATES ? state_instructions[state] : "";
}
