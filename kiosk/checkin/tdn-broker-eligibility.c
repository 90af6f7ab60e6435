/* tdn-broker-eligibility.c — eligibility through tiepdon-broker
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-broker-eligibility.h"

struct _TdnBrokerEligibility
{
  GObject               parent_instance;
  TdnEligibilityClient *client;
};

static void tdn_broker_eligibility_iface_init (TdnEligibilityServiceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnBrokerEligibility, tdn_broker_eligibility, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_ELIGIBILITY_SERVICE,
                                                      tdn_broker_eligibility_iface_init))

static void
client_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TdnBrokerEligibility *self = g_task_get_source_object (task);

  g_task_return_pointer (task, tdn_eligibility_client_check_finish (self->client, result),
                         (GDestroyNotify) tdn_eligibility_free);
}

static void
check_async (TdnEligibilityService *service,
             const char            *id,
             const char            *name,
             const char            *dob,
             GCancellable          *cancellable,
             GAsyncReadyCallback    callback,
             gpointer               user_data)
{
  TdnBrokerEligibility *self = TDN_BROKER_ELIGIBILITY (service);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GDateTime) now = tdn_clock_now ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_task_set_source_tag (task, check_async);
  tdn_eligibility_client_check_async (self->client, id, name, dob, &today, NULL, NULL,
                                      cancellable, client_done_cb, task);
}

static TdnEligibility *
check_finish (TdnEligibilityService *service,
              GAsyncResult          *result)
{
  g_return_val_if_fail (g_task_is_valid (result, service), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static void
tdn_broker_eligibility_iface_init (TdnEligibilityServiceInterface *iface)
{
  iface->check_async = check_async;
  iface->check_finish = check_finish;
}

static void
tdn_broker_eligibility_finalize (GObject *object)
{
  TdnBrokerEligibility *self = TDN_BROKER_ELIGIBILITY (object);

  g_clear_pointer (&self->client, tdn_eligibility_client_free);
  G_OBJECT_CLASS (tdn_broker_eligibility_parent_class)->finalize (object);
}

static void
tdn_broker_eligibility_class_init (TdnBrokerEligibilityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_broker_eligibility_finalize;
}

static void
tdn_broker_eligibility_init (TdnBrokerEligibility *self)
{
}

TdnEligibilityService *
tdn_broker_eligibility_new (TdnEligibilityClient *client)
{
  TdnBrokerEligibility *self;

  g_return_val_if_fail (client != NULL, NULL);
  self = g_object_new (TDN_TYPE_BROKER_ELIGIBILITY, NULL);
  self->client = client;
  return TDN_ELIGIBILITY_SERVICE (self);
}

TdnEligibilityService *
tdn_broker_eligibility_new_from_config (TdnConfig  *config,
                                        GError    **error)
{
  TdnEligibilityClient *client = tdn_eligibility_client_new_from_config (config, NULL, error);

  return client != NULL ? tdn_broker_eligibility_new (client) : NULL;
}
