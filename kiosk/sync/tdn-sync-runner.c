/* tdn-sync-runner.c — taking the outbox to the HIS, one delivery at a time
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "tdn-sync-runner.h"

struct _TdnSyncRunner
{
  GObject             parent_instance;
  TdnSpool           *spool;
  TdnSyncDestination *destination;
  int                 backoff_min_s;
  int                 backoff_max_s;
  TdnSyncParkFunc     park_func;
  gpointer            park_data;
};

G_DEFINE_FINAL_TYPE (TdnSyncRunner, tdn_sync_runner, G_TYPE_OBJECT)

static void
tdn_sync_runner_finalize (GObject *object)
{
  TdnSyncRunner *self = TDN_SYNC_RUNNER (object);

  g_clear_object (&self->spool);
  g_clear_object (&self->destination);
  G_OBJECT_CLASS (tdn_sync_runner_parent_class)->finalize (object);
}

static void
tdn_sync_runner_class_init (TdnSyncRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_sync_runner_finalize;
}

static void
tdn_sync_runner_init (TdnSyncRunner *self)
{
}

TdnSyncRunner *
tdn_sync_runner_new (TdnSpool           *spool,
                     TdnSyncDestination *destination,
                     int                 backoff_min_s,
                     int                 backoff_max_s)
{
  TdnSyncRunner *self;

  g_return_val_if_fail (TDN_IS_SPOOL (spool), NULL);
  g_return_val_if_fail (TDN_IS_SYNC_DESTINATION (destination), NULL);
  self = g_object_new (TDN_TYPE_SYNC_RUNNER, NULL);
  self->spool = g_object_ref (spool);
  self->destination = g_object_ref (destination);
  self->backoff_min_s = MAX (backoff_min_s, 1);
  self->backoff_max_s = MAX (backoff_max_s, self->backoff_min_s);
  return self;
}

void
tdn_sync_runner_set_park_func (TdnSyncRunner   *self,
                               TdnSyncParkFunc  func,
                               gpointer         user_data)
{
  g_return_if_fail (TDN_IS_SYNC_RUNNER (self));
  self->park_func = func;
  self->park_data = user_data;
}

int
tdn_sync_lock (const char  *spool_path,
               GError     **error)
{
  g_autofree char *path = g_strconcat (spool_path, ".deliver.lock", NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                   _("Cannot open %s: %s; check the state directory's owner"), path, g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_BUSY,
                   _("Another process (tiepdon-syncd?) is delivering this spool; let it, or stop it first"));
      return -1;
    }
  return fd;
}

gint64
tdn_sync_backoff_us (int    attempts,
                     int    min_s,
                     int    max_s,
                     double jitter)
{
  double delay = min_s;

  /* min, 2·min, 4·min … up to max; then a random part of it taken off
   * (jitter 0–1 takes 0–50 %) so many kiosks do not retry in step. */
  for (int i = 1; i < attempts && delay < max_s; i++)
    delay *= 2;
  delay = MIN (delay, (double) max_s);
  delay *= 1.0 - 0.5 * CLAMP (jitter, 0.0, 1.0);
  return (gint64) (delay * G_USEC_PER_SEC);
}

/* The bytes for `item`: stored ones, or built from its revision now.
 * NULL with `park_reason` when the delivery cannot be built at all. */
