/* tdn-kiosk-services.c — everything a kiosk's check-in talks to, from tiepdon.conf
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-broker-eligibility.h"
#include "tdn-broker-help-desk.h"
#include "tdn-chip-identity-reader.h"
#include "tdn-kiosk-services-private.h"
#include "tdn-scanner-factory.h"
#include "tdn-sim-scanner.h"
#include "tdn-spool-visit-store.h"

G_DEFINE_FINAL_TYPE (TdnKioskServices, tdn_kiosk_services, G_TYPE_OBJECT)

/* Demo clinics when the configuration names none. */
static const struct { const char *code, *vi, *en, *room, *prefix; } demo_clinics[] = {
  { "NOI", "Khám Nội tổng quát", "General internal medicine", "Phòng 101", "A" },
  { "NHI", "Khám Nhi", "Paediatrics", "Phòng 105", "B" },
  { "TMH", "Tai Mũi Họng", "Ear, nose and throat", "Phòng 203", "C" },
};

static gboolean
dir_writable (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_DIR) && access (path, W_OK) == 0;
}

static gboolean
set (TdnConfig   *config,
     const char  *group,
     const char  *key,
     const char  *value,
     GError     **error)
{
  return tdn_config_set (config, group, key, value, error);
}

/* Fills in what a demo needs and a bare machine lacks. */
static gboolean
prepare_demo_config (TdnKioskServices  *self,
                     GError           **error)
{
  TdnConfig *c = self->config;
  g_autofree char *spool_dir = g_path_get_dirname (tdn_config_get_string (c, "spool", "path"));
  const char *uri = tdn_config_get_string (c, "printer", "uri");
  g_auto(GStrv) clinics = tdn_config_list_instances (c, "clinic");

  if (!set (c, "scanner", "backend", "sim", error))
    return FALSE;
  if (!dir_writable (spool_dir)
      || (g_str_has_prefix (uri, "file://") && !dir_writable (uri + strlen ("file://"))))
    {
      g_autofree char *spool = NULL, *key = NULL, *tickets = NULL, *turi = NULL;

      self->demo_dir = g_dir_make_tmp ("tiepdon-demo-XXXXXX", error);
      if (self->demo_dir == NULL)
        return FALSE;
      spool = g_build_filename (self->demo_dir, "spool.db", NULL);
      key = g_build_filename (self->demo_dir, "spool.key", NULL);
      tickets = g_build_filename (self->demo_dir, "tickets", NULL);
      g_mkdir (tickets, 0700);
      turi = g_strconcat ("file://", tickets, NULL);
      g_message ("demo: spool and tickets in %s", self->demo_dir);
      if (!set (c, "spool", "path", spool, error) || !set (c, "spool", "key_file", key, error)
          || !set (c, "printer", "uri", turi, error) || !set (c, "kiosk", "state_dir", self->demo_dir, error))
        return FALSE;
    }
  if (clinics == NULL || clinics[0] == NULL)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (demo_clinics); i++)
        {
          g_autofree char *group = g_strconcat ("clinic ", demo_clinics[i].code, NULL);

          if (!set (c, group, "name_vi", demo_clinics[i].vi, error)
              || !set (c, group, "name_en", demo_clinics[i].en, error)
              || !set (c, group, "room", demo_clinics[i].room, error)
              || !set (c, group, "prefix", demo_clinics[i].prefix, error)
              || !set (c, group, "hours", "00:00-23:59", error))
            {
              g_string_free (list, TRUE);
              return FALSE;
            }
          g_string_append_printf (list, "%s%s", i ? ";" : "", demo_clinics[i].code);
        }
      if (!set (c, "queue", "clinics", list->str, error))
        {
          g_string_free (list, TRUE);
          return FALSE;
        }
      g_string_free (list, TRUE);
    }
  return TRUE;
}

static void
scanner_payload_cb (TdnScanner       *scanner,
                    GBytes           *payload,
                    TdnKioskServices *self)
{
  tdn_qr_reader_feed (TDN_QR_READER (self->qr), payload);
}

static void
scanner_status_cb (TdnScanner       *scanner,
                   gboolean          connected,
                   const char       *reason,
                   TdnKioskServices *self)
{
  tdn_qr_reader_set_connected (TDN_QR_READER (self->qr), connected);
}

