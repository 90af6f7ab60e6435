/* fuzz-tlv.c — BER-TLV walking, recursively, over any bytes
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-tlv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
walk (const guint8 *data,
      gsize         size,
      int           depth)
{
  TdnTlvReader r;
  TdnTlv t;
  g_autoptr(GError) error = NULL;

  tdn_tlv_reader_init (&r, data, size);
  while (tdn_tlv_reader_next (&r, &t, &error))
    {
      g_assert_true (t.value >= data && t.value + t.length <= data + size);
      if (t.constructed && depth < 16)
        walk (t.value, t.length, depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint32 tag;
  gsize hlen, vlen;

  walk (data, size, 0);
  if (tdn_tlv_parse_header (data, size, 1 << 16, &tag, &hlen, &vlen, NULL))
    g_assert_cmpuint (hlen, <=, size);
  return 0;
}
