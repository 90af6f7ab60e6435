/* tdn-kiosk-i18n.h — the patient's language, switched at run time
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each patient picks Vietnamese or English on the welcome screen, so the
 * screen's language is not the process locale. The kiosk never sets a
 * gettext text domain: GtkBuilder therefore leaves the .ui strings as their
 * English message ids, tdn_kiosk_i18n_collect() remembers each label's id,
 * and tdn_kiosk_i18n_apply() rewrites every label (and every accessible
 * name registered here) through tdn_i18n_translate() in the current
 * language. Code renders its own dynamic text with tdn_kiosk_tr().
 */
#pragma once

#include <gtk/gtk.h>

#include "tdn-i18n.h"

G_BEGIN_DECLS

void        tdn_kiosk_i18n_set_language     (const char *lang);
const char *tdn_kiosk_i18n_get_language     (void);
/* `msgid` in the patient's current language. */
const char *tdn_kiosk_tr                    (const char *msgid) G_GNUC_FORMAT (1);

/* Remembers the text of every non-empty GtkLabel under `root` as its
 * message id (call once after gtk_widget_init_template()). Labels whose
 * text the code sets must be empty in the .ui. */
void        tdn_kiosk_i18n_collect          (GtkWidget  *root);
/* Re-renders every remembered text under `root` in the current language. */
void        tdn_kiosk_i18n_apply            (GtkWidget  *root);
/* Sets the accessible name of `widget` to `msgid` translated, now and at
 * every later tdn_kiosk_i18n_apply(). */
void        tdn_kiosk_i18n_accessible_label (GtkWidget  *widget,
                                             const char *msgid);
/* The same for the accessible description. */
void        tdn_kiosk_i18n_accessible_description (GtkWidget  *widget,
                                                   const char *msgid);
/* Names a button after its one-label content (done by apply; call it
 * after changing such a label's text from code). */
void        tdn_kiosk_i18n_name_button      (GtkWidget  *widget);
/* Leaves the accessible name the code gave `widget` alone. */
void        tdn_kiosk_i18n_keep_name        (GtkWidget  *widget);
/* Marks `label` as rendered by code: collect and apply leave it alone. */
void        tdn_kiosk_i18n_dynamic          (GtkWidget  *label);

G_END_DECLS
