/* tdn-kiosk-controller.c — connects the window with the check-in machine
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This half forwards what the patient does; tdn-kiosk-render.c draws what
 * the machine says.
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-base.h"
#include "tdn-kiosk-controller-private.h"
#include "tdn-kiosk-i18n.h"

G_DEFINE_FINAL_TYPE (TdnKioskController, tdn_kiosk_controller, G_TYPE_OBJECT)

/* Window action → machine action, for the plain (untargeted) ones. */
static const struct {
  const char       *name;
  TdnCheckinAction  action;
} plain_actions[] = {
  { "identity-yes", TDN_CHECKIN_ACTION_YES },
  { "confirm", TDN_CHECKIN_ACTION_YES },
  { "identity-no", TDN_CHECKIN_ACTION_NO },
  { "back", TDN_CHECKIN_ACTION_BACK },
  { "cancel", TDN_CHECKIN_ACTION_CANCEL },
  { "call-staff", TDN_CHECKIN_ACTION_CALL_STAFF },
  { "more-time", TDN_CHECKIN_ACTION_MORE_TIME },
  { "manual-entry", TDN_CHECKIN_ACTION_MANUAL_ENTRY },
  { "bhyt-entry", TDN_CHECKIN_ACTION_BHYT_ENTRY },
  { "entry-submit", TDN_CHECKIN_ACTION_SUBMIT },
  { "finish", TDN_CHECKIN_ACTION_FINISH },
};

gboolean
tdn_kiosk_action_lookup (const char       *name,
                         const char       *target,
                         TdnCheckinAction *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (plain_actions); i++)
    if (g_str_equal (name, plain_actions[i].name))
      {
        *out = plain_actions[i].action;
        return TRUE;
      }
  if (g_str_equal (name, "choice") && target != NULL)
    return tdn_checkin_action_from_string (target, out);
  return FALSE;
}

static void
user_action_cb (TdnKioskWindow     *window,
                const char         *name,
                const char         *target,
                TdnKioskController *self)
{
  TdnCheckinAction action;

  if (tdn_kiosk_action_lookup (name, target, &action))
    {
      if (!tdn_checkin_tap (self->checkin, action))
        g_debug ("“%s” is not available in %s", name,
                 tdn_checkin_state_to_string (tdn_checkin_get_state (self->checkin)));
      return;
    }
  if (g_str_equal (name, "clinic") && target != NULL)
    tdn_checkin_select_clinic (self->checkin, target);
  else if (g_str_equal (name, "priority") && target != NULL)
    {
      TdnPriority priority;

      if (tdn_priority_from_string (target, &priority))
        tdn_checkin_select_priority (self->checkin, priority);
    }
  else
    g_warning ("unknown kiosk action “%s”", name);
}

static void
activity_cb (TdnKioskWindow     *window,
             TdnKioskController *self)
{
  tdn_checkin_touch (self->checkin);
}

/* The patient chose a language on the screen. */
static void
window_language_cb (GObject            *window,
                    GParamSpec         *pspec,
                    TdnKioskController *self)
{
  g_autofree char *lang = NULL;

  if (self->syncing_language)
    return;
  g_object_get (window, "language", &lang, NULL);
  tdn_checkin_set_language (self->checkin, lang);
}

/* The machine changed language (reset to the default for the next one). */
static void
checkin_language_cb (GObject            *checkin,
                     GParamSpec         *pspec,
                     TdnKioskController *self)
{
  self->syncing_language = TRUE;
  g_object_set (self->window, "language", tdn_checkin_get_language (self->checkin), NULL);
  self->syncing_language = FALSE;
}

static void
language_changed_cb (TdnKioskWindow     *window,
                     TdnKioskController *self)
{
  tdn_kiosk_controller_render (self);
}

static void
entry_changed_cb (TdnEntryPage       *page,
                  TdnKioskController *self)
{
  TdnCheckinField number = tdn_checkin_get_state (self->checkin) == TDN_CHECKIN_STATE_BHYT_ENTRY
                           ? TDN_CHECKIN_FIELD_BHYT_NUMBER : TDN_CHECKIN_FIELD_ID_NUMBER;

  tdn_checkin_set_field (self->checkin, number, tdn_entry_page_get_number (page));
  tdn_checkin_set_field (self->checkin, TDN_CHECKIN_FIELD_DATE_OF_BIRTH, tdn_entry_page_get_dob (page));
  tdn_checkin_set_field (self->checkin, TDN_CHECKIN_FIELD_FULL_NAME, tdn_entry_page_get_name (page));
}

