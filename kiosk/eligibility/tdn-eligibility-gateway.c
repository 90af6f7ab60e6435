/* tdn-eligibility-gateway.c — parse a KQNhanLichSuKCB2024 answer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway's DTOs are loose: any field may be null instead of "",
 * codes may come as numbers, error pages are HTML. Nothing here trusts the
 * bytes: json-glib is given the explicit length, every member is read by
 * type, and dates are checked before use.
 */
#define G_LOG_DOMAIN "tiepdon-eligibility"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "tdn-eligibility-private.h"
#include "tdn-i18n.h"

/* A member as a string: strings as-is, integers printed, anything else
 * (null, object, array, missing, "") is NULL. */
static char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        if (s == NULL || *s == '\0')
          return NULL;
        return g_strstrip (g_strdup (s));
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

/* "dd/MM/yyyy" → GDate; FALSE if not a real date. */
static gboolean
parse_vn_date (const char *s,
               GDate      *out)
{
  guint d, m, y;

  if (s == NULL || strlen (s) != 10 || s[2] != '/' || s[5] != '/')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 2 && i != 5 && !g_ascii_isdigit (s[i]))
      return FALSE;
  d = (guint) ((s[0] - '0') * 10 + (s[1] - '0'));
  m = (guint) ((s[3] - '0') * 10 + (s[4] - '0'));
  y = (guint) ((s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0'));
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* "dd/MM/yyyy" → "yyyy-MM-dd", NULL if not a valid date. */
static char *
iso_date (const char *s)
{
  GDate d;

  if (!parse_vn_date (s, &d))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d),
                          g_date_get_month (&d), g_date_get_day (&d));
}

static gboolean
date_within (const GDate *day,
             const char  *from,
             const char  *to)
{
  GDate f, t;

  if (day == NULL || !g_date_valid (day))
    return FALSE;
  if (!parse_vn_date (from, &f) || !parse_vn_date (to, &t))
    return FALSE;
  return g_date_compare (&f, day) <= 0 && g_date_compare (day, &t) <= 0;
}

/* maKetQua as a 3-digit string; numbers are padded ("0" → "000"). */
static char *
result_code (JsonObject *obj)
{
  g_autofree char *raw = member_string (obj, "maKetQua");
  gsize len;

  if (raw == NULL)
    return NULL;
  len = strlen (raw);
  if (len == 0 || len > 3)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (raw[i]))
      return NULL;
  return g_strdup_printf ("%03d", atoi (raw));
}

/* The gateway answers "Null hoTenCb" (as plain text, or as the ghiChu of
 * a JSON answer with some code) when the accountable officer's name or
 * CCCD is missing: the broker's configuration is wrong, not the patient's
 * details, so the desk and IT must hear it (config_error). */
static gboolean
mentions_null_officer (const char *data,
                       gsize       len)
{
  static const char *const marks[] = { "Null hoTenCb", "Null cccdCb" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_strstr_len (data, (gssize) MIN (len, (gsize) G_MAXSSIZE), marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

static TdnEligibility *
null_officer_result (const char *code)
{
  TdnEligibility *self = tdn_eligibility_new_for_code (code);

  self->status = TDN_ELIGIBILITY_CONFIG_ERROR;
  tdn_eligibility_set_message (self, tdn_eligibility_config_error_msgid ());
  return self;
}

TdnEligibility *
tdn_eligibility_from_gateway_json (const char  *data,
                                   gsize        len,
                                   const char  *facility_code,
                                   const GDate *visit_date,
                                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TdnEligibility) self = NULL;
  g_autofree char *code = NULL;
  g_autofree char *card = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *new_card = NULL;
  g_autofree char *new_from = NULL;
  g_autofree char *new_to = NULL;
  g_autofree char *facility = NULL;
  g_autofree char *new_facility = NULL;
  g_autofree char *five_years = NULL;
  JsonNode *root;
  JsonObject *obj;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0 || len > G_MAXSSIZE
      || !json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      /* A bare text answer has no code: it is the gateway refusing a
       * missing parameter, which its JSON answers call 205. */
      if (len > 0 && mentions_null_officer (data, len))
        return null_officer_result ("205");
      g_set_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED,
                   _("The insurance gateway's answer is not valid JSON."));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED,
                   _("The insurance gateway's answer is not a JSON object."));
      return NULL;
    }
  obj = json_node_get_object (root);
  code = result_code (obj);
  if (code == NULL)
    {
      g_set_error (error, TDN_ELIGIBILITY_ERROR, TDN_ELIGIBILITY_ERROR_MALFORMED,
                   _("The insurance gateway's answer has no result code."));
      return NULL;
    }

  if (mentions_null_officer (data, len))
    {
      self = null_officer_result (code);
      self->raw_json = g_strndup (data, len);
      return g_steal_pointer (&self);
    }
  self = tdn_eligibility_new_for_code (code);
  self->raw_json = g_strndup (data, len);

  card = member_string (obj, "maThe");
  from = member_string (obj, "gtTheTu");
  to = member_string (obj, "gtTheDen");
  facility = member_string (obj, "maDKBD");
  five_years = member_string (obj, "ngayDu5Nam");
  new_card = member_string (obj, "maTheMoi");
  new_from = member_string (obj, "gtTheTuMoi");
  new_to = member_string (obj, "gtTheDenMoi");
  new_facility = member_string (obj, "maDKBDMoi");

  /* 003/004: the new card applies when the visit falls inside its
   * validity (ADR 0300). For 003 it is the only valid card. */
  if ((strcmp (code, "003") == 0 || strcmp (code, "004") == 0)
      && tdn_eligibility_is_card_number (new_card)
      && date_within (visit_date, new_from, new_to))
    {
      self->new_card = TRUE;
      g_free (card);
      card = g_steal_pointer (&new_card);
      g_free (from);
      from = g_steal_pointer (&new_from);
      g_free (to);
      to = g_steal_pointer (&new_to);
      if (new_facility != NULL)
        {
          g_free (facility);
          facility = g_steal_pointer (&new_facility);
        }
      if (strcmp (code, "003") == 0)
        {
          self->status = TDN_ELIGIBILITY_ELIGIBLE;
          tdn_eligibility_set_message (self, tdn_eligibility_new_card_msgid ());
        }
    }

  /* The CCCD goes in maThe; only a real 15-char card is reported. */
  if (tdn_eligibility_is_card_number (card))
    self->card_number = g_steal_pointer (&card);
  self->benefit_level = tdn_eligibility_benefit_level (self->card_number);
  self->valid_from = iso_date (from);
  self->valid_to = iso_date (to);
  self->five_year_date = iso_date (five_years);
  if (facility != NULL && strlen (facility) == 5)
    {
      self->registered_facility = g_steal_pointer (&facility);
      self->registered_here = facility_code != NULL && *facility_code != '\0'
                              && strcmp (facility_code, self->registered_facility) == 0;
    }
  return g_steal_pointer (&self);
}
