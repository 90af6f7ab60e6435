/* tdn-uuid.c — random identifiers for visits and deliveries
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-uuid.h"

static GMutex uuid_lock;
static GRand *uuid_test_rand;

char *
tdn_uuid_new (void)
{
  guint8 b[16];

  g_mutex_lock (&uuid_lock);
  if (uuid_test_rand == NULL)
    {
      g_mutex_unlock (&uuid_lock);
      return g_uuid_string_random ();
    }
  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_rand_int (uuid_test_rand);
      memcpy (b + i, &r, 4);
    }
  g_mutex_unlock (&uuid_lock);

  b[6] = (b[6] & 0x0f) | 0x40;   /* version 4 */
  b[8] = (b[8] & 0x3f) | 0x80;   /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

gboolean
tdn_uuid_is_valid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

void
tdn_uuid_set_test_seed (guint32 seed)
{
  g_mutex_lock (&uuid_lock);
  g_clear_pointer (&uuid_test_rand, g_rand_free);
  if (seed != 0)
    uuid_test_rand = g_rand_new_with_seed (seed);
  g_mutex_unlock (&uuid_lock);
}
