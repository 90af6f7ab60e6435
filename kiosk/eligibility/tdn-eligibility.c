/* tdn-eligibility.c — the gateway's answer, parsed defensively and classified
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-eligibility"

#include "config.h"

#include "tdn-base.h"
#include "tdn-eligibility.h"
#include "tdn-identity.h"

/* bhyt-gateway.md §3: every documented maKetQua, its class and what the
 * patient is told. */
static const struct {
  const char           *code;
  TdnEligibilityStatus  status;
  const char           *message;
} codes[] = {
  { "000", TDN_ELIGIBILITY_ELIGIBLE, N_("Your health insurance card is valid.") },
  { "001", TDN_ELIGIBILITY_ELIGIBLE_WARNING, N_("Your card is managed by the Ministry of Defence: please show it at the desk.") },
  { "002", TDN_ELIGIBILITY_ELIGIBLE_WARNING, N_("Your card is managed by the Ministry of Public Security: please show it at the desk.") },
  { "003", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your old card has expired and a new card has been issued.") },
  { "004", TDN_ELIGIBILITY_ELIGIBLE_WARNING, N_("A new card has been issued to you; the desk will check which one to use.") },
  { "010", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance card has expired.") },
  { "050", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("No health insurance card was found for you.") },
  { "051", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("The card number is not right. Please check it at the desk.") },
  { "052", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("The card number is not right. Please check it at the desk.") },
  { "053", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("The card number is not right. Please check it at the desk.") },
  { "054", TDN_ELIGIBILITY_CONFIG_ERROR, N_("The card cannot be checked right now. Please go to the desk.") },
  { "055", TDN_ELIGIBILITY_CONFIG_ERROR, N_("The card cannot be checked right now. Please go to the desk.") },
  { "060", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("Your name is written differently in the insurance records. Please go to the desk.") },
  { "061", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("Your name is written differently in the insurance records. Please go to the desk.") },
  { "070", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("Your date of birth differs in the insurance records. Please go to the desk.") },
  { "080", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("Your details differ in the insurance records. Please go to the desk.") },
  { "090", TDN_ELIGIBILITY_INPUT_MISMATCH, N_("Your details differ in the insurance records. Please go to the desk.") },
  { "100", TDN_ELIGIBILITY_UNAVAILABLE, N_("The insurance system is busy. Your card will be checked later.") },
  { "101", TDN_ELIGIBILITY_UNAVAILABLE, N_("The insurance system is busy. Your card will be checked later.") },
  { "110", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance card has been withdrawn.") },
  { "120", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance has stopped.") },
  { "121", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance has stopped (moved to another province).") },
  { "122", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance has stopped (moved within the province).") },
  { "123", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance has stopped (enrolled again at the same unit).") },
  { "124", TDN_ELIGIBILITY_NOT_ELIGIBLE, N_("Your health insurance has stopped.") },
  { "130", TDN_ELIGIBILITY_ELIGIBLE_WARNING, N_("Children's cards are checked at the desk. Please go there.") },
  { "205", TDN_ELIGIBILITY_CONFIG_ERROR, N_("The card cannot be checked right now. Please go to the desk.") },
  { "401", TDN_ELIGIBILITY_CONFIG_ERROR, N_("The card cannot be checked right now. Please go to the desk.") },
  { "500", TDN_ELIGIBILITY_UNAVAILABLE, N_("The insurance system is busy. Your card will be checked later.") },
};

static const char *unknown_message = N_("The insurance system gave an answer we do not know. Please go to the desk.");
static const char *unreachable_message = N_("The insurance system cannot be reached. Your card will be checked later.");
static const char *new_card_message = N_("Your new health insurance card is valid.");

static int
find_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (codes[i].code, code) == 0)
      return (int) i;
  return -1;
}

TdnEligibility *
tdn_eligibility_new (void)
{
  TdnEligibility *self = g_new0 (TdnEligibility, 1);

  self->code = g_strdup ("");
  self->status = TDN_ELIGIBILITY_UNAVAILABLE;
  self->message_en = unreachable_message;
  self->message_vi = tdn_i18n_translate ("vi", unreachable_message);
  return self;
}

void
tdn_eligibility_free (TdnEligibility *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->card_number);
  g_free (self->registered_facility);
  tdn_secure_clear_string (self->name);
  g_free (self->name);
  tdn_secure_clear_string (self->raw);
  g_free (self->raw);
  g_free (self);
}

const char *
tdn_eligibility_status_to_string (TdnEligibilityStatus status)
{
  static const char * const names[] = {
    "eligible", "eligible_warning", "not_eligible", "input_mismatch", "config_error", "unavailable",
  };

  return (guint) status < G_N_ELEMENTS (names) ? names[status] : "unavailable";
}

static void
set_message (TdnEligibility *self,
             const char     *msgid)
{
  self->message_en = msgid;
  self->message_vi = tdn_i18n_translate ("vi", msgid);
}

TdnEligibility *
tdn_eligibility_unavailable (const char *reason_en)
{
  TdnEligibility *self = tdn_eligibility_new ();

  if (reason_en != NULL)
    g_message ("BHYT lookup unavailable: %s", reason_en);
  return self;
}

/* A string member, or NULL for absent, null, "", or a non-scalar. Numbers
 * are accepted and turned into text (some gateways send maKetQua as one). */
static char *
member_text (JsonObject *o,
             const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  g_autofree char *text = NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_STRING:
      text = g_strdup (json_node_get_string (n));
      break;
    case G_TYPE_INT64:
      text = g_strdup_printf ("%03" G_GINT64_FORMAT, json_node_get_int (n));
      break;
    default:
      return NULL;
    }
  g_strstrip (text);
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL) || strlen (text) > 1024)
    return NULL;
  return g_steal_pointer (&text);
}

static void
member_date (JsonObject     *o,
             const char     *name,
             TdnPartialDate *out)
{
  g_autofree char *text = member_text (o, name);

  if (text == NULL || !tdn_partial_date_parse_slashed (text, out, NULL))
    memset (out, 0, sizeof *out);
}

static gboolean
inside (const TdnPartialDate *day,
        const TdnPartialDate *from,
        const TdnPartialDate *to)
{
  return from->year != 0 && to->year != 0 &&
         tdn_partial_date_compare (day, from) >= 0 && tdn_partial_date_compare (day, to) <= 0;
}

static int
benefit_level_of (const char *card)
{
  if (card != NULL && strlen (card) == 15 && card[2] >= '1' && card[2] <= '5')
    return card[2] - '0';
  return 0;
}

TdnEligibility *
tdn_eligibility_from_gateway (const char           *body,
                              gsize                 length,
                              guint                 http_status,
                              const TdnPartialDate *visit_day,
                              const char           *facility_code)
{
  g_autoptr(TdnEligibility) self = tdn_eligibility_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *code = NULL;
  g_autofree char *new_card = NULL;
  JsonObject *o;
  int i;

  self->raw = g_strndup (body ? body : "", body ? MIN (length, 64 * 1024) : 0);
  if (http_status == 401)
    {
      g_free (self->code);
      self->code = g_strdup ("401");
      self->status = TDN_ELIGIBILITY_CONFIG_ERROR;
      set_message (self, codes[find_code ("401")].message);
      return g_steal_pointer (&self);
    }
  if (body == NULL || length == 0 || length > 1024 * 1024 ||
      !json_parser_load_from_data (parser, body, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      /* HTML error pages, truncated answers: try again later. */
      g_message ("BHXH gateway answered HTTP %u without usable JSON (%" G_GSIZE_FORMAT " bytes)",
                 http_status, length);
      return g_steal_pointer (&self);
    }
  o = json_node_get_object (json_parser_get_root (parser));
  code = member_text (o, "maKetQua");
  if (code == NULL)
    {
      g_message ("BHXH gateway answer has no maKetQua");
      return g_steal_pointer (&self);
    }
  g_free (self->code);
  self->code = g_strdup (code);

  i = find_code (code);
  if (i < 0)
    {
      g_message ("BHXH gateway answered unknown code %s", code);
      self->status = TDN_ELIGIBILITY_UNAVAILABLE;
      set_message (self, unknown_message);
    }
  else
    {
      self->status = codes[i].status;
      set_message (self, codes[i].message);
    }

  /* Card data: present on success, and on 06x/070 for the desk. */
  self->card_number = member_text (o, "maThe");
  member_date (o, "gtTheTu", &self->valid_from);
  member_date (o, "gtTheDen", &self->valid_to);
  self->registered_facility = member_text (o, "maDKBD");
  member_date (o, "ngayDu5Nam", &self->five_year_date);
  self->name = member_text (o, "hoTen");
  member_date (o, "ngaySinh", &self->date_of_birth);

  /* A newer card (003, 004, or maTheMoi differing) counts when the visit
   * day is inside its validity. */
  new_card = member_text (o, "maTheMoi");
  if (new_card != NULL && (g_str_equal (code, "003") || g_str_equal (code, "004") ||
                           g_strcmp0 (new_card, self->card_number) != 0))
    {
      TdnPartialDate from, to;

      member_date (o, "gtTheTuMoi", &from);
      member_date (o, "gtTheDenMoi", &to);
      if (visit_day != NULL && inside (visit_day, &from, &to))
        {
          g_autofree char *facility = member_text (o, "maDKBDMoi");

          g_free (self->card_number);
          self->card_number = g_steal_pointer (&new_card);
          self->valid_from = from;
          self->valid_to = to;
          if (facility != NULL)
            {
              g_free (self->registered_facility);
              self->registered_facility = g_steal_pointer (&facility);
            }
          self->new_card = TRUE;
          if (g_str_equal (code, "003"))
            {
              self->status = TDN_ELIGIBILITY_ELIGIBLE;
              set_message (self, new_card_message);
            }
        }
    }

  /* 000 but the visit day is outside the card's dates: the desk looks. */
  if (self->status == TDN_ELIGIBILITY_ELIGIBLE && visit_day != NULL &&
      self->valid_to.year != 0 && tdn_partial_date_compare (visit_day, &self->valid_to) > 0)
    {
      self->status = TDN_ELIGIBILITY_NOT_ELIGIBLE;
      set_message (self, codes[find_code ("010")].message);
    }

  self->benefit_level = benefit_level_of (self->card_number);
  if (self->registered_facility != NULL && facility_code != NULL && *facility_code != '\0')
    self->facility = g_str_equal (self->registered_facility, facility_code) ? TDN_FACILITY_MATCH
                                                                           : TDN_FACILITY_ELSEWHERE;
  return g_steal_pointer (&self);
}

static void
add_date (JsonBuilder          *b,
          const char           *name,
          const TdnPartialDate *d)
{
  g_autofree char *iso = d->year != 0 ? tdn_partial_date_to_iso (d) : NULL;

  tdn_json_add_string (b, name, iso);
}

JsonNode *
tdn_eligibility_to_json (const TdnEligibility *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  tdn_json_add_string (b, "status", tdn_eligibility_status_to_string (self->status));
  tdn_json_add_string (b, "code", *self->code ? self->code : NULL);
  tdn_json_add_string (b, "message_vi", self->message_vi);
  tdn_json_add_string (b, "message_en", self->message_en);
  tdn_json_add_string (b, "card_number", self->card_number);
  add_date (b, "valid_from", &self->valid_from);
  add_date (b, "valid_to", &self->valid_to);
  tdn_json_add_string (b, "registered_facility", self->registered_facility);
  json_builder_set_member_name (b, "benefit_level");
  if (self->benefit_level > 0)
    json_builder_add_int_value (b, self->benefit_level);
  else
    json_builder_add_null_value (b);
  add_date (b, "five_year_date", &self->five_year_date);
  json_builder_set_member_name (b, "new_card");
  json_builder_add_boolean_value (b, self->new_card);
  tdn_json_add_string (b, "facility",
                       self->facility == TDN_FACILITY_MATCH ? "registered_here"
                       : self->facility == TDN_FACILITY_ELSEWHERE ? "registered_elsewhere" : NULL);
  json_builder_set_member_name (b, "latency_ms");
  json_builder_add_int_value (b, self->latency_ms);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
