/* test-desk-client.c — the desk client against a real help API host
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The help API runs in a libsoup server on 127.0.0.1 (port chosen by the
 * OS) in its own thread and main context; TdnDeskClient instances play a
 * kiosk and two desks over real HTTP.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-desk-client.h"
#include "tdn-desk-feed.h"
#include "tdn-help-soup.h"
#include "tdn-pin.h"

typedef struct {
  char         *dir;
  char         *db;
  char         *base;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *server_loop;
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
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
  if (g_strcmp0 (token, "desk-2-token") == 0)
    return (*client = "DESK2", TDN_API_ROLE_DESK);
  return TDN_API_ROLE_NONE;
}

static gpointer
server_thread (gpointer data)
{
  Fixture *f = data;
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_broker);
  g_autoptr(TdnHelpStore) store = NULL;
  g_autoptr(TdnStaffAuth) staff = NULL;
  g_autoptr(TdnHelpApi) api = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lan = tdn_pin_hash ("246810", 1000, NULL);
  g_autofree char *hoa = tdn_pin_hash ("135791", 1000, NULL);
  g_autofree char *text = g_strdup_printf (
    "[bhxh]\nusername=01999_BV\npassword=x\nofficer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
    "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n"
    "[staff hoa]\ndisplay_name=Trần Thị Hoa\npin_hash=%s\n", lan, hoa);
  GSList *uris;

  g_main_context_push_thread_default (f->context);
  g_assert_true (tdn_config_load_data (config, text, "broker.conf", NULL));
  store = tdn_help_store_open (f->db, &error);
  g_assert_no_error (error);
  staff = tdn_staff_auth_new_with_policy (config, "nurses");
  api = tdn_help_api_new (store, staff);
  server = soup_server_new (NULL, NULL);
  tdn_help_soup_add_handlers (server, api, auth_cb, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_mutex_lock (&f->lock);
  f->base = g_uri_to_string (uris->data);
  f->ready = TRUE;
  g_cond_signal (&f->cond);
  g_mutex_unlock (&f->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (f->server_loop);

  soup_server_disconnect (server);
  g_clear_object (&server);
  while (g_main_context_iteration (f->context, FALSE))
    ;
  g_main_context_pop_thread_default (f->context);
  return NULL;
}

static void
setup (Fixture      *f,
       gconstpointer data)
{
  f->dir = g_dir_make_tmp ("tdn-desk-client-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "broker.db", NULL);
  f->context = g_main_context_new ();
  f->server_loop = g_main_loop_new (f->context, FALSE);
  g_mutex_init (&f->lock);
  g_cond_init (&f->cond);
  f->thread = g_thread_new ("help-server", server_thread, f);
  g_mutex_lock (&f->lock);
  while (!f->ready)
    g_cond_wait (&f->cond, &f->lock);
  g_mutex_unlock (&f->lock);
  f->loop = g_main_loop_new (NULL, FALSE);
}

static gboolean
quit_server_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_main_context_invoke (f->context, quit_server_cb, f->server_loop);
  g_thread_join (f->thread);
  g_main_loop_unref (f->server_loop);
  g_main_context_unref (f->context);
  g_mutex_clear (&f->lock);
  g_cond_clear (&f->cond);
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

static TdnDeskClient *
desk (Fixture    *f,
      const char *token,
      const char *login,
      const char *pin)
{
  g_autoptr(TdnDeskClient) c = tdn_desk_client_new_full (f->base, token, NULL);
  g_autoptr(JsonNode) who = NULL;
  g_autoptr(GError) error = NULL;

  if (login != NULL)
    {
      who = tdn_desk_client_sign_in_sync (c, login, pin, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (who), "login"), ==, login);
      g_assert_nonnull (tdn_desk_client_get_session (c));
    }
  return g_steal_pointer (&c);
}

static char *
kiosk_post (TdnDeskClient *kiosk,
            const char    *json)
{
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  out = tdn_desk_client_call_sync (kiosk, "POST", "/help", body, 0, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 201);
  return g_strdup (json_object_get_string_member (json_node_get_object (out), "id"));
}

typedef struct {
  GMainLoop *loop;
  JsonNode  *json;
  GError    *error;
  gint64     done_at;
  gboolean   done;
} Reply;

static void
reply_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Reply *r = data;

  r->json = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &r->error);
  r->done_at = g_get_monotonic_time ();
  r->done = TRUE;
  g_main_loop_quit (r->loop);
}

typedef struct {
  TdnDeskClient *kiosk;
  gint64         posted_at;
} Later;

static gboolean
post_later_cb (gpointer data)
{
  Later *l = data;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  l->posted_at = g_get_monotonic_time ();
  a = kiosk_post (l->kiosk, "{\"kiosk_id\":\"K2\",\"reason\":\"expired_card\",\"ticket_number\":\"K2-A015\","
                            "\"masked_id\":\"0011******45\",\"assurance\":\"chip+pa\"}");
  b = kiosk_post (l->kiosk, "{\"kiosk_id\":\"K2\",\"reason\":\"input_mismatch\",\"ticket_number\":\"K2-A016\","
                            "\"masked_id\":\"0792******34\",\"assurance\":\"qr\"}");
  return G_SOURCE_REMOVE;
}

/* A desk waiting on the long poll sees the kiosk's requests at once. */
static void
test_long_poll (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(TdnDeskClient) kiosk = desk (f, "kiosk-k2-token", NULL, NULL);
  g_autoptr(TdnDeskClient) d1 = desk (f, "desk-1-token", "lan", "246810");
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Reply poll = { .loop = f->loop };
  Later later = { .kiosk = kiosk };
  JsonArray *requests;
  gint64 seq;
  guint seen = 0;

  list = tdn_desk_client_call_sync (d1, "GET", "/help", NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  seq = json_object_get_int_member (json_node_get_object (list), "seq");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list), "requests")), ==, 0);

  path = g_strdup_printf ("/help?since=%" G_GINT64_FORMAT "&wait=20", seq);
  tdn_desk_client_call_async (d1, "GET", path, NULL, 20, NULL, reply_cb, &poll);
  g_timeout_add (200, post_later_cb, &later);
  while (!poll.done)
    g_main_loop_run (f->loop);
  g_assert_no_error (poll.error);
  requests = json_object_get_array_member (json_node_get_object (poll.json), "requests");
  g_assert_cmpuint (json_array_get_length (requests), >=, 1);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *r = json_array_get_object_element (requests, i);

      g_assert_cmpstr (json_object_get_string_member (r, "state"), ==, "open");
      g_assert_cmpstr (json_object_get_string_member (r, "kiosk_id"), ==, "K2");
      g_assert_false (json_object_has_member (r, "photo_jpeg"));
      seen++;
    }
  g_test_message ("desk saw %u request(s) %.1f ms after the kiosk posted", seen,
                  (poll.done_at - later.posted_at) / 1000.0);
  json_node_unref (poll.json);

  /* Both are listed as open. */
  g_clear_pointer (&list, json_node_unref);
  list = tdn_desk_client_call_sync (d1, "GET", "/help", NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  requests = json_object_get_array_member (json_node_get_object (list), "requests");
  g_assert_cmpuint (json_array_get_length (requests), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, 0), "reason"), ==, "expired_card");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, 1), "reason"), ==, "input_mismatch");
}

