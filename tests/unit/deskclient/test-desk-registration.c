/* test-desk-registration.c — a patient registered at the desk
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdn-base.h"
#include "tdn-desk-registration.h"
#include "tdn-qr-payload.h"

static void
fill (TdnDeskRegistrationForm *f)
{
  f->id_number = g_strdup (" 001195012345 ");
  f->full_name = g_strdup ("Nguyễn Thị Mai");
  f->date_of_birth = g_strdup ("01/02/1995");
  f->sex = g_strdup ("female");
  f->clinic = g_strdup ("NOI");
  f->payment = g_strdup ("self_pay");
}

static void
test_build (void)
{
  TdnDeskRegistrationForm f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnVisit) v = NULL;

  fill (&f);
  v = tdn_desk_registration_build (&f, "DESK1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v->id_number, ==, "001195012345");
  g_assert_cmpstr (v->date_of_birth, ==, "1995-02-01");
  g_assert_cmpstr (v->kiosk_id, ==, "DESK1");
  g_assert_cmpstr (v->assurance, ==, "manual");
  g_assert_cmpstr (v->priority, ==, "none");
  g_assert_cmpstr (v->eligibility_status, ==, "not_checked");
  tdn_desk_registration_form_clear (&f);
}

static void
test_refused (void)
{
  struct { const char *field; const char *value; } cases[] = {
    { "id", "00119501234" },          /* 11 digits */
    { "id", "001095012345" },         /* says a man born 1995, form says female */
    { "name", "   " },
    { "dob", "31/02/1995" },
    { "dob", "1996" },                /* disagrees with the ID number's year */
    { "card", "HC40" },
    { "clinic", "" },
    { "payment-bhyt-no-card", "bhyt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TdnDeskRegistrationForm f = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnVisit) v = NULL;
      char **target = NULL;

      fill (&f);
      if (g_str_equal (cases[i].field, "id"))
        target = &f.id_number;
      else if (g_str_equal (cases[i].field, "name"))
        target = &f.full_name;
      else if (g_str_equal (cases[i].field, "dob"))
        target = &f.date_of_birth;
      else if (g_str_equal (cases[i].field, "card"))
        target = &f.bhyt_card;
      else if (g_str_equal (cases[i].field, "clinic"))
        target = &f.clinic;
      else
        target = &f.payment;
      g_free (*target);
      *target = g_strdup (cases[i].value);
      v = tdn_desk_registration_build (&f, "DESK1", &error);
      g_assert_null (v);
      g_assert_error (error, TDN_DESK_REGISTRATION_ERROR, TDN_DESK_REGISTRATION_ERROR_INVALID);
      tdn_desk_registration_form_clear (&f);
    }
}

static void
test_from_qr_and_commit (void)
{
  const char *qr = "001195012345|012345678|Nguyễn Thị Mai|01021995|Nữ|12 Hàng Bạc, Hoàn Kiếm, Hà Nội|15082021";
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnIdentity) id = tdn_qr_parse ((const guint8 *) qr, strlen (qr), &error);
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autofree char *dir = g_dir_make_tmp ("tdn-desk-reg-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "spool.db", NULL);
  g_autofree char *key = g_build_filename (dir, "spool.key", NULL);
  g_autoptr(TdnSpool) spool = NULL;
  g_autoptr(TdnVisit) v = NULL;
  g_autoptr(TdnVisit) got = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  TdnDeskRegistrationForm f = { 0 };

  g_assert_no_error (error);
  tdn_desk_registration_form_from_identity (&f, id, "qr");
  f.clinic = g_strdup ("NOI");
  f.payment = g_strdup ("self_pay");
  v = tdn_desk_registration_build (&f, "DESK1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v->full_name, ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (v->sex, ==, "female");
  g_assert_cmpstr (v->assurance, ==, "qr");
  g_assert_nonnull (v->address);

  g_assert_true (tdn_config_load_data (config, "[queue]\nclinics=NOI\n[clinic NOI]\nname_vi=Khám Nội\nprefix=A\n"
                                       "hours=00:00-23:59\n", "test", &error));
  g_assert_no_error (error);
  spool = tdn_spool_open (db, key, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_desk_registration_commit (spool, config, v, "lan", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v->queue_number, ==, "DESK1-A001");
  got = tdn_spool_get_visit (spool, v->visit_id, &error);
  g_assert_cmpstr (got->id_number, ==, "001195012345");
  audit = tdn_spool_list_audit (spool, v->visit_id, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((TdnSpoolAuditEntry *) audit->pdata[0])->actor, ==, "lan");

  /* A clinic this desk does not have. */
  g_free (v->clinic);
  v->clinic = g_strdup ("MAT");
  g_clear_pointer (&v->visit_id, g_free);
  g_assert_false (tdn_desk_registration_commit (spool, config, v, "lan", &error));
  g_assert_error (error, TDN_DESK_REGISTRATION_ERROR, TDN_DESK_REGISTRATION_ERROR_CLINIC);

  tdn_desk_registration_form_clear (&f);
  g_clear_object (&spool);
  {
    const char *names[] = { "spool.db", "spool.db-wal", "spool.db-shm", "spool.key" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  tdn_clock_set_fake (G_GINT64_CONSTANT (1795000000) * G_USEC_PER_SEC);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deskclient/registration/build", test_build);
  g_test_add_func ("/deskclient/registration/refused", test_refused);
  g_test_add_func ("/deskclient/registration/from-qr-and-commit", test_from_qr_and_commit);
  return g_test_run ();
}
