/* tdn-override-applier.c — nurses' overrides become revisions in the spool
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-help"

#include "config.h"

#include "tdn-base.h"
#include "tdn-override-applier.h"
#include "tdn-override-changes.h"
#include "tdn-queue.h"

#define POLL_WAIT_S 25
#define BACKOFF_MIN_S 1
#define BACKOFF_MAX_S 60

struct _TdnOverrideApplier
{
  GObject        parent_instance;
  TdnSpool      *spool;
  TdnHelpClient *client;
  GPtrArray     *clinics;        /* TdnClinic */
  char          *number_format;
  GCancellable  *cancellable;    /* while started */
  guint          retry_id;
  guint          backoff_s;
};

G_DEFINE_FINAL_TYPE (TdnOverrideApplier, tdn_override_applier, G_TYPE_OBJECT)

enum { REPRINT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
tdn_override_applier_dispose (GObject *object)
{
  TdnOverrideApplier *self = TDN_OVERRIDE_APPLIER (object);

  tdn_override_applier_stop (self);
  g_clear_object (&self->spool);
  g_clear_object (&self->client);
  g_clear_pointer (&self->clinics, g_ptr_array_unref);
  g_clear_pointer (&self->number_format, g_free);
  G_OBJECT_CLASS (tdn_override_applier_parent_class)->dispose (object);
}

static void
tdn_override_applier_class_init (TdnOverrideApplierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tdn_override_applier_dispose;

  /* ::reprint-requested (visit_id): a nurse asked for the ticket again;
   * whoever holds the printer prints the visit's latest revision. */
  signals[REPRINT_REQUESTED] = g_signal_new ("reprint-requested", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tdn_override_applier_init (TdnOverrideApplier *self)
{
  self->backoff_s = BACKOFF_MIN_S;
}

TdnOverrideApplier *
tdn_override_applier_new (TdnConfig     *config,
                          TdnSpool      *spool,
                          TdnHelpClient *client)
{
  TdnOverrideApplier *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (TDN_IS_SPOOL (spool), NULL);
  g_return_val_if_fail (TDN_IS_HELP_CLIENT (client), NULL);

  self = g_object_new (TDN_TYPE_OVERRIDE_APPLIER, NULL);
  self->spool = g_object_ref (spool);
  self->client = g_object_ref (client);
  self->clinics = tdn_clinics_from_config (config);
  self->number_format = g_strdup (tdn_config_get_string (config, "queue", "number_format"));
  return self;
}

static TdnClinic *
find_clinic (TdnOverrideApplier *self,
             const char         *code)
{
  for (guint i = 0; i < self->clinics->len; i++)
    if (g_strcmp0 (((TdnClinic *) self->clinics->pdata[i])->code, code) == 0)
      return self->clinics->pdata[i];
  return NULL;
}

static gboolean
clinic_valid_cb (const char *code,
                 gpointer    data)
{
  return find_clinic (data, code) != NULL;
}

/* Inside the revision's transaction: a new clinic gives a new number. */
static gboolean
new_number_cb (sqlite3   *db,
               TdnVisit  *visit,
               gpointer   data,
               GError   **error)
{
  TdnOverrideApplier *self = data;
  TdnClinic *clinic = find_clinic (self, visit->clinic);
  char *number;

  if (clinic == NULL)
    return TRUE;   /* checked before: cannot happen */
  number = tdn_queue_take_number (db, self->number_format, visit->kiosk_id, clinic, error);
  if (number == NULL)
    return FALSE;
  g_free (visit->queue_number);
  visit->queue_number = number;
  return TRUE;
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n) : NULL;
}

gboolean
tdn_override_applier_apply_one (TdnOverrideApplier  *self,
                                JsonObject          *override,
                                const char         **outcome,
                                GError             **error)
{
  const char *id = member_string (override, "id");
  const char *visit_id = member_string (override, "visit_ref");
  const char *nurse = member_string (override, "nurse");
  const char *action = member_string (override, "action");
  JsonNode *seq_node = json_object_get_member (override, "seq");
  gint64 seq = seq_node != NULL && json_node_get_value_type (seq_node) == G_TYPE_INT64 ? json_node_get_int (seq_node) : 0;
  g_autoptr(TdnVisit) current = NULL;
  g_autoptr(TdnVisit) changes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *audit_action = NULL;
  gboolean already = FALSE;
  int revision = 0;

  g_return_val_if_fail (TDN_IS_OVERRIDE_APPLIER (self), FALSE);
  g_return_val_if_fail (override != NULL, FALSE);

  *outcome = "rejected";
  if (id == NULL || nurse == NULL || action == NULL)
    {
      g_set_error_literal (error, TDN_OVERRIDE_ERROR, TDN_OVERRIDE_ERROR_INVALID,
                           _("The broker sent an override without id, nurse or action"));
      return FALSE;
    }
  if (visit_id == NULL)
    return tdn_spool_reject_change (self->spool, id, seq, NULL, nurse,
                                    "the help request names no visit", error);

  current = tdn_spool_get_visit (self->spool, visit_id, &local_error);
  if (current == NULL)
    {
      if (!g_error_matches (local_error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return tdn_spool_reject_change (self->spool, id, seq, NULL, nurse,
                                      "the visit is not in this kiosk's spool", error);
    }
  changes = tdn_override_changes_for (override, current, clinic_valid_cb, self, &local_error);
  if (changes == NULL && local_error != NULL)
    return tdn_spool_reject_change (self->spool, id, seq, visit_id, nurse, local_error->message, error);

  detail = tdn_override_audit_detail (override, current, changes);
  audit_action = g_strconcat ("override:", action, NULL);
  if (!tdn_spool_apply_change (self->spool, id, seq, visit_id, changes,
                               changes != NULL && changes->clinic != NULL ? new_number_cb : NULL, self,
                               nurse, audit_action, detail, &revision, &already, error))
    return FALSE;
  *outcome = already ? "already" : "applied";
  if (!already && g_str_equal (action, "reprint"))
    g_signal_emit (self, signals[REPRINT_REQUESTED], 0, visit_id);
  return TRUE;
}

/* One round, as a chain of callbacks on the caller's main context. */
typedef struct {
  GPtrArray *unacked;   /* TdnSpoolChange */
  guint      next;
  gboolean   fetched;
  guint      wait_s;
  guint      applied;
  guint      rejected;
} Round;

static void
round_free (Round *r)
{
  g_clear_pointer (&r->unacked, g_ptr_array_unref);
  g_free (r);
}

static void ack_next (GTask *task);

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  TdnOverrideApplier *self = g_task_get_source_object (task);
  Round *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = tdn_help_client_fetch_overrides_finish (TDN_HELP_CLIENT (source), result, &error);
  JsonNode *list;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  list = json_object_get_member (json_node_get_object (answer), "overrides");
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *a = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *n = json_array_get_element (a, i);
          const char *outcome = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (n))
            continue;
          if (!tdn_override_applier_apply_one (self, json_node_get_object (n), &outcome, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          if (g_str_equal (outcome, "applied"))
            r->applied++;
          else if (g_str_equal (outcome, "rejected"))
            r->rejected++;
        }
    }
  r->fetched = TRUE;
  g_clear_pointer (&r->unacked, g_ptr_array_unref);
  r->unacked = tdn_spool_list_unacked_changes (self->spool, &error);
  r->next = 0;
  if (r->unacked == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ack_next (g_steal_pointer (&task));
}

static void
acked_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GTask) task = data;
  TdnOverrideApplier *self = g_task_get_source_object (task);
  Round *r = g_task_get_task_data (task);
  TdnSpoolChange *c = r->unacked->pdata[r->next];
  g_autoptr(GError) error = NULL;

  if (!tdn_help_client_ack_override_finish (TDN_HELP_CLIENT (source), result, &error))
    {
      /* The broker refusing (it no longer knows the override: a restored
       * database) is final: telling it again would block every later
       * override. Anything else is retried next round. */
      if (!g_error_matches (error, TDN_HELP_CLIENT_ERROR, TDN_HELP_CLIENT_ERROR_REFUSED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_message ("The broker refused to hear that override %s was %s; not telling it again: %s",
                 c->change_id, c->outcome, error->message);
      g_clear_error (&error);
    }
  if (!tdn_spool_mark_change_acked (self->spool, c->change_id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  r->next++;
  ack_next (g_steal_pointer (&task));
}

static void
ack_next (GTask *task)
{
  TdnOverrideApplier *self = g_task_get_source_object (task);
  Round *r = g_task_get_task_data (task);

  if (r->next < r->unacked->len)
    {
      TdnSpoolChange *c = r->unacked->pdata[r->next];

      tdn_help_client_ack_override_async (self->client, c->change_id, c->outcome, c->revision, c->detail,
                                          g_task_get_cancellable (task), acked_cb, task);
      return;
    }
  if (!r->fetched)
    {
      tdn_help_client_fetch_overrides_async (self->client, tdn_spool_get_change_seq (self->spool), r->wait_s,
                                             g_task_get_cancellable (task), fetched_cb, task);
      return;
    }
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

void
tdn_override_applier_run_once_async (TdnOverrideApplier  *self,
                                     guint                wait_s,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  Round *r;
  GError *error = NULL;

  g_return_if_fail (TDN_IS_OVERRIDE_APPLIER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tdn_override_applier_run_once_async);
  r = g_new0 (Round, 1);
  r->wait_s = MIN (wait_s, 60);
  g_task_set_task_data (task, r, (GDestroyNotify) round_free);
  /* Acknowledgements lost last time go first. */
  r->unacked = tdn_spool_list_unacked_changes (self->spool, &error);
  if (r->unacked == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  ack_next (task);
}

gboolean
tdn_override_applier_run_once_finish (TdnOverrideApplier  *self,
                                      GAsyncResult        *result,
                                      guint               *applied,
                                      guint               *rejected,
                                      GError             **error)
{
  Round *r;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  r = g_task_get_task_data (G_TASK (result));
  if (applied != NULL)
    *applied = r->applied;
  if (rejected != NULL)
    *rejected = r->rejected;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void loop_round (TdnOverrideApplier *self);

static gboolean
retry_cb (gpointer data)
{
  TdnOverrideApplier *self = data;

  self->retry_id = 0;
  loop_round (self);
  return G_SOURCE_REMOVE;
}

static void
loop_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(TdnOverrideApplier) self = data;
  g_autoptr(GError) error = NULL;
  guint applied = 0, rejected = 0;

  if (!tdn_override_applier_run_once_finish (self, result, &applied, &rejected, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
        return;
      g_warning ("Applying nurses' overrides failed, retrying in %u s: %s", self->backoff_s, error->message);
      self->retry_id = g_timeout_add_seconds (self->backoff_s, retry_cb, self);
      self->backoff_s = MIN (self->backoff_s * 2, BACKOFF_MAX_S);
      return;
    }
  self->backoff_s = BACKOFF_MIN_S;
  if (applied + rejected > 0)
    g_message ("nurses' overrides: %u applied, %u rejected", applied, rejected);
  if (self->cancellable != NULL)
    loop_round (self);
}

static void
loop_round (TdnOverrideApplier *self)
{
  tdn_override_applier_run_once_async (self, POLL_WAIT_S, self->cancellable, loop_done_cb, g_object_ref (self));
}

void
tdn_override_applier_start (TdnOverrideApplier *self)
{
  g_return_if_fail (TDN_IS_OVERRIDE_APPLIER (self));

  tdn_override_applier_stop (self);
  self->cancellable = g_cancellable_new ();
  self->backoff_s = BACKOFF_MIN_S;
  loop_round (self);
}

void
tdn_override_applier_stop (TdnOverrideApplier *self)
{
  g_return_if_fail (TDN_IS_OVERRIDE_APPLIER (self));

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}