/* Two desks claim one request: one wins, the other is told who has it;
 * the winner overrides and resolves; the audit trail has it all. */
static void
test_claim_override_resolve (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(TdnDeskClient) kiosk = desk (f, "kiosk-k2-token", NULL, NULL);
  g_autoptr(TdnDeskClient) d1 = desk (f, "desk-1-token", "lan", "246810");
  g_autoptr(TdnDeskClient) d2 = desk (f, "desk-2-token", "hoa", "135791");
  g_autofree char *id = kiosk_post (kiosk, "{\"kiosk_id\":\"K2\",\"reason\":\"expired_card\",\"visit_ref\":"
                                           "\"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f\"}");
  g_autofree char *claim = g_strdup_printf ("/help/%s/claim", id);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  Reply a = { .loop = f->loop }, b = { .loop = f->loop };
  Reply *won, *lost;
  TdnDeskClient *winner;
  const char *winner_name;
  JsonObject *o;
  JsonArray *trail;

  tdn_desk_client_call_async (d1, "POST", claim, NULL, 0, NULL, reply_cb, &a);
  tdn_desk_client_call_async (d2, "POST", claim, NULL, 0, NULL, reply_cb, &b);
  while (!a.done || !b.done)
    g_main_loop_run (f->loop);
  g_assert_true ((a.error == NULL) != (b.error == NULL));
  won = a.error == NULL ? &a : &b;
  lost = a.error == NULL ? &b : &a;
  winner = a.error == NULL ? d1 : d2;
  winner_name = a.error == NULL ? "lan" : "hoa";
  g_assert_error (lost->error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_REFUSED);
  g_assert_cmpstr (tdn_desk_client_error_code (lost->error), ==, "claimed");
  g_assert_nonnull (strstr (lost->error->message, winner_name));
  o = json_node_get_object (won->json);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "claimed");
  g_assert_cmpstr (json_object_get_string_member (o, "claimed_by"), ==, winner_name);
  json_node_unref (won->json);
  g_clear_error (&lost->error);

  /* The loser may not override a request she does not hold. */
  body = json_from_string ("{\"action\":\"self_pay\",\"old\":{},\"new\":{},\"reason\":\"card expired\"}", NULL);
  path = g_strdup_printf ("/help/%s/override", id);
  out = tdn_desk_client_call_sync (winner == d1 ? d2 : d1, "POST", path, body, 0, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_REFUSED);
  g_clear_error (&error);

  /* A reason is required. */
  {
    g_autoptr(JsonNode) no_reason = json_from_string ("{\"action\":\"self_pay\",\"old\":{},\"new\":{},\"reason\":\"\"}", NULL);
    g_autoptr(JsonNode) refused = tdn_desk_client_call_sync (winner, "POST", path, no_reason, 0, NULL, NULL, &error);

    g_assert_null (refused);
    g_assert_cmpstr (tdn_desk_client_error_code (error), ==, "invalid");
    g_clear_error (&error);
  }

  out = tdn_desk_client_call_sync (winner, "POST", path, body, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (json_node_get_object (out), "id"));
  g_clear_pointer (&out, json_node_unref);
  g_clear_pointer (&body, json_node_unref);
  body = json_from_string ("{\"action\":\"change_clinic\",\"old\":{\"clinic\":\"noi\"},"
                           "\"new\":{\"clinic\":\"tmh\"},\"reason\":\"ear pain, not internal\"}", NULL);
  out = tdn_desk_client_call_sync (winner, "POST", path, body, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&out, json_node_unref);

  /* Resolve. */
  g_clear_pointer (&body, json_node_unref);
  g_free (path);
  body = json_from_string ("{\"resolution\":\"switched to self-pay\"}", NULL);
  path = g_strdup_printf ("/help/%s/resolve", id);
  out = tdn_desk_client_call_sync (winner, "POST", path, body, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  o = json_node_get_object (out);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (o, "resolved_by"), ==, winner_name);
  g_assert_cmpstr (json_object_get_string_member (o, "resolution"), ==, "switched to self-pay");
  g_clear_pointer (&out, json_node_unref);

  /* Resolving twice is refused with "resolved". */
  out = tdn_desk_client_call_sync (winner, "POST", path, body, 0, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_cmpstr (tdn_desk_client_error_code (error), ==, "resolved");
  g_clear_error (&error);

  /* Audit trail: who, when, old, new, why — for every override. */
  g_free (path);
  path = g_strdup_printf ("/help/%s/overrides", id);
  out = tdn_desk_client_call_sync (d1, "GET", path, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  trail = json_object_get_array_member (json_node_get_object (out), "overrides");
  g_assert_cmpuint (json_array_get_length (trail), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *ov = json_array_get_object_element (trail, i);

      g_assert_cmpstr (json_object_get_string_member (ov, "nurse"), ==, winner_name);
      g_assert_cmpstr (json_object_get_string_member (ov, "nurse_name"), ==,
                       g_str_equal (winner_name, "lan") ? "Nguyễn Thị Lan" : "Trần Thị Hoa");
      g_assert_cmpstr (json_object_get_string_member (ov, "help_id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (ov, "kiosk_id"), ==, "K2");
      g_assert_nonnull (json_object_get_string_member (ov, "created_at"));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (ov, "old")));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (ov, "new")));
    }
  o = json_array_get_object_element (trail, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "action"), ==, "self_pay");
  g_assert_cmpstr (json_object_get_string_member (o, "reason"), ==, "card expired");
  o = json_array_get_object_element (trail, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "action"), ==, "change_clinic");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "old"), "clinic"), ==, "noi");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "new"), "clinic"), ==, "tmh");
  g_assert_cmpstr (json_object_get_string_member (o, "reason"), ==, "ear pain, not internal");
}

