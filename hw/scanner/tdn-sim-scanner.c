/* tdn-sim-scanner.c — a scanner the demo and tests drive by hand
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include "tdn-sim-scanner.h"

struct _TdnSimScanner
{
  TdnScanner parent_instance;
  gboolean   started;
  gboolean   plugged;
};

G_DEFINE_FINAL_TYPE (TdnSimScanner, tdn_sim_scanner, TDN_TYPE_SCANNER)

static gboolean
tdn_sim_scanner_start (TdnScanner  *scanner,
                       GError     **error)
{
  TdnSimScanner *self = TDN_SIM_SCANNER (scanner);

  self->started = TRUE;
  tdn_scanner_set_connected (scanner, self->plugged, self->plugged ? NULL : "unplugged");
  return TRUE;
}

static void
tdn_sim_scanner_stop (TdnScanner *scanner)
{
  TDN_SIM_SCANNER (scanner)->started = FALSE;
}

static void
tdn_sim_scanner_class_init (TdnSimScannerClass *klass)
{
  TDN_SCANNER_CLASS (klass)->start = tdn_sim_scanner_start;
  TDN_SCANNER_CLASS (klass)->stop = tdn_sim_scanner_stop;
}

static void
tdn_sim_scanner_init (TdnSimScanner *self)
{
  self->plugged = TRUE;
}

TdnScanner *
tdn_sim_scanner_new (void)
{
  return g_object_new (TDN_TYPE_SIM_SCANNER, NULL);
}

void
tdn_sim_scanner_scan (TdnSimScanner *self,
                      GBytes        *payload)
{
  g_return_if_fail (TDN_IS_SIM_SCANNER (self));

  /* A stopped or unplugged scanner reads nothing. */
  if (self->started && self->plugged)
    tdn_scanner_deliver (TDN_SCANNER (self), payload);
}

void
tdn_sim_scanner_plug (TdnSimScanner *self,
                      gboolean       plugged)
{
  g_return_if_fail (TDN_IS_SIM_SCANNER (self));

  self->plugged = plugged;
  if (self->started)
    tdn_scanner_set_connected (TDN_SCANNER (self), plugged, plugged ? NULL : "unplugged");
}
