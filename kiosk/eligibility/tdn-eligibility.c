/* tdn-eligibility.c — result model and the maKetQua classification table
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-eligibility"

#include "config.h"

#include <string.h>

#include "tdn-eligibility-private.h"
#include "tdn-i18n.h"

G_DEFINE_QUARK (tdn-eligibility-error-quark, tdn_eligibility_error)

typedef struct {
  const char          *code;
  TdnEligibilityStatus status;
  const char          *msgid;
} CodeEntry;

/* Every maKetQua of CV1923 §4 (+ legacy 080/090, TRAC's 500); see
 * docs/adr/0300-eligibility-classification.md for the choices. */
static const CodeEntry code_table[] = {
  { "000", TDN_ELIGIBILITY_ELIGIBLE,
    N_("Your health insurance card is valid.") },
  { "001", TDN_ELIGIBILITY_ELIGIBLE_WARNING,
    N_("Your card is managed by the Ministry of Defence social insurance. Please show your card and ID at the desk.") },
  { "002", TDN_ELIGIBILITY_ELIGIBLE_WARNING,
    N_("Your card is managed by the Ministry of Public Security social insurance. Please show your card and ID at the desk.") },
  { "003", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your old card has expired and a new card has been issued. Please see the desk.") },
  { "004", TDN_ELIGIBILITY_ELIGIBLE_WARNING,
    N_("A new health insurance card has been issued to you. Please check it at the desk.") },
  { "010", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance card has expired. Please see the desk.") },
  { "050", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("No health insurance card was found for this number. Please see the desk.") },
  { "051", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("The card number is not correct. Please check it or see the desk.") },
  { "052", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("The card number is not correct. Please check it or see the desk.") },
  { "053", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("The card number is not correct. Please check it or see the desk.") },
  { "054", TDN_ELIGIBILITY_CONFIG_ERROR,
    N_("The hospital cannot check insurance cards right now. Please see the desk.") },
  { "055", TDN_ELIGIBILITY_CONFIG_ERROR,
    N_("The hospital cannot check insurance cards right now. Please see the desk.") },
  { "060", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("Your name does not match the insurance record. Please see the desk.") },
  { "061", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("Your name does not match the insurance record. Please see the desk.") },
  { "070", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("Your date of birth does not match the insurance record. Please see the desk.") },
  { "080", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("Your details do not match the insurance record. Please see the desk.") },
  { "090", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("Your details do not match the insurance record. Please see the desk.") },
  { "100", TDN_ELIGIBILITY_UNAVAILABLE,
    N_("The insurance service is not answering right now. Please try again later or see the desk.") },
  { "101", TDN_ELIGIBILITY_UNAVAILABLE,
    N_("The insurance service is not answering right now. Please try again later or see the desk.") },
  { "110", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance card has been withdrawn. Please see the desk.") },
  { "120", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance is no longer active. Please see the desk.") },
  { "121", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance is no longer active. Please see the desk.") },
  { "122", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance is no longer active. Please see the desk.") },
  { "123", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance is no longer active. Please see the desk.") },
  { "124", TDN_ELIGIBILITY_NOT_ELIGIBLE,
    N_("Your health insurance is no longer active. Please see the desk.") },
  { "130", TDN_ELIGIBILITY_ELIGIBLE_WARNING,
    N_("The child's insurance card was not presented. Please see the desk.") },
  { "205", TDN_ELIGIBILITY_INPUT_MISMATCH,
    N_("Some details could not be read correctly. Please see the desk.") },
  { "401", TDN_ELIGIBILITY_CONFIG_ERROR,
    N_("The hospital cannot check insurance cards right now. Please see the desk.") },
  { "500", TDN_ELIGIBILITY_UNAVAILABLE,
    N_("The insurance service is not answering right now. Please try again later or see the desk.") },
};

static const char *unknown_msgid =
  N_("Your insurance could not be checked. Please see the desk.");
static const char *new_card_msgid =
  N_("Your new health insurance card is valid.");

static const char *status_names[] = {
  [TDN_ELIGIBILITY_ELIGIBLE] = "eligible",
  [TDN_ELIGIBILITY_ELIGIBLE_WARNING] = "eligible_warning",
  [TDN_ELIGIBILITY_NOT_ELIGIBLE] = "not_eligible",
  [TDN_ELIGIBILITY_INPUT_MISMATCH] = "input_mismatch",
  [TDN_ELIGIBILITY_CONFIG_ERROR] = "config_error",
  [TDN_ELIGIBILITY_UNAVAILABLE] = "unavailable",
};

const char *
tdn_eligibility_status_to_string (TdnEligibilityStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), "unavailable");
  return status_names[status];
}

gboolean
tdn_eligibility_status_from_string (const char           *str,
                                    TdnEligibilityStatus *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (str, status_names[i]) == 0)
      {
        *out = (TdnEligibilityStatus) i;
        return TRUE;
      }
  return FALSE;
}

static const CodeEntry *
lookup_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (code_table); i++)
    if (strcmp (code, code_table[i].code) == 0)
      return &code_table[i];
  return NULL;
}

TdnEligibilityStatus
tdn_eligibility_classify (const char *code)
{
  const CodeEntry *e = lookup_code (code);
  return e != NULL ? e->status : TDN_ELIGIBILITY_UNAVAILABLE;
}

void
tdn_eligibility_set_message (TdnEligibility *self,
                             const char     *msgid)
{
  g_free (self->message_vi);
  g_free (self->message_en);
  self->message_vi = g_strdup (tdn_i18n_translate ("vi", msgid));
  self->message_en = g_strdup (tdn_i18n_translate ("en", msgid));
}

const char *
tdn_eligibility_new_card_msgid (void)
{
  return new_card_msgid;
}

const char *
tdn_eligibility_config_error_msgid (void)
{
  const CodeEntry *e = lookup_code ("401");

  return e != NULL ? e->msgid : unknown_msgid;
}

TdnEligibility *
tdn_eligibility_new_for_code (const char *code)
{
  const CodeEntry *e = lookup_code (code);
  TdnEligibility *self = g_new0 (TdnEligibility, 1);

  self->code = g_strdup (code != NULL ? code : "");
  self->status = e != NULL ? e->status : TDN_ELIGIBILITY_UNAVAILABLE;
  tdn_eligibility_set_message (self, e != NULL ? e->msgid : unknown_msgid);
  return self;
}

TdnEligibility *
tdn_eligibility_new_unavailable (void)
{
  TdnEligibility *self = tdn_eligibility_new_for_code ("");
  tdn_eligibility_set_message (self, code_table[G_N_ELEMENTS (code_table) - 1].msgid);
  return self;
}

TdnEligibility *
tdn_eligibility_copy (const TdnEligibility *self)
{
  TdnEligibility *c;

  g_return_val_if_fail (self != NULL, NULL);
  c = g_memdup2 (self, sizeof *self);
  c->code = g_strdup (self->code);
  c->message_vi = g_strdup (self->message_vi);
  c->message_en = g_strdup (self->message_en);
  c->card_number = g_strdup (self->card_number);
  c->valid_from = g_strdup (self->valid_from);
  c->valid_to = g_strdup (self->valid_to);
  c->registered_facility = g_strdup (self->registered_facility);
  c->five_year_date = g_strdup (self->five_year_date);
  c->raw_json = g_strdup (self->raw_json);
  return c;
}

void
tdn_eligibility_free (TdnEligibility *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->message_vi);
  g_free (self->message_en);
  g_free (self->card_number);
  g_free (self->valid_from);
  g_free (self->valid_to);
  g_free (self->registered_facility);
  g_free (self->five_year_date);
  g_free (self->raw_json);
  g_free (self);
}

gboolean
tdn_eligibility_is_card_number (const char *card)
{
  if (card == NULL || strlen (card) != 15)
    return FALSE;
  if (!g_ascii_isupper (card[0]) || !g_ascii_isupper (card[1]))
    return FALSE;
  if (card[2] < '1' || card[2] > '5')
    return FALSE;
  for (int i = 3; i < 15; i++)
    if (!g_ascii_isdigit (card[i]))
      return FALSE;
  return TRUE;
}

int
tdn_eligibility_benefit_level (const char *card_number)
{
  return tdn_eligibility_is_card_number (card_number) ? card_number[2] - '0' : 0;
}
