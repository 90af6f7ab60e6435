/* tdn-kiosk-lockdown.c — no way out of the kiosk for a patient
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-kiosk-lockdown.h"

#define RELEASED_KEY "tdn-lockdown-released"

void
tdn_kiosk_lockdown_environment (void)
{
  const char *debug = g_getenv ("GTK_DEBUG");
  g_auto(GStrv) flags = NULL;
  g_autoptr(GStrvBuilder) kept = NULL;
  g_auto(GStrv) out = NULL;
  g_autofree char *joined = NULL;

  if (debug == NULL)
    return;
  flags = g_strsplit_set (debug, ":;, ", -1);
  kept = g_strv_builder_new ();
  for (guint i = 0; flags[i] != NULL; i++)
    if (*flags[i] != '\0' && g_ascii_strcasecmp (flags[i], "interactive") != 0 &&
        g_ascii_strcasecmp (flags[i], "all") != 0)
      g_strv_builder_add (kept, flags[i]);
  out = g_strv_builder_end (kept);
  joined = g_strjoinv (":", out);
  if (*joined == '\0')
    g_unsetenv ("GTK_DEBUG");
  else
    g_setenv ("GTK_DEBUG", joined, TRUE);
}

static gboolean
enable_debugging_cb (GtkWindow *window,
                     gboolean   toggle,
                     gpointer   user_data)
{
  /* Handled: the inspector never opens. */
  gtk_window_set_interactive_debugging (FALSE);
  return TRUE;
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  /* TRUE stops the close unless the application itself is quitting. */
  return g_object_get_data (G_OBJECT (window), RELEASED_KEY) == NULL;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK)) != 0)
    return TRUE;
  if ((keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) || keyval == GDK_KEY_Escape ||
      keyval == GDK_KEY_Menu)
    return TRUE;
  return FALSE;
}

void
tdn_kiosk_lockdown_window (GtkWindow *window)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_interactive_debugging (FALSE);
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_deletable (window, FALSE);
  g_signal_connect (window, "enable-debugging", G_CALLBACK (enable_debugging_cb), NULL);
  g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), NULL);

  /* Not even an assistive technology minimises or unmaximises it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "window.minimize", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "window.toggle-maximized", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "window.close", FALSE);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
}

void
tdn_kiosk_lockdown_release (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_object_set_data (G_OBJECT (window), RELEASED_KEY, GINT_TO_POINTER (1));
}
