/* tdn-desk-request-row.h — one waiting patient in the desk's list
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TDN_TYPE_DESK_REQUEST_ROW (tdn_desk_request_row_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskRequestRow, tdn_desk_request_row, TDN, DESK_REQUEST_ROW, GtkListBoxRow)

/* `nurse`: the signed-in login, to tell "you" from another nurse. */
TdnDeskRequestRow *tdn_desk_request_row_new         (JsonObject        *request,
                                                     const char        *nurse);
void               tdn_desk_request_row_update      (TdnDeskRequestRow *self,
                                                     JsonObject        *request);
/* Refreshes the waiting time. */
void               tdn_desk_request_row_tick        (TdnDeskRequestRow *self);
JsonObject        *tdn_desk_request_row_get_request (TdnDeskRequestRow *self);
/* Longest waiting first. */
int                tdn_desk_request_row_compare     (TdnDeskRequestRow *a,
                                                     TdnDeskRequestRow *b);

G_END_DECLS
