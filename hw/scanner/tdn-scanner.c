/* tdn-scanner.c — a QR scanner: payloads in, on the main context
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-scanner"

#include "config.h"

#include "tdn-base.h"
#include "tdn-scanner.h"

typedef struct
{
  GMainContext *context;
  GMutex        lock;
  GBytes       *last;
  gint64        last_at;        /* monotonic µs */
  guint         window_ms;
  guint         dropped;
  gboolean      connected;
} TdnScannerPrivate;

enum {
  SIGNAL_PAYLOAD_SCANNED,
  SIGNAL_STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE_WITH_PRIVATE (TdnScanner, tdn_scanner, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdn-scanner-error-quark, tdn_scanner_error)

static void
tdn_scanner_finalize (GObject *object)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (TDN_SCANNER (object));

  g_clear_pointer (&priv->last, g_bytes_unref);
  g_clear_pointer (&priv->context, g_main_context_unref);
  g_mutex_clear (&priv->lock);
  G_OBJECT_CLASS (tdn_scanner_parent_class)->finalize (object);
}

static void
tdn_scanner_class_init (TdnScannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_scanner_finalize;

  /* ::payload-scanned (GBytes *payload) — raw bytes, not yet parsed. */
  signals[SIGNAL_PAYLOAD_SCANNED] =
    g_signal_new ("payload-scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BYTES);
  /* ::status-changed (gboolean connected, const char *reason) */
  signals[SIGNAL_STATUS_CHANGED] =
    g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
tdn_scanner_init (TdnScanner *self)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);

  g_mutex_init (&priv->lock);
  priv->context = g_main_context_ref_thread_default ();
  priv->window_ms = 3000;
}

gboolean
tdn_scanner_start (TdnScanner  *self,
                   GError     **error)
{
  g_return_val_if_fail (TDN_IS_SCANNER (self), FALSE);
  return TDN_SCANNER_GET_CLASS (self)->start (self, error);
}

void
tdn_scanner_stop (TdnScanner *self)
{
  g_return_if_fail (TDN_IS_SCANNER (self));
  if (TDN_SCANNER_GET_CLASS (self)->stop != NULL)
    TDN_SCANNER_GET_CLASS (self)->stop (self);
}

void
tdn_scanner_set_duplicate_window_ms (TdnScanner *self,
                                     guint       ms)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  priv->window_ms = ms;
  g_mutex_unlock (&priv->lock);
}

guint
tdn_scanner_get_dropped (TdnScanner *self)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);
  guint n;

  g_mutex_lock (&priv->lock);
  n = priv->dropped;
  g_mutex_unlock (&priv->lock);
  return n;
}

gboolean
tdn_scanner_is_connected (TdnScanner *self)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);
  gboolean c;

  g_mutex_lock (&priv->lock);
  c = priv->connected;
  g_mutex_unlock (&priv->lock);
  return c;
}

typedef struct {
  TdnScanner *scanner;
  GBytes     *payload;
  gboolean    connected;
  char       *reason;
} Event;

static void
event_free (gpointer data)
{
  Event *e = data;

  g_object_unref (e->scanner);
  g_clear_pointer (&e->payload, g_bytes_unref);
  g_free (e->reason);
  g_free (e);
}

static gboolean
emit_cb (gpointer data)
{
  Event *e = data;

  if (e->payload != NULL)
    g_signal_emit (e->scanner, signals[SIGNAL_PAYLOAD_SCANNED], 0, e->payload);
  else
    g_signal_emit (e->scanner, signals[SIGNAL_STATUS_CHANGED], 0, e->connected, e->reason);
  return G_SOURCE_REMOVE;
}

static void
post (TdnScanner *self,
      Event      *e)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);

  e->scanner = g_object_ref (self);
  /* Always from the context's own loop, never in the worker thread. */
  tdn_main_context_post (priv->context, emit_cb, e, event_free);
}

void
tdn_scanner_deliver (TdnScanner *self,
                     GBytes     *payload)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);
  gint64 now = tdn_clock_get_monotonic ();
  gboolean duplicate;
  Event *e;

  g_return_if_fail (TDN_IS_SCANNER (self));
  g_return_if_fail (payload != NULL);

  if (g_bytes_get_size (payload) == 0)
    return;
  g_mutex_lock (&priv->lock);
  duplicate = priv->last != NULL && g_bytes_equal (priv->last, payload) &&
              now - priv->last_at < (gint64) priv->window_ms * 1000;
  if (duplicate)
    priv->dropped++;
  else
    {
      g_clear_pointer (&priv->last, g_bytes_unref);
      priv->last = g_bytes_ref (payload);
    }
  /* A code held under the scanner repeats: the window runs from the last
   * sighting, so it is dropped until it has been away for a while. */
  priv->last_at = now;
  g_mutex_unlock (&priv->lock);

  if (duplicate)
    {
      g_debug ("same payload again within %u ms: ignored", priv->window_ms);
      return;
    }
  e = g_new0 (Event, 1);
  e->payload = g_bytes_ref (payload);
  post (self, e);
}

void
tdn_scanner_set_connected (TdnScanner *self,
                           gboolean    connected,
                           const char *reason)
{
  TdnScannerPrivate *priv = tdn_scanner_get_instance_private (self);
  gboolean changed;
  Event *e;

  g_mutex_lock (&priv->lock);
  changed = priv->connected != connected;
  priv->connected = connected;
  g_mutex_unlock (&priv->lock);
  if (!changed)
    return;
  g_message ("scanner %s%s%s", connected ? "connected" : "disconnected",
             reason ? ": " : "", reason ? reason : "");
  e = g_new0 (Event, 1);
  e->connected = connected;
  e->reason = g_strdup (reason);
  post (self, e);
}
