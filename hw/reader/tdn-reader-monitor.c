/* tdn-reader-monitor.c — PC/SC reader and card hot-plug events
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include <string.h>

#include <PCSC/winscard.h>

#include "tdn-reader-monitor.h"

#define PNP_READER "\\\\?PnP?\\Notification"
#define RETRY_MS   2000

enum {
  SIGNAL_READER_ADDED,
  SIGNAL_READER_REMOVED,
  SIGNAL_CARD_INSERTED,
  SIGNAL_CARD_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _TdnReaderMonitor
{
  GObject       parent_instance;
  GMainContext *context;
  GThread      *thread;
  GMutex        lock;
  GCond         cond;
  gboolean      stopping;    /* under lock */
  SCARDCONTEXT  pcsc;        /* under lock; 0 when none */
};

G_DEFINE_FINAL_TYPE (TdnReaderMonitor, tdn_reader_monitor, G_TYPE_OBJECT)

typedef struct {
  TdnReaderMonitor *self;
  guint             signal;
  char             *reader;
} Event;

static gboolean
emit_cb (gpointer data)
{
  Event *e = data;

  g_signal_emit (e->self, signals[e->signal], 0, e->reader);
  return G_SOURCE_REMOVE;
}

static void
event_free (gpointer data)
{
  Event *e = data;

  g_object_unref (e->self);
  g_free (e->reader);
  g_free (e);
}

static void
post (TdnReaderMonitor *self,
      guint             signal,
      const char       *reader)
{
  Event *e = g_new0 (Event, 1);

  e->self = g_object_ref (self);
  e->signal = signal;
  e->reader = g_strdup (reader);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_cb, e, event_free);
}

static gboolean
stopping (TdnReaderMonitor *self)
{
  gboolean s;

  g_mutex_lock (&self->lock);
  s = self->stopping;
  g_mutex_unlock (&self->lock);
  return s;
}

/* Sleeps up to RETRY_MS unless asked to stop. */
static void
wait_retry (TdnReaderMonitor *self)
{
  gint64 until = g_get_monotonic_time () + RETRY_MS * G_TIME_SPAN_MILLISECOND;

  g_mutex_lock (&self->lock);
  while (!self->stopping && g_cond_wait_until (&self->cond, &self->lock, until))
    ;
  g_mutex_unlock (&self->lock);
}

typedef struct {
  char  *name;
  DWORD  state;   /* last dwEventState */
} Reader;

static void
reader_clear (gpointer p)
{
  g_free (((Reader *) p)->name);
}

/* Re-lists readers: reports removed and added ones. */
static void
sync_readers (TdnReaderMonitor *self,
              SCARDCONTEXT      ctx,
              GArray           *readers)
{
  DWORD len = 0;
  g_autofree char *buf = NULL;
  LONG rv = SCardListReaders (ctx, NULL, NULL, &len);

  if (rv == SCARD_S_SUCCESS && len > 0)
    {
      buf = g_malloc0 (len + 1);
      rv = SCardListReaders (ctx, NULL, buf, &len);
    }
  if (rv != SCARD_S_SUCCESS)
    g_clear_pointer (&buf, g_free);

  for (guint i = readers->len; i > 0; i--)
    {
      Reader *r = &g_array_index (readers, Reader, i - 1);
      gboolean still = FALSE;

      for (const char *p = buf; p != NULL && *p != '\0'; p += strlen (p) + 1)
        still = still || strcmp (p, r->name) == 0;
      if (!still)
        {
          if (r->state & SCARD_STATE_PRESENT)
            post (self, SIGNAL_CARD_REMOVED, r->name);
          post (self, SIGNAL_READER_REMOVED, r->name);
          g_array_remove_index (readers, i - 1);
        }
    }
  for (const char *p = buf; p != NULL && *p != '\0'; p += strlen (p) + 1)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < readers->len; i++)
        known = known || strcmp (g_array_index (readers, Reader, i).name, p) == 0;
      if (!known)
        {
          Reader r = { g_strdup (p), SCARD_STATE_UNAWARE };
          g_array_append_val (readers, r);
          post (self, SIGNAL_READER_ADDED, p);
        }
    }
}

static void
forget_all (TdnReaderMonitor *self,
            GArray           *readers)
{
  for (guint i = 0; i < readers->len; i++)
    {
      Reader *r = &g_array_index (readers, Reader, i);

      if (r->state & SCARD_STATE_PRESENT)
        post (self, SIGNAL_CARD_REMOVED, r->name);
      post (self, SIGNAL_READER_REMOVED, r->name);
    }
  g_array_set_size (readers, 0);
}

