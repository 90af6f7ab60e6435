/* tdn-desk-register-dialog.c — register a patient who skipped the kiosk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nurse scans the QR code on the ID card (the fields fill in, the
 * assurance is "qr"), or types them (assurance "manual"); a desk with a
 * chip reader ([reader] enabled) fills them from the chip through
 * tdn_desk_register_dialog_set_identity(), with TdnDeskChip as the glue
 * and the ID number typed or scanned so far as the chip's key. She may
 * check BHYT at BHXH, chooses the clinic, and registers: the visit goes
 * into the desk's own spool with a queue number, audited with her login,
 * for syncd to deliver.
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-desk-register-dialog.h"
#include "tdn-chip-identity-reader.h"
#include "tdn-desk-chip.h"
#include "tdn-eligibility.h"
#include "tdn-desk-text.h"
#include "tdn-qr-payload.h"

struct _TdnDeskRegisterDialog
{
  GtkWindow             parent_instance;
  GtkLabel             *source_label;
  GtkBox               *chip_box;
  GtkSpinner           *chip_spinner;
  GtkLabel             *chip_label;
  GtkEntry             *id_entry;
  GtkEntry             *name_entry;
  GtkEntry             *dob_entry;
  GtkDropDown          *sex_choice;
  GtkEntry             *address_entry;
  GtkEntry             *card_entry;
  GtkDropDown          *clinic_choice;
  GtkDropDown          *priority_choice;
  GtkDropDown          *payment_choice;
  GtkButton            *check_button;
  GtkSpinner           *check_spinner;
  GtkLabel             *check_result;
  GtkLabel             *error_label;
  GtkLabel             *done_label;
  GtkButton            *register_button;

  TdnConfig            *config;
  TdnSpool             *spool;
  TdnScanner           *scanner;
  TdnDeskChip          *chip;          /* [reader] enabled only */
  TdnIdentityReader    *chip_reader;
  TdnEligibilityClient *lookup;        /* not owned */
  GPtrArray            *clinic_codes;
  GPtrArray            *priority_codes;
  char                 *nurse;
  char                 *assurance;     /* how the identity fields were filled */
  char                 *eligibility_status;
  char                 *eligibility_code;
  GCancellable         *cancellable;
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (TdnDeskRegisterDialog, tdn_desk_register_dialog, GTK_TYPE_WINDOW)

static const char * const sexes[] = { "female", "male", NULL };
static const char * const payments[] = { "bhyt", "self_pay", "pending" };

static const char *
text_of (GtkEntry *e)
{
  return gtk_editable_get_text (GTK_EDITABLE (e));
}

static void
set_text (GtkEntry   *e,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (e), text != NULL ? text : "");
}

static void
show_error (TdnDeskRegisterDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
changed_cb (TdnDeskRegisterDialog *self)
{
  gboolean ready = strlen (text_of (self->id_entry)) == 12 && *text_of (self->name_entry) != '\0' &&
                   *text_of (self->dob_entry) != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), ready);
  show_error (self, NULL);
  if (self->chip != NULL)
    tdn_desk_chip_set_key (self->chip, text_of (self->id_entry), text_of (self->dob_entry));
  if (!self->filling && g_strcmp0 (self->assurance, "manual") != 0)
    {
      /* Typing over scanned data makes it typed data. */
      g_free (self->assurance);
      self->assurance = g_strdup ("manual");
    }
}

static void
close_clicked_cb (TdnDeskRegisterDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

void
tdn_desk_register_dialog_set_identity (TdnDeskRegisterDialog *self,
                                       const TdnIdentity     *identity,
                                       const char            *assurance)
{
  TdnDeskRegistrationForm f = { 0 };

  g_return_if_fail (TDN_IS_DESK_REGISTER_DIALOG (self));
  g_return_if_fail (identity != NULL && assurance != NULL);

  tdn_desk_registration_form_from_identity (&f, identity, assurance);
  self->filling = TRUE;
  if (f.id_number != NULL)
    set_text (self->id_entry, f.id_number);
  if (f.full_name != NULL)
    set_text (self->name_entry, f.full_name);
  if (f.date_of_birth != NULL)
    set_text (self->dob_entry, f.date_of_birth);
  if (f.address != NULL)
    set_text (self->address_entry, f.address);
  if (f.bhyt_card != NULL)
    set_text (self->card_entry, f.bhyt_card);
  if (f.sex != NULL)
    gtk_drop_down_set_selected (self->sex_choice, g_str_equal (f.sex, "male") ? 1 : 0);
  self->filling = FALSE;
  if (identity->source != TDN_IDENTITY_SOURCE_BHYT_QR)
    {
      g_free (self->assurance);
      self->assurance = g_strdup (assurance);
      gtk_label_set_text (self->source_label,
                          g_str_has_prefix (assurance, "chip")
                          ? _("Filled from the ID card's chip. Compare the person with the card.")
                          : _("Filled from the ID card's QR code. Compare the person with the card."));
    }
  else
    gtk_label_set_text (self->source_label, _("BHYT card number filled from the card's QR code."));
  tdn_desk_registration_form_clear (&f);
}

static void
scanned_cb (TdnDeskRegisterDialog *self,
            GBytes                *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) identity = NULL;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (payload, &len);

  identity = tdn_qr_parse (data, len, &error);
  if (identity == NULL)
    {
      g_message ("A scanned code was not an ID card's: %s", error->message);
      show_error (self, _("That code is not the QR code of an ID card or a BHYT card. Scan the card again or type the details."));
      return;
    }
  tdn_desk_register_dialog_set_identity (self, identity, "qr");
}

