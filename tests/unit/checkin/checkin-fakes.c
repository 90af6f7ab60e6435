/* checkin-fakes.c — scripted services for the check-in tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "checkin-fakes.h"

void
fake_drain (void)
{
  /* Worker-thread tasks (spool commits) complete on the main context
   * later: wait for them with a bounded number of blocking iterations. */
  for (int i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* ---- reader ---- */

struct _FakeReader
{
  GObject parent_instance;
  TdnIdentityReaderKind kind;
  gboolean connected;
};

static void fake_reader_iface_init (TdnIdentityReaderInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (FakeReader, fake_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_IDENTITY_READER, fake_reader_iface_init))

static TdnIdentityReaderKind
reader_get_kind (TdnIdentityReader *r)
{
  return FAKE_READER (r)->kind;
}

static gboolean
reader_is_connected (TdnIdentityReader *r)
{
  return FAKE_READER (r)->connected;
}

static void
fake_reader_iface_init (TdnIdentityReaderInterface *iface)
{
  iface->get_kind = reader_get_kind;
  iface->is_connected = reader_is_connected;
}

static void fake_reader_class_init (FakeReaderClass *klass) { }
static void fake_reader_init (FakeReader *self) { self->connected = TRUE; }

FakeReader *
fake_reader_new (TdnIdentityReaderKind kind)
{
  FakeReader *self = g_object_new (FAKE_TYPE_READER, NULL);

  self->kind = kind;
  return self;
}

void
fake_reader_set_connected (FakeReader *self,
                           gboolean    connected)
{
  self->connected = connected;
  tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (self), connected);
}

/* ---- eligibility ---- */

struct _FakeEligibility
{
  GObject parent_instance;
  GQueue pending;     /* GTask */
  guint asked;
  char *last_id;
  char *auto_code;
  gboolean auto_on;
};

static void fake_eligibility_iface_init (TdnEligibilityServiceInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (FakeEligibility, fake_eligibility, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_ELIGIBILITY_SERVICE,
                                                      fake_eligibility_iface_init))

static TdnEligibility *
answer_for (const char *code)
{
  TdnEligibility *e = code != NULL ? tdn_eligibility_new_for_code (code) : tdn_eligibility_new_unavailable ();

  if (code != NULL && e->status != TDN_ELIGIBILITY_UNAVAILABLE)
    {
      e->card_number = g_strdup ("GD4010112345678");
      e->raw_json = g_strdup ("{\"maKetQua\":\"000\"}");
    }
  return e;
}

static void
elig_check_async (TdnEligibilityService *s,
                  const char            *id,
                  const char            *name,
                  const char            *dob,
                  GCancellable          *cancellable,
                  GAsyncReadyCallback    callback,
                  gpointer               user_data)
{
  FakeEligibility *self = FAKE_ELIGIBILITY (s);
  GTask *task = g_task_new (s, cancellable, callback, user_data);

  self->asked++;
  g_free (self->last_id);
  self->last_id = g_strdup (id);
  if (self->auto_on)
    {
      g_task_return_pointer (task, answer_for (self->auto_code), (GDestroyNotify) tdn_eligibility_free);
      g_object_unref (task);
    }
  else
    g_queue_push_tail (&self->pending, task);
}

