/* tdn-kiosk-window.c — the one full-screen window
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-base.h"
#include "tdn-idle-overlay.h"
#include "tdn-kiosk-format.h"
#include "tdn-kiosk-i18n.h"
#include "tdn-kiosk-lockdown.h"
#include "tdn-kiosk-speech.h"
#include "tdn-kiosk-window-private.h"
#include "tdn-priority-page.h"
#include "tdn-welcome-page.h"


enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_HIGH_CONTRAST,
  PROP_LARGE_TEXT,
  PROP_SPEECH,
  PROP_LOW_REACH,
  N_PROPS,
};

enum {
  SIGNAL_USER_ACTION,
  SIGNAL_ACTIVITY,
  SIGNAL_LANGUAGE_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdnKioskWindow, tdn_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const weekdays[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static void
update_clock (TdnKioskWindow *self)
{
  g_autoptr(GDateTime) now = tdn_clock_now ();
  g_autofree char *date = tdn_kiosk_format_date (now);
  g_autofree char *text = g_strdup_printf ("%s, %s  %02d:%02d",
                                           tdn_kiosk_tr (weekdays[g_date_time_get_day_of_week (now) - 1]),
                                           date, g_date_time_get_hour (now),
                                           g_date_time_get_minute (now));

  gtk_label_set_text (GTK_LABEL (self->clock), text);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  update_clock (TDN_KIOSK_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
update_hospital (TdnKioskWindow *self)
{
  const char *name = g_strcmp0 (self->language, "en") == 0 && self->hospital_en != NULL &&
                     *self->hospital_en != '\0' ? self->hospital_en : self->hospital_vi;

  gtk_label_set_text (GTK_LABEL (self->hospital), name != NULL ? name : "");
}

static void
toggle_class (GtkWidget  *widget,
              const char *css_class,
              gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
apply_language (TdnKioskWindow *self)
{
  tdn_kiosk_i18n_set_language (self->language);
  tdn_kiosk_i18n_apply (GTK_WIDGET (self));
  update_clock (self);
  update_hospital (self);
  g_signal_emit (self, signals[SIGNAL_LANGUAGE_CHANGED], 0);
}

static void
apply_low_reach (TdnKioskWindow *self)
{
  toggle_class (GTK_WIDGET (self), "low-reach", self->low_reach);
  gtk_widget_set_visible (self->reach_hint, self->low_reach);
  /* Header and hint above, pages below, each half the screen. */
  gtk_box_set_homogeneous (GTK_BOX (self->layout), self->low_reach);
}

/* Every box with the "adaptive" style class is a row in landscape and a
 * column in portrait. */
