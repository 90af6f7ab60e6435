/* tdn-fhir-response.c — what a FHIR server's answer to a transaction means
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include <json-glib/json-glib.h>

#include "tdn-fhir-response.h"

#define MAX_REASON 400
#define MAX_ISSUES 5

const char *
tdn_sync_verdict_to_string (TdnSyncVerdict verdict)
{
  switch (verdict)
    {
    case TDN_SYNC_DELIVERED: return "delivered";
    case TDN_SYNC_RETRY: return "retry";
    case TDN_SYNC_PARK: return "park";
    default: return "unknown";
    }
}

/* Printable, one line, at most MAX_REASON bytes, cut at a character. */
static void
append_clean (GString    *out,
              const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0' && out->len < MAX_REASON; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0xFFFD)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
}

static const char *
member_string (JsonObject *o,
               const char *key)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, key) : NULL;

  if (n == NULL || JSON_NODE_TYPE (n) != JSON_NODE_VALUE || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
member_object (JsonObject *o,
               const char *key)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, key) : NULL;

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
member_array (JsonObject *o,
              const char *key)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, key) : NULL;

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* "diagnostics; diagnostics…" of an OperationOutcome, or NULL. */
static char *
outcome_text (JsonObject *oo)
{
  JsonArray *issues = member_array (oo, "issue");
  GString *s;

  if (g_strcmp0 (member_string (oo, "resourceType"), "OperationOutcome") != 0 || issues == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (issues) && i < MAX_ISSUES; i++)
    {
      JsonNode *n = json_array_get_element (issues, i);
      JsonObject *issue = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *text = member_string (issue, "diagnostics");

      if (text == NULL)
        text = member_string (member_object (issue, "details"), "text");
      if (text == NULL)
        text = member_string (issue, "code");
      if (text == NULL)
        continue;
      if (s->len > 0)
        g_string_append (s, "; ");
      append_clean (s, text);
    }
  if (s->len == 0)
    g_string_append (s, "no diagnostics");
  return g_string_free (s, FALSE);
}

