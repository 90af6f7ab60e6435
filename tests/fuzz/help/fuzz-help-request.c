/* fuzz-help-request.c — help requests as kiosks post them
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-help-request.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TdnHelpRequest) r = NULL;

  if (size > 1 << 20 || !json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL))
    return 0;
  r = tdn_help_request_from_json (json_parser_get_root (parser), NULL);
  if (r != NULL)
    {
      g_autoptr(JsonNode) back = tdn_help_request_to_json (r, TRUE);
      g_assert_nonnull (back);
    }
  return 0;
}
