/* tdn-clinic-page.h — which clinic, with how many are waiting
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One clinic as shown, texts in the patient's language. */
typedef struct {
  const char *code;       /* action target of kiosk.clinic */
  const char *name;
  const char *room;       /* may be NULL */
  int         waiting;    /* < 0: unknown */
  gboolean    open;       /* FALSE: shown greyed with "closed now" */
  gboolean    full;       /* no more numbers today: greyed */
} TdnClinicView;

#define TDN_TYPE_CLINIC_PAGE (tdn_clinic_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnClinicPage, tdn_clinic_page, TDN, CLINIC_PAGE, GtkBox)

/* Replaces the list; called again when the waiting counts change. */
void tdn_clinic_page_set_clinics (TdnClinicPage       *self,
                                  const TdnClinicView *clinics,
                                  guint                n_clinics);

G_END_DECLS