static gboolean
broker_configured (TdnConfig *config)
{
  const char *url = tdn_config_get_string (config, "eligibility", "broker_url");

  return url != NULL && *url != '\0';
}

static const TdnIdentity *
chip_key_source (gpointer user_data)
{
  TdnKioskServices *self = user_data;

  return self->checkin != NULL ? tdn_checkin_get_identity (self->checkin) : NULL;
}

static gboolean
build (TdnKioskServices  *self,
       GError           **error)
{
  TdnCheckinServices services;
  g_autoptr(GError) local = NULL;

  if (self->demo)
    {
      if (!prepare_demo_config (self, error))
        return FALSE;
      self->people = tdn_demo_people_load (tdn_demo_people_default_path (), error);
      if (self->people == NULL)
        return FALSE;
    }
  self->store = tdn_spool_visit_store_new_from_config (self->config, error);
  if (self->store == NULL)
    return FALSE;
  self->printer = tdn_hw_ticket_printer_new (self->config, error);
  if (self->printer == NULL)
    return FALSE;
  if (broker_configured (self->config))
    {
      /* A broker that cannot be used (token file missing) must not keep
       * the kiosk from giving tickets: they say "BHYT being checked" and
       * `tiepdonctl selftest` says what to fix. */
      self->eligibility = tdn_broker_eligibility_new_from_config (self->config, &local);
      if (self->eligibility == NULL)
        {
          g_message ("no BHYT lookups: %s", local->message);
          g_clear_error (&local);
        }
      self->help = tdn_broker_help_desk_new_from_config (self->config, &local);
      if (self->help == NULL)
        {
          g_message ("no help requests: %s", local->message);
          g_clear_error (&local);
        }
    }
  else if (self->demo)
    self->eligibility = tdn_fixture_eligibility_new (self->people,
                                                     tdn_config_get_string (self->config, "kiosk", "facility_code"));
  else
    g_message ("no broker configured ([eligibility] broker_url): tickets say “BHYT being checked”");

  services = (TdnCheckinServices) { self->eligibility, self->store, self->printer, self->help };
  self->checkin = tdn_checkin_new (self->config, &services);

  self->scanner = tdn_scanner_new_from_config (self->config, NULL, NULL, error);
  if (self->scanner == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (self->scanner != NULL)
    {
      self->qr = tdn_qr_reader_new ();
      g_signal_connect (self->scanner, "payload-scanned", G_CALLBACK (scanner_payload_cb), self);
      g_signal_connect (self->scanner, "status-changed", G_CALLBACK (scanner_status_cb), self);
      if (!tdn_scanner_start (self->scanner, &local))
        {
          /* Unplugged now: the scanner reports it when it comes back. */
          g_message ("QR scanner: %s", local->message);
          g_clear_error (&local);
        }
      tdn_qr_reader_set_connected (TDN_QR_READER (self->qr), tdn_scanner_is_connected (self->scanner));
      if (!tdn_checkin_add_reader (self->checkin, self->qr, error))
        return FALSE;
    }
  if (!self->demo && tdn_config_get_bool (self->config, "reader", "enabled")
      && !tdn_kiosk_services_add_chip_reader (self, error))
    return FALSE;
  if (self->demo)
    {
      self->sim_card = tdn_sim_card_new (800);
      if (!tdn_checkin_add_reader (self->checkin, self->sim_card, error))
        return FALSE;
    }
  return TRUE;
}

TdnKioskServices *
tdn_kiosk_services_new (TdnConfig  *config,
                        gboolean    demo,
                        GError    **error)
{
  g_autoptr(TdnKioskServices) self = NULL;

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);
  self = g_object_new (TDN_TYPE_KIOSK_SERVICES, NULL);
  self->config = g_object_ref (config);
  self->demo = demo;
  if (!build (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

TdnCheckin *
tdn_kiosk_services_get_checkin (TdnKioskServices *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), NULL);
  return self->checkin;
}

TdnConfig *
tdn_kiosk_services_get_config (TdnKioskServices *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), NULL);
  return self->config;
}

gboolean
tdn_kiosk_services_is_demo (TdnKioskServices *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), FALSE);
  return self->demo;
}

