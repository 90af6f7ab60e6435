/* tdn-clock.h — the one place that reads the time, so tests can set it
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wall time decides queue days and what is printed; monotonic time decides
 * timeouts. Both can be faked: in-process with tdn_clock_set_fake(), or for
 * a whole program with TIEPDON_FAKE_TIME=2026-11-23T23:59:50+07:00 (the
 * clock then starts at that instant and runs on).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Microseconds since the epoch / since an arbitrary point. */
gint64     tdn_clock_get_real      (void);
gint64     tdn_clock_get_monotonic (void);
/* Now in the hospital's time zone. */
GDateTime *tdn_clock_now           (void) G_GNUC_WARN_UNUSED_RESULT;
/* Sets the hospital's time zone from an identifier ("Asia/Ho_Chi_Minh");
 * FALSE if the system does not know it (the local zone stays). */
gboolean   tdn_clock_set_timezone  (const char *identifier);
GTimeZone *tdn_clock_get_timezone  (void) G_GNUC_WARN_UNUSED_RESULT;

/* Tests: freeze both clocks, wall time at `real_us`. */
void       tdn_clock_set_fake      (gint64 real_us);
/* Tests: move both frozen clocks forward (or the wall clock back, with a
 * negative value, as a clock change would; monotonic never goes back). */
void       tdn_clock_advance       (gint64 delta_us);
void       tdn_clock_clear_fake    (void);

G_END_DECLS
