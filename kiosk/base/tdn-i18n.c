/* tdn-i18n.c — translations, including both languages at once
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "tdn-i18n.h"

static GMutex i18n_lock;
static GHashTable *catalogues;   /* lang → GHashTable msgid → msgstr, or NULL entry */

const char *
tdn_i18n_localedir (void)
{
  const char *env = g_getenv ("TIEPDON_LOCALEDIR");

  return env != NULL && *env != '\0' ? env : LOCALEDIR;
}

void
tdn_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tdn_i18n_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
read_u32 (const guint8 *data,
          gsize         len,
          gsize         off,
          gboolean      swap,
          guint32      *out)
{
  guint32 v;

  if (off > len || len - off < 4)
    return FALSE;
  memcpy (&v, data + off, 4);
  *out = swap ? GUINT32_SWAP_LE_BE (v) : v;
  return TRUE;
}

/* A string table entry: length and offset, both checked against the file. */
static const char *
table_string (const guint8 *data,
              gsize         len,
              guint32       table,
              guint32       index,
              gboolean      swap,
              guint32      *str_len)
{
  guint32 l, o;

  if (!read_u32 (data, len, (gsize) table + (gsize) index * 8, swap, &l) ||
      !read_u32 (data, len, (gsize) table + (gsize) index * 8 + 4, swap, &o))
    return NULL;
  /* The string must fit and be NUL-terminated inside the file. */
  if (o > len || (gsize) l >= len - o || data[o + l] != '\0')
    return NULL;
  *str_len = l;
  return (const char *) data + o;
}

GHashTable *
tdn_i18n_parse_mo (const guint8 *data,
                   gsize         len,
                   GError      **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint32 magic, n, orig, trans;
  gboolean swap;

  if (!read_u32 (data, len, 0, FALSE, &magic))
    goto bad;
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    goto bad;
  if (!read_u32 (data, len, 8, swap, &n) ||
      !read_u32 (data, len, 12, swap, &orig) ||
      !read_u32 (data, len, 16, swap, &trans))
    goto bad;
  if (n > len / 8)
    goto bad;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen, tlen;
      const char *o = table_string (data, len, orig, i, swap, &olen);
      const char *t = table_string (data, len, trans, i, swap, &tlen);

      if (o == NULL || t == NULL)
        goto bad;
      /* Plural entries hold "singular\0plural": key on the singular. The
       * header (empty msgid) is skipped. */
      if (*o == '\0' || *t == '\0')
        continue;
      if (!g_utf8_validate (t, -1, NULL))
        continue;
      g_hash_table_replace (table, g_strdup (o), g_strdup (t));
    }
  return g_steal_pointer (&table);

bad:
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a valid message catalogue");
  return NULL;
}

const char *
tdn_i18n_translate (const char *lang,
                    const char *msgid)
{
  GHashTable *cat;
  const char *result = msgid;

  g_return_val_if_fail (msgid != NULL, NULL);
  if (lang == NULL || *msgid == '\0')
    return msgid;

  g_mutex_lock (&i18n_lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
  if (!g_hash_table_lookup_extended (catalogues, lang, NULL, (gpointer *) &cat))
    {
      g_autofree char *path = g_build_filename (tdn_i18n_localedir (), lang, "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      cat = NULL;
      if (g_file_get_contents (path, &contents, &len, NULL))
        cat = tdn_i18n_parse_mo ((const guint8 *) contents, len, NULL);
      if (cat == NULL)
        g_debug ("no usable catalogue for “%s” at %s", lang, path);
      g_hash_table_insert (catalogues, g_strdup (lang), cat);
    }
  if (cat != NULL)
    {
      const char *t = g_hash_table_lookup (cat, msgid);

      if (t != NULL)
        result = t;
    }
  g_mutex_unlock (&i18n_lock);
  return result;
}