gboolean
tdn_kiosk_services_add_reader (TdnKioskServices   *self,
                               TdnIdentityReader  *reader,
                               GError            **error)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), FALSE);
  return tdn_checkin_add_reader (self->checkin, reader, error);
}

gboolean
tdn_kiosk_services_add_chip_reader (TdnKioskServices  *self,
                                    GError           **error)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), FALSE);
  if (self->chip != NULL)
    return TRUE;
  /* The chip opens with the ID number the QR or the keypad gave. */
  self->chip = TDN_IDENTITY_READER (tdn_chip_identity_reader_new (self->config, chip_key_source, self));
  return tdn_checkin_add_reader (self->checkin, self->chip, error);
}

TdnDemoPeople *
tdn_kiosk_services_get_people (TdnKioskServices *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), NULL);
  return self->people;
}

gboolean
tdn_kiosk_services_start_control (TdnKioskServices  *self,
                                  const char        *path,
                                  GError           **error)
{
  g_autofree char *default_path = NULL;

  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), FALSE);
  if (!self->demo)
    {
      g_set_error_literal (error, TDN_CHECKIN_ERROR, TDN_CHECKIN_ERROR_NOT_DEMO,
                           _("The control socket exists only in demo mode (--demo)"));
      return FALSE;
    }
  if (self->control != NULL)
    return TRUE;
  if (path == NULL)
    path = g_getenv ("TIEPDON_KIOSK_CONTROL");
  if (path == NULL || *path == '\0')
    path = default_path = g_build_filename (tdn_config_get_string (self->config, "kiosk", "state_dir"),
                                            "kiosk-control.sock", NULL);
  self->control = tdn_kiosk_control_new (self, path, error);
  return self->control != NULL;
}

const char *
tdn_kiosk_services_get_control_path (TdnKioskServices *self)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), NULL);
  return self->control != NULL ? tdn_kiosk_control_get_path (self->control) : NULL;
}

static void
keep_answer (const char *answer,
             gpointer    user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_strdup (answer);
}

char *
tdn_kiosk_services_control (TdnKioskServices *self,
                            const char       *line)
{
  char *answer = NULL;

  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), NULL);
  g_return_val_if_fail (line != NULL, NULL);
  if (g_str_has_prefix (line, "wait"))
    return g_strdup ("error “wait” works only on the control socket");
  tdn_kiosk_control_run (self, line, strlen (line), keep_answer, &answer);
  return answer != NULL ? answer : g_strdup ("error no answer");
}

char *
tdn_kiosk_services_ticket_png (TdnKioskServices *self,
                               const char       *visit_id)
{
  g_return_val_if_fail (TDN_IS_KIOSK_SERVICES (self), NULL);
  return tdn_hw_ticket_printer_ticket_png (TDN_HW_TICKET_PRINTER (self->printer), visit_id);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static void
tdn_kiosk_services_dispose (GObject *object)
{
  TdnKioskServices *self = TDN_KIOSK_SERVICES (object);

  g_clear_pointer (&self->control, tdn_kiosk_control_free);
  if (self->scanner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scanner, self);
      tdn_scanner_stop (self->scanner);
    }
  g_clear_object (&self->checkin);
  g_clear_object (&self->sim_card);
  g_clear_object (&self->chip);
  g_clear_object (&self->qr);
  g_clear_object (&self->scanner);
  g_clear_object (&self->eligibility);
  g_clear_object (&self->store);
  g_clear_object (&self->printer);
  g_clear_object (&self->help);
  G_OBJECT_CLASS (tdn_kiosk_services_parent_class)->dispose (object);
}

static void
tdn_kiosk_services_finalize (GObject *object)
{
  TdnKioskServices *self = TDN_KIOSK_SERVICES (object);

  g_clear_pointer (&self->people, tdn_demo_people_free);
  if (self->demo_dir != NULL)
    remove_tree (self->demo_dir);
  g_free (self->demo_dir);
  g_clear_object (&self->config);
  G_OBJECT_CLASS (tdn_kiosk_services_parent_class)->finalize (object);
}

static void
tdn_kiosk_services_class_init (TdnKioskServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tdn_kiosk_services_dispose;
  object_class->finalize = tdn_kiosk_services_finalize;
}

static void
tdn_kiosk_services_init (TdnKioskServices *self)
{
}
