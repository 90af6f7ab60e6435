/* tdn-desk-application.h — tiepdon-desk's GtkApplication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "tdn-base.h"

G_BEGIN_DECLS

#define TDN_TYPE_DESK_APPLICATION (tdn_desk_application_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskApplication, tdn_desk_application, TDN, DESK_APPLICATION, AdwApplication)

G_GNUC_WARN_UNUSED_RESULT
TdnDeskApplication *tdn_desk_application_new (void);

/* Raises a desktop notification for a new help request; activating it
 * opens the request in the window. */
void tdn_desk_application_notify_request  (TdnDeskApplication *self,
                                           JsonObject         *request);
/* One notification for many requests at once (after signing in). */
void tdn_desk_application_notify_waiting  (TdnDeskApplication *self,
                                           guint               count);
/* Withdraws the notification of a request someone took or resolved. */
void tdn_desk_application_withdraw        (TdnDeskApplication *self,
                                           const char         *request_id);

G_END_DECLS
