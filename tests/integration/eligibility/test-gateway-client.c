/* test-gateway-client.c — the gateway client against the BHXH simulator
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts tests/sim/bhxh-sim.py on an OS-chosen port for each test and
 * stops it however the test ends (g_test_add fixture teardown).
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <curl/curl.h>
#include <json-glib/json-glib.h>

#include "tdn-base.h"
#include "tdn-gateway-client.h"

typedef struct {
  GSubprocess *sim;
  char        *url;
  GDate        visit;
} Fixture;

/* The simulator dies with the test even when an assertion aborts it. */
static void
die_with_parent (gpointer data)
{
  (void) data;
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim", "bhxh-sim.py", NULL);
  g_autofree char *people = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim", "people.json", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  (void) data;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  f->sim = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", script,
                                        "--port", "0", "--data", people, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->sim));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  f->url = g_strdup_printf ("http://127.0.0.1:%s/", line + 5);
  g_date_clear (&f->visit, 1);
  g_date_set_dmy (&f->visit, 15, G_DATE_JUNE, 2025);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  (void) data;
  g_subprocess_force_exit (f->sim);
  g_subprocess_wait (f->sim, NULL, NULL);
  g_clear_object (&f->sim);
  g_free (f->url);
}

static size_t
sink (char *p, size_t s, size_t n, void *ud)
{
  g_string_append_len (ud, p, (gssize) (s * n));
  return s * n;
}

/* POST (body != NULL) or GET a simulator control path; returns the body. */
static char *
sim_call (Fixture *f, const char *path, const char *body)
{
  g_autofree char *url = g_strconcat (f->url, path, NULL);
  GString *out = g_string_new (NULL);
  struct curl_slist *h = curl_slist_append (NULL, "Content-Type: application/json");
  CURL *c = curl_easy_init ();

  curl_easy_setopt (c, CURLOPT_URL, url);
  curl_easy_setopt (c, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt (c, CURLOPT_WRITEDATA, out);
  curl_easy_setopt (c, CURLOPT_HTTPHEADER, h);
  if (body != NULL)
    curl_easy_setopt (c, CURLOPT_POSTFIELDS, body);
  g_assert_cmpint (curl_easy_perform (c), ==, CURLE_OK);
  curl_easy_cleanup (c);
  curl_slist_free_all (h);
  return g_string_free (out, FALSE);
}

static gint64
sim_stat (Fixture *f, const char *name)
{
  g_autofree char *body = sim_call (f, "_sim/stats", NULL);
  g_autoptr(JsonParser) p = json_parser_new ();

  g_assert_true (json_parser_load_from_data (p, body, -1, NULL));
  return json_object_get_int_member (json_node_get_object (json_parser_get_root (p)), name);
}

static TdnGatewayClient *
client (Fixture *f, const char *password, gboolean json_login, int timeout_s)
{
  TdnGatewayOptions o = {
    .url = f->url, .username = "01999_BV", .password = password,
    .officer_name = "Phạm  Văn   Bình", .officer_cccd = "001085009876",
    .login_json = json_login, .connect_timeout_s = 2, .timeout_s = timeout_s,
    .facility_code = "01999",
  };
  return tdn_gateway_client_new (&o);
}

static TdnEligibility *
lookup (TdnGatewayClient *c, Fixture *f, const char *id, const char *name, const char *dob)
{
  g_autoptr(GError) error = NULL;
  TdnEligibility *e = tdn_gateway_client_lookup (c, id, name, dob, &f->visit, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

static void
test_classes (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnGatewayClient) c = client (f, "sim-password", FALSE, 10);
  struct { const char *id, *name, *dob, *code, *status; } cases[] = {
    { "001190012345", "LE THI  MAI", "14/02/1990", "000", "eligible" },
    { "001190012345", "Lê Thị Mai", "1990", "000", "eligible" },
    { "001190012345", "Nguyễn Thị Hoa", "14/02/1990", "060", "input_mismatch" },
    { "001190012345", "Lê Thị Hoa", "14/02/1990", "061", "input_mismatch" },
    { "001190012345", "Lê Thị Mai", "15/02/1990", "070", "input_mismatch" },
    { "001190054321", "Trần Văn Bình", "01/01/1960", "010", "not_eligible" },
    { "001190011111", "Phạm Thu Hà", "05/05/1985", "003", "eligible" },
    { "001190022222", "Đỗ Minh Tuấn", "1970", "110", "not_eligible" },
    { "001190033333", "Vũ Đức Long", "10/10/1980", "001", "eligible_warning" },
    { "001190044444", "Ngô Thị Lan", "02/02/1992", "101", "unavailable" },
    { "001199999999", "Không Có Ai", "01/01/2000", "050", "not_eligible" },
  };
  (void) data;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TdnEligibility) e = lookup (c, f, cases[i].id, cases[i].name, cases[i].dob);
      g_test_message ("case %u", i);
      g_assert_cmpstr (e->code, ==, cases[i].code);
      g_assert_cmpstr (tdn_eligibility_status_to_string (e->status), ==, cases[i].status);
    }
  /* One login served every lookup. */
  g_assert_cmpuint (tdn_gateway_client_get_login_count (c), ==, 1);
  g_assert_cmpint (sim_stat (f, "logins"), ==, 1);
  g_assert_cmpint (sim_stat (f, "lookups"), ==, G_N_ELEMENTS (cases));
  {
    g_autoptr(TdnEligibility) e = lookup (c, f, "001190011111", "Phạm Thu Hà", "05/05/1985");
    g_assert_true (e->new_card);
    g_assert_cmpstr (e->card_number, ==, "HT3010111111111");
    g_assert_cmpint (e->benefit_level, ==, 3);
  }
}

