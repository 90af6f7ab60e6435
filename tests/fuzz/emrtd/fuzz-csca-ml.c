/* fuzz-csca-ml.c — a CSCA master list file (outside bytes) into the trust store
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-csca-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TdnCscaStore) store = tdn_csca_store_new ();
  g_autoptr(GError) error = NULL;
  guint added = 0;
  gboolean ok;

  /* Skipped certificates warn; that is expected here, not a crash
   * (criticals still abort). */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  g_log_set_handler ("tiepdon-emrtd", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, quiet_log_cb, NULL);
  tdn_csca_store_set_trust_unverified_master_lists (store, TRUE);
  ok = tdn_csca_store_add_master_list (store, data, size, &added, &error);
  g_assert (ok == (error == NULL));
  g_assert_cmpuint (added, ==, tdn_csca_store_get_n_certificates (store));
  g_clear_error (&error);
  ok = tdn_csca_store_add_certificates (store, data, size, &added, &error);
  g_assert (ok == (error == NULL));
  return 0;
}
