/* test-help-tls.c — the kiosk's HTTPS client never skips verification
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A broker with a self-signed certificate (made here with openssl) is
 * refused, and accepted once its CA is configured in [eligibility] ca_file.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-help-client.h"
#include "tdn-help-soup.h"
#include "tdn-pin.h"

static TdnApiRole
auth_cb (const char  *token,
         const char **client,
         gpointer     data)
{
  if (g_strcmp0 (token, "kiosk-k2-token") == 0)
    return (*client = "K2", TDN_API_ROLE_KIOSK);
  return TDN_API_ROLE_NONE;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static char *
post_once (TdnConfig *config,
           GError   **error)
{
  g_autoptr(TdnHelpClient) client = tdn_help_client_new (config, error);
  g_autoptr(TdnHelpRequest) req = tdn_help_request_new ();
  g_autoptr(GAsyncResult) res = NULL;

  if (client == NULL)
    return NULL;
  req->kiosk_id = g_strdup ("K2");
  req->reason = g_strdup ("printer_error");
  tdn_help_client_post_async (client, req, NULL, done_cb, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  return tdn_help_client_post_finish (client, res, error);
}

static void
test_tls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tdn-tls-XXXXXX", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *db = g_build_filename (dir, "broker.db", NULL);
  g_autofree char *token = g_build_filename (dir, "token", NULL);
  g_autofree char *subj_alt = g_strdup ("subjectAltName=IP:127.0.0.1");
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=127.0.0.1", "-addext", subj_alt, "-keyout", key, "-out", cert, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) tls = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(TdnConfig) broker_conf = tdn_config_new (&tdn_config_schema_broker);
  g_autoptr(TdnHelpStore) store = NULL;
  g_autoptr(TdnStaffAuth) staff = NULL;
  g_autoptr(TdnHelpApi) api = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  GSList *uris;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) || status != 0)
    {
      g_test_skip ("openssl could not make a test certificate");
      return;
    }
  tls = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);

  g_assert_true (tdn_config_load_data (broker_conf,
                                       "[bhxh]\nusername=01999_BV\npassword=x\nofficer_name=A\n"
                                       "officer_cccd=001085009876\n", "broker.conf", NULL));
  store = tdn_help_store_open (db, &error);
  g_assert_no_error (error);
  staff = tdn_staff_auth_new_with_policy (broker_conf, "nurses");
  api = tdn_help_api_new (store, staff);
  server = soup_server_new ("tls-certificate", tls, NULL);
  tdn_help_soup_add_handlers (server, api, auth_cb, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (url, "https://"));
  g_assert_true (g_file_set_contents_full (token, "kiosk-k2-token\n", -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  /* Without the CA: refused, as a network error (certificate), no request made. */
  {
    g_autoptr(TdnConfig) kiosk = tdn_config_new (&tdn_config_schema_kiosk);
    g_autofree char *text = g_strdup_printf ("[eligibility]\nbroker_url=%s\ntoken_file=%s\n", url, token);

    g_assert_true (tdn_config_load_data (kiosk, text, "kiosk.conf", NULL));
    id = post_once (kiosk, &error);
    g_assert_null (id);
    g_assert_error (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_NETWORK);
    g_test_message ("without the CA: %s", error->message);
    g_clear_error (&error);
  }
  /* With the site CA configured: accepted. */
  {
    g_autoptr(TdnConfig) kiosk = tdn_config_new (&tdn_config_schema_kiosk);
    g_autofree char *text = g_strdup_printf ("[eligibility]\nbroker_url=%s\ntoken_file=%s\nca_file=%s\n",
                                             url, token, cert);

    g_assert_true (tdn_config_load_data (kiosk, text, "kiosk.conf", NULL));
    id = post_once (kiosk, &error);
    g_assert_no_error (error);
    g_assert_true (tdn_uuid_is_valid (id));
  }

  soup_server_disconnect (server);
  g_clear_object (&server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (const char *const *f = (const char *const[]) { "key.pem", "cert.pem", "token", "broker.db",
                                                       "broker.db-wal", "broker.db-shm", NULL }; *f; f++)
    {
      g_autofree char *p = g_build_filename (dir, *f, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help-tls/verification-always-on", test_tls);
  return g_test_run ();
}
