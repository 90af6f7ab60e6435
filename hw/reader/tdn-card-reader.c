/* tdn-card-reader.c — read a chip card off the main thread, with progress
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "tdn-card-reader.h"
#include "tdn-pcsc.h"
#include "tdn-pcsc-transceiver.h"

typedef struct {
  gint                     ref;
  GMainContext            *context;
  GTask                   *task;      /* main context only */
  gboolean                 returned;  /* main context only */
  GSource                 *timeout;
  GSource                 *cancel_source;
  char                    *reader;
  guint                    timeout_ms;
  TdnCardOpenFunc          open;
  gpointer                 open_data;
  TdnCardReadProgressFunc  progress;
  gpointer                 progress_data;
  TdnChipIdentityFunc      identity;
  gpointer                 identity_data;
  TdnChipKeys             *keys;
  TdnChipReadOptions       options;
  GCancellable            *stop;      /* tells the worker to stop */
  TdnChipResult           *result;    /* worker → main */
  GError                  *error;
} Job;

static Job *
job_ref (Job *job)
{
  g_atomic_int_inc (&job->ref);
  return job;
}

static void
job_unref (gpointer data)
{
  Job *job = data;

  if (!g_atomic_int_dec_and_test (&job->ref))
    return;
  g_clear_object (&job->task);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job->reader);
  tdn_chip_keys_free (job->keys);
  g_clear_object (&job->options.csca_store);
  g_clear_object (&job->stop);
  g_clear_pointer (&job->result, tdn_chip_result_free);
  g_clear_error (&job->error);
  g_free (job);
}

/* Main context: hand the caller its answer, once. */
static void
job_return (Job           *job,
            TdnChipResult *result,
            GError        *error)
{
  GTask *task;

  if (job->returned)
    {
      tdn_chip_result_free (result);
      g_clear_error (&error);
      return;
    }
  job->returned = TRUE;
  g_cancellable_cancel (job->stop);
  if (job->timeout != NULL)
    {
      g_source_destroy (job->timeout);
      g_clear_pointer (&job->timeout, g_source_unref);
    }
  if (job->cancel_source != NULL)
    {
      g_source_destroy (job->cancel_source);
      g_clear_pointer (&job->cancel_source, g_source_unref);
    }
  task = g_steal_pointer (&job->task);
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) tdn_chip_result_free);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

typedef struct {
  Job   *job;
  char  *stage;
  gsize  done;
  gsize  total;
} Progress;

static gboolean
progress_main_cb (gpointer data)
{
  Progress *p = data;

  if (!p->job->returned && p->job->progress != NULL)
    p->job->progress (p->stage, p->done, p->total, p->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  job_unref (p->job);
  g_free (p->stage);
  g_free (p);
}

/* Worker thread → main context. */
static void
worker_stage_cb (const char *stage,
                 gsize       done,
                 gsize       total,
                 gpointer    user_data)
{
  Job *job = user_data;
  Progress *p;

  if (job->progress == NULL)
    return;
  p = g_new0 (Progress, 1);
  p->job = job_ref (job);
  p->stage = g_strdup (stage);
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_main_cb, p, progress_free);
}

typedef struct {
  Job          *job;
  TdnIdentity  *identity;
  TdnChipCheck  passive_auth;
} EarlyIdentity;

static gboolean
identity_main_cb (gpointer data)
{
  EarlyIdentity *e = data;

  if (!e->job->returned)
    e->job->identity (e->identity, e->passive_auth, e->job->identity_data);
  return G_SOURCE_REMOVE;
}

static void
early_identity_free (gpointer data)
{
  EarlyIdentity *e = data;

  job_unref (e->job);
  tdn_identity_free (e->identity);
  g_free (e);
}

/* Worker thread → main context, queued before the result. */
static void
worker_identity_cb (const TdnIdentity *identity,
                    TdnChipCheck       passive_auth,
                    gpointer           user_data)
{
  Job *job = user_data;
  EarlyIdentity *e = g_new0 (EarlyIdentity, 1);

  e->job = job_ref (job);
  e->identity = tdn_identity_copy (identity);
  e->passive_auth = passive_auth;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, identity_main_cb, e, early_identity_free);
}

static gboolean
done_main_cb (gpointer data)
{
  Job *job = data;

  job_return (job, g_steal_pointer (&job->result), g_steal_pointer (&job->error));
  return G_SOURCE_REMOVE;
}

static TdnTransceiver *
open_pcsc (const char  *reader,
           guint        timeout_ms,
           gpointer     user_data,
           GError     **error)
{
  g_autofree char *name = tdn_pcsc_choose_reader (reader, error);

  if (name == NULL)
    return NULL;
  return (TdnTransceiver *) tdn_pcsc_transceiver_new (name, timeout_ms, error);
}

