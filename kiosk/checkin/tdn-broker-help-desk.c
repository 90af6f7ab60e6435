/* tdn-broker-help-desk.c — "call staff" through tiepdon-broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-broker-help-desk.h"

struct _TdnBrokerHelpDesk
{
  GObject        parent_instance;
  TdnHelpClient *client;
};

static void tdn_broker_help_desk_iface_init (TdnHelpDeskInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnBrokerHelpDesk, tdn_broker_help_desk, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_HELP_DESK, tdn_broker_help_desk_iface_init))

static void
post_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *id = tdn_help_client_post_finish (TDN_HELP_CLIENT (source), result, &error);

  if (id == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, id, g_free);
}

static void
raise_async (TdnHelpDesk          *desk,
             const TdnHelpRequest *request,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data)
{
  TdnBrokerHelpDesk *self = TDN_BROKER_HELP_DESK (desk);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, raise_async);
  tdn_help_client_post_async (self->client, request, cancellable, post_done_cb, task);
}

static char *
raise_finish (TdnHelpDesk   *desk,
              GAsyncResult  *result,
              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, desk), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
tdn_broker_help_desk_iface_init (TdnHelpDeskInterface *iface)
{
  iface->raise_async = raise_async;
  iface->raise_finish = raise_finish;
}

static void
tdn_broker_help_desk_finalize (GObject *object)
{
  g_clear_object (&TDN_BROKER_HELP_DESK (object)->client);
  G_OBJECT_CLASS (tdn_broker_help_desk_parent_class)->finalize (object);
}

static void
tdn_broker_help_desk_class_init (TdnBrokerHelpDeskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_broker_help_desk_finalize;
}

static void
tdn_broker_help_desk_init (TdnBrokerHelpDesk *self)
{
}

TdnHelpDesk *
tdn_broker_help_desk_new (TdnHelpClient *client)
{
  TdnBrokerHelpDesk *self;

  g_return_val_if_fail (TDN_IS_HELP_CLIENT (client), NULL);
  self = g_object_new (TDN_TYPE_BROKER_HELP_DESK, NULL);
  self->client = g_object_ref (client);
  return TDN_HELP_DESK (self);
}

TdnHelpDesk *
tdn_broker_help_desk_new_from_config (TdnConfig  *config,
                                      GError    **error)
{
  g_autoptr(TdnHelpClient) client = tdn_help_client_new (config, error);

  return client != NULL ? tdn_broker_help_desk_new (client) : NULL;
}
