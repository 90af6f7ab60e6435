/* tdn-syncd.c — the sync daemon: the outbox to the HIS, all day long
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-syncd"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <gio/gunixsocketaddress.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "tdn-help-client.h"
#include "tdn-spool-outbox.h"
#include "tdn-sync-runner.h"
#include "tdn-syncd.h"

typedef struct {
  char             *name;
  TdnSyncd         *syncd;
  TdnSyncdTaskFunc  func;
  gpointer          data;
  GDestroyNotify    destroy;
  guint             interval_s;
  guint             source;
} Task;

struct _TdnSyncd
{
  GObject             parent_instance;
  TdnConfig          *config;
  TdnSpool           *spool;          /* the main thread's connection */
  TdnSpool           *worker_spool;   /* the delivery thread's own */
  TdnSyncDestination *destination;
  TdnHelpClient      *help;           /* NULL without a broker */
  GPtrArray          *tasks;
  GMainLoop          *loop;
  GCancellable       *cancellable;
  GThread            *worker;
  GMutex              lock;
  GCond               cond;
  gboolean            woken;
  gboolean            stopping;
  int                 lock_fd;        /* tdn_sync_lock(): one deliverer */
  int                 inotify_fd;
  guint               inotify_source;
  guint               signal_sources[2];
  gint64              last_alert;     /* monotonic µs of the last help request */
  guint               unreported;     /* parks since then without one */
  char               *wal_name;       /* "spool.db-wal" */
  char               *db_name;
};

G_DEFINE_FINAL_TYPE (TdnSyncd, tdn_syncd, G_TYPE_OBJECT)

#define ALERT_INTERVAL_US (60 * G_USEC_PER_SEC)

static void
task_free (Task *t)
{
  if (t->source != 0)
    g_source_remove (t->source);
  if (t->destroy != NULL)
    t->destroy (t->data);
  g_free (t->name);
  g_free (t);
}

static void
tdn_syncd_finalize (GObject *object)
{
  TdnSyncd *self = TDN_SYNCD (object);

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    if (self->signal_sources[i] != 0)
      g_source_remove (self->signal_sources[i]);
  if (self->inotify_source != 0)
    g_source_remove (self->inotify_source);
  if (self->inotify_fd >= 0)
    close (self->inotify_fd);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_object (&self->help);
  g_clear_object (&self->destination);
  g_clear_object (&self->spool);
  g_clear_object (&self->worker_spool);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->config);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->wal_name);
  g_free (self->db_name);
  G_OBJECT_CLASS (tdn_syncd_parent_class)->finalize (object);
}

static void
tdn_syncd_class_init (TdnSyncdClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_syncd_finalize;
}

static void
tdn_syncd_init (TdnSyncd *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->inotify_fd = -1;
  self->lock_fd = -1;
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  self->cancellable = g_cancellable_new ();
}

/* The built-in task: erase personal data after [spool] retention_days. */
static gboolean
retention_task (TdnSyncd *self,
                TdnSpool *spool,
                gpointer  data)
{
  gint64 days = tdn_config_get_int (self->config, "spool", "retention_days");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!tdn_spool_purge (spool, tdn_clock_get_real () - days * 24 * 3600 * G_USEC_PER_SEC,
                        "tiepdon-syncd", &n, &error))
    g_warning ("retention purge failed: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static gboolean signal_cb (gpointer data);

TdnSyncd *
tdn_syncd_new (TdnConfig  *config,
               GError    **error)
{
  g_autoptr(TdnSyncd) self = g_object_new (TDN_TYPE_SYNCD, NULL);
  const char *broker = tdn_config_get_string (config, "eligibility", "broker_url");

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);
  self->config = g_object_ref (config);
  self->lock_fd = tdn_sync_lock (tdn_config_get_string (config, "spool", "path"), error);
  if (self->lock_fd < 0)
    return NULL;
  /* No HIS ([sync] adapter = none): keep running for retention only,
   * rather than exit and be restarted by systemd every few seconds. */
  if (g_strcmp0 (tdn_config_get_string (config, "sync", "adapter"), "none") != 0)
    {
      self->destination = tdn_sync_destination_new_for_config (config, error);
      if (self->destination == NULL)
        return NULL;
    }
  self->spool = tdn_spool_open_from_config (config, error);
  if (self->spool == NULL)
    return NULL;
  /* Opened here, used only by the delivery thread: a start that cannot
   * open it fails now rather than run without delivering. */
  if (self->destination != NULL && (self->worker_spool = tdn_spool_open_from_config (config, error)) == NULL)
    return NULL;
  if (broker != NULL && *broker != '\0')
    {
      g_autoptr(GError) local = NULL;

      self->help = tdn_help_client_new (config, &local);
      if (self->help == NULL)
        g_message ("parked deliveries will only be logged: %s", local->message);
    }
  self->db_name = g_path_get_basename (tdn_config_get_string (config, "spool", "path"));
  self->wal_name = g_strconcat (self->db_name, "-wal", NULL);
  self->loop = g_main_loop_new (NULL, FALSE);
  /* Caught from now on: a SIGTERM while starting is a clean stop too. */
  self->signal_sources[0] = g_unix_signal_add (SIGTERM, signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, signal_cb, self);
  tdn_syncd_add_task (self, "retention", 3600, retention_task, NULL, NULL);
  return g_steal_pointer (&self);
}