static GBytes *
payload_for (TdnSyncRunner  *self,
             TdnOutboxItem  *item,
             gboolean       *fresh,
             char          **park_reason,
             GError        **error)
{
  const char *name = tdn_sync_destination_get_name (self->destination);
  g_autoptr(TdnVisit) visit = NULL;
  g_autoptr(GError) local = NULL;
  gint64 arrived_at;

  *fresh = FALSE;
  if (item->payload != NULL)
    {
      if (g_strcmp0 (item->destination, name) != 0)
        {
          *park_reason = g_strdup_printf ("built for %s but the HIS is now %s; run “tiepdonctl spool retry %s"
                                          " --rebuild” to send it again", item->destination, name, item->delivery_id);
          return NULL;
        }
      return g_bytes_ref (item->payload);
    }
  visit = tdn_spool_get_revision (self->spool, item->visit_id, item->revision, &local);
  if (visit == NULL)
    {
      if (g_error_matches (local, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND) ||
          g_error_matches (local, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_CORRUPT) ||
          g_error_matches (local, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY))
        {
          *park_reason = g_strdup_printf ("the visit cannot be read: %s", local->message);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (visit->purged)
    {
      *park_reason = g_strdup ("the visit's personal data was erased by retention before delivery");
      return NULL;
    }
  arrived_at = visit->created_at;
  if (item->revision > 1)
    {
      g_autoptr(TdnVisit) first = tdn_spool_get_revision (self->spool, item->visit_id, 1, NULL);

      if (first != NULL)
        arrived_at = first->created_at;
    }
  *fresh = TRUE;
  return tdn_sync_destination_build (self->destination, visit, arrived_at, item->delivery_id);
}

gboolean
tdn_sync_runner_step (TdnSyncRunner  *self,
                      GCancellable   *cancellable,
                      gboolean       *attempted,
                      gint64         *next_due,
                      GError        **error)
{
  g_autoptr(TdnOutboxItem) item = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *masked = NULL;
  g_autoptr(GError) local = NULL;
  TdnSyncVerdict verdict;
  gboolean fresh = FALSE;
  int attempts;

  g_return_val_if_fail (TDN_IS_SYNC_RUNNER (self), FALSE);

  *attempted = FALSE;
  item = tdn_spool_outbox_next (self->spool, tdn_clock_get_real (), next_due, &local);
  if (item == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *attempted = TRUE;
  *next_due = -1;
  if (item->state == TDN_OUTBOX_IN_FLIGHT)
    g_message ("delivery %s was in flight when syncd stopped: sending the same bytes again", item->delivery_id);

  payload = payload_for (self, item, &fresh, &reason, &local);
  if (payload == NULL)
    {
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      verdict = TDN_SYNC_PARK;
      attempts = item->attempts;
    }
  else
    {
      /* Durable before the first byte leaves: a crash from here on resends these bytes. */
      if (!tdn_spool_outbox_begin (self->spool, item->delivery_id, tdn_sync_destination_get_name (self->destination),
                                   fresh ? payload : NULL, error))
        return FALSE;
      attempts = item->attempts + 1;
      verdict = tdn_sync_destination_send (self->destination, payload, item->delivery_id, cancellable, &reason);
    }

  masked = tdn_mask_text (reason);
  switch (verdict)
    {
    case TDN_SYNC_DELIVERED:
      g_debug ("delivery %s (revision %d) delivered after %d attempt(s): %s",
               item->delivery_id, item->revision, attempts, masked);
      return tdn_spool_outbox_finish (self->spool, item->delivery_id, TDN_OUTBOX_DELIVERED, 0, NULL, error);

    case TDN_SYNC_PARK:
      g_message ("delivery %s of visit %s (revision %d) PARKED for a human: %s",
                 item->delivery_id, item->visit_id, item->revision, masked);
      if (!tdn_spool_outbox_finish (self->spool, item->delivery_id, TDN_OUTBOX_PARKED, 0, reason, error))
        return FALSE;
      if (self->park_func != NULL)
        self->park_func (item, reason, self->park_data);
      return TRUE;

    case TDN_SYNC_RETRY:
    default:
      {
        gint64 delay = g_cancellable_is_cancelled (cancellable)
                       ? 0 : tdn_sync_backoff_us (attempts, self->backoff_min_s, self->backoff_max_s,
                                                  g_random_double ());

        g_message ("delivery %s attempt %d failed, next in %.1f s: %s",
                   item->delivery_id, attempts, (double) delay / G_USEC_PER_SEC, masked);
        return tdn_spool_outbox_finish (self->spool, item->delivery_id, TDN_OUTBOX_PENDING,
                                        tdn_clock_get_real () + delay, reason, error);
      }
    }
}

gboolean
tdn_sync_runner_run_due (TdnSyncRunner  *self,
                         GCancellable   *cancellable,
                         guint          *n_attempts,
                         GError        **error)
{
  gboolean attempted = TRUE;
  gint64 next_due = -1;

  *n_attempts = 0;
  while (attempted && !g_cancellable_is_cancelled (cancellable))
    {
      if (!tdn_sync_runner_step (self, cancellable, &attempted, &next_due, error))
        return FALSE;
      if (attempted)
        (*n_attempts)++;
    }
  return TRUE;
}
