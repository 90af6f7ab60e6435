/* kiosk-ui-fixture.h — the real kiosk window on a real TdnCheckin with scripted services
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the screens tests: the check-in machine runs with the fakes of
 * tests/unit/checkin (readers, eligibility, printer, help desk) and a real
 * spool; the window and its controller are the real ones. Helpers drive
 * the window's kiosk.* actions, find what is on screen and save pictures
 * into BUILD/ui-screenshots/.
 */
#pragma once

#include <adwaita.h>

#include "checkin-fixture.h"
#include "tdn-kiosk-controller.h"
#include "tdn-kiosk-window.h"

#define ADULT_ID "001190012345"
#define ADULT_NAME "Lê Thị Mai"
#define ADULT_DOB "14021990"

typedef struct {
  Fixture             f;
  TdnKioskWindow     *window;
  TdnKioskController *controller;
} Ui;


/* Translations as the kiosk has them, g_test_init(), GTK, the resources
 * and the style sheet. */
void       ui_init             (int *argc, char ***argv);
/* Runs the main loop for `ms` of real time (GTK's frame clock). */
void       spin                (guint ms);
/* `data`: NULL, "portrait" or "low-reach". */
void       ui_set_up           (Ui *ui, gconstpointer data);
void       ui_tear_down        (Ui *ui, gconstpointer data);
void       shot                (Ui *ui, const char *name);
void       act                 (Ui *ui, const char *action, const char *target);
gboolean   find_label          (GtkWidget *widget, const char *text);
void       assert_page         (Ui *ui, const char *page, const char *text);
/* The adult's card read by the card reader, up to "is this you?". */
void       read_adult          (Ui *ui);
/* "Yes", clinic NOI, no priority: the confirm screen. */
void       to_confirm          (Ui *ui);
GtkWidget *find_button         (GtkWidget *widget, const char *label);
GtkWidget *find_button_by_text (GtkWidget *widget, const char *text);
/* Presses the keypad's keys for `digits`. */
void       type                (Ui *ui, const char *digits);
