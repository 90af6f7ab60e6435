/* pa-fixture.c — test PKIs and EF.SODs made at test time with the tests/sim/card scripts
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pa-fixture.h"

static char *scratch;
static GHashTable *pkis;
static guint counter;

const char *
pa_fixture_dir (void)
{
  if (scratch == NULL)
    {
      g_autoptr(GError) error = NULL;

      scratch = g_dir_make_tmp ("tdn-pa-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return scratch;
}

void
pa_fixture_run (const char *script,
                const char *args)
{
  const char *src = g_getenv ("TIEPDON_SOURCE_DIR");
  const char *python = g_getenv ("PYTHON");
  g_autofree char *path = NULL, *cmd = NULL, *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (src);
  path = g_build_filename (src, "tests", "sim", "card", script, NULL);
  cmd = g_strdup_printf ("%s %s %s", python != NULL ? python : "/usr/bin/python3", path, args);
  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", cmd, err);
}

const char *
pa_fixture_pki (const char *alg,
                const char *extra_args)
{
  g_autofree char *key = g_strdup_printf ("%s %s", alg, extra_args != NULL ? extra_args : "");
  char *dir;

  if (pkis == NULL)
    pkis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  dir = g_hash_table_lookup (pkis, key);
  if (dir == NULL)
    {
      g_autofree char *name = g_strdup_printf ("pki-%u", ++counter);
      g_autofree char *args = NULL;

      dir = g_build_filename (pa_fixture_dir (), name, NULL);
      args = g_strdup_printf ("%s --alg %s %s", dir, alg, extra_args != NULL ? extra_args : "");
      pa_fixture_run ("mkpki.py", args);
      g_hash_table_insert (pkis, g_steal_pointer (&key), dir);
    }
  return dir;
}

char *
pa_fixture_write (const char   *name,
                  const guint8 *data,
                  gsize         len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (pa_fixture_dir (), name, NULL);

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
  return path;
}

GBytes *
pa_fixture_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

GBytes *
pa_fixture_sod (const char *pki,
                const char *ds,
                const char *format,
                ...)
{
  va_list ap;
  g_autofree char *args = NULL;
  g_autofree char *name = g_strdup_printf ("sod-%u", ++counter);
  g_autofree char *out = g_build_filename (pa_fixture_dir (), name, NULL);
  g_autofree char *cmd = NULL;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  cmd = g_strdup_printf ("--ds-cert %s/%s.pem --ds-key %s/%s.key --out %s %s",
                                          pki, ds, pki, ds, out, args);

  pa_fixture_run ("mksod.py", cmd);
  return pa_fixture_read (out);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
pa_fixture_cleanup (void)
{
  if (scratch != NULL)
    remove_tree (scratch);
  g_clear_pointer (&scratch, g_free);
  g_clear_pointer (&pkis, g_hash_table_unref);
}
