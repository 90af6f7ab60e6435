/* fuzz-tlv.c — BER-TLV from a chip as outside bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-tlv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Walk the tree recursively, as the DG parsers do. */
static void
walk (const guint8 *data,
      gsize         len,
      guint         depth)
{
  TdnTlvReader r;

  if (depth > 16)
    return;
  tdn_tlv_reader_init (&r, data, len);
  while (!tdn_tlv_reader_at_end (&r))
    {
      TdnTlv t;
      g_autoptr(GError) error = NULL;

      if (!tdn_tlv_reader_next (&r, &t, &error))
        {
          /* FALSE without an error means only padding was left. */
          g_assert (error != NULL || tdn_tlv_reader_at_end (&r));
          return;
        }
      g_assert (t.value >= data && t.value + t.length <= data + len);
      if (t.constructed)
        walk (t.value, t.length, depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  walk (data, size, 0);
  return 0;
}
