/* tdn-queue.h — queue numbers per clinic per day, unique across kiosks
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers are allocated in the caller's SQLite transaction (the spool's
 * BEGIN IMMEDIATE … COMMIT that also writes the visit), from a counter per
 * (hospital-local day, clinic) that only ever goes up: a restart, a second
 * process or a wall clock set back never hands out a number twice. Kiosks
 * need no central server: the kiosk's id is part of the number
 * ("K2-A015", [queue] number_format).
 */
#pragma once

#include <sqlite3.h>

#include "tdn-base.h"

G_BEGIN_DECLS

#define TDN_QUEUE_ERROR (tdn_queue_error_quark ())

typedef enum {
  TDN_QUEUE_ERROR_DATABASE,
  TDN_QUEUE_ERROR_UNKNOWN_CLINIC,
  TDN_QUEUE_ERROR_FULL,          /* the clinic's daily capacity is reached */
  TDN_QUEUE_ERROR_CLOSED,        /* outside opening hours */
  TDN_QUEUE_ERROR_FORMAT,        /* bad [queue] number_format */
} TdnQueueError;

GQuark tdn_queue_error_quark (void);

typedef struct {
  char *code;          /* [clinic CODE] */
  char *name_vi;
  char *name_en;
  char *room;
  char *location;
  char *location_en;
  char *prefix;        /* "A" */
  char *hours;         /* "07:00-11:30,13:30-17:00" */
  int   capacity;      /* per day; 0 = no limit */
} TdnClinic;

typedef struct {
  char  *number;       /* "K2-A015" */
  char  *day;          /* "2026-11-23", hospital-local */
  char  *clinic;
  gint64 seq;          /* 15 */
} TdnQueueNumber;

void        tdn_clinic_free          (TdnClinic *clinic);
/* Clinics in screen order ([queue] clinics, else file order). */
GPtrArray  *tdn_clinics_from_config  (TdnConfig *config);
/* Open at `now` (hospital-local) according to `hours`? Each range is
 * from its start to just before its end; an end of 23:59 or 24:00 is the
 * end of the day; a range whose end is before its start runs past
 * midnight (22:00-06:00). */
gboolean    tdn_clinic_is_open_at    (const TdnClinic *clinic,
                                      GDateTime       *now);

void        tdn_queue_number_clear   (TdnQueueNumber *number);

/* Creates the counter table if missing (idempotent). */
gboolean    tdn_queue_ensure_schema  (sqlite3     *db,
                                      GError     **error);
/* Renders [queue] number_format: {kiosk}, {prefix}, {seq:N}. */
char       *tdn_queue_format_number  (const char  *format,
                                      const char  *kiosk_id,
                                      const char  *prefix,
                                      gint64       seq,
                                      GError     **error);
/* Allocates the next number; call inside the caller's write transaction
 * (BEGIN IMMEDIATE). `now` decides the day (its own time zone), except
 * that the day never goes back before the latest day numbers were given
 * for: a clock set back continues that day's counter. */
gboolean    tdn_queue_allocate       (sqlite3          *db,
                                      const char       *format,
                                      const char       *kiosk_id,
                                      const TdnClinic  *clinic,
                                      GDateTime        *now,
                                      TdnQueueNumber   *out,
                                      GError          **error);
/* tdn_queue_ensure_schema() then tdn_queue_allocate() at tdn_clock_now():
 * the next number as a string, for a caller's transaction callback (a
 * visit committed, registered at the desk or moved to another clinic). */
char       *tdn_queue_take_number    (sqlite3          *db,
                                      const char       *format,
                                      const char       *kiosk_id,
                                      const TdnClinic  *clinic,
                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Numbers handed out today for `clinic` (for "N people waiting"). */
gint64      tdn_queue_issued_today   (sqlite3          *db,
                                      const char       *clinic_code,
                                      GDateTime        *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnClinic, tdn_clinic_free)

G_END_DECLS
