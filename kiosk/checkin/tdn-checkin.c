/* tdn-checkin.c — the check-in state machine: inputs, timers, what is shown
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talking to the services (eligibility, commit, print, help) is in
 * tdn-checkin-flow.c; the patient's data and its wiping in
 * tdn-checkin-session.c.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-checkin-private.h"

G_DEFINE_FINAL_TYPE (TdnCheckin, tdn_checkin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_LANGUAGE,
  PROP_IDLE_WARNING,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_WIPED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- state and timers ------------------------------------------------- */

static gboolean
state_has_idle_timer (TdnCheckinState state)
{
  switch (state)
    {
    case TDN_CHECKIN_STATE_WELCOME:
    case TDN_CHECKIN_STATE_READER_MISSING:
    case TDN_CHECKIN_STATE_READING:
    case TDN_CHECKIN_STATE_COMMITTING:
    case TDN_CHECKIN_STATE_PRINTING:
    case TDN_CHECKIN_STATE_DONE:
    case TDN_CHECKIN_STATE_PRINT_FAILED:
      return FALSE;
    default:
      return TRUE;
    }
}

void
tdn_checkin_restart_idle (TdnCheckin *self)
{
  gboolean was_warning = self->idle_warning;

  self->idle_warning = FALSE;
  self->reset_deadline = 0;
  self->idle_deadline = state_has_idle_timer (self->state)
    ? tdn_clock_get_monotonic () + (gint64) self->idle_timeout_s * G_USEC_PER_SEC
    : 0;
  if (was_warning)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_IDLE_WARNING]);
}

void
tdn_checkin_emit_changed (TdnCheckin *self)
{
  if (!self->in_dispose)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
tdn_checkin_set_state_timer (TdnCheckin *self,
                             int         seconds)
{
  self->state_deadline = seconds > 0
    ? tdn_clock_get_monotonic () + (gint64) seconds * G_USEC_PER_SEC
    : 0;
  tdn_checkin_schedule (self);
}

void
tdn_checkin_set_state (TdnCheckin      *self,
                       TdnCheckinState  state)
{
  TdnCheckinState old = self->state;

  self->state = state;
  self->state_deadline = 0;
  if (state != old)
    {
      g_debug ("state %s → %s", tdn_checkin_state_to_string (old),
               tdn_checkin_state_to_string (state));
      /* A notice belongs to the screen it was set for, except when the
       * new screen was entered because of it (set after this call). */
      self->notice = NULL;
    }
  switch (state)
    {
    case TDN_CHECKIN_STATE_READING:
      self->state_deadline = tdn_clock_get_monotonic ()
        + (gint64) TDN_CHECKIN_READING_TIMEOUT_S * G_USEC_PER_SEC;
      break;
    case TDN_CHECKIN_STATE_DONE:
    case TDN_CHECKIN_STATE_PRINT_FAILED:
      self->state_deadline = tdn_clock_get_monotonic ()
        + (gint64) TDN_CHECKIN_DONE_RESET_S * G_USEC_PER_SEC;
      break;
    case TDN_CHECKIN_STATE_CLINIC:
      self->state_deadline = tdn_clock_get_monotonic ()
        + (gint64) TDN_CHECKIN_CLINIC_REFRESH_S * G_USEC_PER_SEC;
      break;
    case TDN_CHECKIN_STATE_GATEWAY_DOWN:
      self->state_deadline = tdn_clock_get_monotonic ()
        + (gint64) TDN_CHECKIN_GATEWAY_RETRY_S * G_USEC_PER_SEC;
      break;
    case TDN_CHECKIN_STATE_PAPER_OUT:
    case TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE:
      self->state_deadline = tdn_clock_get_monotonic ()
        + (gint64) TDN_CHECKIN_PAPER_POLL_S * G_USEC_PER_SEC;
      break;
    case TDN_CHECKIN_STATE_SPOOL_ERROR:
      self->state_deadline = tdn_clock_get_monotonic ()
        + (gint64) TDN_CHECKIN_SPOOL_RETRY_S * G_USEC_PER_SEC;
      break;
    default:
      break;
    }
  tdn_checkin_restart_idle (self);
  tdn_checkin_schedule (self);
  if (state != old && !self->in_dispose)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
  tdn_checkin_emit_changed (self);
}

gboolean
tdn_checkin_any_reader_connected (TdnCheckin *self)
{
  return self->readers->len == 0 || self->card_reader_available || self->scanner_available;
}

/* Destroys the patient's data and goes back to the welcome screen. */
void
tdn_checkin_reset (TdnCheckin *self)
{
  tdn_checkin_end_session_help (self);
  if (self->lookup != NULL)
    {
      /* An answer still on its way is for a visit that is committed (it
       * updates the visit later) or for nobody (it is dropped). */
      self->lookup = NULL;
    }
  g_clear_pointer (&self->session, tdn_checkin_session_free);
  self->session = tdn_checkin_session_new ();
  self->serial++;
  self->help_state = TDN_CHECKIN_HELP_NONE;
  self->help_reprint_sent = FALSE;
  memcpy (self->language, self->default_language, sizeof self->language);
  if (!self->in_dispose)
    {
      g_signal_emit (self, signals[SIGNAL_WIPED], 0);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LANGUAGE]);
    }
  tdn_checkin_set_state (self, tdn_checkin_any_reader_connected (self)
                                 ? TDN_CHECKIN_STATE_WELCOME
                                 : TDN_CHECKIN_STATE_READER_MISSING);
}

