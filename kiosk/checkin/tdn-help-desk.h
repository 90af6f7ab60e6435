/* tdn-help-desk.h — "call staff": a help request for the desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real implementation posts through kiosk/help's client to the
 * broker, which the nurses' desk app watches.
 */
#pragma once

#include <gio/gio.h>

#include "tdn-help-request.h"

G_BEGIN_DECLS

#define TDN_TYPE_HELP_DESK (tdn_help_desk_get_type ())
G_DECLARE_INTERFACE (TdnHelpDesk, tdn_help_desk, TDN, HELP_DESK, GObject)

struct _TdnHelpDeskInterface
{
  GTypeInterface parent_iface;

  void  (*raise_async)  (TdnHelpDesk          *self,
                         const TdnHelpRequest *request,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data);
  char *(*raise_finish) (TdnHelpDesk   *self,
                         GAsyncResult  *result,
                         GError       **error);
};

/* `request` is copied before this returns. */
void  tdn_help_desk_raise_async  (TdnHelpDesk          *self,
                                  const TdnHelpRequest *request,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* The request's id at the desk, or NULL with an error (retry later). */
char *tdn_help_desk_raise_finish (TdnHelpDesk   *self,
                                  GAsyncResult  *result,
                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