/* Refusals carry the broker's code; an unreachable broker is NETWORK. */
static void
test_refusals (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(TdnDeskClient) d1 = desk (f, "desk-1-token", NULL, NULL);
  g_autoptr(TdnDeskClient) bad = desk (f, "wrong-token", NULL, NULL);
  g_autoptr(TdnDeskClient) gone = tdn_desk_client_new_full ("http://127.0.0.1:1", "desk-1-token", NULL);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  out = tdn_desk_client_sign_in_sync (d1, "lan", "000000", NULL, &error);
  g_assert_null (out);
  g_assert_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_REFUSED);
  g_assert_cmpstr (tdn_desk_client_error_code (error), ==, "refused");
  g_assert_null (tdn_desk_client_get_session (d1));
  g_clear_error (&error);

  out = tdn_desk_client_call_sync (d1, "GET", "/help", NULL, 0, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_cmpstr (tdn_desk_client_error_code (error), ==, "no_session");
  g_clear_error (&error);

  out = tdn_desk_client_call_sync (bad, "GET", "/help", NULL, 0, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_cmpstr (tdn_desk_client_error_code (error), ==, "unauthorized");
  g_clear_error (&error);

  out = tdn_desk_client_call_sync (gone, "GET", "/help", NULL, 0, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_NETWORK);
  g_assert_null (tdn_desk_client_error_code (error));
}

typedef struct {
  GMainLoop *loop;
  GPtrArray *states;     /* "reason:state" per change seen */
  gboolean   signed_out;
  gboolean   offline;
} FeedSeen;

static void
changed_cb (TdnDeskFeed *feed,
            JsonObject  *request,
            gpointer     data)
{
  FeedSeen *s = data;

  g_ptr_array_add (s->states, g_strdup_printf ("%s:%s", json_object_get_string_member (request, "reason"),
                                               json_object_get_string_member (request, "state")));
  g_main_loop_quit (s->loop);
}

static void
signed_out_cb (TdnDeskFeed *feed,
               gpointer     data)
{
  FeedSeen *s = data;

  s->signed_out = TRUE;
  g_main_loop_quit (s->loop);
}

static void
online_cb (TdnDeskFeed *feed,
           gboolean     online,
           gpointer     data)
{
  FeedSeen *s = data;

  s->offline = !online;
  g_main_loop_quit (s->loop);
}

/* The feed follows new and claimed requests, and stops when the broker
 * no longer knows the session. */
static void
test_feed (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(TdnDeskClient) kiosk = desk (f, "kiosk-k2-token", NULL, NULL);
  g_autoptr(TdnDeskClient) d1 = desk (f, "desk-1-token", "lan", "246810");
  g_autoptr(TdnDeskFeed) feed = tdn_desk_feed_new (d1);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  FeedSeen seen = { .loop = f->loop, .states = g_ptr_array_new_with_free_func (g_free) };
  Later later = { .kiosk = kiosk };

  g_signal_connect (feed, "request-changed", G_CALLBACK (changed_cb), &seen);
  g_signal_connect (feed, "signed-out", G_CALLBACK (signed_out_cb), &seen);
  id = kiosk_post (kiosk, "{\"kiosk_id\":\"K2\",\"reason\":\"reprint\"}");
  tdn_desk_feed_start (feed, -1);
  g_timeout_add (100, post_later_cb, &later);
  while (seen.states->len < 3)
    g_main_loop_run (f->loop);
  g_assert_cmpstr (seen.states->pdata[0], ==, "reprint:open");
  g_assert_cmpstr (seen.states->pdata[1], ==, "expired_card:open");
  g_assert_cmpstr (seen.states->pdata[2], ==, "input_mismatch:open");

  path = g_strdup_printf ("/help/%s/claim", id);
  out = tdn_desk_client_call_sync (d1, "POST", path, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  while (seen.states->len < 4)
    g_main_loop_run (f->loop);
  g_assert_cmpstr (seen.states->pdata[3], ==, "reprint:claimed");
  g_assert_cmpint (tdn_desk_feed_get_seq (feed), >, 0);

  /* The session is gone: the next poll is refused and the feed stops. */
  tdn_desk_client_set_session (d1, "no-such-session");
  g_free (kiosk_post (kiosk, "{\"kiosk_id\":\"K2\",\"reason\":\"printer_error\"}"));
  while (!seen.signed_out)
    g_main_loop_run (f->loop);
  g_assert_true (seen.signed_out);
  g_ptr_array_unref (seen.states);
}

/* An unreachable broker: the feed says it is offline and keeps trying. */
static void
test_feed_offline (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(TdnDeskClient) gone = tdn_desk_client_new_full ("http://127.0.0.1:1", "desk-1-token", NULL);
  g_autoptr(TdnDeskFeed) feed = tdn_desk_feed_new (gone);
  FeedSeen seen = { .loop = loop, .states = g_ptr_array_new_with_free_func (g_free) };

  g_test_expect_message ("tiepdon-deskclient", G_LOG_LEVEL_WARNING, "Following help requests failed*");
  g_signal_connect (feed, "online", G_CALLBACK (online_cb), &seen);
  tdn_desk_client_set_session (gone, "s");
  tdn_desk_feed_start (feed, 5);
  while (!seen.offline)
    g_main_loop_run (loop);
  g_test_assert_expected_messages ();
  tdn_desk_feed_stop (feed);
  g_assert_cmpuint (seen.states->len, ==, 0);
  g_ptr_array_unref (seen.states);
}

/* The token file must be private to the desk's user. */
static void
test_token_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tdn-desk-token-XXXXXX", NULL);
  g_autofree char *token = g_build_filename (dir, "desk-token", NULL);
  g_autofree char *text = NULL;
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(TdnDeskClient) c = NULL;
  g_autoptr(GError) error = NULL;

  text = g_strdup_printf ("[desk]\nbroker_url=http://127.0.0.1:8443/\ntoken_file=%s\n", token);
  g_assert_true (tdn_config_load_data (config, text, "tiepdon.conf", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (token, "desk-1-token\n", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  c = tdn_desk_client_new (config, &error);
  g_assert_null (c);
  g_assert_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_CONFIG);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (token, 0600), ==, 0);
  c = tdn_desk_client_new (config, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_unlink (token);
  g_clear_object (&c);
  c = tdn_desk_client_new (config, &error);
  g_assert_null (c);
  g_assert_error (error, TDN_DESK_CLIENT_ERROR, TDN_DESK_CLIENT_ERROR_CONFIG);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/deskclient/long-poll", Fixture, NULL, setup, test_long_poll, teardown);
  g_test_add ("/deskclient/claim-override-resolve", Fixture, NULL, setup, test_claim_override_resolve, teardown);
  g_test_add ("/deskclient/refusals", Fixture, NULL, setup, test_refusals, teardown);
  g_test_add ("/deskclient/feed", Fixture, NULL, setup, test_feed, teardown);
  g_test_add_func ("/deskclient/feed-offline", test_feed_offline);
  g_test_add_func ("/deskclient/token-file", test_token_file);
  return g_test_run ();
}
