/* tdn-syncd-overrides.c — syncd hosts the override applier
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A nurse's override (docs/help-api.md "Overrides") becomes a revision in
 * the spool, which syncd's worker then delivers like any other. The
 * applier runs on syncd's main thread, on the main thread's own spool
 * connection, as a periodic task: each round long-polls the broker for new
 * overrides (so one arrives within a second or two), and a round that
 * fails waits a growing pause (5 … 60 s) before the next. A round applies
 * each override once (the spool's applied_changes table), so a stop in the
 * middle of a round never applies one twice.
 */
#define G_LOG_DOMAIN "tiepdon-syncd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-override-applier.h"
#include "tdn-syncd.h"

#define TICK_S        5     /* how often the task looks whether a round is due */
#define POLL_WAIT_S   20    /* how long the broker may hold a round open */
#define BACKOFF_MAX_S 60

typedef struct {
  TdnSyncd           *syncd;      /* not owned: the task lives inside it */
  TdnConfig          *config;
  TdnHelpClient      *client;
  TdnOverrideApplier *applier;    /* made on the first tick, on the task's spool */
  GCancellable       *cancellable;
  gboolean            busy;       /* a round is under way */
  gint64              next_at;    /* monotonic µs before which no round starts */
  guint               backoff_s;
} Host;

static void
host_clear (Host *h)
{
  g_clear_object (&h->applier);
  g_clear_object (&h->client);
  g_clear_object (&h->config);
  g_clear_object (&h->cancellable);
}

static void
host_release (Host *h)
{
  g_rc_box_release_full (h, (GDestroyNotify) host_clear);
}

/* The task's destroy notify (syncd is going away): stop. A round under way
 * keeps its own reference and ends as cancelled. */
static void
host_stop (gpointer data)
{
  Host *h = data;

  g_cancellable_cancel (h->cancellable);
  h->syncd = NULL;
  host_release (h);
}

static void start_round (Host *h);

static void
round_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Host *h = data;
  g_autoptr(GError) error = NULL;
  guint applied = 0, rejected = 0;

  h->busy = FALSE;
  if (!tdn_override_applier_run_once_finish (TDN_OVERRIDE_APPLIER (source), result, &applied, &rejected,
                                             &error))
    {
      if (!g_cancellable_is_cancelled (h->cancellable))
        {
          g_warning ("Applying nurses' overrides failed, trying again in %u s: %s", h->backoff_s,
                     error->message);
          h->next_at = g_get_monotonic_time () + (gint64) h->backoff_s * G_USEC_PER_SEC;
          h->backoff_s = MIN (h->backoff_s * 2, BACKOFF_MAX_S);
        }
      host_release (h);
      return;
    }
  h->backoff_s = TICK_S;
  h->next_at = 0;
  if (applied + rejected > 0)
    g_message ("nurses' overrides: %u applied, %u rejected", applied, rejected);
  /* The new revisions' outbox rows: deliver them now, not at the next
   * wake-up (the WAL watch would notice too, a moment later). */
  if (applied > 0 && h->syncd != NULL)
    tdn_syncd_wake (h->syncd);
  /* The next long poll at once, so the next override is not kept waiting. */
  if (!g_cancellable_is_cancelled (h->cancellable))
    start_round (h);
  host_release (h);
}

static void
start_round (Host *h)
{
  h->busy = TRUE;
  tdn_override_applier_run_once_async (h->applier, POLL_WAIT_S, h->cancellable, round_cb,
                                       g_rc_box_acquire (h));
}

static gboolean
tick (TdnSyncd *syncd,
      TdnSpool *spool,
      gpointer  data)
{
  Host *h = data;

  if (h->applier == NULL)
    h->applier = tdn_override_applier_new (h->config, spool, h->client);
  if (!h->busy && g_get_monotonic_time () >= h->next_at)
    start_round (h);
  return TRUE;   /* keep ticking */
}

gboolean
tdn_syncd_add_override_task (TdnSyncd  *self,
                             gboolean  *added,
                             GError   **error)
{
  TdnConfig *config;
  const char *url, *token_file;
  g_autoptr(TdnHelpClient) client = NULL;
  Host *h;

  g_return_val_if_fail (TDN_IS_SYNCD (self), FALSE);

  *added = FALSE;
  config = tdn_syncd_get_config (self);
  /* The keys `tiepdonctl help apply` uses: the broker and this kiosk's token. */
  url = tdn_config_get_string (config, "eligibility", "broker_url");
  token_file = tdn_config_get_string (config, "eligibility", "token_file");
  if (url == NULL || *url == '\0' || token_file == NULL || *token_file == '\0')
    {
      g_message ("no broker or kiosk token ([eligibility] broker_url, token_file): nurses' overrides"
                 " are not applied here");
      return TRUE;
    }
  client = tdn_help_client_new (config, error);
  if (client == NULL)
    return FALSE;
  h = g_rc_box_new0 (Host);
  h->syncd = self;
  h->config = g_object_ref (config);
  h->client = g_steal_pointer (&client);
  h->cancellable = g_cancellable_new ();
  h->backoff_s = TICK_S;
  tdn_syncd_add_task (self, "overrides", TICK_S, tick, h, host_stop);
  g_message ("applying nurses' overrides from %s", url);
  *added = TRUE;
  return TRUE;
}
