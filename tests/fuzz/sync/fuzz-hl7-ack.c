/* fuzz-hl7-ack.c — what an HL7 peer sends back over MLLP
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdn-hl7.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const guint8 *payload = NULL;
  gsize plen = 0, used = 0, off = 0;
  g_autofree char *reason = NULL;

  /* Every frame in the stream, then the raw bytes as one ACK. */
  while (off < size && tdn_hl7_mllp_unframe (data + off, size - off, &payload, &plen, &used))
    {
      char *r = NULL;

      g_assert_true (payload >= data + off && payload + plen <= data + size);
      tdn_hl7_parse_ack (payload, plen, "D1", &r);
      g_free (r);
      off += used;
    }
  tdn_hl7_parse_ack (data, size, "D1", &reason);
  return 0;
}