static gboolean
timer_cb (gpointer data)
{
  TdnCheckin *self = data;

  self->timer_id = 0;
  tdn_checkin_poll_timers (self);
  return G_SOURCE_REMOVE;
}

/* One GSource at the earliest deadline; it re-reads tdn_clock when it
 * fires, so a frozen test clock never makes it fire early. */
void
tdn_checkin_schedule (TdnCheckin *self)
{
  gint64 next = G_MAXINT64;
  gint64 now;
  gint64 delay_ms;

  if (self->in_dispose)
    return;
  if (self->idle_warning && self->reset_deadline > 0)
    next = MIN (next, self->reset_deadline);
  else if (self->idle_deadline > 0)
    next = MIN (next, self->idle_deadline);
  if (self->state_deadline > 0)
    next = MIN (next, self->state_deadline);
  for (guint i = 0; i < self->late->len; i++)
    {
      TdnLookup *l = self->late->pdata[i];

      if (!l->in_flight)
        next = MIN (next, l->retry_at);
    }
  if (tdn_checkin_reprint_idle (self))
    next = MIN (next, self->reprint_at);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (next == G_MAXINT64)
    return;
  now = tdn_clock_get_monotonic ();
  delay_ms = next > now ? (next - now + 999) / 1000 : 0;
  self->timer_id = g_timeout_add ((guint) MIN (delay_ms, (gint64) G_MAXUINT / 2), timer_cb, self);
}

static void
state_timer_fired (TdnCheckin *self)
{
  switch (self->state)
    {
    case TDN_CHECKIN_STATE_READING:
      self->session->failed_kinds |= 1u << TDN_IDENTITY_READER_KIND_CARD;
      tdn_checkin_set_state (self, TDN_CHECKIN_STATE_CARD_UNREADABLE);
      break;
    case TDN_CHECKIN_STATE_DONE:
    case TDN_CHECKIN_STATE_PRINT_FAILED:
      tdn_checkin_reset (self);
      break;
    case TDN_CHECKIN_STATE_CLINIC:
      tdn_checkin_refresh_clinics (self);
      tdn_checkin_set_state_timer (self, TDN_CHECKIN_CLINIC_REFRESH_S);
      break;
    case TDN_CHECKIN_STATE_GATEWAY_DOWN:
      tdn_checkin_start_lookup (self);
      tdn_checkin_set_state_timer (self, TDN_CHECKIN_GATEWAY_RETRY_S);
      break;
    case TDN_CHECKIN_STATE_PAPER_OUT:
    case TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE:
      tdn_checkin_check_printer (self);
      tdn_checkin_set_state_timer (self, TDN_CHECKIN_PAPER_POLL_S);
      break;
    case TDN_CHECKIN_STATE_SPOOL_ERROR:
      if (self->session->clinic_code == NULL)
        tdn_checkin_go_clinics (self);   /* the clinics could not be listed */
      else
        tdn_checkin_commit (self);
      break;
    default:
      break;
    }
}

