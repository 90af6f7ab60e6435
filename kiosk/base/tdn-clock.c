/* tdn-clock.c — the one place that reads the time, so tests can set it
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-clock.h"

static GMutex clock_lock;
static gboolean frozen;
static gint64 frozen_real;
static gint64 frozen_mono;
static gint64 real_offset;       /* TIEPDON_FAKE_TIME - real time at start */
static GTimeZone *hospital_tz;

static void
clock_init_once (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const char *fake = g_getenv ("TIEPDON_FAKE_TIME");

      if (fake != NULL && *fake != '\0')
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (fake, NULL);

          if (dt != NULL)
            real_offset = g_date_time_to_unix (dt) * G_USEC_PER_SEC - g_get_real_time ();
          else
            g_warning ("TIEPDON_FAKE_TIME=%s is not an ISO 8601 time; ignored", fake);
        }
      g_once_init_leave (&once, 1);
    }
}

gint64
tdn_clock_get_real (void)
{
  gint64 v;

  clock_init_once ();
  g_mutex_lock (&clock_lock);
  v = frozen ? frozen_real : g_get_real_time () + real_offset;
  g_mutex_unlock (&clock_lock);
  return v;
}

gint64
tdn_clock_get_monotonic (void)
{
  gint64 v;

  g_mutex_lock (&clock_lock);
  v = frozen ? frozen_mono : g_get_monotonic_time ();
  g_mutex_unlock (&clock_lock);
  return v;
}

GTimeZone *
tdn_clock_get_timezone (void)
{
  GTimeZone *tz;

  g_mutex_lock (&clock_lock);
  tz = hospital_tz != NULL ? g_time_zone_ref (hospital_tz) : g_time_zone_new_local ();
  g_mutex_unlock (&clock_lock);
  return tz;
}

gboolean
tdn_clock_set_timezone (const char *identifier)
{
  GTimeZone *tz;

  g_return_val_if_fail (identifier != NULL, FALSE);

  tz = g_time_zone_new_identifier (identifier);
  if (tz == NULL)
    return FALSE;
  g_mutex_lock (&clock_lock);
  g_clear_pointer (&hospital_tz, g_time_zone_unref);
  hospital_tz = tz;
  g_mutex_unlock (&clock_lock);
  return TRUE;
}

GDateTime *
tdn_clock_now (void)
{
  g_autoptr(GTimeZone) tz = tdn_clock_get_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) t = g_date_time_add (utc, tdn_clock_get_real ());

  return g_date_time_to_timezone (t, tz);
}

void
tdn_clock_set_fake (gint64 real_us)
{
  g_mutex_lock (&clock_lock);
  if (!frozen)
    frozen_mono = g_get_monotonic_time ();
  frozen = TRUE;
  frozen_real = real_us;
  g_mutex_unlock (&clock_lock);
}

void
tdn_clock_advance (gint64 delta_us)
{
  g_mutex_lock (&clock_lock);
  if (frozen)
    {
      frozen_real += delta_us;
      if (delta_us > 0)
        frozen_mono += delta_us;
    }
  else
    g_critical ("tdn_clock_advance() needs tdn_clock_set_fake() first");
  g_mutex_unlock (&clock_lock);
}

void
tdn_clock_clear_fake (void)
{
  g_mutex_lock (&clock_lock);
  frozen = FALSE;
  g_mutex_unlock (&clock_lock);
}
