/* fuzz-sm-unwrap-aes.c — AES (PACE) secure messaging responses as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-sm.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 kenc[16] = { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
                                   0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c };
  static const guint8 kmac[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                   0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
  TdnSm sm;
  guint16 sw = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;

  /* The seeds are answers to the first command (SSC 1 → response SSC 2). */
  tdn_sm_init_aes (&sm, kenc, kmac);
  sm.ssc[15] = 1;
  plain = tdn_sm_unwrap (&sm, data, size, &sw, &error);
  g_assert ((plain == NULL) == (error != NULL));
  if (plain != NULL)
    g_assert (g_bytes_get_size (plain) < size);
  tdn_sm_clear (&sm);
  return 0;
}
