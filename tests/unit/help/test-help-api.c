/* test-help-api.c — the help API as kiosks and desks use it
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-help-api.h"
#include "tdn-pin.h"

typedef struct {
  char         *dir;
  char         *path;
  TdnHelpStore *store;
  TdnStaffAuth *staff;
  TdnHelpApi   *api;
  guint         changes;
} Fixture;

static void
changed_cb (TdnHelpApi *api,
            gpointer    data)
{
  ((Fixture *) data)->changes++;
}

static void
setup (Fixture      *f,
       gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_broker);
  g_autofree char *lan = tdn_pin_hash ("246810", 1000, NULL);
  g_autofree char *hoa = tdn_pin_hash ("135791", 1000, NULL);
  g_autofree char *text = g_strdup_printf (
    "[bhxh]\nusername=01999_BV\npassword=x\nofficer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
    "[nurses]\nmax_pin_failures=3\n"
    "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n"
    "[staff hoa]\ndisplay_name=Trần Thị Hoa\npin_hash=%s\n", lan, hoa);

  g_assert_true (tdn_config_load_data (config, text, "broker.conf", NULL));
  f->dir = g_dir_make_tmp ("tdn-help-api-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "broker.db", NULL);
  f->store = tdn_help_store_open (f->path, NULL);
  f->staff = tdn_staff_auth_new_with_policy (config, "nurses");
  f->api = tdn_help_api_new (f->store, f->staff);
  g_signal_connect (f->api, "changed", G_CALLBACK (changed_cb), f);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->api);
  g_clear_object (&f->staff);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Runs one request; returns the status, the body in `out` (may be NULL). */
static guint
call (Fixture     *f,
      const char  *method,
      const char  *path_and_query,
      TdnApiRole   role,
      const char  *client,
      const char  *session,
      const char  *body,
      gboolean     final_attempt,
      JsonNode   **out)
{
  g_auto(GStrv) pq = g_strsplit (path_and_query, "?", 2);
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;
  TdnApiRequest req = { 0 };
  TdnApiResponse resp = { 0 };
  guint status;

  if (pq[1] != NULL)
    query = g_uri_parse_params (pq[1], -1, "&", G_URI_PARAMS_NONE, NULL);
  req.method = method;
  req.path = pq[0];
  req.query = query;
  req.role = role;
  req.client = client;
  req.session = session;
  req.body = bytes;
  req.final_attempt = final_attempt;
  tdn_help_api_handle (f->api, &req, &resp);
  status = resp.status;
  if (out != NULL)
    *out = resp.body ? json_node_ref (resp.body) : NULL;
  tdn_api_response_clear (&resp);
  return status;
}

static char *
sign_in (Fixture    *f,
         const char *login,
         const char *pin)
{
  g_autoptr(JsonNode) out = NULL;
  g_autofree char *body = g_strdup_printf ("{\"login\":\"%s\",\"pin\":\"%s\"}", login, pin);

  g_assert_cmpuint (call (f, "POST", "/staff/sign-in", TDN_API_ROLE_DESK, "DESK1", NULL, body, FALSE, &out), ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (out), "session"));
}

static const char *kiosk_body =
  "{\"kiosk_id\":\"K2\",\"reason\":\"expired_card\",\"ticket_number\":\"K2-A015\","
  "\"visit_ref\":\"1b4e28ba-2fa1-4d2e-883f-0016d3cca427\","
  "\"masked_name\":\"N. T. M.\",\"masked_id\":\"0011******45\",\"photo_jpeg\":\"/9j/4AAQSkZJRgABAQ==\"}";

static char *
post_help (Fixture *f)
{
  g_autoptr(JsonNode) out = NULL;

  g_assert_cmpuint (call (f, "POST", "/help", TDN_API_ROLE_KIOSK, "K2", NULL, kiosk_body, FALSE, &out), ==, 201);
  return g_strdup (json_object_get_string_member (json_node_get_object (out), "id"));
}

