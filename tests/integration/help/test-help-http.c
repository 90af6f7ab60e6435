/* test-help-http.c — the help API over real HTTP: auth, long poll, claims
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libsoup server on 127.0.0.1 (port chosen by the OS) hosts the API; a
 * libsoup client plays two desks and a kiosk. Checks that a held long
 * poll answers as soon as a kiosk posts (well within a second).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-help-client.h"
#include "tdn-help-soup.h"
#include "tdn-pin.h"

typedef struct {
  char         *dir;
  char         *db;
  SoupServer   *server;
  SoupSession  *session;
  TdnHelpApi   *api;
  char         *base;
  GMainLoop    *loop;
} Fixture;

static TdnApiRole
auth_cb (const char  *token,
         const char **client,
         gpointer     data)
{
  if (g_strcmp0 (token, "kiosk-k2-token") == 0)
    return (*client = "K2", TDN_API_ROLE_KIOSK);
  if (g_strcmp0 (token, "desk-1-token") == 0)
    return (*client = "DESK1", TDN_API_ROLE_DESK);
  return TDN_API_ROLE_NONE;
}

static void
setup (Fixture      *f,
       gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_broker);
  g_autoptr(TdnHelpStore) store = NULL;
  g_autoptr(TdnStaffAuth) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lan = tdn_pin_hash ("246810", 1000, NULL);
  g_autofree char *hoa = tdn_pin_hash ("135791", 1000, NULL);
  g_autofree char *text = g_strdup_printf (
    "[bhxh]\nusername=01999_BV\npassword=x\nofficer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
    "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n"
    "[staff hoa]\ndisplay_name=Trần Thị Hoa\npin_hash=%s\n", lan, hoa);
  GSList *uris;

  g_assert_true (tdn_config_load_data (config, text, "broker.conf", NULL));
  f->dir = g_dir_make_tmp ("tdn-help-http-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "broker.db", NULL);
  store = tdn_help_store_open (f->db, &error);
  g_assert_no_error (error);
  staff = tdn_staff_auth_new_with_policy (config, "nurses");
  f->api = tdn_help_api_new (store, staff);
  f->server = soup_server_new (NULL, NULL);
  tdn_help_soup_add_handlers (f->server, f->api, auth_cb, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (f->base, "/"))
    f->base[strlen (f->base) - 1] = '\0';
  f->session = soup_session_new ();
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  soup_session_abort (f->session);
  g_clear_object (&f->session);
  /* Let the server see the client connections close before it goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->api);
  /* Let the closed connections finalize. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->db, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
  g_free (f->base);
  g_main_loop_unref (f->loop);
}

typedef struct {
  Fixture  *f;
  guint     status;
  JsonNode *json;
  gint64    done_at;
  gboolean  done;
} Reply;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Reply *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  r->status = soup_message_get_status (msg);
  r->json = json_from_string (*text != '\0' ? text : "{}", NULL);
  r->done_at = g_get_monotonic_time ();
  r->done = TRUE;
  g_main_loop_quit (r->f->loop);
}

static void
send_async (Fixture    *f,
            const char *method,
            const char *path,
            const char *token,
            const char *session,
            const char *body,
            Reply      *reply)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);

  reply->f = f;
  if (token != NULL)
    {
      g_autofree char *h = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", h);
    }
  if (session != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Tiepdon-Session", session);
  if (body != NULL)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, reply);
}

static guint
send_sync (Fixture    *f,
           const char *method,
           const char *path,
           const char *token,
           const char *session,
           const char *body,
           JsonNode  **out)
{
  Reply r = { 0 };

  send_async (f, method, path, token, session, body, &r);
  while (!r.done)
    g_main_loop_run (f->loop);
  if (out != NULL)
    *out = r.json;
  else
    json_node_unref (r.json);
  return r.status;
}

static char *
sign_in (Fixture    *f,
         const char *login,
         const char *pin)
{
  g_autoptr(JsonNode) out = NULL;
  g_autofree char *body = g_strdup_printf ("{\"login\":\"%s\",\"pin\":\"%s\"}", login, pin);

  g_assert_cmpuint (send_sync (f, "POST", "/staff/sign-in", "desk-1-token", NULL, body, &out), ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (out), "session"));
}

static gboolean
post_later_cb (gpointer data)
{
  Fixture *f = data;
  static Reply post;

  memset (&post, 0, sizeof post);
  send_async (f, "POST", "/help", "kiosk-k2-token", NULL,
              "{\"kiosk_id\":\"K2\",\"reason\":\"input_mismatch\",\"masked_id\":\"0792******34\"}", &post);
  return G_SOURCE_REMOVE;
}

static void
test_long_poll_wakes (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *lan = sign_in (f, "lan", "246810");
  g_autoptr(JsonNode) out = NULL;
  g_autofree char *path = NULL;
  Reply poll = { 0 };
  gint64 posted_at;

  g_assert_cmpuint (send_sync (f, "GET", "/help", "desk-1-token", lan, NULL, &out), ==, 200);
  path = g_strdup_printf ("/help?since=%" G_GINT64_FORMAT "&wait=20",
                          json_object_get_int_member (json_node_get_object (out), "seq"));

  /* The desk waits; 200 ms later a kiosk posts; the desk hears at once. */
  send_async (f, "GET", path, "desk-1-token", lan, NULL, &poll);
  g_timeout_add (200, post_later_cb, f);
  posted_at = g_get_monotonic_time () + 200 * 1000;
  while (!poll.done)
    g_main_loop_run (f->loop);
  g_assert_cmpuint (poll.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (poll.json), "requests")), ==, 1);
  g_test_message ("desk saw the request %.0f ms after the kiosk posted",
                  (poll.done_at - posted_at) / 1000.0);
  g_assert_cmpint (poll.done_at - posted_at, <, 10 * G_USEC_PER_SEC);
  json_node_unref (poll.json);
}

