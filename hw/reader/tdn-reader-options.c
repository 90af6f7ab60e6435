/* tdn-reader-options.c — chip read options from tiepdon.conf [reader]
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include "tdn-reader-options.h"

void
tdn_reader_options_from_config (TdnConfig          *config,
                                TdnChipReadOptions *options)
{
  g_autoptr(GError) error = NULL;

  options->extended = tdn_config_get_bool (config, "reader", "extended_length");
  options->max_le = (guint) tdn_config_get_int (config, "reader", "max_le");
  if (!options->extended && options->max_le > 256)
    options->max_le = 256;
  options->passive_auth_flags = tdn_passive_auth_flags_from_config (config);
  options->csca_store = tdn_csca_store_new_from_config (config, &error);
  if (options->csca_store == NULL)
    g_message ("CSCA trust store not loaded: %s", error->message);
}

void
tdn_reader_options_clear (TdnChipReadOptions *options)
{
  g_clear_object (&options->csca_store);
}
