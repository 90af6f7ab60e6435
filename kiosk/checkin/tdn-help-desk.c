/* tdn-help-desk.c — the interface of "call staff"
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-help-desk.h"

G_DEFINE_INTERFACE (TdnHelpDesk, tdn_help_desk, G_TYPE_OBJECT)

static void
tdn_help_desk_default_init (TdnHelpDeskInterface *iface)
{
}

void
tdn_help_desk_raise_async (TdnHelpDesk          *self,
                           const TdnHelpRequest *request,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_return_if_fail (TDN_IS_HELP_DESK (self));
  g_return_if_fail (request != NULL && request->reason != NULL);
  TDN_HELP_DESK_GET_IFACE (self)->raise_async (self, request, cancellable, callback, user_data);
}

char *
tdn_help_desk_raise_finish (TdnHelpDesk   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (TDN_IS_HELP_DESK (self), NULL);
  return TDN_HELP_DESK_GET_IFACE (self)->raise_finish (self, result, error);
}
