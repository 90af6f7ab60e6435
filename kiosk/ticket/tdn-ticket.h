/* tdn-ticket.h — the printed ticket: what it says, rendered to a 1-bit raster
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is drawn with Pango/Cairo (Vietnamese is never sent to the
 * printer as text: code pages cannot hold it) and thresholded to black and
 * white at the printer's width: 384 dots (58 mm) or 576 dots (80 mm).
 * Long names wrap; nothing is clipped. The QR code holds the visit's
 * reference so the desk and the HIS can find the visit.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TDN_TICKET_ERROR (tdn_ticket_error_quark ())

typedef enum {
  TDN_TICKET_ERROR_RENDER,
  TDN_TICKET_ERROR_QR,
} TdnTicketError;

GQuark tdn_ticket_error_quark (void);

typedef enum {
  TDN_TICKET_BHYT_ELIGIBLE,
  TDN_TICKET_BHYT_PENDING,     /* "BHYT being checked" */
  TDN_TICKET_BHYT_SELF_PAY,
  TDN_TICKET_BHYT_DESK,        /* go to the desk first */
} TdnTicketBhyt;

typedef struct {
  const char    *hospital_name;
  const char    *clinic_name;      /* in the ticket's language */
  const char    *room;             /* "Phòng 105" */
  const char    *location;         /* "Tầng 1, nhà A" */
  const char    *number;           /* "K2-A015" */
  const char    *priority;         /* words, or NULL */
  const char    *patient_name;     /* already full, initials or NULL */
  TdnTicketBhyt  bhyt;
  GDateTime     *time;             /* when the visit was registered */
  const char    *visit_ref;        /* the QR's content */
  const char    *language;         /* "vi" or "en" */
  const char    *footer;           /* or NULL */
  const char    *font;             /* family, e.g. "Noto Sans" */
} TdnTicket;

typedef struct {
  guint   width;        /* dots */
  guint   height;       /* dots */
  guint   stride;       /* bytes a row = width / 8 */
  guint8 *data;         /* MSB = leftmost dot, 1 = black */
} TdnRaster;

TdnRaster *tdn_ticket_render      (const TdnTicket *ticket,
                                   guint            width_dots,
                                   GError         **error);
void       tdn_raster_free        (TdnRaster       *raster);
/* A PNG of the raster (preview, tests). */
gboolean   tdn_raster_write_png   (const TdnRaster *raster,
                                   const char      *path,
                                   GError         **error);
/* The patient's name as [ticket] patient_name wants it: "full", "initials"
 * ("N. T. P. Thảo": initials, then the given name) or "none" (NULL). */
char      *tdn_ticket_patient_name (const char *full_name,
                                    const char *mode) G_GNUC_WARN_UNUSED_RESULT;
/* The dots for a paper width: 58 → 384, 80 → 576. */
guint      tdn_ticket_width_for_paper (int paper_mm);

/* A deep copy of a ticket's strings and time (tdn-ticket-copy.c), for a
 * print in another thread; tdn_ticket_free() overwrites the strings. */
TdnTicket *tdn_ticket_copy        (const TdnTicket *ticket) G_GNUC_WARN_UNUSED_RESULT;
void       tdn_ticket_free        (TdnTicket       *ticket);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnRaster, tdn_raster_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnTicket, tdn_ticket_free)

G_END_DECLS
