/* tdn-help-soup.h — serve the help API from a libsoup-3 server
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The broker (and test hosts) call tdn_help_soup_add_handlers() with a
 * function that turns a bearer token into a client name and role; this
 * file does the rest: headers, query, bounded body, JSON answer, and
 * holding long polls until the API reports a change.
 */
#pragma once

#include <libsoup/soup.h>

#include "tdn-help-api.h"

G_BEGIN_DECLS

/* Returns the role of `token` (NULL when no Authorization header) and sets
 * `client` (owned by the callee, valid while the server runs). */
typedef TdnApiRole (*TdnHelpAuthFunc) (const char  *token,
                                       const char **client,
                                       gpointer     user_data);

void tdn_help_soup_add_handlers (SoupServer      *server,
                                 TdnHelpApi      *api,
                                 TdnHelpAuthFunc  auth,
                                 gpointer         user_data);

G_END_DECLS
