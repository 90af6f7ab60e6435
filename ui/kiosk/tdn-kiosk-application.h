/* tdn-kiosk-application.h — vn.tiepdon.Kiosk, the patient's check-in screen
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TDN_TYPE_KIOSK_APPLICATION (tdn_kiosk_application_get_type ())
G_DECLARE_FINAL_TYPE (TdnKioskApplication, tdn_kiosk_application, TDN, KIOSK_APPLICATION, AdwApplication)

G_GNUC_WARN_UNUSED_RESULT
TdnKioskApplication *tdn_kiosk_application_new (void);

G_END_DECLS
