/* tdn-ctl-modules.c — every module's tiepdonctl commands
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line per module; the module's own tdn-<module>-ctl.c does the rest.
 */
#include "config.h"

#include "tdn-ctl.h"
#include "tdn-ctl-modules.h"

void
tdn_ctl_register_all (TdnCtl *ctl)
{
  tdn_ctl_config_register (ctl);
  tdn_ctl_selftest_register (ctl);
  tdn_staff_ctl_register (ctl);
  tdn_csca_ctl_register (ctl);
  tdn_printer_ctl_register (ctl);
  tdn_spool_ctl_register (ctl);
  tdn_deskclient_ctl_register (ctl);
  tdn_eligibility_ctl_register (ctl);
  tdn_reader_ctl_register (ctl);
  tdn_syncd_ctl_register (ctl);
  tdn_checkin_ctl_register (ctl);
  tdn_help_ctl_register (ctl);
#if HAVE_ZBAR
  tdn_scanner_ctl_register (ctl);
#endif
}
