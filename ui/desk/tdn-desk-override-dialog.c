/* tdn-desk-override-dialog.c — one nurse's decision, with the reason
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to a visit asks why: the reason is stored at the broker
 * with the nurse's name, the time, and the old and new values, and the
 * kiosk's spool audits it again when it applies the new revision.
 * Accepting a BHYT card re-runs the lookup at BHXH (through the broker)
 * with the number the nurse typed from the paper card or VNeID; the
 * lookup's answer is recorded with the decision, whatever it was.
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-base.h"
#include "tdn-desk-override-dialog.h"
#include "tdn-desk-text.h"

struct _TdnDeskOverrideDialog
{
  GtkWindow             parent_instance;
  GtkLabel             *heading;
  GtkLabel             *explanation;
  GtkBox               *bhyt_box;
  GtkEntry             *card_entry;
  GtkEntry             *name_entry;
  GtkEntry             *dob_entry;
  GtkButton            *check_button;
  GtkSpinner           *check_spinner;
  GtkLabel             *check_result;
  GtkBox               *choice_box;
  GtkLabel             *choice_label;
  GtkDropDown          *choice;
  GtkLabel             *reason_label;
  GtkEntry             *reason_entry;
  GtkLabel             *error_label;
  GtkButton            *confirm_button;

  char                 *action;
  JsonObject           *request;
  GPtrArray            *codes;        /* choice index → code */
  TdnEligibilityClient *eligibility;  /* not owned: the detail keeps it */
  TdnEligibility       *checked;      /* last lookup answer */
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (TdnDeskOverrideDialog, tdn_desk_override_dialog, GTK_TYPE_WINDOW)

enum { CONFIRMED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
blank (const char *s)
{
  for (; s != NULL && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static void
inputs_changed_cb (TdnDeskOverrideDialog *self)
{
  gboolean ok = !blank (text_of (self->reason_entry));

  if (g_str_equal (self->action, "accept_bhyt"))
    ok = ok && strlen (text_of (self->card_entry)) >= 10;
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), ok);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
cancel_clicked_cb (TdnDeskOverrideDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  TdnDeskOverrideDialog *self = data;
  g_autoptr(TdnEligibility) e = tdn_eligibility_client_check_finish ((TdnEligibilityClient *) source, result);
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (self);
      return;
    }
  gtk_spinner_set_spinning (self->check_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), TRUE);
  text = tdn_desk_eligibility_text (e);
  gtk_label_set_text (self->check_result, text);
  g_clear_pointer (&self->checked, tdn_eligibility_free);
  self->checked = g_steal_pointer (&e);
  g_object_unref (self);
}

static void
check_clicked_cb (TdnDeskOverrideDialog *self)
{
  g_autofree char *card = g_strstrip (g_strdup (text_of (self->card_entry)));
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_entry)));
  g_autofree char *dob = g_strstrip (g_strdup (text_of (self->dob_entry)));

  if (self->eligibility == NULL)
    {
      gtk_label_set_text (self->check_result, _("No broker is configured for lookups."));
      return;
    }
  if (strlen (card) < 10 || *name == '\0' || *dob == '\0')
    {
      gtk_label_set_text (self->check_result, _("Type the card number, the name and the date of birth first."));
      return;
    }
  gtk_label_set_text (self->check_result, _("Asking BHXH… this can take up to half a minute."));
  gtk_spinner_set_spinning (self->check_spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), FALSE);
  tdn_eligibility_client_check_async (self->eligibility, card, name, dob, NULL, NULL, NULL,
                                      self->cancellable, checked_cb, g_object_ref (self));
}

static JsonNode *
object_node (JsonBuilder *b)
{
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
confirm_clicked_cb (TdnDeskOverrideDialog *self)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(JsonBuilder) old = json_builder_new ();
  g_autoptr(JsonBuilder) new = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (text_of (self->reason_entry)));
  JsonObject *elig = json_object_get_member (self->request, "eligibility") &&
                     JSON_NODE_HOLDS_OBJECT (json_object_get_member (self->request, "eligibility"))
                     ? json_object_get_object_member (self->request, "eligibility") : NULL;
  const char *old_status = elig ? json_object_get_string_member_with_default (elig, "status", NULL) : NULL;
  guint selected = gtk_drop_down_get_selected (self->choice);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->confirm_button)))
    return;
  json_builder_begin_object (body);
  if (g_str_equal (self->action, "resolve"))
    {
      tdn_json_add_string (body, "resolution", reason);
      root = object_node (body);
      g_signal_emit (self, signals[CONFIRMED], 0, root);
      return;
    }
  json_builder_begin_object (old);
  json_builder_begin_object (new);
  if (old_status != NULL)
    tdn_json_add_string (old, "eligibility_status", old_status);
  if (g_str_equal (self->action, "self_pay"))
    tdn_json_add_string (new, "payment", "self_pay");
  else if (g_str_equal (self->action, "accept_bhyt"))
    {
      g_autofree char *card = g_strstrip (g_ascii_strup (text_of (self->card_entry), -1));

      tdn_json_add_string (new, "card_number", card);
      tdn_json_add_string (new, "status", self->checked ? tdn_eligibility_status_to_string (self->checked->status)
                                                         : "not_checked");
      if (self->checked != NULL && self->checked->code != NULL && *self->checked->code)
        tdn_json_add_string (new, "code", self->checked->code);
      if (self->checked != NULL && self->checked->valid_from != NULL)
        tdn_json_add_string (new, "valid_from", self->checked->valid_from);
      if (self->checked != NULL && self->checked->valid_to != NULL)
        tdn_json_add_string (new, "valid_to", self->checked->valid_to);
    }
  else if (g_str_equal (self->action, "change_clinic") && selected < self->codes->len)
    tdn_json_add_string (new, "clinic", self->codes->pdata[selected]);
  else if (g_str_equal (self->action, "change_priority") && selected < self->codes->len)
    tdn_json_add_string (new, "priority", self->codes->pdata[selected]);
  else if (g_str_equal (self->action, "cancel"))
    tdn_json_add_string (new, "state", "cancelled");

  tdn_json_add_string (body, "action", self->action);
  json_builder_set_member_name (body, "old");
  json_builder_add_value (body, object_node (old));
  json_builder_set_member_name (body, "new");
  json_builder_add_value (body, object_node (new));
  tdn_json_add_string (body, "reason", reason);
  root = object_node (body);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), FALSE);
  g_signal_emit (self, signals[CONFIRMED], 0, root);
}

