/* main.c — tiepdon-kiosk: the patient's check-in screen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-base.h"
#include "tdn-kiosk-application.h"
#include "tdn-kiosk-lockdown.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TdnKioskApplication) app = NULL;

  /* Before GTK reads it: no inspector on a patient's screen. */
  tdn_kiosk_lockdown_environment ();
  tdn_log_init ("tiepdon-kiosk");
  tdn_i18n_init ();
  /* The screen's language is the patient's, not the process locale's: the
   * .ui strings stay message ids until tdn-kiosk-i18n renders them. */
  textdomain ("tiepdon-kiosk-untranslated");

  app = tdn_kiosk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