static void
test_two_desks_claim (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *lan = sign_in (f, "lan", "246810");
  g_autofree char *hoa = sign_in (f, "hoa", "135791");
  g_autoptr(JsonNode) out = NULL;
  g_autofree char *claim = NULL;
  Reply a = { 0 }, b = { 0 };

  g_assert_cmpuint (send_sync (f, "POST", "/help", "kiosk-k2-token", NULL,
                               "{\"kiosk_id\":\"K2\",\"reason\":\"expired_card\"}", &out), ==, 201);
  claim = g_strdup_printf ("/help/%s/claim", json_object_get_string_member (json_node_get_object (out), "id"));
  send_async (f, "POST", claim, "desk-1-token", lan, NULL, &a);
  send_async (f, "POST", claim, "desk-1-token", hoa, NULL, &b);
  while (!a.done || !b.done)
    g_main_loop_run (f->loop);
  g_assert_true ((a.status == 200 && b.status == 409) || (a.status == 409 && b.status == 200));
  json_node_unref (a.json);
  json_node_unref (b.json);

  /* Unauthenticated and kiosk callers are refused. */
  g_assert_cmpuint (send_sync (f, "GET", "/help", NULL, NULL, NULL, NULL), ==, 401);
  g_assert_cmpuint (send_sync (f, "GET", "/help", "wrong-token", NULL, NULL, NULL), ==, 401);
  g_assert_cmpuint (send_sync (f, "GET", "/help", "kiosk-k2-token", NULL, NULL, NULL), ==, 403);
  g_assert_cmpuint (send_sync (f, "GET", "/help", "desk-1-token", NULL, NULL, NULL), ==, 401);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (Fixture        *f,
             GAsyncResult  **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
override_later_cb (gpointer data)
{
  Fixture *f = data;
  const char *session = g_object_get_data (G_OBJECT (f->api), "test-session");
  const char *path = g_object_get_data (G_OBJECT (f->api), "test-override-path");
  static Reply r;

  memset (&r, 0, sizeof r);
  send_async (f, "POST", path, "desk-1-token", session,
              "{\"action\":\"change_clinic\",\"old\":{\"clinic\":\"NOI\"},"
              "\"new\":{\"clinic\":\"TMH\"},\"reason\":\"Bệnh nhân đau tai\"}", &r);
  return G_SOURCE_REMOVE;
}

static void
test_kiosk_client (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autofree char *token_file = g_build_filename (f->dir, "kiosk-token", NULL);
  g_autofree char *conf = NULL;
  g_autoptr(TdnHelpClient) client = NULL;
  g_autoptr(TdnHelpRequest) req = tdn_help_request_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GAsyncResult) res2 = NULL;
  g_autoptr(JsonNode) overrides = NULL;
  g_autofree char *id = NULL;
  g_autofree char *lan = sign_in (f, "lan", "246810");
  g_autofree char *claim = NULL;
  JsonArray *list;

  g_assert_true (g_file_set_contents_full (token_file, "kiosk-k2-token\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  conf = g_strdup_printf ("[eligibility]\nbroker_url=%s/\ntoken_file=%s\n", f->base, token_file);
  g_assert_true (tdn_config_load_data (config, conf, "kiosk.conf", NULL));
  client = tdn_help_client_new (config, &error);
  g_assert_no_error (error);

  req->kiosk_id = g_strdup ("K2");
  req->reason = g_strdup ("input_mismatch");
  req->visit_ref = tdn_uuid_new ();
  req->masked_id = g_strdup ("0792******34");
  tdn_help_client_post_async (client, req, NULL, done_cb, &res);
  id = tdn_help_client_post_finish (client, wait_result (f, &res), &error);
  g_assert_no_error (error);
  g_assert_true (tdn_uuid_is_valid (id));

  /* The kiosk waits for overrides; a nurse claims and changes the clinic. */
  claim = g_strdup_printf ("/help/%s/claim", id);
  g_assert_cmpuint (send_sync (f, "POST", claim, "desk-1-token", lan, NULL, NULL), ==, 200);
  g_object_set_data (G_OBJECT (f->api), "test-session", lan);
  g_object_set_data_full (G_OBJECT (f->api), "test-override-path",
                          g_strdup_printf ("/help/%s/override", id), g_free);
  tdn_help_client_fetch_overrides_async (client, 0, 20, NULL, done_cb, &res2);
  g_timeout_add (200, override_later_cb, f);
  overrides = tdn_help_client_fetch_overrides_finish (client, wait_result (f, &res2), &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (overrides), "overrides");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "visit_ref"),
                   ==, req->visit_ref);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "nurse"), ==, "lan");

  /* A kiosk with a wrong token is refused with a reason. */
  g_assert_true (g_file_set_contents_full (token_file, "stolen\n", -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_clear_object (&client);
  g_clear_object (&res);
  client = tdn_help_client_new (config, NULL);
  tdn_help_client_post_async (client, req, NULL, done_cb, &res);
  g_assert_null (tdn_help_client_post_finish (client, wait_result (f, &res), &error));
  g_assert_error (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_REFUSED);
  g_clear_error (&error);

  /* A token file others can read is refused before any call. */
  g_chmod (token_file, 0644);
  g_assert_null (tdn_help_client_new (config, &error));
  g_assert_error (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_CONFIG);
  g_unlink (token_file);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/help-http/long-poll-wakes", Fixture, NULL, setup, test_long_poll_wakes, teardown);
  g_test_add ("/help-http/two-desks-claim", Fixture, NULL, setup, test_two_desks_claim, teardown);
  g_test_add ("/help-http/kiosk-client", Fixture, NULL, setup, test_kiosk_client, teardown);
  return g_test_run ();
}