static void
test_auth (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(JsonNode) out = NULL;

  g_assert_cmpuint (call (f, "POST", "/help", TDN_API_ROLE_NONE, NULL, NULL, kiosk_body, FALSE, NULL), ==, 401);
  /* A kiosk cannot speak for another kiosk. */
  g_assert_cmpuint (call (f, "POST", "/help", TDN_API_ROLE_KIOSK, "K9", NULL, kiosk_body, FALSE, NULL), ==, 403);
  /* A kiosk cannot read the desk's list; a desk without a nurse neither. */
  g_assert_cmpuint (call (f, "GET", "/help", TDN_API_ROLE_KIOSK, "K2", NULL, NULL, FALSE, NULL), ==, 403);
  g_assert_cmpuint (call (f, "GET", "/help", TDN_API_ROLE_DESK, "DESK1", NULL, NULL, FALSE, &out), ==, 401);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (out), "error"), "code"),
                   ==, "no_session");
  g_assert_cmpuint (call (f, "GET", "/help", TDN_API_ROLE_DESK, "DESK1", "forged", NULL, FALSE, NULL), ==, 401);
  g_assert_cmpuint (call (f, "POST", "/staff/sign-in", TDN_API_ROLE_KIOSK, "K2", NULL,
                          "{\"login\":\"lan\",\"pin\":\"246810\"}", FALSE, NULL), ==, 403);
  g_assert_cmpuint (call (f, "POST", "/staff/sign-in", TDN_API_ROLE_DESK, "DESK1", NULL,
                          "{\"login\":\"lan\",\"pin\":\"000000\"}", FALSE, NULL), ==, 401);
  g_assert_cmpuint (call (f, "POST", "/staff/sign-in", TDN_API_ROLE_DESK, "DESK1", NULL,
                          "not json", FALSE, NULL), ==, 400);
  /* A blank body parses to no document at all: refused, not a critical. */
  g_assert_cmpuint (call (f, "POST", "/help", TDN_API_ROLE_KIOSK, "K2", NULL, " ", FALSE, NULL), ==, 400);
  for (int i = 0; i < 2; i++)
    call (f, "POST", "/staff/sign-in", TDN_API_ROLE_DESK, "DESK1", NULL,
          "{\"login\":\"lan\",\"pin\":\"000000\"}", FALSE, NULL);
  g_assert_cmpuint (call (f, "POST", "/staff/sign-in", TDN_API_ROLE_DESK, "DESK1", NULL,
                          "{\"login\":\"lan\",\"pin\":\"246810\"}", FALSE, NULL), ==, 423);
}

static void
test_long_poll (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *s = sign_in (f, "lan", "246810");
  g_autoptr(JsonNode) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *q = NULL;
  gint64 seq;

  g_assert_cmpuint (call (f, "GET", "/help", TDN_API_ROLE_DESK, "DESK1", s, NULL, FALSE, &out), ==, 200);
  seq = json_object_get_int_member (json_node_get_object (out), "seq");
  g_clear_pointer (&out, json_node_unref);

  /* Nothing new: the host is told to hold the request. */
  q = g_strdup_printf ("/help?since=%" G_GINT64_FORMAT "&wait=30", seq);
  g_assert_cmpuint (call (f, "GET", q, TDN_API_ROLE_DESK, "DESK1", s, NULL, FALSE, NULL), ==, 0);
  /* After the wait, an empty answer. */
  g_assert_cmpuint (call (f, "GET", q, TDN_API_ROLE_DESK, "DESK1", s, NULL, TRUE, &out), ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (out), "requests")), ==, 0);
  g_clear_pointer (&out, json_node_unref);

  f->changes = 0;
  id = post_help (f);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (call (f, "GET", q, TDN_API_ROLE_DESK, "DESK1", s, NULL, FALSE, &out), ==, 200);
  {
    JsonArray *a = json_object_get_array_member (json_node_get_object (out), "requests");
    JsonObject *r = json_array_get_object_element (a, 0);

    g_assert_cmpuint (json_array_get_length (a), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (r, "id"), ==, id);
    g_assert_false (json_object_has_member (r, "photo_jpeg"));
    g_assert_true (json_object_get_boolean_member (r, "has_photo"));
  }
  g_assert_cmpuint (call (f, "GET", "/help?wait=61&since=0", TDN_API_ROLE_DESK, "DESK1", s, NULL, FALSE, NULL), ==, 400);
}