static gpointer
monitor_thread (gpointer data)
{
  TdnReaderMonitor *self = data;
  g_autoptr(GArray) readers = g_array_new (FALSE, TRUE, sizeof (Reader));

  g_array_set_clear_func (readers, reader_clear);
  while (!stopping (self))
    {
      SCARDCONTEXT ctx = 0;
      LONG rv = SCardEstablishContext (SCARD_SCOPE_SYSTEM, NULL, NULL, &ctx);

      if (rv != SCARD_S_SUCCESS)
        {
          wait_retry (self);
          continue;
        }
      g_mutex_lock (&self->lock);
      self->pcsc = ctx;
      g_mutex_unlock (&self->lock);

      sync_readers (self, ctx, readers);
      while (!stopping (self))
        {
          g_autofree SCARD_READERSTATE *st = g_new0 (SCARD_READERSTATE, readers->len + 1);

          for (guint i = 0; i < readers->len; i++)
            {
              st[i].szReader = g_array_index (readers, Reader, i).name;
              st[i].dwCurrentState = g_array_index (readers, Reader, i).state & ~SCARD_STATE_CHANGED;
            }
          st[readers->len].szReader = PNP_READER;
          st[readers->len].dwCurrentState = SCARD_STATE_UNAWARE;
          /* PnP: pcsc-lite reports a change in the reader count in the
           * high word; start from the count we know. */
          st[readers->len].dwCurrentState = (DWORD) readers->len << 16;

          /* A bounded wait: SCardCancel() from tdn_reader_monitor_stop()
           * is lost if it comes just before this call. */
          rv = SCardGetStatusChange (ctx, 1000, st, readers->len + 1);
          if (rv == SCARD_E_TIMEOUT)
            continue;
          for (guint i = 0; i <= readers->len; i++)
            g_debug ("status %s: %lx -> %lx", st[i].szReader,
                     (unsigned long) st[i].dwCurrentState, (unsigned long) st[i].dwEventState);
          if (rv != SCARD_S_SUCCESS)
            break;  /* cancelled, or the service went away */

          for (guint i = 0; i < readers->len; i++)
            {
              Reader *r = &g_array_index (readers, Reader, i);
              DWORD now = st[i].dwEventState;
              gboolean was = (r->state & SCARD_STATE_PRESENT) != 0;
              gboolean is = (now & SCARD_STATE_PRESENT) != 0;

              if (r->state == SCARD_STATE_UNAWARE)
                was = FALSE;
              if (is && !was)
                post (self, SIGNAL_CARD_INSERTED, r->name);
              else if (!is && was)
                post (self, SIGNAL_CARD_REMOVED, r->name);
              r->state = now & ~SCARD_STATE_CHANGED;
            }
          if (st[readers->len].dwEventState & SCARD_STATE_CHANGED)
            sync_readers (self, ctx, readers);
          else
            {
              /* A reader that vanished shows as UNKNOWN/IGNORE: re-list. */
              for (guint i = 0; i < readers->len; i++)
                if (st[i].dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE))
                  {
                    sync_readers (self, ctx, readers);
                    break;
                  }
            }
        }

      g_mutex_lock (&self->lock);
      self->pcsc = 0;
      g_mutex_unlock (&self->lock);
      SCardReleaseContext (ctx);
      if (rv != SCARD_E_CANCELLED && !stopping (self))
        {
          g_debug ("PC/SC monitor: %s; retrying", pcsc_stringify_error (rv));
          forget_all (self, readers);
          wait_retry (self);
        }
    }
  return NULL;
}

void
tdn_reader_monitor_start (TdnReaderMonitor *self)
{
  g_return_if_fail (TDN_IS_READER_MONITOR (self));

  if (self->thread != NULL)
    return;
  self->stopping = FALSE;
  self->thread = g_thread_new ("tdn-reader-monitor", monitor_thread, self);
}

void
tdn_reader_monitor_stop (TdnReaderMonitor *self)
{
  g_return_if_fail (TDN_IS_READER_MONITOR (self));

  if (self->thread == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  if (self->pcsc != 0)
    SCardCancel (self->pcsc);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);
  self->thread = NULL;
}

static void
tdn_reader_monitor_dispose (GObject *object)
{
  tdn_reader_monitor_stop (TDN_READER_MONITOR (object));
  G_OBJECT_CLASS (tdn_reader_monitor_parent_class)->dispose (object);
}

static void
tdn_reader_monitor_finalize (GObject *object)
{
  TdnReaderMonitor *self = TDN_READER_MONITOR (object);

  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (tdn_reader_monitor_parent_class)->finalize (object);
}

static void
tdn_reader_monitor_class_init (TdnReaderMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_SIGNALS] = { "reader-added", "reader-removed", "card-inserted", "card-removed" };

  object_class->dispose = tdn_reader_monitor_dispose;
  object_class->finalize = tdn_reader_monitor_finalize;
  for (guint i = 0; i < N_SIGNALS; i++)
    signals[i] = g_signal_new (names[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tdn_reader_monitor_init (TdnReaderMonitor *self)
{
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

TdnReaderMonitor *
tdn_reader_monitor_new (void)
{
  return g_object_new (TDN_TYPE_READER_MONITOR, NULL);
}