static void
chip_state_cb (TdnDeskRegisterDialog *self)
{
  TdnDeskChipState state = tdn_desk_chip_get_state (self->chip);

  gtk_label_set_text (self->chip_label, tdn_desk_chip_get_message (self->chip));
  gtk_spinner_set_spinning (self->chip_spinner, state == TDN_DESK_CHIP_READING);
  gtk_widget_set_visible (GTK_WIDGET (self->chip_spinner), state == TDN_DESK_CHIP_READING);
  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), state != TDN_DESK_CHIP_OFF);
}

static void
chip_identity_cb (TdnDeskRegisterDialog *self,
                  const TdnIdentity     *identity,
                  const char            *assurance)
{
  tdn_desk_register_dialog_set_identity (self, identity, assurance);
}

/* [reader] enabled: the desk reads the CCCD chip with the ID number typed
 * or scanned so far as its key (ADR 0801, "The chip at the desk"). */
static void
start_chip (TdnDeskRegisterDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!tdn_config_get_bool (self->config, "reader", "enabled"))
    return;
  self->chip = tdn_desk_chip_new ();
  self->chip_reader = TDN_IDENTITY_READER (tdn_chip_identity_reader_new (self->config,
                                                                         tdn_desk_chip_key_source,
                                                                         self->chip));
  g_signal_connect_swapped (self->chip, "state-changed", G_CALLBACK (chip_state_cb), self);
  g_signal_connect_swapped (self->chip, "identity", G_CALLBACK (chip_identity_cb), self);
  tdn_desk_chip_set_key (self->chip, text_of (self->id_entry), text_of (self->dob_entry));
  /* Not started (pcscd down): the state says so and the form still works. */
  if (!tdn_desk_chip_start (self->chip, self->chip_reader, &error))
    g_message ("desk: the chip reader did not start: %s", error->message);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(TdnDeskRegisterDialog) self = data;
  g_autoptr(TdnEligibility) e = tdn_eligibility_client_check_finish ((TdnEligibilityClient *) source, result);
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_spinner_set_spinning (self->check_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), TRUE);
  text = tdn_desk_eligibility_text (e);
  gtk_label_set_text (self->check_result, text);
  g_free (self->eligibility_status);
  self->eligibility_status = g_strdup (tdn_eligibility_status_to_string (e->status));
  g_free (self->eligibility_code);
  self->eligibility_code = g_strdup (e->code);
  if (e->card_number != NULL && *text_of (self->card_entry) == '\0')
    set_text (self->card_entry, e->card_number);
  if (e->status == TDN_ELIGIBILITY_ELIGIBLE || e->status == TDN_ELIGIBILITY_ELIGIBLE_WARNING)
    gtk_drop_down_set_selected (self->payment_choice, 0);
}

static void
check_clicked_cb (TdnDeskRegisterDialog *self)
{
  const char *card = text_of (self->card_entry);
  const char *id = *card != '\0' ? card : text_of (self->id_entry);

  if (self->lookup == NULL)
    {
      gtk_label_set_text (self->check_result, _("No broker is configured for lookups."));
      return;
    }
  if (strlen (id) < 10 || *text_of (self->name_entry) == '\0' || *text_of (self->dob_entry) == '\0')
    {
      gtk_label_set_text (self->check_result, _("Type the ID or card number, the name and the date of birth first."));
      return;
    }
  gtk_label_set_text (self->check_result, _("Asking BHXH… this can take up to half a minute."));
  gtk_spinner_set_spinning (self->check_spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), FALSE);
  tdn_eligibility_client_check_async (self->lookup, id, text_of (self->name_entry), text_of (self->dob_entry),
                                      NULL, NULL, NULL, self->cancellable, checked_cb, g_object_ref (self));
}

