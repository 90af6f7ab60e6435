/* test-staff-auth.c — sign-in, lock-out and idle sign-out
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-pin.h"
#include "tdn-staff-auth.h"

static TdnStaffAuth *
make_auth (void)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;
  g_autofree char *lan = tdn_pin_hash ("246810", 1000, NULL);
  g_autofree char *hoa = tdn_pin_hash ("135791", 1000, NULL);
  g_autofree char *text = g_strdup_printf ("[desk]\nmax_pin_failures=3\nlockout_s=300\nauto_signout_s=600\n"
                                           "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n"
                                           "[staff hoa]\ndisplay_name=Trần Thị Hoa\npin_hash=%s\n",
                                           lan, hoa);

  g_assert_true (tdn_config_load_data (config, text, "test.conf", &error));
  g_assert_no_error (error);
  return tdn_staff_auth_new (config);
}

static void
count_cb (TdnStaffAuth *auth,
          const char   *login,
          const char   *reason,
          gpointer      user_data)
{
  g_strlcpy (user_data, reason, 32);
}

static void
test_sign_in_out (void)
{
  g_autoptr(TdnStaffAuth) auth = make_auth ();
  g_autoptr(GError) error = NULL;
  char reason[32] = "";

  tdn_clock_set_fake (G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC);
  g_signal_connect (auth, "signed-out", G_CALLBACK (count_cb), reason);

  g_assert_null (tdn_staff_auth_get_login (auth));
  g_assert_true (tdn_staff_auth_sign_in (auth, "lan", "246810", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tdn_staff_auth_get_login (auth), ==, "lan");
  g_assert_cmpstr (tdn_staff_auth_get_display_name (auth), ==, "Nguyễn Thị Lan");

  /* Another nurse signing in replaces the first. */
  g_assert_true (tdn_staff_auth_sign_in (auth, "hoa", "135791", &error));
  g_assert_cmpstr (reason, ==, "manual");
  g_assert_cmpstr (tdn_staff_auth_get_login (auth), ==, "hoa");
  tdn_staff_auth_sign_out (auth);
  g_assert_null (tdn_staff_auth_get_login (auth));
  tdn_clock_clear_fake ();
}

static void
test_wrong_and_unknown_same_message (void)
{
  g_autoptr(TdnStaffAuth) auth = make_auth ();
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;

  g_assert_false (tdn_staff_auth_sign_in (auth, "lan", "000000", &e1));
  g_assert_false (tdn_staff_auth_sign_in (auth, "nobody", "246810", &e2));
  g_assert_error (e1, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_REFUSED);
  g_assert_error (e2, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_REFUSED);
  g_assert_cmpstr (e1->message, ==, e2->message);
  g_assert_null (tdn_staff_auth_get_login (auth));
}

static void
test_lockout (void)
{
  g_autoptr(TdnStaffAuth) auth = make_auth ();
  g_autoptr(GError) error = NULL;

  tdn_clock_set_fake (G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC);
  for (int i = 0; i < 3; i++)
    {
      g_assert_false (tdn_staff_auth_sign_in (auth, "lan", "111111", &error));
      g_assert_error (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_REFUSED);
      g_clear_error (&error);
    }
  g_assert_cmpint (tdn_staff_auth_locked_for_s (auth, "lan"), ==, 300);

  /* Locked: even the right PIN is refused, with a reason. */
  g_assert_false (tdn_staff_auth_sign_in (auth, "lan", "246810", &error));
  g_assert_error (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_LOCKED);
  g_clear_error (&error);
  /* Another account is not affected. */
  g_assert_true (tdn_staff_auth_sign_in (auth, "hoa", "135791", NULL));

  tdn_clock_advance (299 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_staff_auth_locked_for_s (auth, "lan"), ==, 1);
  tdn_clock_advance (2 * G_USEC_PER_SEC);
  g_assert_cmpint (tdn_staff_auth_locked_for_s (auth, "lan"), ==, 0);
  g_assert_true (tdn_staff_auth_sign_in (auth, "lan", "246810", &error));
  g_assert_no_error (error);
  /* A success clears the count. */
  g_assert_false (tdn_staff_auth_sign_in (auth, "lan", "111111", NULL));
  g_assert_cmpint (tdn_staff_auth_locked_for_s (auth, "lan"), ==, 0);
  tdn_clock_clear_fake ();
}

