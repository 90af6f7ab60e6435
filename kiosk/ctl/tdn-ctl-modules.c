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
  tdn_eligibility_ctl_register (ctl);
}