TdnConfig *
tdn_syncd_get_config (TdnSyncd *self)
{
  g_return_val_if_fail (TDN_IS_SYNCD (self), NULL);
  return self->config;
}

static gboolean
task_cb (gpointer data)
{
  Task *t = data;

  if (!t->func (t->syncd, t->syncd->spool, t->data))
    {
      t->source = 0;
      g_ptr_array_remove (t->syncd->tasks, t);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
tdn_syncd_add_task (TdnSyncd         *self,
                    const char       *name,
                    guint             interval_s,
                    TdnSyncdTaskFunc  func,
                    gpointer          user_data,
                    GDestroyNotify    destroy)
{
  Task *t = g_new0 (Task, 1);

  g_return_if_fail (TDN_IS_SYNCD (self));
  g_return_if_fail (func != NULL && interval_s > 0);
  t->name = g_strdup (name);
  t->syncd = self;
  t->func = func;
  t->data = user_data;
  t->destroy = destroy;
  t->interval_s = interval_s;
  g_ptr_array_add (self->tasks, t);
}

void
tdn_syncd_wake (TdnSyncd *self)
{
  g_return_if_fail (TDN_IS_SYNCD (self));
  g_mutex_lock (&self->lock);
  self->woken = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* --- alerts ------------------------------------------------------------ */

typedef struct {
  TdnSyncd *syncd;
  char     *visit_id;
  char     *kiosk_id;
} Alert;

static void
alert_free (Alert *a)
{
  g_object_unref (a->syncd);
  g_free (a->visit_id);
  g_free (a->kiosk_id);
  g_free (a);
}

static void
alert_posted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tdn_help_client_post_finish (TDN_HELP_CLIENT (source), result, &error);

  if (id == NULL)
    g_message ("could not tell the desk about a parked delivery: %s", error->message);
  else
    g_message ("help request %s raised for a parked delivery", id);
}

static gboolean
alert_cb (gpointer data)
{
  Alert *a = data;
  g_autoptr(TdnHelpRequest) r = tdn_help_request_new ();

  if (a->syncd->help == NULL)
    return G_SOURCE_REMOVE;
  /* When the HIS refuses everything (a wrong clinic code table, say),
   * the desk gets one request a minute, not one per patient: the rest
   * are in `tiepdonctl spool list --state parked`. */
  if (a->syncd->last_alert != 0 && g_get_monotonic_time () - a->syncd->last_alert < ALERT_INTERVAL_US)
    {
      a->syncd->unreported++;
      g_message ("another delivery parked; %u not yet reported to the desk", a->syncd->unreported);
      return G_SOURCE_REMOVE;
    }
  a->syncd->last_alert = g_get_monotonic_time ();
  a->syncd->unreported = 0;
  r->visit_ref = g_strdup (a->visit_id);
  r->kiosk_id = g_strdup (a->kiosk_id);
  r->reason = g_strdup ("his_delivery_failed");
  r->language = g_strdup ("vi");
  r->age_years = -1;
  tdn_help_client_post_async (a->syncd->help, r, a->syncd->cancellable, alert_posted_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* Worker thread: hand the alert to the main thread, which owns the client. */
static void
parked_cb (const TdnOutboxItem *item,
           const char          *reason,
           gpointer             data)
{
  TdnSyncd *self = data;
  Alert *a = g_new0 (Alert, 1);

  a->syncd = g_object_ref (self);
  a->visit_id = g_strdup (item->visit_id);
  a->kiosk_id = g_strdup (tdn_config_get_string (self->config, "kiosk", "id"));
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, alert_cb, a, (GDestroyNotify) alert_free);
}

/* --- the worker ---------------------------------------------------------- */

static gpointer
worker_main (gpointer data)
{
  TdnSyncd *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSyncRunner) runner = NULL;
  gint64 poll_us = tdn_config_get_int (self->config, "sync", "poll_interval_ms") * 1000;

  runner = tdn_sync_runner_new (self->worker_spool, self->destination,
                                (int) tdn_config_get_int (self->config, "sync", "backoff_min_s"),
                                (int) tdn_config_get_int (self->config, "sync", "backoff_max_s"));
  tdn_sync_runner_set_park_func (runner, parked_cb, self);

  g_mutex_lock (&self->lock);
  while (!self->stopping)
    {
      gboolean attempted = FALSE;
      gint64 next_due = -1, wait_us = poll_us;
      gboolean ok;

      self->woken = FALSE;
      g_mutex_unlock (&self->lock);
      ok = tdn_sync_runner_step (runner, self->cancellable, &attempted, &next_due, &error);
      if (!ok)
        {
          /* The spool is busy or damaged: say so and try again later. */
          g_message ("delivery paused: %s", error->message);
          g_clear_error (&error);
        }
      else if (next_due >= 0)
        wait_us = CLAMP (next_due - tdn_clock_get_real (), 0, poll_us);
      g_mutex_lock (&self->lock);
      if ((ok && attempted) || self->stopping)
        continue;
      if (!self->woken && wait_us > 0)
        g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + wait_us);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* --- wake-ups, signals, systemd ------------------------------------------ */

static gboolean
inotify_cb (int          fd,
            GIOCondition condition,
            gpointer     data)
{
  TdnSyncd *self = data;
  char buf[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean wake = FALSE;
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    for (char *p = buf; p < buf + n;)
      {
        const struct inotify_event *ev = (const struct inotify_event *) p;

        if (ev->len > 0 && (g_str_equal (ev->name, self->wal_name) || g_str_equal (ev->name, self->db_name)))
          wake = TRUE;
        p += sizeof *ev + ev->len;
      }
  if (wake)
    tdn_syncd_wake (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_spool (TdnSyncd *self)
{
  g_autofree char *dir = g_path_get_dirname (tdn_config_get_string (self->config, "spool", "path"));

  self->inotify_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (self->inotify_fd < 0 ||
      inotify_add_watch (self->inotify_fd, dir, IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO) < 0)
    {
      g_warning ("cannot watch %s (%s): new visits are found by polling only", dir, g_strerror (errno));
      return;
    }
  self->inotify_source = g_unix_fd_add (self->inotify_fd, G_IO_IN, inotify_cb, self);
}

/* sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET. */
static void
notify_systemd (const char *state)
{
  const char *path = g_getenv ("NOTIFY_SOCKET");
  g_autoptr(GSocket) sock = NULL;
  g_autoptr(GSocketAddress) addr = NULL;

  if (path == NULL || (*path != '/' && *path != '@'))
    return;
  sock = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_DEFAULT, NULL);
  if (*path == '@')
    addr = g_unix_socket_address_new_with_type (path + 1, -1, G_UNIX_SOCKET_ADDRESS_ABSTRACT);
  else
    addr = g_unix_socket_address_new (path);
  if (sock != NULL)
    g_socket_send_to (sock, addr, state, strlen (state), NULL, NULL);
}

static gboolean
signal_cb (gpointer data)
{
  g_message ("stopping on signal");
  tdn_syncd_stop (data);
  return G_SOURCE_CONTINUE;
}

void
tdn_syncd_stop (TdnSyncd *self)
{
  g_return_if_fail (TDN_IS_SYNCD (self));
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  g_main_loop_quit (self->loop);
}

gboolean
tdn_syncd_run (TdnSyncd  *self,
               GError   **error)
{
  TdnSpoolCounts counts;

  g_return_val_if_fail (TDN_IS_SYNCD (self), FALSE);

  if (!tdn_spool_get_counts (self->spool, &counts, error))
    return FALSE;
  if (self->destination != NULL)
    g_message ("delivering to %s: %" G_GINT64_FORMAT " pending, %" G_GINT64_FORMAT " in flight, %"
               G_GINT64_FORMAT " parked", tdn_sync_destination_get_name (self->destination),
               counts.pending, counts.in_flight, counts.parked);
  else
    g_message ("no HIS configured ([sync] adapter = none): %" G_GINT64_FORMAT " visits wait; only the"
               " retention purge runs", counts.pending + counts.in_flight);
  watch_spool (self);
  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *t = self->tasks->pdata[i];

      t->func (self, self->spool, t->data);
      t->source = g_timeout_add_seconds (t->interval_s, task_cb, t);
    }
  if (self->destination != NULL)
    self->worker = g_thread_new ("tiepdon-deliver", worker_main, self);
  notify_systemd ("READY=1\nSTATUS=Delivering visits to the HIS");
  /* A signal caught before this point is dispatched by the first iteration. */
  g_main_loop_run (self->loop);

  notify_systemd ("STOPPING=1");
  if (self->worker != NULL)
    g_thread_join (g_steal_pointer (&self->worker));
  g_message ("stopped");
  return TRUE;
}
