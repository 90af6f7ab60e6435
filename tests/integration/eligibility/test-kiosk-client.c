/* test-kiosk-client.c — the kiosk's asynchronous broker client: it works
 * off the calling thread, reports progress on the caller's main context,
 * retries a broker that is not up yet, and gives up when cancelled
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fake broker is a SoupServer on the test's own main context that
 * answers after a delay: if the client blocked the calling thread, the
 * broker could never answer and the test would time out.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "tdn-base.h"
#include "tdn-eligibility-client.h"
#include "tdn-eligibility-fhir.h"

#define TOKEN "kiosk-test-token"

typedef struct {
  GMainLoop      *loop;
  GThread        *main_thread;
  GArray         *progress;     /* TdnEligibilityProgress */
  gboolean        progress_off_thread;
  TdnEligibility *result;
  guint           requests;
  gboolean        hold;         /* never answer */
} Fixture;

static gboolean
answer_later_cb (gpointer data)
{
  SoupServerMessage *msg = data;
  g_autoptr(TdnEligibility) r = tdn_eligibility_new_for_code ("000");
  char *body = tdn_eligibility_fhir_response (r);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/fhir+json", SOUP_MEMORY_TAKE, body, strlen (body));
  soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static void
check_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  g_autoptr(TdnEligibilityQuery) q = tdn_eligibility_fhir_parse_request (body->data, (gsize) body->length, NULL);
  (void) server; (void) path; (void) query;

  f->requests++;
  g_assert_cmpstr (auth, ==, "Bearer " TOKEN);
  g_assert_nonnull (q);
  g_assert_cmpstr (q->id, ==, "001190012345");
  soup_server_message_pause (msg);
  if (!f->hold)
    g_timeout_add (150, answer_later_cb, g_object_ref (msg));
  else
    g_object_set_data_full (G_OBJECT (server), "held", g_object_ref (msg), g_object_unref);
}

static SoupServer *
broker_on (Fixture *f, guint port, guint *port_out)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, (guint16) port);
  g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
  g_autoptr(GSocketAddress) local = NULL;

  soup_server_add_handler (server, "/fhir/CoverageEligibilityRequest/$check", check_cb, f, NULL);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (sock, addr, TRUE, &error));
  g_assert_true (g_socket_listen (sock, &error));
  g_assert_true (soup_server_listen_socket (server, sock, 0, &error));
  g_assert_no_error (error);
  local = g_socket_get_local_address (sock, &error);
  if (port_out != NULL)
    *port_out = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  return server;
}

static void
progress_cb (TdnEligibilityProgress progress,
             gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_thread_self () != f->main_thread)
    f->progress_off_thread = TRUE;
  g_array_append_val (f->progress, progress);
}

static void
done_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Fixture *f = user_data;
  (void) source;

  f->result = tdn_eligibility_client_check_finish (NULL, res);
  g_main_loop_quit (f->loop);
}

static gboolean
too_long_cb (gpointer data)
{
  g_error ("the check did not finish");
  return G_SOURCE_REMOVE;
}

static void
fixture_init (Fixture *f)
{
  f->loop = g_main_loop_new (NULL, FALSE);
  f->main_thread = g_thread_self ();
  f->progress = g_array_new (FALSE, FALSE, sizeof (TdnEligibilityProgress));
}

static void
fixture_clear (Fixture *f)
{
  g_main_loop_unref (f->loop);
  g_array_unref (f->progress);
  g_clear_pointer (&f->result, tdn_eligibility_free);
}

static void
run (Fixture *f, TdnEligibilityClient *c, GCancellable *cancellable)
{
  GDate visit;
  guint guard = g_timeout_add_seconds (20, too_long_cb, NULL);

  g_date_clear (&visit, 1);
  g_date_set_dmy (&visit, 15, G_DATE_JUNE, 2025);
  tdn_eligibility_client_check_async (c, "001190012345", "Lê Thị Mai", "14/02/1990", &visit,
                                      progress_cb, f, cancellable, done_cb, f);
  g_main_loop_run (f->loop);
  g_source_remove (guard);
}

static void
test_async_off_thread (void)
{
  Fixture f = { 0 };
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(TdnEligibilityClient) c = NULL;
  g_autofree char *url = NULL;
  guint port = 0;

  fixture_init (&f);
  server = broker_on (&f, 0, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  c = tdn_eligibility_client_new (url, TOKEN, NULL, 2, 10);
  run (&f, c, NULL);

  g_assert_nonnull (f.result);
  g_assert_cmpint (f.result->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpuint (f.requests, ==, 1);
  g_assert_cmpuint (f.progress->len, ==, 1);
  g_assert_cmpint (g_array_index (f.progress, TdnEligibilityProgress, 0), ==, TDN_ELIGIBILITY_PROGRESS_SENDING);
  g_assert_false (f.progress_off_thread);
  fixture_clear (&f);
}

typedef struct {
  Fixture    *f;
  guint       port;
  SoupServer *server;
} LateStart;

static gboolean
start_broker_cb (gpointer data)
{
  LateStart *l = data;

  l->server = broker_on (l->f, l->port, NULL);
  return G_SOURCE_REMOVE;
}

static void
test_retries_until_broker_is_up (void)
{
  Fixture f = { 0 };
  g_autoptr(GSocket) probe = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(TdnEligibilityClient) c = NULL;
  g_autofree char *url = NULL;
  LateStart late = { &f, 0, NULL };

  fixture_init (&f);
  /* A port nothing listens on yet. */
  g_assert_true (g_socket_bind (probe, any, TRUE, NULL));
  bound = g_socket_get_local_address (probe, NULL);
  late.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (probe, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/", late.port);
  c = tdn_eligibility_client_new (url, TOKEN, NULL, 2, 10);
  g_timeout_add (700, start_broker_cb, &late);
  run (&f, c, NULL);

  g_assert_cmpint (f.result->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpuint (f.progress->len, >=, 2);
  g_assert_cmpint (g_array_index (f.progress, TdnEligibilityProgress, 0), ==, TDN_ELIGIBILITY_PROGRESS_SENDING);
  g_assert_cmpint (g_array_index (f.progress, TdnEligibilityProgress, 1), ==, TDN_ELIGIBILITY_PROGRESS_RETRYING);
  g_assert_false (f.progress_off_thread);
  g_clear_object (&late.server);
  fixture_clear (&f);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  Fixture f = { 0 };
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(TdnEligibilityClient) c = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = NULL;
  guint port = 0;
  gint64 start;

  fixture_init (&f);
  f.hold = TRUE;
  server = broker_on (&f, 0, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  c = tdn_eligibility_client_new (url, TOKEN, NULL, 2, 15);
  g_timeout_add (300, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  run (&f, c, cancellable);

  /* The patient walked away: answered at once, never a stale "eligible". */
  g_assert_cmpint (f.result->status, ==, TDN_ELIGIBILITY_UNAVAILABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (f.requests, ==, 1);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_test_add_func ("/eligibility/kiosk-client/async-off-thread", test_async_off_thread);
  g_test_add_func ("/eligibility/kiosk-client/retries-until-broker-is-up", test_retries_until_broker_is_up);
  g_test_add_func ("/eligibility/kiosk-client/cancel", test_cancel);
  return g_test_run ();
}
