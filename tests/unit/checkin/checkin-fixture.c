/* checkin-fixture.c — a check-in with fake services and a real spool
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "checkin-fixture.h"
#include "tdn-base.h"

static const char conf[] =
  "[kiosk]\nid=K1\nhospital_name=Bệnh viện Thử\nfacility_code=01999\n"
  "[ui]\nidle_timeout_s=60\nidle_warning_s=15\n"
  "[queue]\nclinics=NOI;NHI\n"
  "[clinic NOI]\nname_vi=Khám Nội\nname_en=Internal medicine\nroom=Phòng 101\nprefix=A\nhours=07:00-17:00\n"
  "[clinic NHI]\nname_vi=Khám Nhi\nname_en=Paediatrics\nroom=Phòng 102\nprefix=B\nhours=07:00-17:00\ncapacity=2\n";

static void
wiped_cb (TdnCheckin *c,
          Fixture    *f)
{
  f->wiped++;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spool = NULL, *key = NULL;
  g_autoptr(TdnSpool) sp = NULL;
  TdnCheckinServices services;

  /* Monday 23 November 2026, 09:00 in Hà Nội. */
  tdn_clock_set_timezone ("Asia/Ho_Chi_Minh");
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795399200) * G_USEC_PER_SEC);
  f->dir = g_dir_make_tmp ("checkin-XXXXXX", &error);
  g_assert_no_error (error);
  f->config = tdn_config_new (&tdn_config_schema_kiosk);
  g_assert_true (tdn_config_load_data (f->config, conf, "test", &error));
  spool = g_build_filename (f->dir, "spool.db", NULL);
  key = g_build_filename (f->dir, "spool.key", NULL);
  sp = tdn_spool_open (spool, key, &error);
  g_assert_no_error (error);
  f->store = tdn_spool_visit_store_new (f->config, sp);
  f->elig = fake_eligibility_new ();
  f->printer = fake_printer_new ();
  f->help = fake_help_new ();
  services = (TdnCheckinServices) {
    .eligibility = TDN_ELIGIBILITY_SERVICE (f->elig),
    .store = f->store,
    .printer = TDN_TICKET_PRINTER (f->printer),
    .help = TDN_HELP_DESK (f->help),
  };
  f->checkin = tdn_checkin_new (f->config, &services);
  g_signal_connect (f->checkin, "wiped", G_CALLBACK (wiped_cb), f);
  f->card = fake_reader_new (TDN_IDENTITY_READER_KIND_CARD);
  f->qr = fake_reader_new (TDN_IDENTITY_READER_KIND_QR);
  g_assert_true (tdn_checkin_add_reader (f->checkin, TDN_IDENTITY_READER (f->card), NULL));
  g_assert_true (tdn_checkin_add_reader (f->checkin, TDN_IDENTITY_READER (f->qr), NULL));
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_WELCOME);
}

void
fixture_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
        fixture_remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fake_drain ();
  while (fake_eligibility_pending (f->elig) > 0)
    fake_eligibility_answer (f->elig, NULL);
  fake_drain ();
  g_clear_object (&f->checkin);
  g_clear_object (&f->card);
  g_clear_object (&f->qr);
  g_clear_object (&f->elig);
  g_clear_object (&f->printer);
  g_clear_object (&f->help);
  g_clear_object (&f->store);
  g_clear_object (&f->config);
  fixture_remove_tree (f->dir);
  g_free (f->dir);
  tdn_clock_clear_fake ();
}

TdnIdentity *
fixture_identity (const char *id,
                  const char *name,
                  const char *dob_compact)
{
  TdnIdentity *identity = tdn_identity_new (TDN_IDENTITY_SOURCE_CCCD_QR);

  identity->id_number = g_strdup (id);
  identity->full_name = g_strdup (name);
  identity->place_of_residence = g_strdup ("Phường Láng, Thành phố Hà Nội");
  identity->sex = TDN_SEX_FEMALE;
  g_assert_true (tdn_partial_date_parse_compact (dob_compact, &identity->date_of_birth, NULL));
  return identity;
}

void
fixture_read_card (Fixture    *f,
                   const char *id,
                   const char *name,
                   const char *dob)
{
  g_autoptr(TdnIdentity) identity = fixture_identity (id, name, dob);

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (f->card));
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_READING);
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (f->card), identity, TDN_ASSURANCE_CHIP);
}

void
fixture_to_confirm (Fixture *f)
{
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  g_assert_true (tdn_checkin_tap (f->checkin, TDN_CHECKIN_ACTION_YES));
  g_assert_cmpint (tdn_checkin_get_state (f->checkin), ==, TDN_CHECKIN_STATE_CLINIC);
  g_assert_true (tdn_checkin_select_clinic (f->checkin, "NOI"));
  if (tdn_checkin_get_state (f->checkin) == TDN_CHECKIN_STATE_PRIORITY)
    g_assert_true (tdn_checkin_select_priority (f->checkin, TDN_PRIORITY_NONE));
}
