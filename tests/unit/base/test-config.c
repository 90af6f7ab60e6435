/* test-config.c — configuration loading and every kind of bad file
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tdn-base.h"

typedef struct {
  char *dir;
  char *main;
  char *dropins;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->dir = g_dir_make_tmp ("tdn-config-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->main = g_build_filename (f->dir, "tiepdon.conf", NULL);
  f->dropins = g_build_filename (f->dir, "conf.d", NULL);
  g_assert_cmpint (g_mkdir (f->dropins, 0700), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->main);
  g_free (f->dropins);
}

static void
write_file (const char *path,
            const char *text,
            int         mode)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static TdnConfig *
load_expect_error (Fixture        *f,
                   TdnConfigError  code,
                   const char     *must_contain)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;

  g_assert_false (tdn_config_load (config, f->main, &error));
  g_assert_error (error, TDN_CONFIG_ERROR, (int) code);
  g_test_message ("message: %s", error->message);
  if (must_contain != NULL && strstr (error->message, must_contain) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, must_contain);
  /* One line: IT reads it in a terminal or the journal. */
  g_assert_null (strchr (error->message, '\n'));
  return g_steal_pointer (&config);
}

static void
test_defaults (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;

  write_file (f->main, "# empty\n", 0644);
  g_assert_true (tdn_config_load (config, f->main, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tdn_config_get_string (config, "kiosk", "id"), ==, "K1");
  g_assert_cmpint (tdn_config_get_int (config, "reader", "max_le"), ==, 0xDF);
  g_assert_cmpint (tdn_config_get_int (config, "spool", "retention_days"), ==, 30);
  g_assert_false (tdn_config_is_set (config, "kiosk", "id"));
  g_assert_null (tdn_config_get_source (config, "kiosk", "id"));
  g_assert_cmpstr (tdn_config_get_files (config)[0], ==, f->main);
}

static void
test_dropins_override (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_build_filename (f->dropins, "10-site.conf", NULL);
  g_autofree char *b = g_build_filename (f->dropins, "20-kiosk.conf", NULL);
  g_autofree char *ignored = g_build_filename (f->dropins, "30-notes.txt", NULL);
  g_auto(GStrv) clinics = NULL;
  const char * const *langs;

  write_file (f->main,
              "[kiosk]\nid=K1\nhospital_name=Bệnh viện Thử\n"
              "[clinic NOI]\nname_vi=Khám Nội\nprefix=A\n", 0644);
  write_file (a, "[kiosk]\nid=K2\n[clinic NHI]\nname_vi=Khám Nhi\nprefix=B\ncapacity=120\n", 0644);
  write_file (b, "[kiosk]\nid=K3\n[queue]\nclinics=NHI;NOI\n", 0644);
  write_file (ignored, "this is not a key file", 0644);

  g_assert_true (tdn_config_load (config, f->main, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tdn_config_get_string (config, "kiosk", "id"), ==, "K3");
  g_assert_cmpstr (tdn_config_get_source (config, "kiosk", "id"), ==, b);
  g_assert_cmpstr (tdn_config_get_string (config, "kiosk", "hospital_name"), ==, "Bệnh viện Thử");
  g_assert_cmpint (tdn_config_get_int (config, "clinic NHI", "capacity"), ==, 120);
  g_assert_cmpint (tdn_config_get_int (config, "clinic NOI", "capacity"), ==, 0);
  clinics = tdn_config_list_instances (config, "clinic");
  g_assert_cmpuint (g_strv_length (clinics), ==, 2);
  g_assert_cmpstr (clinics[0], ==, "NOI");
  g_assert_cmpstr (clinics[1], ==, "NHI");
  langs = tdn_config_get_strv (config, "queue", "clinics");
  g_assert_cmpstr (langs[0], ==, "NHI");
  g_assert_cmpstr (langs[1], ==, "NOI");
  g_assert_null (langs[2]);
  g_assert_cmpuint (g_strv_length ((char **) tdn_config_get_files (config)), ==, 3);
}

static void
test_wrong_type (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;
  const char *file, *group, *key;

  write_file (f->main, "[spool]\nretention_days=thirty\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_TYPE, "retention_days");
  tdn_config_get_error_location (config, &file, &group, &key);
  g_assert_cmpstr (file, ==, f->main);
  g_assert_cmpstr (group, ==, "spool");
  g_assert_cmpstr (key, ==, "retention_days");
}

static void
test_wrong_bool (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[ui]\nspeech=maybe\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_TYPE, "true or false");
}

static void
test_out_of_range (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[spool]\nretention_days=0\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_RANGE, "from 1 to 3650");
}

static void
test_bad_enum (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[printer]\npaper_width_mm=70\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_RANGE, "one of: 58, 80");
}

static void
test_bad_pattern (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[kiosk]\nfacility_code=79O14\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_RANGE, "facility_code");
}

static void
test_bad_uri (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[eligibility]\nbroker_url=ftp://broker/\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_RANGE, "http, https");
}

static void
test_relative_path (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[spool]\npath=spool.db\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_RANGE, "absolute path");
}

static void
test_unknown_key (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;
  const char *key;

  write_file (f->main, "[kiosk]\nidd=K2\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_UNKNOWN_KEY, "[kiosk] idd: unknown key");
  tdn_config_get_error_location (config, NULL, NULL, &key);
  g_assert_cmpstr (key, ==, "idd");
}

static void
test_unknown_group (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[kiosks]\nid=K2\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_UNKNOWN_GROUP, "[kiosks]");
}