static gboolean
countdown_cb (gpointer user_data)
{
  TdnKioskController *self = user_data;

  if (!tdn_checkin_get_idle_warning (self->checkin))
    {
      self->countdown_id = 0;
      tdn_kiosk_window_set_idle_warning (self->window, -1);
      return G_SOURCE_REMOVE;
    }
  tdn_kiosk_window_set_idle_warning (self->window, tdn_checkin_get_idle_seconds_left (self->checkin));
  return G_SOURCE_CONTINUE;
}

static void
changed_cb (TdnCheckin         *checkin,
            TdnKioskController *self)
{
  tdn_kiosk_controller_render (self);
  if (tdn_checkin_get_idle_warning (checkin))
    {
      countdown_cb (self);
      if (self->countdown_id == 0)
        self->countdown_id = g_timeout_add (250, countdown_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->countdown_id, g_source_remove);
      tdn_kiosk_window_set_idle_warning (self->window, -1);
    }
}

static void
idle_warning_cb (GObject            *checkin,
                 GParamSpec         *pspec,
                 TdnKioskController *self)
{
  changed_cb (self->checkin, self);
}

static void
wiped_cb (TdnCheckin         *checkin,
          TdnKioskController *self)
{
  tdn_kiosk_controller_clear (self);
  tdn_kiosk_window_reset_options (self->window);
}

static void
tdn_kiosk_controller_dispose (GObject *object)
{
  TdnKioskController *self = TDN_KIOSK_CONTROLLER (object);

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (self->checkin != NULL)
    g_signal_handlers_disconnect_by_data (self->checkin, self);
  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      g_signal_handlers_disconnect_by_data (tdn_kiosk_window_get_entry_page (self->window), self);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  g_clear_object (&self->checkin);
  g_clear_object (&self->ticket_texture);
  G_OBJECT_CLASS (tdn_kiosk_controller_parent_class)->dispose (object);
}

static void
tdn_kiosk_controller_finalize (GObject *object)
{
  TdnKioskController *self = TDN_KIOSK_CONTROLLER (object);

  g_free (self->last_spoken);
  g_free (self->ticket_visit);
  G_OBJECT_CLASS (tdn_kiosk_controller_parent_class)->finalize (object);
}

static void
tdn_kiosk_controller_class_init (TdnKioskControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tdn_kiosk_controller_dispose;
  object_class->finalize = tdn_kiosk_controller_finalize;
}

static void
tdn_kiosk_controller_init (TdnKioskController *self)
{
  self->last_state = (TdnCheckinState) -1;
}

TdnKioskController *
tdn_kiosk_controller_new (TdnKioskWindow *window,
                          TdnCheckin     *checkin)
{
  TdnKioskController *self;

  g_return_val_if_fail (TDN_IS_KIOSK_WINDOW (window), NULL);
  g_return_val_if_fail (TDN_IS_CHECKIN (checkin), NULL);

  self = g_object_new (TDN_TYPE_KIOSK_CONTROLLER, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->checkin = g_object_ref (checkin);

  g_signal_connect (window, "user-action", G_CALLBACK (user_action_cb), self);
  g_signal_connect (window, "activity", G_CALLBACK (activity_cb), self);
  g_signal_connect (window, "notify::language", G_CALLBACK (window_language_cb), self);
  g_signal_connect (window, "language-changed", G_CALLBACK (language_changed_cb), self);
  g_signal_connect (tdn_kiosk_window_get_entry_page (window), "changed",
                    G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (checkin, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (checkin, "wiped", G_CALLBACK (wiped_cb), self);
  g_signal_connect (checkin, "notify::language", G_CALLBACK (checkin_language_cb), self);
  g_signal_connect (checkin, "notify::state", G_CALLBACK (idle_warning_cb), self);
  g_signal_connect (checkin, "notify::idle-warning", G_CALLBACK (idle_warning_cb), self);

  checkin_language_cb (G_OBJECT (checkin), NULL, self);
  tdn_kiosk_controller_render (self);
  return self;
}

void
tdn_kiosk_controller_set_ticket_source (TdnKioskController    *self,
                                        TdnKioskTicketPngFunc  func,
                                        gpointer               user_data)
{
  g_return_if_fail (TDN_IS_KIOSK_CONTROLLER (self));

  self->ticket_func = func;
  self->ticket_data = user_data;
}
