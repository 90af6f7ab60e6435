/* tdn-dg13.c — the Vietnamese DG13 (personal details) on the CCCD chip
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-cccd"

#include "config.h"

#include "tdn-base.h"
#include "tdn-dg13.h"
#include "tdn-qr-payload.h"
#include "tdn-tlv.h"

#define TAG_DG13        0x6D
#define TAG_SEQUENCE    0x30
#define TAG_SET         0x31
#define TAG_INTEGER     0x02
#define MAX_DEPTH       4

static gboolean
is_string_tag (guint32 tag)
{
  /* UTF8String, PrintableString, T61String, IA5String, VisibleString. */
  return tag == 0x0C || tag == 0x13 || tag == 0x14 || tag == 0x16 || tag == 0x1A;
}

static gboolean
fail (GError     **error,
      const char  *what)
{
  g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_FIELD, _("DG13 is malformed: %s"), what);
  return FALSE;
}

/* A string value as clean UTF-8 NFC, or NULL with `error` when not UTF-8. */
static char *
text_of (const TdnTlv *t,
         int           field,
         GError      **error)
{
  g_autofree char *nfc = NULL;

  if (!g_utf8_validate_len ((const char *) t->value, t->length, NULL) ||
      memchr (t->value, '\0', t->length) != NULL)
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_NOT_TEXT,
                   _("DG13 field %d is not UTF-8 text"), field);
      return NULL;
    }
  nfc = g_utf8_normalize ((const char *) t->value, (gssize) t->length, G_NORMALIZE_NFC);
  return tdn_cccd_clean_text (nfc);
}

/* Every string inside `data`, in order, however deeply nested. */
static gboolean
collect_strings (const guint8 *data,
                 gsize         length,
                 int           field,
                 int           depth,
                 GPtrArray    *out,
                 GError      **error)
{
  TdnTlvReader r;
  TdnTlv t;
  g_autoptr(GError) local = NULL;

  if (depth > MAX_DEPTH)
    return fail (error, "nested too deeply");
  tdn_tlv_reader_init (&r, data, length);
  while (tdn_tlv_reader_next (&r, &t, &local))
    {
      if (is_string_tag (t.tag))
        {
          char *s = text_of (&t, field, error);

          if (s == NULL)
            return FALSE;
          g_ptr_array_add (out, s);
        }
      else if (t.constructed && !collect_strings (t.value, t.length, field, depth + 1, out, error))
        return FALSE;
    }
  if (local != NULL)
    return fail (error, local->message);
  return TRUE;
}

static gboolean
parse_date_field (const char     *text,
                  TdnPartialDate *out,
                  int             field,
                  GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (tdn_partial_date_parse_slashed (text, out, &local))
    return TRUE;
  g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_DATE,
               _("DG13 field %d: %s"), field, local->message);
  return FALSE;
}

static char *
hex_of (const guint8 *data,
        gsize         len)
{
  GString *s = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%02X", data[i]);
  return g_string_free (s, FALSE);
}