static void
tdn_desk_override_dialog_dispose (GObject *object)
{
  TdnDeskOverrideDialog *self = TDN_DESK_OVERRIDE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checked, tdn_eligibility_free);
  g_clear_pointer (&self->request, json_object_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->action, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDN_TYPE_DESK_OVERRIDE_DIALOG);
  G_OBJECT_CLASS (tdn_desk_override_dialog_parent_class)->dispose (object);
}

static void
tdn_desk_override_dialog_class_init (TdnDeskOverrideDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tdn_desk_override_dialog_dispose;
  /* ::confirmed (JsonNode *body) */
  signals[CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_NODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Desk/tdn-desk-override-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, heading);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, bhyt_box);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, card_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, dob_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, check_result);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, choice_box);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, choice_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, choice);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskOverrideDialog, confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
tdn_desk_override_dialog_init (TdnDeskOverrideDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->codes = g_ptr_array_new_with_free_func (g_free);
}

static const struct {
  const char *action;
  const char *heading;
  const char *explanation;
  const char *confirm;
} texts[] = {
  { "accept_bhyt", N_("Accept as BHYT"),
    N_("Check the paper card or VNeID, type the card number, and check it at BHXH again."),
    N_("Accept as BHYT") },
  { "self_pay", N_("Switch to self-pay"),
    N_("The patient pays for this visit; the HIS is told."), N_("Switch to self-pay") },
  { "change_clinic", N_("Change clinic"),
    N_("The patient gets a new queue number at the new clinic."), N_("Change clinic") },
  { "change_priority", N_("Change priority"),
    N_("Priority moves the patient ahead in the queue; check the papers first."), N_("Change priority") },
  { "reprint", N_("Reprint the ticket"),
    N_("The kiosk prints the ticket again with the same number."), N_("Reprint") },
  { "cancel", N_("Cancel the visit"),
    N_("The visit is cancelled in the HIS. This cannot be undone here."), N_("Cancel the visit") },
  { "resolve", N_("Finish helping this patient"),
    N_("The request leaves every desk's list; the chip photo is deleted."), N_("Done") },
};

static void
fill_choices (TdnDeskOverrideDialog *self,
              TdnConfig             *config)
{
  if (g_str_equal (self->action, "change_clinic"))
    {
      gtk_label_set_text_with_mnemonic (self->choice_label, _("New _clinic"));
      tdn_desk_fill_clinics (self->choice, config, self->codes);
    }
  else
    {
      gtk_label_set_text_with_mnemonic (self->choice_label, _("New _priority"));
      tdn_desk_fill_priorities (self->choice, self->codes);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->choice_box), TRUE);
}

TdnDeskOverrideDialog *
tdn_desk_override_dialog_new (GtkWindow            *parent,
                              const char           *action,
                              JsonObject           *request,
                              TdnConfig            *config,
                              TdnEligibilityClient *eligibility)
{
  TdnDeskOverrideDialog *self = g_object_new (TDN_TYPE_DESK_OVERRIDE_DIALOG, "transient-for", parent, NULL);
  const char *reason_label;

  self->action = g_strdup (action);
  self->request = json_object_ref (request);
  self->eligibility = eligibility;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].action, action))
      {
        gtk_window_set_title (GTK_WINDOW (self), _(texts[i].heading));
        gtk_label_set_text (self->heading, _(texts[i].heading));
        gtk_label_set_text (self->explanation, _(texts[i].explanation));
        gtk_button_set_label (self->confirm_button, _(texts[i].confirm));
      }
  if (g_str_equal (action, "accept_bhyt"))
    gtk_widget_set_visible (GTK_WIDGET (self->bhyt_box), TRUE);
  else if (g_str_equal (action, "change_clinic") || g_str_equal (action, "change_priority"))
    fill_choices (self, config);

  reason_label = g_str_equal (action, "resolve") ? _("_What was done") : _("_Reason (recorded with your name)");
  gtk_label_set_text_with_mnemonic (self->reason_label, reason_label);
  gtk_widget_grab_focus (GTK_WIDGET (g_str_equal (action, "accept_bhyt") ? self->card_entry : self->reason_entry));
  return self;
}

void
tdn_desk_override_dialog_failed (TdnDeskOverrideDialog *self,
                                 const char            *message)
{
  g_return_if_fail (TDN_IS_DESK_OVERRIDE_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), TRUE);
}
