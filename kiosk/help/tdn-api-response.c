/* tdn-api-response.c — answers and request parsing shared by API handlers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-help-api.h"
#include "tdn-help-api-private.h"
#include "tdn-json.h"

#define MAX_BODY (512 * 1024)

void
tdn_api_response_clear (TdnApiResponse *response)
{
  g_clear_pointer (&response->body, json_node_unref);
  response->status = 0;
  response->wait_s = 0;
}

void
tdn_api_response_set_error (TdnApiResponse *response,
                            guint           status,
                            const char     *code,
                            const char     *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  tdn_api_response_clear (response);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  json_builder_end_object (b);
  response->status = status;
  response->body = json_builder_get_root (b);
}

void
tdn_api_response_set_json (TdnApiResponse *response,
          guint           status,
          JsonNode       *body)
{
  tdn_api_response_clear (response);
  response->status = status;
  response->body = body;
}

void
tdn_api_response_set_store_error (TdnApiResponse *response,
                 const GError   *error)
{
  guint status = 503;
  const char *code = "unavailable";

  if (error->domain == TDN_HELP_ERROR)
    switch ((TdnHelpError) error->code)
      {
      case TDN_HELP_ERROR_NOT_FOUND: status = 404; code = "not_found"; break;
      case TDN_HELP_ERROR_CLAIMED: status = 409; code = "claimed"; break;
      case TDN_HELP_ERROR_RESOLVED: status = 409; code = "resolved"; break;
      case TDN_HELP_ERROR_INVALID: status = 400; code = "invalid"; break;
      case TDN_HELP_ERROR_DATABASE:
      case TDN_HELP_ERROR_SCHEMA:
      default: break;
      }
  tdn_api_response_set_error (response, status, code, error->message);
}

/* The body as a JSON object, or an error response. */
JsonNode *
tdn_api_request_parse_body (const TdnApiRequest *request,
            TdnApiResponse      *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data;

  if (request->body == NULL || g_bytes_get_size (request->body) == 0)
    {
      tdn_api_response_set_error (response, 400, "invalid", "a JSON body is required");
      return NULL;
    }
  data = g_bytes_get_data (request->body, &len);
  if (len > MAX_BODY)
    {
      tdn_api_response_set_error (response, 413, "invalid", "the body is too large");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error) ||
      !tdn_json_root_is_object (parser))
    {
      tdn_api_response_set_error (response, 400, "invalid", "the body is not a JSON object");
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

const char *
tdn_api_json_string (JsonNode   *node,
               const char *name)
{
  JsonNode *m = json_object_get_member (json_node_get_object (node), name);

  if (m == NULL || !JSON_NODE_HOLDS_VALUE (m) || json_node_get_value_type (m) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (m);
}

gboolean
tdn_api_request_query_int (const TdnApiRequest *request,
           const char          *name,
           gint64               min,
           gint64               max,
           gint64              *out,
           TdnApiResponse      *response)
{
  const char *text = request->query ? g_hash_table_lookup (request->query, name) : NULL;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    {
      g_autofree char *msg = g_strdup_printf ("“%s” must be a number from %" G_GINT64_FORMAT
                                              " to %" G_GINT64_FORMAT, name, min, max);
      tdn_api_response_set_error (response, 400, "invalid", msg);
      return FALSE;
    }
  return TRUE;
}

