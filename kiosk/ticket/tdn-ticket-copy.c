/* tdn-ticket-copy.c — a ticket that outlives its caller's strings
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TdnTicket points into its caller's data; printing in a worker thread
 * needs its own copy, and the patient's name in it is personal data.
 */
#define G_LOG_DOMAIN "tiepdon-ticket"

#include "config.h"

#include <string.h>

#include "tdn-ticket.h"

TdnTicket *
tdn_ticket_copy (const TdnTicket *ticket)
{
  TdnTicket *copy;

  g_return_val_if_fail (ticket != NULL, NULL);
  copy = g_new0 (TdnTicket, 1);
  copy->hospital_name = g_strdup (ticket->hospital_name);
  copy->clinic_name = g_strdup (ticket->clinic_name);
  copy->room = g_strdup (ticket->room);
  copy->location = g_strdup (ticket->location);
  copy->number = g_strdup (ticket->number);
  copy->priority = g_strdup (ticket->priority);
  copy->patient_name = g_strdup (ticket->patient_name);
  copy->bhyt = ticket->bhyt;
  copy->time = ticket->time != NULL ? g_date_time_ref (ticket->time) : NULL;
  copy->visit_ref = g_strdup (ticket->visit_ref);
  copy->language = g_strdup (ticket->language);
  copy->footer = g_strdup (ticket->footer);
  copy->font = g_strdup (ticket->font);
  return copy;
}

static void
free_wiped (const char *s)
{
  char *p = (char *) s;

  if (p != NULL)
    explicit_bzero (p, strlen (p));
  g_free (p);
}

/* Frees a copy made by tdn_ticket_copy(); the patient's name and the
 * visit reference are overwritten first. */
void
tdn_ticket_free (TdnTicket *ticket)
{
  if (ticket == NULL)
    return;
  free_wiped (ticket->hospital_name);
  free_wiped (ticket->clinic_name);
  free_wiped (ticket->room);
  free_wiped (ticket->location);
  free_wiped (ticket->number);
  free_wiped (ticket->priority);
  free_wiped (ticket->patient_name);
  g_clear_pointer (&ticket->time, g_date_time_unref);
  free_wiped (ticket->visit_ref);
  free_wiped (ticket->language);
  free_wiped (ticket->footer);
  free_wiped (ticket->font);
  g_free (ticket);
}
