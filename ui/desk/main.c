/* main.c — tiepdon-desk: the nurse's console for help requests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-base.h"
#include "tdn-desk-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(TdnDeskApplication) app = NULL;

  tdn_i18n_init ();
  tdn_log_init ("tiepdon-desk");
  app = tdn_desk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
