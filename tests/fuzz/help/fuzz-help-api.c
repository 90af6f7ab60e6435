/* fuzz-help-api.c — any request a network client can send the help API
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The broker hands tdn_help_api_handle() the method, path, query, role of
 * the bearer token, session header and body of every help request. Input:
 * byte 0 picks the role (none, kiosk, desk) and the method (GET, POST),
 * byte 1 whether a (forged) session header is sent, then
 * "PATH[?QUERY]\0BODY". Whatever comes in, the answer is a status with a
 * JSON body, nothing is answered 2xx to a caller without a token, and a
 * kiosk never gets the desk's list.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tdn-base.h"
#include "tdn-help-api.h"
#include "tdn-pin.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static TdnHelpApi *api;
static char *db_dir;

static void
cleanup (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&api);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (db_dir, "/broker.db", suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (db_dir);
  g_free (db_dir);
}

static void
init (void)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_broker);
  g_autofree char *lan = tdn_pin_hash ("246810", 1000, NULL);
  g_autofree char *text = g_strdup_printf (
    "[bhxh]\nusername=01999_BV\npassword=x\nofficer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
    "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n", lan);
  g_autofree char *path = NULL;

  db_dir = g_dir_make_tmp ("tdn-fuzz-help-api-XXXXXX", NULL);
  g_assert_nonnull (db_dir);
  path = g_build_filename (db_dir, "broker.db", NULL);

  g_assert_true (tdn_config_load_data (config, text, "broker.conf", NULL));
  TdnHelpStore *store = tdn_help_store_open (path, NULL);
  g_assert_nonnull (store);
  TdnStaffAuth *staff = tdn_staff_auth_new_with_policy (config, "nurses");
  api = tdn_help_api_new (store, staff);
  g_object_unref (store);
  g_object_unref (staff);
  atexit (cleanup);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (api == NULL)
    init ();
  if (size < 3)
    return 0;
  TdnApiRole role = (TdnApiRole) (data[0] % 3);
  const char *method = (data[0] & 0x80) ? "POST" : "GET";
  const char *session = (data[1] & 1) ? "forged-session-0123456789abcdef" : NULL;
  const char *rest = (const char *) data + 2;
  gsize rest_len = size - 2;
  const char *nul = memchr (rest, '\0', rest_len);
  gsize path_len = nul ? (gsize) (nul - rest) : rest_len;
  g_autofree char *target = g_strndup (rest, path_len);
  g_autoptr(GBytes) body = nul ? g_bytes_new (nul + 1, rest_len - path_len - 1) : NULL;
  g_autoptr(GHashTable) query = NULL;
  char *q = strchr (target, '?');

  if (!g_utf8_validate (target, -1, NULL))
    return 0;
  if (q != NULL)
    {
      *q = '\0';
      query = g_uri_parse_params (q + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
    }
  if (!tdn_help_api_owns_path (target))
    return 0;

  TdnApiRequest request = {
    .method = method, .path = target, .query = query, .client = role == TDN_API_ROLE_DESK ? "DESK1" : "K1",
    .role = role, .session = session, .body = body, .final_attempt = TRUE,
  };
  TdnApiResponse response = { 0 };
  tdn_help_api_handle (api, &request, &response);
  g_assert_cmpuint (response.status, >=, 200);
  g_assert_cmpuint (response.status, <, 600);
  g_assert_nonnull (response.body);
  if (role == TDN_API_ROLE_NONE)
    g_assert_cmpuint (response.status, >=, 400);
  /* A kiosk reads only its own requests and overrides: never the desk's list. */
  if (role == TDN_API_ROLE_KIOSK && strcmp (method, "GET") == 0 && strcmp (target, "/help") == 0)
    g_assert_cmpuint (response.status, >=, 400);
  tdn_api_response_clear (&response);
  return 0;
}