static gboolean
apply_field (TdnIdentity *id,
             int          n,
             GPtrArray   *strings,
             const TdnTlv *first_value,
             GError     **error)
{
  char *s = strings->len > 0 ? strings->pdata[0] : NULL;

  switch (n)
    {
    case 1: g_free (id->id_number); id->id_number = g_strdup (s); return TRUE;
    case 2: g_free (id->full_name); id->full_name = g_strdup (s); return TRUE;
    case 3: return s == NULL || parse_date_field (s, &id->date_of_birth, n, error);
    case 4: id->sex = tdn_sex_parse (s); return TRUE;
    case 5: g_free (id->nationality); id->nationality = g_strdup (s); return TRUE;
    case 6: g_free (id->ethnicity); id->ethnicity = g_strdup (s); return TRUE;
    case 7: g_free (id->religion); id->religion = g_strdup (s); return TRUE;
    case 8: g_free (id->place_of_origin); id->place_of_origin = g_strdup (s); return TRUE;
    case 9: g_free (id->place_of_residence); id->place_of_residence = g_strdup (s); return TRUE;
    case 10: g_free (id->identifying_marks); id->identifying_marks = g_strdup (s); return TRUE;
    case 11: return s == NULL || parse_date_field (s, &id->date_of_issue, n, error);
    case 12:
      if (s == NULL)
        return TRUE;
      if (!g_ascii_isdigit (s[0]))
        {
          /* "Không thời hạn": the card does not expire. */
          id->no_expiry = TRUE;
          memset (&id->date_of_expiry, 0, sizeof id->date_of_expiry);
          return TRUE;
        }
      return parse_date_field (s, &id->date_of_expiry, n, error);
    case 13:
      g_free (id->father_name);
      g_free (id->mother_name);
      id->father_name = strings->len > 0 ? g_strdup (strings->pdata[0]) : NULL;
      id->mother_name = strings->len > 1 ? g_strdup (strings->pdata[1]) : NULL;
      return TRUE;
    case 14: g_free (id->spouse_name); id->spouse_name = g_strdup (s); return TRUE;
    case 15: g_free (id->old_id_number); id->old_id_number = g_strdup (s); return TRUE;
    default:
      {
        g_autofree char *raw = NULL;

        if (id->extra_fields == NULL)
          id->extra_fields = g_ptr_array_new_with_free_func (g_free);
        if (s != NULL)
          g_ptr_array_add (id->extra_fields, g_strdup_printf ("%d:%s", n, s));
        else if (first_value != NULL)
          {
            raw = hex_of (first_value->value, first_value->length);
            g_ptr_array_add (id->extra_fields, g_strdup_printf ("%d:%s", n, raw));
          }
        return TRUE;
      }
    }
}

gboolean
tdn_dg13_parse (const guint8 *data,
                gsize         length,
                TdnIdentity  *id,
                GError      **error)
{
  g_autoptr(GError) local = NULL;
  TdnTlv dg13, seq, t;
  TdnTlvReader r;
  gboolean have_set = FALSE;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!tdn_tlv_find (data, length, TAG_DG13, &dg13, &local))
    return fail (error, local ? local->message : "no 6D tag");
  if (!tdn_tlv_find (dg13.value, dg13.length, TAG_SEQUENCE, &seq, &local))
    return fail (error, local ? local->message : "no SEQUENCE");

  tdn_tlv_reader_init (&r, seq.value, seq.length);
  while (tdn_tlv_reader_next (&r, &t, &local))
    {
      TdnTlvReader fr;
      TdnTlv f;

      if (t.tag != TAG_SET)
        continue;   /* version and OID */
      have_set = TRUE;
      tdn_tlv_reader_init (&fr, t.value, t.length);
      while (tdn_tlv_reader_next (&fr, &f, &local))
        {
          g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
          TdnTlvReader vr;
          TdnTlv num, first_value;
          gboolean have_value;
          int n = 0;

          if (f.tag != TAG_SEQUENCE)
            continue;
          tdn_tlv_reader_init (&vr, f.value, f.length);
          if (!tdn_tlv_reader_next (&vr, &num, &local) || num.tag != TAG_INTEGER ||
              num.length < 1 || num.length > 2)
            return fail (error, local ? local->message : "field without its number");
          for (gsize i = 0; i < num.length; i++)
            n = (n << 8) | num.value[i];
          /* The rest of the field: its value(s). */
          if (!collect_strings (f.value + (vr.pos), f.length - vr.pos, n, 0, strings, error))
            return FALSE;
          have_value = tdn_tlv_reader_next (&vr, &first_value, NULL);
          if (!apply_field (id, n, strings, have_value ? &first_value : NULL, error))
            return FALSE;
        }
      if (local != NULL)
        return fail (error, local->message);
    }
  if (local != NULL)
    return fail (error, local->message);
  if (!have_set)
    return fail (error, "no SET of fields");
  if (id->id_number != NULL && !tdn_id_number_check (id->id_number, &local))
    {
      g_set_error (error, TDN_CCCD_ERROR, TDN_CCCD_ERROR_BAD_ID, "DG13: %s", local->message);
      return FALSE;
    }
  id->source = TDN_IDENTITY_SOURCE_CHIP;
  return TRUE;
}
