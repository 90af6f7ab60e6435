/* tdn-desk-feed.h — follow the broker's help requests by long poll
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps one long poll (GET /help?since=SEQ&wait=25) running on a
 * TdnDeskClient with a nurse session and emits ::request-changed for
 * every request the broker reports changed. On a network failure it
 * retries with doubling back-off (1 s … 30 s) and emits ::online false,
 * then true once the broker answers again. When the broker says the
 * session is gone (401 no_session) it stops and emits ::signed-out.
 */
#pragma once

#include "tdn-desk-client.h"

G_BEGIN_DECLS

#define TDN_TYPE_DESK_FEED (tdn_desk_feed_get_type ())
G_DECLARE_FINAL_TYPE (TdnDeskFeed, tdn_desk_feed, TDN, DESK_FEED, GObject)

TdnDeskFeed *tdn_desk_feed_new     (TdnDeskClient *client);
/* Starts after change number `since` (-1: first lists the open requests). */
void         tdn_desk_feed_start   (TdnDeskFeed   *self,
                                    gint64         since);
void         tdn_desk_feed_stop    (TdnDeskFeed   *self);
gint64       tdn_desk_feed_get_seq (TdnDeskFeed   *self);

G_END_DECLS