static void
test_bad_instance_name (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[clinic Khám nội]\nname_vi=X\nprefix=A\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_UNKNOWN_GROUP, "must match");
}

static void
test_missing_required (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[clinic NOI]\nname_vi=Khám Nội\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_MISSING, "[clinic NOI] prefix");
}

static void
test_syntax_error (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  write_file (f->main, "[kiosk]\nthis line has no equals sign\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_SYNTAX, f->main);
}

static void
test_unreadable (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  if (getuid () == 0)
    {
      /* root reads anything: a directory in place of the file is as
       * unreadable as it gets. */
      g_assert_cmpint (g_mkdir (f->main, 0700), ==, 0);
    }
  else
    write_file (f->main, "[kiosk]\nid=K1\n", 0000);
  config = load_expect_error (f, TDN_CONFIG_ERROR_READ, f->main);
}

static void
test_missing_explicit_file (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;

  config = load_expect_error (f, TDN_CONFIG_ERROR_READ, "tiepdon.conf");
}

static void
test_bad_dropin_named (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(TdnConfig) config = NULL;
  g_autofree char *d = g_build_filename (f->dropins, "50-bad.conf", NULL);

  write_file (f->main, "[kiosk]\nid=K1\n", 0644);
  write_file (d, "[reader]\nmax_le=-1\n", 0644);
  config = load_expect_error (f, TDN_CONFIG_ERROR_RANGE, d);
}

static void
test_secret_permissions (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;
  const char *text = "[staff lan]\ndisplay_name=Lan\n"
                     "pin_hash=pbkdf2-sha256$600000$c2FsdA==$aGFzaA==\n";

  write_file (f->main, text, 0644);
  g_assert_false (tdn_config_load (config, f->main, &error));
  g_assert_error (error, TDN_CONFIG_ERROR, TDN_CONFIG_ERROR_PERMISSIONS);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);

  write_file (f->main, text, 0600);
  g_assert_true (tdn_config_load (config, f->main, &error));
  g_assert_no_error (error);
}

static void
test_failed_load_keeps_old (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;

  write_file (f->main, "[kiosk]\nid=K7\n", 0644);
  g_assert_true (tdn_config_load (config, f->main, NULL));
  write_file (f->main, "[kiosk]\nid=K8\nbogus=1\n", 0644);
  g_assert_false (tdn_config_load (config, f->main, &error));
  g_assert_cmpstr (tdn_config_get_string (config, "kiosk", "id"), ==, "K7");
}

static void
test_broker_schema (void)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_broker);
  g_autoptr(GError) error = NULL;

  g_assert_false (tdn_config_load_data (config, "[broker]\ncache_minutes=5\n", "broker.conf", &error));
  g_assert_error (error, TDN_CONFIG_ERROR, TDN_CONFIG_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_true (tdn_config_load_data (config,
                                       "[bhxh]\nusername=79014_BV\npassword=x\n"
                                       "officer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
                                       "[client K1]\ntoken_sha256="
                                       "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
                                       "broker.conf", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tdn_config_get_string (config, "bhxh", "username"), ==, "79014_BV");
}

static void
test_set (void)
{
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(GError) error = NULL;

  g_assert_true (tdn_config_set (config, "ui", "idle_timeout_s", "120", &error));
  g_assert_cmpint (tdn_config_get_int (config, "ui", "idle_timeout_s"), ==, 120);
  g_assert_false (tdn_config_set (config, "ui", "idle_timeout_s", "5", &error));
  g_assert_error (error, TDN_CONFIG_ERROR, TDN_CONFIG_ERROR_RANGE);
  g_assert_cmpint (tdn_config_get_int (config, "ui", "idle_timeout_s"), ==, 120);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/config/defaults", test_defaults);
  ADD ("/config/dropins-override", test_dropins_override);
  ADD ("/config/error/wrong-type", test_wrong_type);
  ADD ("/config/error/wrong-bool", test_wrong_bool);
  ADD ("/config/error/out-of-range", test_out_of_range);
  ADD ("/config/error/bad-enum", test_bad_enum);
  ADD ("/config/error/bad-pattern", test_bad_pattern);
  ADD ("/config/error/bad-uri", test_bad_uri);
  ADD ("/config/error/relative-path", test_relative_path);
  ADD ("/config/error/unknown-key", test_unknown_key);
  ADD ("/config/error/unknown-group", test_unknown_group);
  ADD ("/config/error/bad-instance-name", test_bad_instance_name);
  ADD ("/config/error/missing-required", test_missing_required);
  ADD ("/config/error/syntax", test_syntax_error);
  ADD ("/config/error/unreadable", test_unreadable);
  ADD ("/config/error/missing-explicit-file", test_missing_explicit_file);
  ADD ("/config/error/bad-dropin-named", test_bad_dropin_named);
  ADD ("/config/error/secret-permissions", test_secret_permissions);
  ADD ("/config/failed-load-keeps-old", test_failed_load_keeps_old);
#undef ADD
  g_test_add_func ("/config/broker-schema", test_broker_schema);
  g_test_add_func ("/config/set", test_set);

  return g_test_run ();
}
