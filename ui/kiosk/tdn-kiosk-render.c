/* tdn-kiosk-render.c — draws the screen of the machine's current state
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text comes from TdnCheckin (already in the patient's language) or
 * from a message id translated here with tdn_kiosk_tr(). A button whose
 * action the machine does not allow now is hidden, so the patient only
 * ever sees what works. An unknown state (a newer machine) shows its
 * instruction and "call staff".
 */
#define G_LOG_DOMAIN "tiepdon-kiosk-ui"

#include "config.h"

#include "tdn-base.h"
#include "tdn-kiosk-controller-private.h"
#include "tdn-kiosk-format.h"
#include "tdn-kiosk-i18n.h"
#include "tdn-ticket.h"
#include "tdn-welcome-page.h"

/* Hides every kiosk.* button the machine would refuse now. */
static void
hide_unavailable (TdnKioskController *self,
                  GtkWidget          *widget)
{
  if (GTK_IS_ACTIONABLE (widget))
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      TdnCheckinAction action;

      if (name != NULL && g_str_has_prefix (name, "kiosk.") &&
          tdn_kiosk_action_lookup (name + strlen ("kiosk."),
                                   target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING)
                                   ? g_variant_get_string (target, NULL) : NULL,
                                   &action))
        {
          /* "Continue" on the entry screen stays visible (greyed until
           * the fields are complete): the patient must see where to go. */
          if (action == TDN_CHECKIN_ACTION_SUBMIT)
            gtk_widget_set_sensitive (widget, tdn_checkin_can_tap (self->checkin, action));
          else
            gtk_widget_set_visible (widget, tdn_checkin_can_tap (self->checkin, action));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hide_unavailable (self, child);
}

static const char *
help_text (TdnKioskController *self)
{
  switch (tdn_checkin_get_help (self->checkin))
    {
    case TDN_CHECKIN_HELP_SENDING:
      return tdn_kiosk_tr (N_("Calling a staff member…"));
    case TDN_CHECKIN_HELP_SENT:
      return tdn_kiosk_tr (N_("A staff member is coming to help you."));
    case TDN_CHECKIN_HELP_FAILED:
      return tdn_kiosk_tr (N_("Staff could not be called. Please go to the reception desk."));
    case TDN_CHECKIN_HELP_NONE:
    default:
      return NULL;
    }
}

static const char *
bhyt_text (TdnCheckinBhyt bhyt)
{
  switch (bhyt)
    {
    case TDN_CHECKIN_BHYT_CHECKING:
      return tdn_kiosk_tr (N_("Being checked"));
    case TDN_CHECKIN_BHYT_ELIGIBLE:
      return tdn_kiosk_tr (N_("Valid"));
    case TDN_CHECKIN_BHYT_NOT_ELIGIBLE:
      return tdn_kiosk_tr (N_("Cannot be used today"));
    case TDN_CHECKIN_BHYT_MISMATCH:
      return tdn_kiosk_tr (N_("Details do not match"));
    case TDN_CHECKIN_BHYT_UNAVAILABLE:
      return tdn_kiosk_tr (N_("Will be checked later"));
    case TDN_CHECKIN_BHYT_SELF_PAY:
      return tdn_kiosk_tr (N_("You pay for this visit yourself"));
    case TDN_CHECKIN_BHYT_NONE:
    default:
      return NULL;
    }
}

static char *
room_text (const TdnClinic *clinic,
           const char      *lang)
{
  const char *location = g_strcmp0 (lang, "en") == 0 && clinic->location_en != NULL &&
                         *clinic->location_en != '\0' ? clinic->location_en : clinic->location;

  if (clinic->room == NULL || *clinic->room == '\0')
    return g_strdup (location);
  if (location == NULL || *location == '\0')
    return g_strdup (clinic->room);
  return g_strdup_printf ("%s — %s", clinic->room, location);
}

static void
render_progress (TdnKioskController *self,
                 TdnCheckinState     state)
{
  TdnReadingPage *page = tdn_kiosk_window_get_reading_page (self->window);
  const char *detail = NULL;

  if (state == TDN_CHECKIN_STATE_READING)
    detail = tdn_kiosk_tr (N_("This takes a few seconds."));
  else if (state == TDN_CHECKIN_STATE_PRINTING)
    detail = tdn_kiosk_tr (N_("Your ticket comes out of the slot below the screen."));
  tdn_reading_page_set_message (page, tdn_checkin_get_instruction (self->checkin), detail, -1);
  tdn_kiosk_window_show_page (self->window, "reading", NULL);
}

