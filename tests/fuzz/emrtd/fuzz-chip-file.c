/* fuzz-chip-file.c — the file reader against a card answering anything
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a list of responses, each a 2-byte big-endian length and
 * the response APDU; the reader reads one file from them. It must end
 * (no loop, no re-read) with the file or an error, whatever they say.
 */
#include "config.h"

#include <stdint.h>

#include "tdn-chip-file.h"
#include "tdn-replay-transceiver.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TdnReplayTransceiver) mock = tdn_replay_transceiver_new ();
  g_autoptr(TdnChipSession) s = tdn_chip_session_new (TDN_TRANSCEIVER (mock));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = NULL;
  gsize pos = 0;
  guint n = 0;

  while (pos + 2 <= size && n < 512)
    {
      gsize len = ((gsize) data[pos] << 8) | data[pos + 1];
      g_autoptr(GBytes) r = NULL;

      pos += 2;
      len = MIN (len, size - pos);
      r = g_bytes_new (data + pos, len);
      tdn_replay_transceiver_expect (mock, NULL, r);
      pos += len;
      n++;
    }
  tdn_chip_session_set_max_le (s, 0x40);
  file = tdn_chip_read_file (s, TDN_FID_DG13, NULL, NULL, &error);
  g_assert ((file == NULL) == (error != NULL));
  /* One SELECT, then never more READ BINARY than there were answers. */
  g_assert (tdn_chip_session_get_apdu_count (s) <= n + 1);
  if (file != NULL)
    g_assert (tdn_chip_session_get_file_bytes (s) >= g_bytes_get_size (file));
  return 0;
}