static void
test_claim_override_resolve (Fixture      *f,
                             gconstpointer data)
{
  g_autofree char *lan = sign_in (f, "lan", "246810");
  g_autofree char *hoa = sign_in (f, "hoa", "135791");
  g_autofree char *id = post_help (f);
  g_autofree char *p_claim = g_strdup_printf ("/help/%s/claim", id);
  g_autofree char *p_override = g_strdup_printf ("/help/%s/override", id);
  g_autofree char *p_overrides = g_strdup_printf ("/help/%s/overrides", id);
  g_autofree char *p_resolve = g_strdup_printf ("/help/%s/resolve", id);
  g_autofree char *p_one = g_strdup_printf ("/help/%s", id);
  g_autoptr(JsonNode) out = NULL;
  const char *ovr = "{\"action\":\"self_pay\",\"old\":{\"payment\":\"bhyt\"},"
                    "\"new\":{\"payment\":\"self_pay\"},\"reason\":\"Thẻ hết hạn, người bệnh đồng ý tự trả\"}";
  JsonObject *o;

  /* The photo is there for the identity check. */
  g_assert_cmpuint (call (f, "GET", p_one, TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, &out), ==, 200);
  g_assert_true (json_object_has_member (json_node_get_object (out), "photo_jpeg"));
  g_clear_pointer (&out, json_node_unref);

  /* Overrides need the request first. */
  g_assert_cmpuint (call (f, "POST", p_override, TDN_API_ROLE_DESK, "DESK1", lan, ovr, FALSE, NULL), ==, 409);

  g_assert_cmpuint (call (f, "POST", p_claim, TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, NULL), ==, 200);
  g_assert_cmpuint (call (f, "POST", p_claim, TDN_API_ROLE_DESK, "DESK2", hoa, NULL, FALSE, &out), ==, 409);
  o = json_object_get_object_member (json_node_get_object (out), "error");
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "claimed");
  g_assert_nonnull (strstr (json_object_get_string_member (o, "message"), "lan"));
  g_assert_cmpstr (json_object_get_string_member (o, "claimed_by"), ==, "lan");
  g_clear_pointer (&out, json_node_unref);

  g_assert_cmpuint (call (f, "POST", p_override, TDN_API_ROLE_DESK, "DESK2", hoa, ovr, FALSE, NULL), ==, 409);
  g_assert_cmpuint (call (f, "POST", p_override, TDN_API_ROLE_DESK, "DESK1", lan,
                          "{\"action\":\"self_pay\",\"reason\":\"  \"}", FALSE, NULL), ==, 400);
  g_assert_cmpuint (call (f, "POST", p_override, TDN_API_ROLE_DESK, "DESK1", lan,
                          "{\"action\":\"teleport\",\"reason\":\"x\"}", FALSE, NULL), ==, 400);
  g_assert_cmpuint (call (f, "POST", p_override, TDN_API_ROLE_DESK, "DESK1", lan, ovr, FALSE, NULL), ==, 201);

  /* Who changed this visit, when, and why. */
  g_assert_cmpuint (call (f, "GET", p_overrides, TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, &out), ==, 200);
  {
    JsonArray *a = json_object_get_array_member (json_node_get_object (out), "overrides");
    JsonObject *r = json_array_get_object_element (a, 0);

    g_assert_cmpuint (json_array_get_length (a), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (r, "nurse"), ==, "lan");
    g_assert_cmpstr (json_object_get_string_member (r, "nurse_name"), ==, "Nguyễn Thị Lan");
    g_assert_cmpstr (json_object_get_string_member (r, "action"), ==, "self_pay");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "old"), "payment"), ==, "bhyt");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "new"), "payment"), ==, "self_pay");
    g_assert_cmpstr (json_object_get_string_member (r, "visit_ref"), ==, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427");
    g_assert_nonnull (json_object_get_string_member (r, "created_at"));
  }
  g_clear_pointer (&out, json_node_unref);

  /* The kiosk that owns the visit gets the override; another kiosk does not. */
  g_assert_cmpuint (call (f, "GET", "/overrides?since=0", TDN_API_ROLE_KIOSK, "K2", NULL, NULL, FALSE, &out), ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (out), "overrides")), ==, 1);
  g_clear_pointer (&out, json_node_unref);
  g_assert_cmpuint (call (f, "GET", "/overrides?since=0&wait=10", TDN_API_ROLE_KIOSK, "K3", NULL, NULL, FALSE, NULL), ==, 0);
  g_assert_cmpuint (call (f, "GET", "/overrides?since=0", TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, NULL), ==, 403);

  /* The owning kiosk says it applied it; the first word is kept. */
  {
    g_autofree char *ovr_id = NULL;
    g_autofree char *p_ack = NULL;
    JsonObject *applied;

    g_assert_cmpuint (call (f, "GET", p_overrides, TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, &out), ==, 200);
    o = json_array_get_object_element (json_object_get_array_member (json_node_get_object (out), "overrides"), 0);
    g_assert_true (json_node_is_null (json_object_get_member (o, "applied")));
    ovr_id = g_strdup (json_object_get_string_member (o, "id"));
    g_clear_pointer (&out, json_node_unref);
    p_ack = g_strdup_printf ("/overrides/%s/applied", ovr_id);
    g_assert_cmpuint (call (f, "POST", p_ack, TDN_API_ROLE_KIOSK, "K3", NULL, "{\"outcome\":\"applied\"}", FALSE, NULL), ==, 404);
    g_assert_cmpuint (call (f, "POST", p_ack, TDN_API_ROLE_DESK, "DESK1", lan, "{\"outcome\":\"applied\"}", FALSE, NULL), ==, 403);
    g_assert_cmpuint (call (f, "POST", p_ack, TDN_API_ROLE_KIOSK, "K2", NULL, "{\"outcome\":\"maybe\"}", FALSE, NULL), ==, 400);
    g_assert_cmpuint (call (f, "POST", p_ack, TDN_API_ROLE_KIOSK, "K2", NULL, "{\"outcome\":\"applied\",\"revision\":\"2\"}",
                            FALSE, NULL), ==, 400);
    g_assert_cmpuint (call (f, "POST", p_ack, TDN_API_ROLE_KIOSK, "K2", NULL, "{\"outcome\":\"applied\",\"revision\":2}",
                            FALSE, NULL), ==, 200);
    g_assert_cmpuint (call (f, "POST", p_ack, TDN_API_ROLE_KIOSK, "K2", NULL, "{\"outcome\":\"rejected\",\"detail\":\"x\"}",
                            FALSE, NULL), ==, 200);
    g_assert_cmpuint (call (f, "GET", p_overrides, TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, &out), ==, 200);
    o = json_array_get_object_element (json_object_get_array_member (json_node_get_object (out), "overrides"), 0);
    applied = json_object_get_object_member (o, "applied");
    g_assert_cmpstr (json_object_get_string_member (applied, "outcome"), ==, "applied");
    g_assert_cmpint (json_object_get_int_member (applied, "revision"), ==, 2);
    g_assert_nonnull (json_object_get_string_member (applied, "at"));
    g_clear_pointer (&out, json_node_unref);
  }

  g_assert_cmpuint (call (f, "POST", p_resolve, TDN_API_ROLE_DESK, "DESK1", lan,
                          "{\"resolution\":\"self-pay\"}", FALSE, &out), ==, 200);
  o = json_node_get_object (out);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "resolved");
  g_assert_false (json_object_get_boolean_member (o, "has_photo"));
  g_clear_pointer (&out, json_node_unref);
  g_assert_cmpuint (call (f, "POST", p_claim, TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, NULL), ==, 409);

  g_assert_cmpuint (call (f, "POST", "/staff/sign-out", TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, NULL), ==, 200);
  g_assert_cmpuint (call (f, "GET", "/help", TDN_API_ROLE_DESK, "DESK1", lan, NULL, FALSE, NULL), ==, 401);
  g_assert_cmpuint (call (f, "GET", "/help/not-a-uuid", TDN_API_ROLE_DESK, "DESK2", hoa, NULL, FALSE, NULL), ==, 404);
  g_assert_cmpuint (call (f, "GET", "/nope", TDN_API_ROLE_DESK, "DESK2", hoa, NULL, FALSE, NULL), ==, 404);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/help-api/auth", Fixture, NULL, setup, test_auth, teardown);
  g_test_add ("/help-api/long-poll", Fixture, NULL, setup, test_long_poll, teardown);
  g_test_add ("/help-api/claim-override-resolve", Fixture, NULL, setup, test_claim_override_resolve, teardown);
  return g_test_run ();
}
