/* tdn-ctl-modules.h — registration functions of the modules' commands
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-ctl.h"

G_BEGIN_DECLS

void tdn_staff_ctl_register (TdnCtl *ctl);
void tdn_csca_ctl_register (TdnCtl *ctl);
void tdn_scanner_ctl_register (TdnCtl *ctl);
void tdn_printer_ctl_register (TdnCtl *ctl);
void tdn_spool_ctl_register (TdnCtl *ctl);
void tdn_deskclient_ctl_register (TdnCtl *ctl);
void tdn_eligibility_ctl_register (TdnCtl *ctl);
void tdn_reader_ctl_register (TdnCtl *ctl);
void tdn_syncd_ctl_register (TdnCtl *ctl);
void tdn_checkin_ctl_register (TdnCtl *ctl);
void tdn_help_ctl_register (TdnCtl *ctl);
G_END_DECLS