static void
render_identity (TdnKioskController *self)
{
  int age = tdn_checkin_get_age (self->checkin);
  g_autofree char *age_text = age >= 0 ? tdn_kiosk_format_age ((guint) age, 0,
                                                                tdn_kiosk_i18n_get_language ())
                                       : NULL;

  gsize photo_len = 0;
  const guint8 *photo = tdn_checkin_get_photo (self->checkin, &photo_len);
  g_autoptr(GdkTexture) texture = NULL;

  /* The machine hands out the chip's photo only when [ui] photo_policy is
   * "patient". The decoded copy lives in the texture until the wipe. */
  if (photo != NULL && photo_len > 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (photo, photo_len);
      g_autoptr(GError) error = NULL;

      texture = gdk_texture_new_from_bytes (bytes, &error);
      if (texture == NULL)
        g_message ("the chip's photo cannot be shown: %s", error->message);
    }
  tdn_identity_page_set_person (tdn_kiosk_window_get_identity_page (self->window),
                                tdn_checkin_get_full_name (self->checkin),
                                tdn_checkin_get_masked_id (self->checkin),
                                age_text, texture);
  tdn_kiosk_window_show_page (self->window, "identity", NULL);
}

static void
render_clinics (TdnKioskController *self)
{
  GPtrArray *clinics = tdn_checkin_get_clinics (self->checkin);
  g_autoptr(GArray) views = g_array_new (FALSE, TRUE, sizeof (TdnClinicView));
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      const TdnClinicStatus *status = clinics->pdata[i];
      char *room = room_text (status->clinic, tdn_kiosk_i18n_get_language ());
      TdnClinicView view = {
        .code = status->clinic->code,
        .name = tdn_checkin_clinic_name (self->checkin, status),
        .room = room,
        .waiting = (int) MIN (status->waiting, G_MAXINT),
        .open = status->open,
        .full = status->full,
      };

      g_ptr_array_add (rooms, room);
      g_array_append_val (views, view);
    }
  tdn_clinic_page_set_clinics (tdn_kiosk_window_get_clinic_page (self->window),
                               (const TdnClinicView *) (gpointer) views->data, views->len);
  tdn_kiosk_window_show_page (self->window, "clinic", NULL);
}

static void
render_confirm (TdnKioskController *self)
{
  TdnConfirmPage *page = tdn_kiosk_window_get_confirm_page (self->window);
  const TdnClinicStatus *clinic = tdn_checkin_get_selected_clinic (self->checkin);
  const char *name = tdn_checkin_get_full_name (self->checkin);
  TdnPriority priority = tdn_checkin_get_priority (self->checkin);
  const char *bhyt = bhyt_text (tdn_checkin_get_bhyt (self->checkin));

  tdn_confirm_page_clear (page);
  tdn_confirm_page_add_row (page, tdn_kiosk_tr (N_("Name")),
                            name != NULL ? name : tdn_checkin_get_masked_id (self->checkin));
  if (clinic != NULL)
    {
      g_autofree char *room = room_text (clinic->clinic, tdn_kiosk_i18n_get_language ());

      tdn_confirm_page_add_row (page, tdn_kiosk_tr (N_("Clinic")),
                                tdn_checkin_clinic_name (self->checkin, clinic));
      if (room != NULL && *room != '\0')
        tdn_confirm_page_add_row (page, tdn_kiosk_tr (N_("Room")), room);
    }
  if (priority != TDN_PRIORITY_NONE)
    tdn_confirm_page_add_row (page, tdn_kiosk_tr (N_("Priority")),
                              tdn_checkin_priority_label (self->checkin, priority));
  if (bhyt != NULL)
    tdn_confirm_page_add_row (page, tdn_kiosk_tr (N_("Health insurance")), bhyt);
  tdn_confirm_page_set_note (page, tdn_checkin_get_bhyt_message (self->checkin));
  tdn_kiosk_window_show_page (self->window, "confirm", NULL);
}

