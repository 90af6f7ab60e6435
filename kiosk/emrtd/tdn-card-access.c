/* tdn-card-access.c — EF.CardAccess: which PACE the chip offers (ICAO 9303-11 §9.2)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tdn-card-access.h"
#include "tdn-chip-error.h"
#include "tdn-tlv.h"

/* 0.4.0.127.0.7.2.2 (bsi-de protocols smartcard) */
static const guint8 bsi_protocols[] = { 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02 };
#define ID_PACE 4
#define ID_CA   3

static gboolean
bad (GError **error)
{
  g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                       _("The card's access information (EF.CardAccess) is not valid."));
  return FALSE;
}

static gboolean
parse_small_int (const TdnTlv *t,
                 int          *out)
{
  int v = 0;

  if (t->tag != 0x02 || t->length == 0 || t->length > 3 || (t->value[0] & 0x80) != 0)
    return FALSE;
  for (gsize i = 0; i < t->length; i++)
    v = (v << 8) | t->value[i];
  *out = v;
  return TRUE;
}

static gboolean
parse_info (const TdnTlv  *info,
            TdnCardAccess *out,
            GError       **error)
{
  TdnTlvReader r;
  TdnTlv oid, t;
  TdnPaceInfo pi = { .parameter_id = -1 };
  g_autoptr(GError) local = NULL;

  tdn_tlv_reader_init (&r, info->value, info->length);
  if (!tdn_tlv_reader_next (&r, &oid, &local) || oid.tag != 0x06)
    return bad (error);
  if (oid.length < sizeof bsi_protocols + 1
      || memcmp (oid.value, bsi_protocols, sizeof bsi_protocols) != 0)
    return TRUE; /* another authority's protocol: not ours to use */

  if (oid.value[sizeof bsi_protocols] == ID_CA)
    {
      out->chip_auth = TRUE;
      return TRUE;
    }
  if (oid.value[sizeof bsi_protocols] != ID_PACE)
    return TRUE;

  /* id-PACE-<mapping>-<cipher>: two more arcs, then nothing. */
  if (oid.length != sizeof bsi_protocols + 3 || oid.length > sizeof pi.oid)
    return TRUE;
  memcpy (pi.oid, oid.value, oid.length);
  pi.oid_len = oid.length;
  pi.mapping = oid.value[sizeof bsi_protocols + 1];
  pi.cipher = oid.value[sizeof bsi_protocols + 2];

  if (!tdn_tlv_reader_next (&r, &t, &local) || !parse_small_int (&t, &pi.version))
    return bad (error);
  if (!tdn_tlv_reader_at_end (&r))
    {
      if (!tdn_tlv_reader_next (&r, &t, &local))
        return bad (error);
      if (t.tag == 0x02 && !parse_small_int (&t, &pi.parameter_id))
        return bad (error);
    }
  g_array_append_val (out->pace, pi);
  return TRUE;
}

gboolean
tdn_card_access_parse (const guint8  *data,
                       gsize          len,
                       TdnCardAccess *out,
                       GError       **error)
{
  TdnTlvReader outer, r;
  TdnTlv set, info;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  out->pace = g_array_new (FALSE, TRUE, sizeof (TdnPaceInfo));
  out->chip_auth = FALSE;

  tdn_tlv_reader_init (&outer, data, len);
  if (!tdn_tlv_reader_next (&outer, &set, &local) || set.tag != 0x31)
    {
      tdn_card_access_clear (out);
      return bad (error);
    }
  tdn_tlv_reader_init (&r, set.value, set.length);
  while (!tdn_tlv_reader_at_end (&r))
    {
      if (!tdn_tlv_reader_next (&r, &info, &local))
        {
          if (local == NULL)
            break;
          tdn_card_access_clear (out);
          return bad (error);
        }
      if (info.tag != 0x30 || !parse_info (&info, out, error))
        {
          tdn_card_access_clear (out);
          if (error != NULL && *error == NULL)
            bad (error);
          return FALSE;
        }
    }
  return TRUE;
}

void
tdn_card_access_clear (TdnCardAccess *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pace, g_array_unref);
  self->chip_auth = FALSE;
}

const TdnPaceInfo *
tdn_card_access_choose_pace (const TdnCardAccess *self)
{
  const TdnPaceInfo *fallback = NULL;

  if (self == NULL || self->pace == NULL)
    return NULL;
  for (guint i = 0; i < self->pace->len; i++)
    {
      const TdnPaceInfo *pi = &g_array_index (self->pace, TdnPaceInfo, i);

      if (pi->version != 2 || (pi->mapping != 1 && pi->mapping != 2))
        continue;
      if (pi->mapping == 2 && pi->cipher == 2)
        return pi;
      if (fallback == NULL)
        fallback = pi;
    }
  return fallback;
}