static void
flip_adaptive (GtkWidget *widget,
               gboolean   portrait)
{
  if (GTK_IS_ORIENTABLE (widget) && gtk_widget_has_css_class (widget, "adaptive"))
    gtk_orientable_set_orientation (GTK_ORIENTABLE (widget),
                                    portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    flip_adaptive (child, portrait);
}

static void
set_portrait (TdnKioskWindow *self,
              gboolean        portrait)
{
  if (self->portrait == (int) portrait)
    return;
  self->portrait = portrait;
  toggle_class (GTK_WIDGET (self), "portrait", portrait);
  toggle_class (GTK_WIDGET (self), "landscape", !portrait);
  flip_adaptive (GTK_WIDGET (self), portrait);
  tdn_welcome_page_set_portrait (TDN_WELCOME_PAGE (self->welcome_page), portrait);
}

static void
tdn_kiosk_window_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TdnKioskWindow *self = TDN_KIOSK_WINDOW (widget);
  int kiosk_width = width;

  /* The patient's part of the screen decides, not the demo panel. */
  if (self->side_panel != NULL && gtk_widget_get_visible (self->side_panel))
    {
      int min, nat;

      gtk_widget_measure (self->side_panel, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      kiosk_width = MAX (width - MAX (min, 0), 1);
    }
  switch (self->orientation)
    {
    case TDN_KIOSK_ORIENTATION_LANDSCAPE:
      set_portrait (self, FALSE);
      break;
    case TDN_KIOSK_ORIENTATION_PORTRAIT:
      set_portrait (self, TRUE);
      break;
    case TDN_KIOSK_ORIENTATION_AUTO:
    default:
      set_portrait (self, height > kiosk_width);
      break;
    }
  GTK_WIDGET_CLASS (tdn_kiosk_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
emit_action (TdnKioskWindow *self,
             const char     *name,
             GVariant       *parameter)
{
  const char *target = parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL;

  g_signal_emit (self, signals[SIGNAL_USER_ACTION], 0, name, target);
}

static void
user_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  /* "kiosk.clinic" → "clinic" */
  emit_action (TDN_KIOSK_WINDOW (widget), action_name + strlen ("kiosk."), parameter);
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          TdnKioskWindow           *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
      break;
    default:
      break;
    }
  return FALSE;
}

static void
tdn_kiosk_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdnKioskWindow *self = TDN_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    case PROP_LARGE_TEXT:
      g_value_set_boolean (value, self->large_text);
      break;
    case PROP_SPEECH:
      g_value_set_boolean (value, tdn_kiosk_speech_get_enabled (self->speech));
      break;
    case PROP_LOW_REACH:
      g_value_set_boolean (value, self->low_reach);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdn_kiosk_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TdnKioskWindow *self = TDN_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      {
        const char *lang = g_value_get_string (value);

        lang = g_strcmp0 (lang, "en") == 0 ? "en" : "vi";
        if (g_strcmp0 (self->language, lang) == 0)
          break;
        g_free (self->language);
        self->language = g_strdup (lang);
        apply_language (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_HIGH_CONTRAST:
      self->high_contrast = g_value_get_boolean (value);
      toggle_class (GTK_WIDGET (self), "high-contrast", self->high_contrast);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_LARGE_TEXT:
      self->large_text = g_value_get_boolean (value);
      toggle_class (GTK_WIDGET (self), "large-text", self->large_text);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SPEECH:
      tdn_kiosk_speech_set_enabled (self->speech, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_LOW_REACH:
      self->low_reach = g_value_get_boolean (value);
      apply_low_reach (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdn_kiosk_window_dispose (GObject *object)
{
  TdnKioskWindow *self = TDN_KIOSK_WINDOW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_object (&self->speech);
  G_OBJECT_CLASS (tdn_kiosk_window_parent_class)->dispose (object);
}

static void
tdn_kiosk_window_finalize (GObject *object)
{
  TdnKioskWindow *self = TDN_KIOSK_WINDOW (object);

  g_free (self->language);
  g_free (self->default_language);
  g_free (self->hospital_vi);
  g_free (self->hospital_en);
  G_OBJECT_CLASS (tdn_kiosk_window_parent_class)->finalize (object);
}

static void
tdn_kiosk_window_class_init (TdnKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const plain_actions[] = {
    "manual-entry", "bhyt-entry", "call-staff", "cancel", "identity-yes", "identity-no",
    "confirm", "back", "finish", "more-time", "entry-submit",
  };
  static const char * const string_actions[] = { "clinic", "priority", "choice" };

  object_class->get_property = tdn_kiosk_window_get_property;
  object_class->set_property = tdn_kiosk_window_set_property;
  object_class->dispose = tdn_kiosk_window_dispose;
  object_class->finalize = tdn_kiosk_window_finalize;
  widget_class->size_allocate = tdn_kiosk_window_size_allocate;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "vi", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE_TEXT] =
    g_param_spec_boolean ("large-text", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEECH] =
    g_param_spec_boolean ("speech", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOW_REACH] =
    g_param_spec_boolean ("low-reach", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_USER_ACTION] =
    g_signal_new ("user-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_ACTIVITY] =
    g_signal_new ("activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_LANGUAGE_CHANGED] =
    g_signal_new ("language-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "kiosk.language", "language");
  gtk_widget_class_install_property_action (widget_class, "kiosk.high-contrast", "high-contrast");
  gtk_widget_class_install_property_action (widget_class, "kiosk.large-text", "large-text");
  gtk_widget_class_install_property_action (widget_class, "kiosk.speech", "speech");
  for (guint i = 0; i < G_N_ELEMENTS (plain_actions); i++)
    {
      g_autofree char *name = g_strconcat ("kiosk.", plain_actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, user_action_cb);
    }
  for (guint i = 0; i < G_N_ELEMENTS (string_actions); i++)
    {
      g_autofree char *name = g_strconcat ("kiosk.", string_actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, "s", user_action_cb);
    }

  g_type_ensure (TDN_TYPE_WELCOME_PAGE);
  g_type_ensure (TDN_TYPE_READING_PAGE);
  g_type_ensure (TDN_TYPE_IDENTITY_PAGE);
  g_type_ensure (TDN_TYPE_CLINIC_PAGE);
  g_type_ensure (TDN_TYPE_PRIORITY_PAGE);
  g_type_ensure (TDN_TYPE_CONFIRM_PAGE);
  g_type_ensure (TDN_TYPE_DONE_PAGE);
  g_type_ensure (TDN_TYPE_FAILURE_PAGE);
  g_type_ensure (TDN_TYPE_ENTRY_PAGE);
  g_type_ensure (TDN_TYPE_IDLE_OVERLAY);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Kiosk/tdn-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, outer);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, layout);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, header);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, hospital);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, clock);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, reach_hint);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, reading_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, identity_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, clinic_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, priority_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, failure_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, entry_page);
  gtk_widget_class_bind_template_child (widget_class, TdnKioskWindow, idle_overlay);
}