/* The printed ticket as a picture (demo mode), loaded once per visit. */
static GdkTexture *
ticket_texture (TdnKioskController *self)
{
  const char *visit = tdn_checkin_get_visit_id (self->checkin);
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ticket_func == NULL || visit == NULL)
    return NULL;
  if (self->ticket_texture != NULL && g_strcmp0 (self->ticket_visit, visit) == 0)
    return self->ticket_texture;
  png = self->ticket_func (visit, self->ticket_data);
  if (png == NULL)
    return NULL;
  g_clear_object (&self->ticket_texture);
  self->ticket_texture = gdk_texture_new_from_filename (png, &error);
  if (self->ticket_texture == NULL)
    {
      g_warning ("cannot show the ticket picture: %s", error->message);
      return NULL;
    }
  g_free (self->ticket_visit);
  self->ticket_visit = g_strdup (visit);
  return self->ticket_texture;
}

static const char *
done_note (TdnKioskController *self)
{
  const TdnTicket *ticket = tdn_checkin_get_ticket (self->checkin);

  if (ticket != NULL && ticket->bhyt == TDN_TICKET_BHYT_DESK)
    return tdn_kiosk_tr (N_("Please go to the reception desk before the clinic."));
  switch (tdn_checkin_get_bhyt (self->checkin))
    {
    case TDN_CHECKIN_BHYT_CHECKING:
    case TDN_CHECKIN_BHYT_UNAVAILABLE:
    case TDN_CHECKIN_BHYT_NONE:
      return tdn_kiosk_tr (N_("Your health insurance is being checked. You do not need to do anything."));
    case TDN_CHECKIN_BHYT_SELF_PAY:
      return tdn_kiosk_tr (N_("You pay for this visit yourself."));
    default:
      return NULL;
    }
}

static void
render_done (TdnKioskController *self)
{
  const TdnClinicStatus *clinic = tdn_checkin_get_selected_clinic (self->checkin);
  g_autofree char *room = clinic != NULL ? room_text (clinic->clinic, tdn_kiosk_i18n_get_language ())
                                         : NULL;

  tdn_done_page_set_ticket (tdn_kiosk_window_get_done_page (self->window),
                            tdn_checkin_get_queue_number (self->checkin),
                            clinic != NULL ? tdn_checkin_clinic_name (self->checkin, clinic) : NULL,
                            room, done_note (self), ticket_texture (self));
  tdn_kiosk_window_show_page (self->window, "done", NULL);
}

static void
render_entry (TdnKioskController *self,
              TdnCheckinState     state,
              gboolean            entered)
{
  TdnEntryPage *page = tdn_kiosk_window_get_entry_page (self->window);
  gboolean bhyt = state == TDN_CHECKIN_STATE_BHYT_ENTRY;
  TdnCheckinField number_field = bhyt ? TDN_CHECKIN_FIELD_BHYT_NUMBER : TDN_CHECKIN_FIELD_ID_NUMBER;
  const char *title = bhyt ? tdn_kiosk_tr (N_("Type the last 10 digits of your health insurance card, your date of birth and your name."))
                           : tdn_checkin_get_instruction (self->checkin);
  const char *label = bhyt ? tdn_kiosk_tr (N_("Health insurance number (last 10 digits)"))
                           : tdn_kiosk_tr (N_("ID number (12 digits)"));
  /* The gateway checks a BHYT number against the name. */
  const char *name_label = bhyt ? tdn_kiosk_tr (N_("Full name"))
                                : tdn_kiosk_tr (N_("Full name (you may leave it empty)"));
  const char *number = tdn_entry_page_get_number (page);
  const char *dob = tdn_entry_page_get_dob (page);
  const char *error = NULL;

  if (entered)
    tdn_entry_page_start (page, title, label, bhyt ? 10 : 12, name_label);
  else
    tdn_entry_page_set_texts (page, title, label, name_label);

  /* A complaint only about a field the patient has finished typing. */
  if (strlen (number) == (bhyt ? 10u : 12u))
    error = tdn_checkin_get_field_error (self->checkin, number_field);
  if (error == NULL && strlen (dob) == 8)
    error = tdn_checkin_get_field_error (self->checkin, TDN_CHECKIN_FIELD_DATE_OF_BIRTH);
  tdn_entry_page_set_error (page, error);
  tdn_kiosk_window_show_page (self->window, "entry", NULL);
}