static TdnEligibility *
elig_check_finish (TdnEligibilityService *s,
                   GAsyncResult          *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static void
fake_eligibility_iface_init (TdnEligibilityServiceInterface *iface)
{
  iface->check_async = elig_check_async;
  iface->check_finish = elig_check_finish;
}

static void
fake_eligibility_finalize (GObject *object)
{
  FakeEligibility *self = FAKE_ELIGIBILITY (object);

  g_assert_cmpuint (self->pending.length, ==, 0);
  g_free (self->last_id);
  g_free (self->auto_code);
  G_OBJECT_CLASS (fake_eligibility_parent_class)->finalize (object);
}

static void
fake_eligibility_class_init (FakeEligibilityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_eligibility_finalize;
}

static void fake_eligibility_init (FakeEligibility *self) { g_queue_init (&self->pending); }

FakeEligibility *fake_eligibility_new (void) { return g_object_new (FAKE_TYPE_ELIGIBILITY, NULL); }
guint fake_eligibility_pending (FakeEligibility *self) { return self->pending.length; }
guint fake_eligibility_asked (FakeEligibility *self) { return self->asked; }
const char *fake_eligibility_last_id (FakeEligibility *self) { return self->last_id; }

void
fake_eligibility_answer (FakeEligibility *self,
                         const char      *code)
{
  GTask *task = g_queue_pop_head (&self->pending);

  g_assert_nonnull (task);
  g_task_return_pointer (task, answer_for (code), (GDestroyNotify) tdn_eligibility_free);
  g_object_unref (task);
  fake_drain ();
}

void
fake_eligibility_set_auto (FakeEligibility *self,
                           const char      *code)
{
  self->auto_on = TRUE;
  g_free (self->auto_code);
  self->auto_code = g_strdup (code);
}

/* ---- printer ---- */

struct _FakePrinter
{
  GObject parent_instance;
  int error;
  guint printed, attempts;
  char *last_number;
  TdnTicketBhyt last_bhyt;
  gboolean hold;          /* keep the next print's answer until release */
  GTask *held;
  char *held_number;
  gboolean overlapped;    /* a print started while one was held */
};

static void fake_printer_iface_init (TdnTicketPrinterInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (FakePrinter, fake_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_TICKET_PRINTER, fake_printer_iface_init))

static void
printer_print_async (TdnTicketPrinter    *p,
                     const TdnTicket     *ticket,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  FakePrinter *self = FAKE_PRINTER (p);
  g_autoptr(GTask) task = g_task_new (p, cancellable, callback, user_data);

  self->attempts++;
  if (self->held != NULL)
    self->overlapped = TRUE;
  if (self->hold && self->error < 0 && self->held == NULL)
    {
      self->held = g_steal_pointer (&task);
      self->held_number = g_strdup (ticket->number);
      return;
    }
  if (self->error >= 0)
    {
      g_task_return_new_error (task, TDN_TICKET_PRINTER_ERROR, self->error, "fake printer error %d",
                               self->error);
      return;
    }
  self->printed++;
  g_free (self->last_number);
  self->last_number = g_strdup (ticket->number);
  self->last_bhyt = ticket->bhyt;
  g_task_return_boolean (task, TRUE);
}

static gboolean
printer_print_finish (TdnTicketPrinter  *p,
                      GAsyncResult      *result,
                      TdnPrinterStatus  *after,
                      GError           **error)
{
  *after = (TdnPrinterStatus) { .known = TRUE, .online = TRUE };
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
printer_status_async (TdnTicketPrinter    *p,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (p, cancellable, callback, user_data);

  g_task_return_boolean (task, TRUE);
}

static gboolean
printer_status_finish (TdnTicketPrinter  *p,
                       GAsyncResult      *result,
                       TdnPrinterStatus  *status,
                       GError           **error)
{
  FakePrinter *self = FAKE_PRINTER (p);

  *status = (TdnPrinterStatus) {
    .known = TRUE,
    .online = self->error != TDN_TICKET_PRINTER_ERROR_UNAVAILABLE,
    .paper_out = self->error == TDN_TICKET_PRINTER_ERROR_PAPER_OUT,
  };
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
fake_printer_iface_init (TdnTicketPrinterInterface *iface)
{
  iface->print_async = printer_print_async;
  iface->print_finish = printer_print_finish;
  iface->status_async = printer_status_async;
  iface->status_finish = printer_status_finish;
}

static void
fake_printer_finalize (GObject *object)
{
  g_free (FAKE_PRINTER (object)->last_number);
  g_free (FAKE_PRINTER (object)->held_number);
  g_clear_object (&FAKE_PRINTER (object)->held);
  G_OBJECT_CLASS (fake_printer_parent_class)->finalize (object);
}

static void
fake_printer_class_init (FakePrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_printer_finalize;
}

static void fake_printer_init (FakePrinter *self) { self->error = -1; }
FakePrinter *fake_printer_new (void) { return g_object_new (FAKE_TYPE_PRINTER, NULL); }
void fake_printer_set_error (FakePrinter *self, int code) { self->error = code; }
guint fake_printer_printed (FakePrinter *self) { return self->printed; }
guint fake_printer_attempts (FakePrinter *self) { return self->attempts; }
const char *fake_printer_last_number (FakePrinter *self) { return self->last_number; }
TdnTicketBhyt fake_printer_last_bhyt (FakePrinter *self) { return self->last_bhyt; }
void fake_printer_hold (FakePrinter *self) { self->hold = TRUE; }
gboolean fake_printer_holding (FakePrinter *self) { return self->held != NULL; }
gboolean fake_printer_overlapped (FakePrinter *self) { return self->overlapped; }

void
fake_printer_release (FakePrinter *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->held);

  g_assert_nonnull (task);
  self->hold = FALSE;
  self->printed++;
  g_free (self->last_number);
  self->last_number = g_steal_pointer (&self->held_number);
  g_task_return_boolean (task, TRUE);
  fake_drain ();
}

/* ---- help ---- */

struct _FakeHelp
{
  GObject parent_instance;
  GString *reasons;
  TdnHelpRequest *last;
};

static void fake_help_iface_init (TdnHelpDeskInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (FakeHelp, fake_help, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_HELP_DESK, fake_help_iface_init))

static void
help_raise_async (TdnHelpDesk          *h,
                  const TdnHelpRequest *request,
                  GCancellable         *cancellable,
                  GAsyncReadyCallback   callback,
                  gpointer              user_data)
{
  FakeHelp *self = FAKE_HELP (h);
  g_autoptr(GTask) task = g_task_new (h, cancellable, callback, user_data);

  g_assert_true (tdn_help_reason_is_valid (request->reason));
  if (self->reasons->len > 0)
    g_string_append_c (self->reasons, ',');
  g_string_append (self->reasons, request->reason);
  g_clear_pointer (&self->last, tdn_help_request_free);
  self->last = tdn_help_request_copy (request);
  g_task_return_pointer (task, g_strdup ("help-1"), g_free);
}

static char *
help_raise_finish (TdnHelpDesk   *h,
                   GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fake_help_iface_init (TdnHelpDeskInterface *iface)
{
  iface->raise_async = help_raise_async;
  iface->raise_finish = help_raise_finish;
}

static void
fake_help_finalize (GObject *object)
{
  FakeHelp *self = FAKE_HELP (object);

  g_string_free (self->reasons, TRUE);
  g_clear_pointer (&self->last, tdn_help_request_free);
  G_OBJECT_CLASS (fake_help_parent_class)->finalize (object);
}

static void
fake_help_class_init (FakeHelpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_help_finalize;
}

static void fake_help_init (FakeHelp *self) { self->reasons = g_string_new (NULL); }
FakeHelp *fake_help_new (void) { return g_object_new (FAKE_TYPE_HELP, NULL); }
const char *fake_help_reasons (FakeHelp *self) { return self->reasons->str; }
const TdnHelpRequest *fake_help_last (FakeHelp *self) { return self->last; }

gboolean
fake_help_has (FakeHelp   *self,
               const char *reason)
{
  g_auto(GStrv) parts = g_strsplit (self->reasons->str, ",", -1);

  return g_strv_contains ((const char * const *) parts, reason);
}

void
fake_wait_state (TdnCheckin      *checkin,
                 TdnCheckinState  state)
{
  for (int i = 0; i < 10000 && tdn_checkin_get_state (checkin) != state; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (tdn_checkin_state_to_string (tdn_checkin_get_state (checkin)), ==,
                   tdn_checkin_state_to_string (state));
}
