/* fuzz-control.c — lines sent to a demo kiosk's control socket
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "tdn-control-command.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TdnControlCommand c;
  GError *error = NULL;

  if (tdn_control_parse ((const char *) data, size, &c, &error))
    {
      g_assert_no_error (error);
      g_assert_nonnull (tdn_control_verb_to_string (c.verb));
      if (c.arg != NULL)
        g_assert_true (strlen (c.arg) > 0 && strlen (c.arg) <= 64);
      if (c.text != NULL)
        g_assert_true (g_utf8_validate (c.text, -1, NULL) && strlen (c.text) <= TDN_CONTROL_MAX_LINE);
      tdn_control_command_clear (&c);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_null (c.arg);
      g_assert_null (c.text);
      g_error_free (error);
    }
  return 0;
}