static const char *
failure_title (TdnCheckinState state)
{
  switch (state)
    {
    case TDN_CHECKIN_STATE_NOT_ELIGIBLE:
      return N_("Your health insurance cannot be used today");
    case TDN_CHECKIN_STATE_READER_MISSING:
      return N_("The card reader is not working");
    case TDN_CHECKIN_STATE_CARD_UNREADABLE:
      return N_("Your card could not be read");
    case TDN_CHECKIN_STATE_GATEWAY_DOWN:
      return N_("Health insurance cannot be checked right now");
    case TDN_CHECKIN_STATE_PAPER_OUT:
      return N_("The printer is out of paper");
    case TDN_CHECKIN_STATE_SPOOL_ERROR:
      return N_("Your visit could not be saved");
    case TDN_CHECKIN_STATE_PRINT_FAILED:
      return N_("Your ticket could not be printed");
    case TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE:
      return N_("The printer is not working");
    default:
      return N_("Please call a staff member");
    }
}

/* The extra ways out of a failure, in the order they are offered. */
static const struct {
  TdnCheckinAction action;
  const char      *label;
  gboolean         suggested;
} failure_choices[] = {
  { TDN_CHECKIN_ACTION_CONTINUE, N_("Get my ticket now"), TRUE },
  { TDN_CHECKIN_ACTION_SELF_PAY, N_("I will pay for this visit myself"), TRUE },
  { TDN_CHECKIN_ACTION_GO_TO_DESK, N_("Give me a ticket for the reception desk"), FALSE },
  { TDN_CHECKIN_ACTION_RETRY, N_("Try again"), TRUE },
  { TDN_CHECKIN_ACTION_MANUAL_ENTRY, N_("Type my ID number instead"), FALSE },
  { TDN_CHECKIN_ACTION_BHYT_ENTRY, N_("Type my health insurance number"), FALSE },
  { TDN_CHECKIN_ACTION_FINISH, N_("Finish"), FALSE },
};

static void
render_failure (TdnKioskController *self,
                TdnCheckinState     state)
{
  TdnFailurePage *page = tdn_kiosk_window_get_failure_page (self->window);
  const char *number = tdn_checkin_get_queue_number (self->checkin);
  const char *message = state == TDN_CHECKIN_STATE_NOT_ELIGIBLE
                        ? tdn_checkin_get_bhyt_message (self->checkin) : NULL;
  g_autoptr(GString) detail = g_string_new (tdn_checkin_get_instruction (self->checkin));
  const char *icon = "dialog-warning-symbolic";

  if (message != NULL && *message != '\0')
    {
      /* The machine's instruction may already give the reason in the same
       * words: say it once. */
      const char *stop = strchr (message, '.');
      g_autofree char *first = stop != NULL ? g_strndup (message, (gsize) (stop - message + 1))
                                            : g_strdup (message);

      if (strstr (detail->str, first) == NULL)
        g_string_append_printf (detail, "\n%s", message);
    }
  if (number != NULL)
    {
      /* The visit is saved: the patient needs the number for the desk.
       * TRANSLATORS: %s is the queue number, "K1-A015". */
      g_string_append_c (detail, '\n');
      g_string_append_printf (detail, tdn_kiosk_tr (N_("Your number: %s")), number);
    }
  if (state == TDN_CHECKIN_STATE_NOT_ELIGIBLE || state == TDN_CHECKIN_STATE_GATEWAY_DOWN)
    icon = "dialog-information-symbolic";
  tdn_failure_page_set_message (page, icon, tdn_kiosk_tr (failure_title (state)), detail->str);
  for (guint i = 0; i < G_N_ELEMENTS (failure_choices); i++)
    if (tdn_checkin_can_tap (self->checkin, failure_choices[i].action))
      tdn_failure_page_add_choice (page, tdn_kiosk_tr (failure_choices[i].label), "kiosk.choice",
                                   tdn_checkin_action_to_string (failure_choices[i].action),
                                   failure_choices[i].suggested);
  tdn_failure_page_set_can_cancel (page, tdn_checkin_can_tap (self->checkin, TDN_CHECKIN_ACTION_CANCEL));
  tdn_failure_page_set_status (page, help_text (self));
  tdn_kiosk_window_show_page (self->window, "failure", NULL);
}