static gpointer
worker (gpointer data)
{
  Job *job = data;
  g_autoptr(TdnTransceiver) t = NULL;
  GError *error = NULL;
  TdnChipResult *result = NULL;
  TdnCardOpenFunc open = job->open != NULL ? job->open : open_pcsc;

  t = open (job->reader, job->timeout_ms, job->open_data, &error);
  if (t != NULL && TDN_IS_PCSC_TRANSCEIVER (t) && job->options.extended)
    {
      /* Extended length only when the reader says it takes it (CCID
       * readers report their buffer; a short-APDU reader reports ~261). */
      guint max_input = tdn_pcsc_transceiver_get_max_input (TDN_PCSC_TRANSCEIVER (t));

      if (max_input > 0 && max_input < 512)
        {
          g_debug ("reader takes %u-byte APDUs: no extended length", max_input);
          job->options.extended = FALSE;
          job->options.max_le = MIN (job->options.max_le, 0xDFu);
        }
      else if (max_input > 0)
        job->options.max_le = MIN (job->options.max_le, max_input - 64);
    }
  if (t != NULL)
    result = tdn_chip_read (t, job->keys, &job->options, &error);
  g_clear_object (&t); /* ends the exclusive session, resets the card */
  /* Free this thread's OpenSSL state (its random generator) now: the
   * thread is detached and may outlive a short program's exit. */
  OPENSSL_thread_stop ();

  job->result = result;
  job->error = error;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, done_main_cb, job, job_unref);
  return NULL;
}

static gboolean
timeout_cb (gpointer data)
{
  Job *job = data;

  job_return (job, NULL, g_error_new_literal (TDN_READER_ERROR, TDN_READER_ERROR_TIMEOUT,
                                              _("The card did not answer in time. Take it away "
                                                "and place it on the reader again.")));
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      data)
{
  Job *job = data;

  job_return (job, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                              _("The card reading was cancelled.")));
  return G_SOURCE_REMOVE;
}

void
tdn_card_read_async (const TdnCardReadParams  *params,
                     const TdnChipKeys        *keys,
                     const TdnChipReadOptions *options,
                     GCancellable             *cancellable,
                     GAsyncReadyCallback       callback,
                     gpointer                  user_data)
{
  Job *job;
  GThread *thread;

  g_return_if_fail (params != NULL && keys != NULL);

  job = g_new0 (Job, 1);
  job->ref = 1;
  job->context = g_main_context_ref_thread_default ();
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, tdn_card_read_async);
  job->reader = g_strdup (params->reader);
  job->timeout_ms = params->timeout_ms;
  job->open = params->open;
  job->open_data = params->open_data;
  job->progress = params->progress;
  job->progress_data = params->progress_data;
  job->keys = tdn_chip_keys_new ();
  job->keys->can = g_strdup (keys->can);
  for (guint i = 0; i < keys->mrz_infos->len; i++)
    g_ptr_array_add (job->keys->mrz_infos, g_strdup (keys->mrz_infos->pdata[i]));
  if (options != NULL)
    job->options = *options;
  if (job->options.csca_store != NULL)
    g_object_ref (job->options.csca_store);
  job->stop = g_cancellable_new ();
  job->options.cancellable = job->stop;
  job->options.stage = worker_stage_cb;
  job->options.stage_data = job;
  job->identity = params->identity;
  job->identity_data = params->identity_data;
  job->options.identity_ready = job->identity != NULL ? worker_identity_cb : NULL;
  job->options.identity_ready_data = job;

  if (params->timeout_ms > 0)
    {
      job->timeout = g_timeout_source_new (params->timeout_ms);
      g_source_set_callback (job->timeout, timeout_cb, job_ref (job), job_unref);
      g_source_attach (job->timeout, job->context);
    }
  if (cancellable != NULL)
    {
      job->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (job->cancel_source, G_SOURCE_FUNC (cancelled_cb), job_ref (job), job_unref);
      g_source_attach (job->cancel_source, job->context);
    }

  thread = g_thread_new ("tdn-card-read", worker, job_ref (job));
  g_thread_unref (thread);
  job_unref (job);
}

TdnChipResult *
tdn_card_read_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GMainLoop    *loop;
  GAsyncResult *result;
} SyncData;

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncData *d = user_data;

  d->result = g_object_ref (result);
  g_main_loop_quit (d->loop);
}

TdnChipResult *
tdn_card_read_sync (const TdnCardReadParams  *params,
                    const TdnChipKeys        *keys,
                    const TdnChipReadOptions *options,
                    GError                  **error)
{
  g_autoptr(GMainContext) ctx = g_main_context_new ();
  SyncData d = { 0 };
  TdnChipResult *res;

  g_main_context_push_thread_default (ctx);
  d.loop = g_main_loop_new (ctx, FALSE);
  tdn_card_read_async (params, keys, options, NULL, sync_done_cb, &d);
  g_main_loop_run (d.loop);
  res = tdn_card_read_finish (d.result, error);
  g_object_unref (d.result);
  g_main_loop_unref (d.loop);
  g_main_context_pop_thread_default (ctx);
  return res;
}
