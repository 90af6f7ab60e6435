/* tdn-spool-visit-store.c — TdnVisitStore on kiosk/spool and kiosk/queue
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One spool connection, used under a mutex: commits and updates run in a
 * GTask worker (synchronous=FULL costs an fsync), the waiting counts are
 * read on the caller's thread.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-spool-visit-store.h"

struct _TdnSpoolVisitStore
{
  GObject    parent_instance;
  TdnConfig *config;
  TdnSpool  *spool;
  GMutex     lock;
};

static void tdn_spool_visit_store_iface_init (TdnVisitStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnSpoolVisitStore, tdn_spool_visit_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_VISIT_STORE,
                                                      tdn_spool_visit_store_iface_init))

TdnVisit *
tdn_visit_store_copy_visit (const TdnVisit *v)
{
  TdnVisit *c = tdn_visit_new ();

  c->visit_id = g_strdup (v->visit_id);
  c->revision = v->revision;
  c->kiosk_id = g_strdup (v->kiosk_id);
  c->created_at = v->created_at;
  c->id_number = g_strdup (v->id_number);
  c->full_name = g_strdup (v->full_name);
  c->date_of_birth = g_strdup (v->date_of_birth);
  c->sex = g_strdup (v->sex);
  c->address = g_strdup (v->address);
  c->bhyt_card = g_strdup (v->bhyt_card);
  c->assurance = g_strdup (v->assurance);
  c->language = g_strdup (v->language);
  c->clinic = g_strdup (v->clinic);
  c->priority = g_strdup (v->priority);
  c->queue_number = g_strdup (v->queue_number);
  c->eligibility_status = g_strdup (v->eligibility_status);
  c->eligibility_code = g_strdup (v->eligibility_code);
  c->eligibility_raw = g_strdup (v->eligibility_raw);
  c->payment = g_strdup (v->payment);
  return c;
}

static TdnClinic *
find_clinic (TdnSpoolVisitStore *self,
             const char         *code,
             GPtrArray          *clinics)
{
  for (guint i = 0; i < clinics->len; i++)
    {
      TdnClinic *c = clinics->pdata[i];

      if (g_strcmp0 (c->code, code) == 0)
        return c;
    }
  return NULL;
}

static GPtrArray *
list_clinics (TdnVisitStore  *store,
              GError        **error)
{
  TdnSpoolVisitStore *self = TDN_SPOOL_VISIT_STORE (store);
  g_autoptr(GPtrArray) clinics = tdn_clinics_from_config (self->config);
  g_autoptr(GDateTime) now = tdn_clock_now ();
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_clinic_status_free);

  g_mutex_lock (&self->lock);
  if (!tdn_queue_ensure_schema (tdn_spool_get_db (self->spool), error))
    {
      g_mutex_unlock (&self->lock);
      g_ptr_array_unref (out);
      return NULL;
    }
  for (guint i = 0; i < clinics->len; i++)
    {
      TdnClinicStatus *st = g_new0 (TdnClinicStatus, 1);

      st->clinic = clinics->pdata[i];
      clinics->pdata[i] = NULL;
      st->waiting = tdn_queue_issued_today (tdn_spool_get_db (self->spool), st->clinic->code, now);
      st->open = tdn_clinic_is_open_at (st->clinic, now);
      st->full = st->clinic->capacity > 0 && st->waiting >= st->clinic->capacity;
      g_ptr_array_add (out, st);
    }
  g_mutex_unlock (&self->lock);
  return out;
}

static void
commit_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TdnSpoolVisitStore *self = source;
  TdnVisit *visit = task_data;
  g_autoptr(GPtrArray) clinics = tdn_clinics_from_config (self->config);
  g_autoptr(GError) error = NULL;
  TdnSpoolQueueTake a = { find_clinic (self, visit->clinic, clinics),
              tdn_config_get_string (self->config, "queue", "number_format") };
  gboolean ok;

  if (a.clinic == NULL)
    {
      g_task_return_new_error (task, TDN_QUEUE_ERROR, TDN_QUEUE_ERROR_UNKNOWN_CLINIC,
                               _("The clinic “%s” is not configured: choose another."), visit->clinic);
      return;
    }
  g_mutex_lock (&self->lock);
  ok = tdn_spool_commit_visit (self->spool, visit, tdn_spool_take_queue_number, &a, &error);
  g_mutex_unlock (&self->lock);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tdn_visit_store_copy_visit (visit), (GDestroyNotify) tdn_visit_free);
}

static void
commit_async (TdnVisitStore       *store,
              const TdnVisit      *visit,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  TdnVisit *copy = tdn_visit_store_copy_visit (visit);

  g_task_set_source_tag (task, commit_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) tdn_visit_free);
  /* Never cancelled half-way: a committed visit is reported. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, commit_thread);
}

static TdnVisit *
commit_finish (TdnVisitStore  *store,
               GAsyncResult   *result,
               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char     *visit_id;
  TdnVisit *changes;
  char     *reason;
} Update;

static void
update_free (Update *u)
{
  g_free (u->visit_id);
  tdn_visit_free (u->changes);
  g_free (u->reason);
  g_free (u);
}

static void
update_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TdnSpoolVisitStore *self = source;
  Update *u = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = tdn_spool_add_revision (self->spool, u->visit_id, u->changes, "kiosk", u->reason, &error);
  g_mutex_unlock (&self->lock);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
update_async (TdnVisitStore       *store,
              const char          *visit_id,
              const TdnVisit      *changes,
              const char          *reason,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  Update *u = g_new0 (Update, 1);

  u->visit_id = g_strdup (visit_id);
  u->changes = tdn_visit_store_copy_visit (changes);
  u->reason = g_strdup (reason);
  g_task_set_source_tag (task, update_async);
  g_task_set_task_data (task, u, (GDestroyNotify) update_free);
  g_task_run_in_thread (task, update_thread);
}

static gboolean
update_finish (TdnVisitStore  *store,
               GAsyncResult   *result,
               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
tdn_spool_visit_store_iface_init (TdnVisitStoreInterface *iface)
{
  iface->list_clinics = list_clinics;
  iface->commit_async = commit_async;
  iface->commit_finish = commit_finish;
  iface->update_async = update_async;
  iface->update_finish = update_finish;
}

static void
tdn_spool_visit_store_finalize (GObject *object)
{
  TdnSpoolVisitStore *self = TDN_SPOOL_VISIT_STORE (object);

  g_clear_object (&self->spool);
  g_clear_object (&self->config);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tdn_spool_visit_store_parent_class)->finalize (object);
}

static void
tdn_spool_visit_store_class_init (TdnSpoolVisitStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_spool_visit_store_finalize;
}

static void
tdn_spool_visit_store_init (TdnSpoolVisitStore *self)
{
  g_mutex_init (&self->lock);
}

TdnVisitStore *
tdn_spool_visit_store_new (TdnConfig *config,
                           TdnSpool  *spool)
{
  TdnSpoolVisitStore *self;

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);
  g_return_val_if_fail (TDN_IS_SPOOL (spool), NULL);
  self = g_object_new (TDN_TYPE_SPOOL_VISIT_STORE, NULL);
  self->config = g_object_ref (config);
  self->spool = g_object_ref (spool);
  return TDN_VISIT_STORE (self);
}

TdnVisitStore *
tdn_spool_visit_store_new_from_config (TdnConfig  *config,
                                       GError    **error)
{
  g_autoptr(TdnSpool) spool = tdn_spool_open (tdn_config_get_string (config, "spool", "path"),
                                              tdn_config_get_string (config, "spool", "key_file"),
                                              error);

  return spool != NULL ? tdn_spool_visit_store_new (config, spool) : NULL;
}

TdnSpool *
tdn_spool_visit_store_get_spool (TdnSpoolVisitStore *self)
{
  g_return_val_if_fail (TDN_IS_SPOOL_VISIT_STORE (self), NULL);
  return self->spool;
}