static void
speak (TdnKioskController *self)
{
  const char *text = tdn_checkin_get_instruction (self->checkin);
  g_autofree char *key = g_strdup_printf ("%d:%s", (int) tdn_checkin_get_state (self->checkin), text);

  /* Once per screen and language, not at every refresh of the counts. */
  if (g_strcmp0 (key, self->last_spoken) == 0)
    return;
  g_free (self->last_spoken);
  self->last_spoken = g_steal_pointer (&key);
  tdn_kiosk_window_say (self->window, text);
}

void
tdn_kiosk_controller_render (TdnKioskController *self)
{
  TdnCheckinState state;
  gboolean entered;
  GtkWidget *welcome;

  g_return_if_fail (TDN_IS_KIOSK_CONTROLLER (self));

  if (self->window == NULL)
    return;
  state = tdn_checkin_get_state (self->checkin);
  entered = state != self->last_state;
  self->last_state = state;

  switch (state)
    {
    case TDN_CHECKIN_STATE_WELCOME:
      welcome = tdn_kiosk_window_get_welcome_page (self->window);
      tdn_welcome_page_set_devices (TDN_WELCOME_PAGE (welcome),
                                    tdn_checkin_get_card_reader_available (self->checkin),
                                    tdn_checkin_get_scanner_available (self->checkin));
      tdn_kiosk_window_show_page (self->window, "welcome", NULL);
      break;
    case TDN_CHECKIN_STATE_READING:
    case TDN_CHECKIN_STATE_COMMITTING:
    case TDN_CHECKIN_STATE_PRINTING:
      render_progress (self, state);
      break;
    case TDN_CHECKIN_STATE_CONFIRM_IDENTITY:
      render_identity (self);
      break;
    case TDN_CHECKIN_STATE_MANUAL_ENTRY:
    case TDN_CHECKIN_STATE_BHYT_ENTRY:
      render_entry (self, state, entered);
      break;
    case TDN_CHECKIN_STATE_CLINIC:
      render_clinics (self);
      break;
    case TDN_CHECKIN_STATE_PRIORITY:
      tdn_kiosk_window_show_page (self->window, "priority", NULL);
      break;
    case TDN_CHECKIN_STATE_CONFIRM:
      render_confirm (self);
      break;
    case TDN_CHECKIN_STATE_DONE:
      render_done (self);
      break;
    case TDN_CHECKIN_STATE_NOT_ELIGIBLE:
    case TDN_CHECKIN_STATE_READER_MISSING:
    case TDN_CHECKIN_STATE_CARD_UNREADABLE:
    case TDN_CHECKIN_STATE_GATEWAY_DOWN:
    case TDN_CHECKIN_STATE_PAPER_OUT:
    case TDN_CHECKIN_STATE_SPOOL_ERROR:
    case TDN_CHECKIN_STATE_PRINT_FAILED:
    case TDN_CHECKIN_STATE_PRINTER_UNAVAILABLE:
    default:
      render_failure (self, state);
      break;
    }

  /* Failure screens say it in their own words; elsewhere a line under the
   * header says whether staff are coming. */
  tdn_kiosk_window_set_banner (self->window,
                               g_str_equal (tdn_kiosk_window_get_page_name (self->window), "failure")
                               ? NULL : help_text (self));
  hide_unavailable (self, tdn_kiosk_window_get_visible_page (self->window));
  speak (self);
}

void
tdn_kiosk_controller_clear (TdnKioskController *self)
{
  g_return_if_fail (TDN_IS_KIOSK_CONTROLLER (self));

  if (self->window == NULL)
    return;
  /* The machine wiped its copy; these are the widgets' copies. */
  tdn_identity_page_clear (tdn_kiosk_window_get_identity_page (self->window));
  tdn_confirm_page_clear (tdn_kiosk_window_get_confirm_page (self->window));
  tdn_done_page_clear (tdn_kiosk_window_get_done_page (self->window));
  tdn_entry_page_clear (tdn_kiosk_window_get_entry_page (self->window));
  tdn_failure_page_set_message (tdn_kiosk_window_get_failure_page (self->window), NULL, NULL, NULL);
  tdn_failure_page_set_status (tdn_kiosk_window_get_failure_page (self->window), NULL);
  tdn_kiosk_window_set_banner (self->window, NULL);
  g_clear_object (&self->ticket_texture);
  g_clear_pointer (&self->ticket_visit, g_free);
  g_clear_pointer (&self->last_spoken, g_free);
}