static void
tdn_kiosk_window_init (TdnKioskWindow *self)
{
  GtkEventController *legacy;

  self->language = g_strdup ("vi");
  self->default_language = g_strdup ("vi");
  self->portrait = -1;
  self->speech = tdn_kiosk_speech_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  tdn_kiosk_i18n_dynamic (self->hospital);
  tdn_kiosk_i18n_dynamic (self->clock);
  tdn_kiosk_i18n_dynamic (self->banner);
  tdn_kiosk_i18n_collect (GTK_WIDGET (self));
  tdn_kiosk_lockdown_window (GTK_WINDOW (self));

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  tdn_kiosk_window_show_page (self, "welcome", NULL);
  apply_language (self);
  self->clock_id = g_timeout_add_seconds (20, clock_tick_cb, self);
}

TdnKioskWindow *
tdn_kiosk_window_new (GtkApplication *app)
{
  return g_object_new (TDN_TYPE_KIOSK_WINDOW, "application", app, NULL);
}

void
tdn_kiosk_window_show_page (TdnKioskWindow *self,
                            const char     *name,
                            const char     *spoken)
{
  GtkWidget *page;

  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));
  g_return_if_fail (name != NULL);

  page = gtk_stack_get_child_by_name (GTK_STACK (self->stack), name);
  g_return_if_fail (page != NULL);
  if (gtk_stack_get_visible_child (GTK_STACK (self->stack)) != page)
    {
      gtk_widget_set_visible (page, TRUE);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), page);
      /* A screen reader starts on the new screen, not on a stale button. */
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
  /* Only the page on screen exists for a screen reader: GTK 4.8 presents
   * every visible widget, whatever the stack shows (also the first time,
   * when the stack shows its first page by itself). */
  for (GtkWidget *child = gtk_widget_get_first_child (self->stack);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
  if (spoken != NULL)
    tdn_kiosk_speech_say (self->speech, self->language, spoken);
}

const char *
tdn_kiosk_window_get_page_name (TdnKioskWindow *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

void
tdn_kiosk_window_set_hospital (TdnKioskWindow *self,
                               const char     *name_vi,
                               const char     *name_en)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  g_free (self->hospital_vi);
  g_free (self->hospital_en);
  self->hospital_vi = g_strdup (name_vi);
  self->hospital_en = g_strdup (name_en);
  update_hospital (self);
}

void
tdn_kiosk_window_set_orientation (TdnKioskWindow     *self,
                                  TdnKioskOrientation orientation)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  self->orientation = orientation;
  if (orientation != TDN_KIOSK_ORIENTATION_AUTO)
    set_portrait (self, orientation == TDN_KIOSK_ORIENTATION_PORTRAIT);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
tdn_kiosk_window_set_screen_size (TdnKioskWindow *self,
                                  int             width,
                                  int             height)
{
  g_return_if_fail (TDN_IS_KIOSK_WINDOW (self));

  /* Lay out for the screen's shape before the first allocation, so the
   * landscape layout never makes a portrait window wider than its screen. */
  if (self->orientation == TDN_KIOSK_ORIENTATION_AUTO)
    set_portrait (self, height > width);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