void
tdn_checkin_poll_timers (TdnCheckin *self)
{
  gint64 now;

  g_return_if_fail (TDN_IS_CHECKIN (self));
  now = tdn_clock_get_monotonic ();
  if (self->idle_warning && self->reset_deadline > 0 && now >= self->reset_deadline)
    {
      g_info ("no touch for %d s: the check-in starts over", self->idle_timeout_s + self->idle_warning_s);
      self->idle_warning = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_IDLE_WARNING]);
      tdn_checkin_reset (self);
    }
  else if (!self->idle_warning && self->idle_deadline > 0 && now >= self->idle_deadline)
    {
      self->idle_warning = TRUE;
      self->idle_deadline = 0;
      self->reset_deadline = now + (gint64) self->idle_warning_s * G_USEC_PER_SEC;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_IDLE_WARNING]);
      tdn_checkin_emit_changed (self);
    }
  if (self->state_deadline > 0 && now >= self->state_deadline)
    {
      self->state_deadline = 0;
      state_timer_fired (self);
    }
  tdn_checkin_late_poll (self, now);
  tdn_checkin_reprint_poll (self, now);
  tdn_checkin_schedule (self);
}

/* ---- object ------------------------------------------------------------ */

TdnCheckinSession *
tdn_checkin_get_session (TdnCheckin *self)
{
  return self->session;
}

static void
tdn_checkin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TdnCheckin *self = TDN_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_IDLE_WARNING:
      g_value_set_boolean (value, self->idle_warning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdn_checkin_dispose (GObject *object)
{
  TdnCheckin *self = TDN_CHECKIN (object);

  self->in_dispose = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  for (guint i = 0; i < self->readers->len; i++)
    {
      g_signal_handlers_disconnect_by_data (self->readers->pdata[i], self);
      tdn_identity_reader_stop (self->readers->pdata[i]);
    }
  g_ptr_array_set_size (self->readers, 0);
  g_clear_object (&self->eligibility);
  g_clear_object (&self->store);
  g_clear_object (&self->printer);
  g_clear_object (&self->help);
  G_OBJECT_CLASS (tdn_checkin_parent_class)->dispose (object);
}

static void
tdn_checkin_finalize (GObject *object)
{
  TdnCheckin *self = TDN_CHECKIN (object);

  g_clear_pointer (&self->session, tdn_checkin_session_free);
  g_ptr_array_unref (self->readers);
  g_ptr_array_unref (self->late);
  g_hash_table_unref (self->reprints_done);
  g_hash_table_unref (self->reprints_unsaved);
  g_hash_table_unref (self->reprints_help_sent);
  g_ptr_array_unref (self->clinics);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->config);
  G_OBJECT_CLASS (tdn_checkin_parent_class)->finalize (object);
}

static void
tdn_checkin_class_init (TdnCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tdn_checkin_get_property;
  object_class->dispose = tdn_checkin_dispose;
  object_class->finalize = tdn_checkin_finalize;

  props[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TDN_TYPE_CHECKIN_STATE, TDN_CHECKIN_STATE_WELCOME,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "vi",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_IDLE_WARNING] =
    g_param_spec_boolean ("idle-warning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_WIPED] =
    g_signal_new ("wiped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tdn_checkin_init (TdnCheckin *self)
{
  self->readers = g_ptr_array_new_with_free_func (g_object_unref);
  self->late = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_lookup_free);
  self->reprints_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reprints_unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reprints_help_sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->clinics = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_clinic_status_free);
  self->cancellable = g_cancellable_new ();
  self->session = tdn_checkin_session_new ();
  self->state = TDN_CHECKIN_STATE_WELCOME;
  g_strlcpy (self->language, "vi", sizeof self->language);
  g_strlcpy (self->default_language, "vi", sizeof self->default_language);
  self->idle_timeout_s = 60;
  self->idle_warning_s = 15;
}

TdnCheckin *
tdn_checkin_new (TdnConfig                *config,
                 const TdnCheckinServices *services)
{
  TdnCheckin *self;

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);
  g_return_val_if_fail (services != NULL, NULL);
  g_return_val_if_fail (TDN_IS_VISIT_STORE (services->store), NULL);
  g_return_val_if_fail (TDN_IS_TICKET_PRINTER (services->printer), NULL);

  self = g_object_new (TDN_TYPE_CHECKIN, NULL);
  self->config = g_object_ref (config);
  self->eligibility = services->eligibility ? g_object_ref (services->eligibility) : NULL;
  self->store = g_object_ref (services->store);
  self->printer = g_object_ref (services->printer);
  self->help = services->help ? g_object_ref (services->help) : NULL;
  self->idle_timeout_s = (int) tdn_config_get_int (config, "ui", "idle_timeout_s");
  self->idle_warning_s = (int) tdn_config_get_int (config, "ui", "idle_warning_s");
  g_strlcpy (self->default_language, tdn_config_get_string (config, "kiosk", "default_language"),
             sizeof self->default_language);
  memcpy (self->language, self->default_language, sizeof self->language);
  return self;
}