static void
test_idle_sign_out (void)
{
  g_autoptr(TdnStaffAuth) auth = make_auth ();
  char reason[32] = "";

  tdn_clock_set_fake (G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC);
  g_signal_connect (auth, "signed-out", G_CALLBACK (count_cb), reason);
  g_assert_true (tdn_staff_auth_sign_in (auth, "lan", "246810", NULL));

  tdn_clock_advance (500 * G_USEC_PER_SEC);
  g_assert_false (tdn_staff_auth_check_idle (auth));
  tdn_staff_auth_touch (auth);
  tdn_clock_advance (500 * G_USEC_PER_SEC);
  g_assert_false (tdn_staff_auth_check_idle (auth));
  g_assert_nonnull (tdn_staff_auth_get_login (auth));
  tdn_clock_advance (101 * G_USEC_PER_SEC);
  g_assert_true (tdn_staff_auth_check_idle (auth));
  g_assert_null (tdn_staff_auth_get_login (auth));
  g_assert_cmpstr (reason, ==, "inactivity");
  tdn_clock_clear_fake ();
}

static void
test_sessions (void)
{
  g_autoptr(TdnStaffAuth) auth = make_auth ();
  g_autoptr(GError) error = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL;
  const char *login = NULL, *name = NULL;

  tdn_clock_set_fake (G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC);
  t1 = tdn_staff_auth_create_session (auth, "lan", "246810", &error);
  g_assert_no_error (error);
  t2 = tdn_staff_auth_create_session (auth, "hoa", "135791", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (t1, !=, t2);
  g_assert_null (strpbrk (t1, "+/"));

  g_assert_true (tdn_staff_auth_check_session (auth, t1, &login, &name));
  g_assert_cmpstr (login, ==, "lan");
  g_assert_cmpstr (name, ==, "Nguyễn Thị Lan");
  g_assert_false (tdn_staff_auth_check_session (auth, "forged", NULL, NULL));
  g_assert_false (tdn_staff_auth_check_session (auth, NULL, NULL, NULL));

  /* Sessions time out on their own: t2 idles, t1 keeps working. */
  tdn_clock_advance (400 * G_USEC_PER_SEC);
  g_assert_true (tdn_staff_auth_check_session (auth, t1, NULL, NULL));
  tdn_clock_advance (300 * G_USEC_PER_SEC);
  g_assert_true (tdn_staff_auth_check_session (auth, t1, NULL, NULL));
  g_assert_false (tdn_staff_auth_check_session (auth, t2, NULL, NULL));

  tdn_staff_auth_end_session (auth, t1);
  g_assert_false (tdn_staff_auth_check_session (auth, t1, NULL, NULL));

  /* Wrong PINs lock sessions out too. */
  for (int i = 0; i < 3; i++)
    g_assert_null (tdn_staff_auth_create_session (auth, "hoa", "999999", NULL));
  g_assert_null (tdn_staff_auth_create_session (auth, "hoa", "135791", &error));
  g_assert_error (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_LOCKED);
  tdn_clock_clear_fake ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/staff-auth/sign-in-out", test_sign_in_out);
  g_test_add_func ("/staff-auth/wrong-and-unknown", test_wrong_and_unknown_same_message);
  g_test_add_func ("/staff-auth/lockout", test_lockout);
  g_test_add_func ("/staff-auth/idle-sign-out", test_idle_sign_out);
  g_test_add_func ("/staff-auth/sessions", test_sessions);
  return g_test_run ();
}