/* The JSON object in the body, or NULL when the body is not JSON. */
static JsonNode *
parse_body (const guint8 *body,
            gsize         length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (body == NULL || length == 0 || length > TDN_FHIR_RESPONSE_MAX ||
      memchr (body, '\0', length) != NULL || !g_utf8_validate_len ((const char *) body, length, NULL))
    return NULL;
  if (!json_parser_load_from_data (parser, (const char *) body, (gssize) length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_node_copy (root);
}

/* "HTML page", "text", … for a body that is not FHIR JSON. */
static const char *
describe_body (const char   *content_type,
               const guint8 *body,
               gsize         length)
{
  if (length == 0)
    return "an empty body";
  if ((content_type != NULL && g_str_has_prefix (content_type, "text/html")) ||
      (length >= 5 && (g_ascii_strncasecmp ((const char *) body, "<html", 5) == 0 ||
                       g_ascii_strncasecmp ((const char *) body, "<!doc", 5) == 0)))
    return "an HTML page";
  if (length > TDN_FHIR_RESPONSE_MAX)
    return "an oversized body";
  return "a body that is not FHIR JSON";
}

/* Delivered when every entry's response.status is 2xx. */
static TdnSyncVerdict
check_transaction_response (JsonObject  *bundle,
                            long         http_status,
                            char       **reason)
{
  JsonArray *entries = member_array (bundle, "entry");
  g_autoptr(GString) created = g_string_new (NULL);

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonNode *n = json_array_get_element (entries, i);
      JsonObject *response = member_object (JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL,
                                            "response");
      const char *status = member_string (response, "status");

      if (status == NULL || !g_ascii_isdigit (status[0]) || status[0] != '2')
        {
          g_autofree char *why = outcome_text (member_object (response, "outcome"));
          GString *s = g_string_new (NULL);

          g_string_append_printf (s, "HTTP %ld but entry %u answered ", http_status, i + 1);
          append_clean (s, status != NULL ? status : "nothing");
          if (why != NULL)
            {
              g_string_append (s, ": ");
              append_clean (s, why);
            }
          *reason = g_string_free (s, FALSE);
          return TDN_SYNC_PARK;
        }
      if (created->len < 64)
        {
          /* The code's digits only: "%.3s" could cut a UTF-8 character. */
          if (created->len > 0)
            g_string_append_c (created, ',');
          for (int k = 0; k < 3 && g_ascii_isdigit (status[k]); k++)
            g_string_append_c (created, status[k]);
        }
    }
  *reason = g_strdup_printf ("HTTP %ld, entries %s", http_status, created->len ? created->str : "none");
  return TDN_SYNC_DELIVERED;
}

TdnSyncVerdict
tdn_fhir_classify_response (long          http_status,
                            const char   *content_type,
                            const guint8 *body,
                            gsize         length,
                            char        **reason)
{
  g_autoptr(JsonNode) root = parse_body (body, length);
  JsonObject *o = root != NULL ? json_node_get_object (root) : NULL;
  g_autofree char *oo = outcome_text (o);
  const char *type = member_string (o, "resourceType");
  g_autofree char *detail = oo != NULL ? g_strdup_printf (": %s", oo)
                            : g_strdup_printf (" with %s", describe_body (content_type, body, length));

  g_return_val_if_fail (reason != NULL, TDN_SYNC_RETRY);

  if (http_status >= 200 && http_status < 300)
    {
      if (g_strcmp0 (type, "Bundle") == 0 &&
          (g_strcmp0 (member_string (o, "type"), "transaction-response") == 0 ||
           g_strcmp0 (member_string (o, "type"), "batch-response") == 0))
        return check_transaction_response (o, http_status, reason);
      /* Conditional creates make a resend harmless; a 200 HTML page from a
       * proxy must not count as the HIS having the visit. */
      *reason = g_strdup_printf ("HTTP %ld%s (not a transaction-response; is fhir_url the FHIR base?)",
                                 http_status, detail);
      return TDN_SYNC_RETRY;
    }
  switch (http_status)
    {
    case 400:
    case 422:
      *reason = g_strdup_printf ("HTTP %ld, the HIS refused the visit%s", http_status, detail);
      return TDN_SYNC_PARK;
    case 412:
      *reason = g_strdup_printf ("HTTP 412, the HIS holds more than one record for an identifier%s", detail);
      return TDN_SYNC_PARK;
    case 401:
    case 403:
      *reason = g_strdup_printf ("HTTP %ld, the HIS refused the kiosk's credentials%s; check fhir_token_file"
                                 " or client_cert", http_status, detail);
      return TDN_SYNC_RETRY;
    case 404:
    case 405:
      *reason = g_strdup_printf ("HTTP %ld%s; check fhir_url", http_status, detail);
      return TDN_SYNC_RETRY;
    case 408:
    case 409:
    case 425:
    case 429:
      *reason = g_strdup_printf ("HTTP %ld, the HIS is busy%s", http_status, detail);
      return TDN_SYNC_RETRY;
    default:
      break;
    }
  if (http_status >= 300 && http_status < 400)
    {
      /* Redirects are not followed: a POST must not silently change hands. */
      *reason = g_strdup_printf ("HTTP %ld, the HIS redirects; set fhir_url to the final address", http_status);
      return TDN_SYNC_RETRY;
    }
  if (http_status >= 500 && http_status < 600)
    {
      *reason = g_strdup_printf ("HTTP %ld, the HIS failed%s", http_status, detail);
      return TDN_SYNC_RETRY;
    }
  if (http_status >= 400 && http_status < 500)
    {
      *reason = g_strdup_printf ("HTTP %ld, the HIS refused the visit%s", http_status, detail);
      return TDN_SYNC_PARK;
    }
  *reason = g_strdup_printf ("HTTP %ld%s", http_status, detail);
  return TDN_SYNC_RETRY;
}