static void
test_json_login_and_reauth (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnGatewayClient) c = client (f, "sim-password", TRUE, 10);
  g_autoptr(TdnEligibility) a = lookup (c, f, "001190012345", "Lê Thị Mai", "14/02/1990");
  g_autoptr(TdnEligibility) b = NULL;
  g_autoptr(TdnEligibility) d = NULL;
  g_autoptr(TdnEligibility) e = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  (void) data;

  g_assert_cmpstr (a->code, ==, "000");
  /* Token expiry mid-run: the gateway forgets it, answers 401. */
  r1 = sim_call (f, "_sim/expire-tokens", "{}");
  b = lookup (c, f, "001190012345", "Lê Thị Mai", "14/02/1990");
  g_assert_cmpstr (b->code, ==, "000");
  g_assert_cmpuint (tdn_gateway_client_get_login_count (c), ==, 2);
  /* 401 as body code once: re-login and retry once. */
  r2 = sim_call (f, "_sim/faults", "{\"code401\": 1}");
  d = lookup (c, f, "001190012345", "Lê Thị Mai", "14/02/1990");
  g_assert_cmpstr (d->code, ==, "000");
  g_assert_cmpuint (tdn_gateway_client_get_login_count (c), ==, 3);
  /* 401 twice in a row: exactly one retry, then config_error. */
  r3 = sim_call (f, "_sim/faults", "{\"status401\": 5}");
  e = lookup (c, f, "001190012345", "Lê Thị Mai", "14/02/1990");
  g_assert_cmpstr (e->code, ==, "401");
  g_assert_cmpint (e->status, ==, TDN_ELIGIBILITY_CONFIG_ERROR);
  g_assert_cmpuint (tdn_gateway_client_get_login_count (c), ==, 4);
}

static void
test_failures (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnGatewayClient) bad = client (f, "wrong", FALSE, 10);
  g_autoptr(TdnGatewayClient) c = client (f, "sim-password", FALSE, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnEligibility) e = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL;
  (void) data;

  e = tdn_gateway_client_lookup (bad, "001190012345", "Lê Thị Mai", "14/02/1990", &f->visit, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_AUTH);
  g_clear_error (&error);

  e = tdn_gateway_client_lookup (c, "12345", "Lê Thị Mai", "14/02/1990", &f->visit, NULL, &error);
  g_assert_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_INPUT);
  g_clear_error (&error);

  r1 = sim_call (f, "_sim/faults", "{\"http500\": true}");
  e = tdn_gateway_client_lookup (c, "001190012345", "Lê Thị Mai", "14/02/1990", &f->visit, NULL, &error);
  g_assert_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_HTTP);
  g_clear_error (&error);

  /* A slow gateway times out and is not retried. */
  r2 = sim_call (f, "_sim/faults", "{\"http500\": false, \"latency_s\": 3}");
  e = tdn_gateway_client_lookup (c, "001190012345", "Lê Thị Mai", "14/02/1990", &f->visit, NULL, &error);
  g_assert_error (error, TDN_GATEWAY_ERROR, TDN_GATEWAY_ERROR_TIMEOUT);
  g_assert_cmpuint (tdn_gateway_client_get_login_count (c), ==, 1);
}

/* Another gateway's habits: numbers for maKetQua (200, 0, 70) and
 * expires_in as seconds. One login still serves every lookup. */
static void
test_numeric_answers (Fixture *f, gconstpointer data)
{
  g_autoptr(TdnGatewayClient) c = client (f, "sim-password", FALSE, 10);
  g_autofree char *r = sim_call (f, "_sim/faults", "{\"numeric\": true}");
  g_autoptr(TdnEligibility) a = lookup (c, f, "001190012345", "Lê Thị Mai", "14/02/1990");
  g_autoptr(TdnEligibility) b = lookup (c, f, "001190012345", "Lê Thị Mai", "15/02/1990");
  (void) data;

  g_assert_nonnull (r);
  g_assert_cmpstr (a->code, ==, "000");
  g_assert_cmpint (a->status, ==, TDN_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpstr (b->code, ==, "070");
  g_assert_cmpuint (tdn_gateway_client_get_login_count (c), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  g_test_add ("/eligibility/gateway-client/classes", Fixture, NULL, fixture_setup, test_classes, fixture_teardown);
  g_test_add ("/eligibility/gateway-client/reauth", Fixture, NULL, fixture_setup, test_json_login_and_reauth, fixture_teardown);
  g_test_add ("/eligibility/gateway-client/failures", Fixture, NULL, fixture_setup, test_failures, fixture_teardown);
  g_test_add ("/eligibility/gateway-client/numeric", Fixture, NULL, fixture_setup, test_numeric_answers, fixture_teardown);
  return g_test_run ();
}
