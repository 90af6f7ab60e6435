/* tdn-desk-feed.c — follow the broker's help requests by long poll
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-deskclient"

#include "config.h"

#include "tdn-desk-feed.h"

#define WAIT_S 25
#define BACKOFF_MIN_S 1
#define BACKOFF_MAX_S 30

struct _TdnDeskFeed
{
  GObject        parent_instance;
  TdnDeskClient *client;
  GCancellable  *cancellable;   /* NULL when stopped */
  gint64         seq;
  guint          backoff_s;
  guint          retry_id;
  gboolean       online;
};

G_DEFINE_FINAL_TYPE (TdnDeskFeed, tdn_desk_feed, G_TYPE_OBJECT)

enum { REQUEST_CHANGED, ONLINE, SIGNED_OUT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void poll_once (TdnDeskFeed *self);

static void
tdn_desk_feed_dispose (GObject *object)
{
  TdnDeskFeed *self = TDN_DESK_FEED (object);

  tdn_desk_feed_stop (self);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (tdn_desk_feed_parent_class)->dispose (object);
}

static void
tdn_desk_feed_class_init (TdnDeskFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tdn_desk_feed_dispose;

  /* (JsonObject *request): a help request as in docs/help-api.md. */
  signals[REQUEST_CHANGED] = g_signal_new ("request-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  signals[ONLINE] = g_signal_new ("online", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tdn_desk_feed_init (TdnDeskFeed *self)
{
  self->seq = -1;
  self->online = TRUE;
}

TdnDeskFeed *
tdn_desk_feed_new (TdnDeskClient *client)
{
  TdnDeskFeed *self;

  g_return_val_if_fail (TDN_IS_DESK_CLIENT (client), NULL);

  self = g_object_new (TDN_TYPE_DESK_FEED, NULL);
  self->client = g_object_ref (client);
  return self;
}

gint64
tdn_desk_feed_get_seq (TdnDeskFeed *self)
{
  g_return_val_if_fail (TDN_IS_DESK_FEED (self), -1);
  return self->seq;
}

static void
set_online (TdnDeskFeed *self,
            gboolean     online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_signal_emit (self, signals[ONLINE], 0, online);
}

static gboolean
retry_cb (gpointer data)
{
  TdnDeskFeed *self = data;

  self->retry_id = 0;
  poll_once (self);
  return G_SOURCE_REMOVE;
}

static void
polled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(TdnDeskFeed) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_desk_client_call_finish (TDN_DESK_CLIENT (source), result, NULL, &error);
  JsonObject *o;
  JsonNode *list;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  if (answer == NULL)
    {
      const char *code = tdn_desk_client_error_code (error);

      if (g_strcmp0 (code, "no_session") == 0 || g_strcmp0 (code, "unauthorized") == 0)
        {
          g_message ("The broker ended the nurse's session: %s", error->message);
          tdn_desk_feed_stop (self);
          g_signal_emit (self, signals[SIGNED_OUT], 0);
          return;
        }
      g_warning ("Following help requests failed, retrying in %u s: %s", self->backoff_s, error->message);
      set_online (self, FALSE);
      self->retry_id = g_timeout_add_seconds (self->backoff_s, retry_cb, self);
      self->backoff_s = MIN (self->backoff_s * 2, BACKOFF_MAX_S);
      return;
    }

  self->backoff_s = BACKOFF_MIN_S;
  set_online (self, TRUE);
  o = json_node_get_object (answer);
  list = json_object_get_member (o, "requests");
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *a = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (a) && self->cancellable != NULL; i++)
        {
          JsonNode *r = json_array_get_element (a, i);

          if (JSON_NODE_HOLDS_OBJECT (r))
            g_signal_emit (self, signals[REQUEST_CHANGED], 0, json_node_get_object (r));
        }
    }
  if (json_object_has_member (o, "seq"))
    self->seq = MAX (self->seq, json_object_get_int_member (o, "seq"));
  if (self->cancellable != NULL)
    poll_once (self);
}

static void
poll_once (TdnDeskFeed *self)
{
  g_autofree char *path = NULL;

  if (self->seq < 0)
    path = g_strdup ("/help?state=open");
  else
    path = g_strdup_printf ("/help?since=%" G_GINT64_FORMAT "&wait=%d", self->seq, WAIT_S);
  tdn_desk_client_call_async (self->client, "GET", path, NULL, self->seq < 0 ? 0 : WAIT_S,
                              self->cancellable, polled_cb, g_object_ref (self));
}

void
tdn_desk_feed_start (TdnDeskFeed *self,
                     gint64       since)
{
  g_return_if_fail (TDN_IS_DESK_FEED (self));

  tdn_desk_feed_stop (self);
  self->seq = since;
  self->backoff_s = BACKOFF_MIN_S;
  self->cancellable = g_cancellable_new ();
  poll_once (self);
}

void
tdn_desk_feed_stop (TdnDeskFeed *self)
{
  g_return_if_fail (TDN_IS_DESK_FEED (self));

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}
