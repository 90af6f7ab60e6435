/* test-i18n.c — reading message catalogues, and both languages at once
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"

/* Builds a little-endian .mo with the given pairs. */
static GBytes *
build_mo (const char * const *pairs,
          guint               n)
{
  GByteArray *a = g_byte_array_new ();
  guint32 header[7] = { 0x950412de, 0, n, 28, 28 + 8 * n, 0, 0 };
  guint32 off = 28 + 16 * n;
  g_autoptr(GByteArray) strings = g_byte_array_new ();
  g_autofree guint32 *orig = g_new0 (guint32, 2 * n);
  g_autofree guint32 *trans = g_new0 (guint32, 2 * n);

  for (guint i = 0; i < n; i++)
    {
      orig[2 * i] = strlen (pairs[2 * i]);
      orig[2 * i + 1] = off + strings->len;
      g_byte_array_append (strings, (const guint8 *) pairs[2 * i], orig[2 * i] + 1);
    }
  for (guint i = 0; i < n; i++)
    {
      trans[2 * i] = strlen (pairs[2 * i + 1]);
      trans[2 * i + 1] = off + strings->len;
      g_byte_array_append (strings, (const guint8 *) pairs[2 * i + 1], trans[2 * i] + 1);
    }
  g_byte_array_append (a, (guint8 *) header, sizeof header);
  g_byte_array_append (a, (guint8 *) orig, 8 * n);
  g_byte_array_append (a, (guint8 *) trans, 8 * n);
  g_byte_array_append (a, strings->data, strings->len);
  return g_byte_array_free_to_bytes (a);
}

static void
test_parse (void)
{
  const char * const pairs[] = {
    "", "Content-Type: text/plain; charset=UTF-8\n",
    "Take your ticket", "Mời nhận phiếu",
  };
  g_autoptr(GBytes) mo = build_mo (pairs, 2);
  g_autoptr(GHashTable) t = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (mo, &len);

  t = tdn_i18n_parse_mo (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (t, "Take your ticket"), ==, "Mời nhận phiếu");
  g_assert_cmpuint (g_hash_table_size (t), ==, 1);

  /* Every truncation is refused, never read past the end. */
  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GHashTable) bad = tdn_i18n_parse_mo (data, cut, NULL);

      if (cut < len - 1)
        g_assert_null (bad);
    }
}

static void
test_hostile_header (void)
{
  guint32 hostile[7] = { 0x950412de, 0, 0x7fffffff, 28, 0xfffffff0, 0, 0 };
  g_autoptr(GHashTable) t = tdn_i18n_parse_mo ((guint8 *) hostile, sizeof hostile, NULL);

  g_assert_null (t);
}

static void
test_translate_missing (void)
{
  g_setenv ("TIEPDON_LOCALEDIR", "/nonexistent", TRUE);
  g_assert_cmpstr (tdn_i18n_translate ("vi", "Take your ticket"), ==, "Take your ticket");
  g_assert_cmpstr (tdn_i18n_translate (NULL, "x"), ==, "x");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/parse-mo", test_parse);
  g_test_add_func ("/i18n/hostile-header", test_hostile_header);
  g_test_add_func ("/i18n/translate-missing", test_translate_missing);
  return g_test_run ();
}
