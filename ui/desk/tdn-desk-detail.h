/* tdn-desk-detail.h — one help request: identity check and decisions
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "tdn-base.h"
#include "tdn-desk-client.h"

G_BEGIN_DECLS

#define TDN_TYPE_DESK_DETAIL (tdn_desk_detail_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskDetail, tdn_desk_detail, TDN, DESK_DETAIL, GtkWidget)

void tdn_desk_detail_set_context     (TdnDeskDetail *self,
                                      TdnDeskClient *client,
                                      TdnConfig     *config);
void tdn_desk_detail_set_nurse       (TdnDeskDetail *self,
                                      const char    *login);
/* Shows `request` (a list entry) and loads its photo and audit trail. */
void tdn_desk_detail_show            (TdnDeskDetail *self,
                                      JsonObject    *request);
/* A change from the feed: refreshes if it is the request shown. */
void tdn_desk_detail_request_changed (TdnDeskDetail *self,
                                      JsonObject    *request);
void tdn_desk_detail_clear           (TdnDeskDetail *self);

G_END_DECLS