static void
register_clicked_cb (TdnDeskRegisterDialog *self)
{
  TdnDeskRegistrationForm f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnVisit) visit = NULL;
  guint sex = gtk_drop_down_get_selected (self->sex_choice);
  guint clinic = gtk_drop_down_get_selected (self->clinic_choice);
  guint priority = gtk_drop_down_get_selected (self->priority_choice);
  guint payment = gtk_drop_down_get_selected (self->payment_choice);
  g_autofree char *done = NULL;

  f.id_number = g_strdup (text_of (self->id_entry));
  f.full_name = g_strdup (text_of (self->name_entry));
  f.date_of_birth = g_strdup (text_of (self->dob_entry));
  f.sex = g_strdup (sex < 2 ? sexes[sex] : NULL);
  f.address = g_strdup (text_of (self->address_entry));
  f.bhyt_card = *text_of (self->card_entry) ? g_strdup (text_of (self->card_entry)) : NULL;
  f.clinic = clinic < self->clinic_codes->len ? g_strdup (self->clinic_codes->pdata[clinic]) : NULL;
  f.priority = priority < self->priority_codes->len ? g_strdup (self->priority_codes->pdata[priority]) : NULL;
  f.payment = g_strdup (payments[MIN (payment, G_N_ELEMENTS (payments) - 1)]);
  f.assurance = g_strdup (self->assurance);
  f.eligibility_status = g_strdup (self->eligibility_status);
  f.eligibility_code = g_strdup (self->eligibility_code);

  visit = tdn_desk_registration_build (&f, tdn_config_get_string (self->config, "desk", "id"), &error);
  tdn_desk_registration_form_clear (&f);
  if (visit == NULL || !tdn_desk_registration_commit (self->spool, self->config, visit, self->nurse, &error))
    {
      show_error (self, error->message);
      return;
    }
  done = g_strdup_printf (_("Registered: queue number %s."), visit->queue_number);
  gtk_label_set_text (self->done_label, done);
  gtk_widget_set_visible (GTK_WIDGET (self->done_label), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->done_label));
}

static void
tdn_desk_register_dialog_dispose (GObject *object)
{
  TdnDeskRegisterDialog *self = TDN_DESK_REGISTER_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chip != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chip, self);
      tdn_desk_chip_stop (self->chip);
    }
  /* The reader's key source points at the chip glue: drop the reader first. */
  g_clear_object (&self->chip_reader);
  g_clear_object (&self->chip);
  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  g_clear_object (&self->scanner);
  g_clear_object (&self->spool);
  g_clear_object (&self->config);
  g_clear_pointer (&self->clinic_codes, g_ptr_array_unref);
  g_clear_pointer (&self->priority_codes, g_ptr_array_unref);
  g_clear_pointer (&self->nurse, g_free);
  g_clear_pointer (&self->assurance, g_free);
  g_clear_pointer (&self->eligibility_status, g_free);
  g_clear_pointer (&self->eligibility_code, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDN_TYPE_DESK_REGISTER_DIALOG);
  G_OBJECT_CLASS (tdn_desk_register_dialog_parent_class)->dispose (object);
}

static void
tdn_desk_register_dialog_class_init (TdnDeskRegisterDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tdn_desk_register_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Desk/tdn-desk-register-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, chip_box);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, chip_spinner);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, chip_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, id_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, dob_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, sex_choice);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, address_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, card_entry);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, clinic_choice);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, priority_choice);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, payment_choice);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, check_result);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, done_label);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRegisterDialog, register_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_clicked_cb);
}

static void
tdn_desk_register_dialog_init (TdnDeskRegisterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->clinic_codes = g_ptr_array_new_with_free_func (g_free);
  self->priority_codes = g_ptr_array_new_with_free_func (g_free);
  self->assurance = g_strdup ("manual");
}

static void
fill_choices (TdnDeskRegisterDialog *self)
{
  tdn_desk_fill_clinics (self->clinic_choice, self->config, self->clinic_codes);
  tdn_desk_fill_priorities (self->priority_choice, self->priority_codes);
  gtk_drop_down_set_selected (self->payment_choice, 2);
}

TdnDeskRegisterDialog *
tdn_desk_register_dialog_new (GtkWindow            *parent,
                              TdnConfig            *config,
                              TdnSpool             *spool,
                              const char           *nurse,
                              TdnScanner           *scanner,
                              TdnEligibilityClient *lookup)
{
  TdnDeskRegisterDialog *self = g_object_new (TDN_TYPE_DESK_REGISTER_DIALOG, "transient-for", parent, NULL);

  self->config = g_object_ref (config);
  self->spool = g_object_ref (spool);
  self->nurse = g_strdup (nurse);
  self->lookup = lookup;
  fill_choices (self);
  if (scanner != NULL)
    {
      self->scanner = g_object_ref (scanner);
      g_signal_connect_swapped (scanner, "payload-scanned", G_CALLBACK (scanned_cb), self);
      gtk_label_set_text (self->source_label, _("Scan the QR code on the ID card, or type the details."));
    }
  else
    gtk_label_set_text (self->source_label, _("Type the details from the ID card (no scanner is configured)."));
  start_chip (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->id_entry));
  return self;
}
