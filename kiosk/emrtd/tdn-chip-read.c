/* tdn-chip-read.c — read a CCCD chip: access, files, identity, checks
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tdn-apdu.h"
#include "tdn-bac.h"
#include "tdn-card-access.h"
#include "tdn-chip-read.h"
#include "tdn-chip-read-private.h"
#include "tdn-dg13.h"
#include "tdn-mrz.h"
#include "tdn-pace.h"
#include "tdn-tlv.h"

static const guint8 emrtd_aid[] = { 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01 };


const char *
tdn_chip_access_to_string (TdnChipAccess access)
{
  switch (access)
    {
    case TDN_CHIP_ACCESS_BAC: return "bac";
    case TDN_CHIP_ACCESS_PACE: return "pace";
    case TDN_CHIP_ACCESS_NONE:
    default: return "none";
    }
}

const char *
tdn_chip_check_to_string (TdnChipCheck check)
{
  switch (check)
    {
    case TDN_CHIP_CHECK_VALID: return "valid";
    case TDN_CHIP_CHECK_INVALID: return "invalid";
    case TDN_CHIP_CHECK_UNTRUSTED_CSCA: return "untrusted_csca";
    case TDN_CHIP_CHECK_NOT_SUPPORTED: return "not_supported";
    case TDN_CHIP_CHECK_NOT_CHECKED:
    default: return "not_checked";
    }
}

void
tdn_chip_result_free (TdnChipResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->identity, tdn_identity_free);
  g_clear_pointer (&self->dgs, g_hash_table_unref);
  g_clear_pointer (&self->com, g_bytes_unref);
  g_clear_pointer (&self->sod, g_bytes_unref);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_free (self->passive_auth_reason);
  g_free (self);
}

void
tdn_chip_read_stage (TdnChipReadCtx *ctx,
                     const char     *name)
{
  ctx->stage = name;
  if (ctx->options->stage != NULL)
    ctx->options->stage (name, 0, 0, ctx->options->stage_data);
}

static void
file_progress_cb (guint16  fid,
                  gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  TdnChipReadCtx *ctx = user_data;

  if (ctx->options->stage != NULL)
    ctx->options->stage (tdn_chip_file_name (fid), done, total, ctx->options->stage_data);
}

static GBytes *
read_file (TdnChipReadCtx  *ctx,
           guint16          fid,
           GError         **error)
{
  tdn_chip_read_stage (ctx, tdn_chip_file_name (fid));
  return tdn_chip_read_file (ctx->session, fid, file_progress_cb, ctx, error);
}

/* A file read after Chip Authentication also proves (or disproves) that
 * the chip holds DG14's private key. NULL with error unset when it did
 * not: the read stops there with chip_auth invalid. */
static GBytes *
read_file_checked (TdnChipReadCtx  *ctx,
                   TdnChipResult   *res,
                   guint16          fid,
                   GError         **error)
{
  g_autoptr(GError) local = NULL;
  GBytes *b;

  b = read_file (ctx, fid, &local);
  if (ctx->ca_pending)
    {
      gboolean sm_failed = b == NULL
                           && g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_SECURITY)
                           && !tdn_chip_session_has_sm (ctx->session);

      tdn_chip_check_chip_auth_confirm (ctx, res, sm_failed);
      if (sm_failed)
        return NULL;
    }
  if (b == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return b;
}

/* SELECT the eMRTD application (under SM after PACE). */
static gboolean
select_application (TdnChipReadCtx  *ctx,
                    GError  **error)
{
  g_autoptr(GBytes) r = NULL;
  guint16 sw = 0;

  r = tdn_chip_session_send (ctx->session, 0x00, 0xA4, 0x04, 0x0C, emrtd_aid,
                             sizeof emrtd_aid, TDN_APDU_NO_LE, &sw, error);
  if (r == NULL)
    return FALSE;
  if (sw != TDN_SW_OK)
    {
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NOT_ID_CARD,
                   _("This card is not a chip ID card (status %04X). "
                     "Place a CCCD or Căn cước card on the reader."), sw);
      return FALSE;
    }
  return TRUE;
}

/* PACE when EF.CardAccess offers it: TRUE on success; FALSE with error
 * unset when the card does not offer PACE (or we cannot use it). */
static gboolean
try_pace (TdnChipReadCtx            *ctx,
          const TdnChipKeys  *keys,
          GError            **error)
{
  g_autoptr(GBytes) ca = NULL;
  g_autoptr(GError) local = NULL;
  TdnCardAccess access = { 0 };
  const TdnPaceInfo *info;
  gboolean ok;

  if (keys->can == NULL || !tdn_pace_available ())
    return FALSE;
  /* Never SELECT the MF (3F00): CCCDs answer 6D00. 011C is selected directly. */
  tdn_chip_read_stage (ctx, "EF.CardAccess");
  ca = tdn_chip_read_file (ctx->session, TDN_FID_CARD_ACCESS, NULL, NULL, &local);
  if (ca == NULL)
    {
      g_debug ("no usable EF.CardAccess (%s): BAC", local->message);
      return FALSE;
    }
  if (!tdn_card_access_parse (g_bytes_get_data (ca, NULL), g_bytes_get_size (ca),
                              &access, &local))
    {
      g_debug ("EF.CardAccess does not parse (%s): BAC", local->message);
      return FALSE;
    }
  info = tdn_card_access_choose_pace (&access);
  if (info == NULL)
    {
      tdn_card_access_clear (&access);
      return FALSE;
    }
  tdn_chip_read_stage (ctx, "PACE");
  ok = tdn_pace_authenticate (ctx->session, ca, info, keys->can, error);
  tdn_card_access_clear (&access);
  return ok;
}

static gboolean
get_access (TdnChipReadCtx            *ctx,
            const TdnChipKeys  *keys,
            TdnChipAccess      *access,
            GError            **error)
{
  g_autoptr(GError) pace_error = NULL;
  g_autoptr(GError) bac_error = NULL;

  if (keys->can == NULL && keys->mrz_infos->len == 0)
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NO_KEY,
                           _("The card's ID number is needed to open its chip: "
                             "scan the card's QR code or type the number."));
      return FALSE;
    }

  tdn_chip_read_stage (ctx, "access");
  if (try_pace (ctx, keys, &pace_error))
    {
      *access = TDN_CHIP_ACCESS_PACE;
      return select_application (ctx, error);
    }
  if (pace_error != NULL)
    g_debug ("PACE failed: %s", pace_error->message);
  if (keys->mrz_infos->len == 0)
    {
      if (pace_error != NULL)
        g_propagate_error (error, g_steal_pointer (&pace_error));
      else
        g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NO_KEY,
                             _("This card needs the date of birth and date of issue "
                               "(or the QR code) to open its chip."));
      return FALSE;
    }

  tdn_chip_session_set_sm (ctx->session, NULL);
  if (!select_application (ctx, error))
    return FALSE;
  tdn_chip_read_stage (ctx, "BAC");
  for (guint i = 0; i < keys->mrz_infos->len; i++)
    {
      TdnBacKeys k;
      gboolean ok;

      g_clear_error (&bac_error);
      if (!tdn_bac_keys_derive (keys->mrz_infos->pdata[i], &k, &bac_error))
        continue;
      /* After a refused key, start again from the application as a fresh
       * reader would: some chips reset their state on a failed attempt. */
      if (i > 0 && !select_application (ctx, error))
        {
          tdn_bac_keys_clear (&k);
          return FALSE;
        }
      ok = tdn_bac_authenticate (ctx->session, &k, NULL, &bac_error);
      tdn_bac_keys_clear (&k);
      if (ok)
        {
          *access = TDN_CHIP_ACCESS_BAC;
          return TRUE;
        }
      if (!g_error_matches (bac_error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_ACCESS_DENIED))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&bac_error));
  return FALSE;
}

/* The data group tags EF.COM lists (5C); NULL when EF.COM is malformed. */
static GBytes *
com_tag_list (GBytes  *com,
              GError **error)
{
  TdnTlv outer, list;
  g_autoptr(GError) local = NULL;
  const guint8 *d;
  gsize n;

  d = g_bytes_get_data (com, &n);
  if (!tdn_tlv_find (d, n, 0x60, &outer, &local)
      || !tdn_tlv_find (outer.value, outer.length, 0x5C, &list, &local))
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
                           _("The card's file list (EF.COM) is not valid data."));
      return NULL;
    }
  return g_bytes_new (list.value, list.length);
}

static gboolean
com_lists (GBytes *tags,
           guint8  tag)
{
  gsize n;
  const guint8 *d = g_bytes_get_data (tags, &n);

  return memchr (d, tag, n) != NULL;
}

static gboolean
bad_data (GError     **error,
          const char  *file,
          GError      *cause)
{
  g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_BAD_DATA,
               _("%s on the card is not valid data (%s)."), file, cause->message);
  return FALSE;
}

/* The identity before DG2, checked against the SOD for what was read. */
static void
report_identity_early (TdnChipReadCtx *ctx,
                       TdnChipResult  *res)
{
  TdnChipResult early = { 0 };

  early.identity = tdn_identity_copy (res->identity);
  early.identity->source = TDN_IDENTITY_SOURCE_CHIP;
  early.dgs = res->dgs;
  early.sod = res->sod;
  early.passive_auth = TDN_CHIP_CHECK_NOT_CHECKED;
  if (res->sod != NULL)
    {
      tdn_chip_read_stage (ctx, "passive-auth");
      tdn_chip_check_passive_auth (&early, ctx->options);
    }
  ctx->options->identity_ready (early.identity, early.passive_auth, ctx->options->identity_ready_data);
  tdn_identity_free (early.identity);
  g_free (early.passive_auth_reason);
}

static gboolean
read_all (TdnChipReadCtx        *ctx,
          TdnChipResult  *res,
          GError        **error)
{
  g_autoptr(GBytes) tags = NULL;
  g_autoptr(GError) local = NULL;
  GBytes *dg1 = NULL, *dg13 = NULL;

  res->com = read_file (ctx, TDN_FID_COM, &local);
  if (res->com == NULL)
    {
      if (!g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* No EF.COM: assume what every CCCD carries. */
      g_clear_error (&local);
      tags = g_bytes_new_static ("\x61\x75\x63\x6D\x6E\x6F", 6);
    }
  else
    {
      tags = com_tag_list (res->com, error);
      if (tags == NULL)
        return FALSE;
    }

  dg1 = read_file (ctx, TDN_FID_DG1, error);
  if (dg1 == NULL)
    return FALSE;
  g_hash_table_insert (res->dgs, GUINT_TO_POINTER (1), dg1);
  if (!tdn_dg1_parse (g_bytes_get_data (dg1, NULL), g_bytes_get_size (dg1),
                      res->identity, &local))
    return bad_data (error, "DG1", local);

  dg13 = read_file (ctx, TDN_FID_DG13, &local);
  if (dg13 == NULL)
    {
      if (!g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      tdn_identity_add_warning (res->identity,
                                _("The chip has no personal details (DG13): only the "
                                  "machine-readable zone was read."));
      g_clear_error (&local);
    }
  else
    {
      g_hash_table_insert (res->dgs, GUINT_TO_POINTER (13), dg13);
      {
        g_autofree char *dg1_id = g_strdup (res->identity->id_number);

        if (!tdn_dg13_parse (g_bytes_get_data (dg13, NULL), g_bytes_get_size (dg13),
                             res->identity, &local))
          return bad_data (error, "DG13", local);
        if (dg1_id != NULL && res->identity->id_number != NULL
            && strcmp (dg1_id, res->identity->id_number) != 0)
          tdn_identity_add_warning (res->identity,
                                    _("The ID number in the chip's personal details "
                                      "differs from its machine-readable zone."));
      }
    }

  res->sod = read_file (ctx, TDN_FID_SOD, &local);
  if (res->sod == NULL)
    {
      if (!g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_clear_error (&local);
    }

  for (guint dg = 14; dg <= 15 && !ctx->ca_failed; dg++)
    {
      GBytes *b;

      if (!com_lists (tags, (guint8) (0x60 + dg)))
        continue;
      b = read_file_checked (ctx, res, (guint16) (0x0100 + dg), &local);
      if (b == NULL)
        {
          if (local == NULL)
            break;  /* Chip Authentication failed: nothing more to trust */
          if (!g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND)
              && !g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_SECURITY))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          g_clear_error (&local);
          continue;
        }
      g_hash_table_insert (res->dgs, GUINT_TO_POINTER (dg), b);
      if (dg == 14)
        tdn_chip_check_chip_auth (ctx, res);
    }

  if (!ctx->ca_failed)
    tdn_chip_check_active_auth (ctx, res);
  if (ctx->ca_failed)
    return TRUE;

  if (ctx->options->read_photo)
    {
      GBytes *dg2 = NULL;

      if (ctx->options->identity_ready != NULL)
        report_identity_early (ctx, res);

      if (com_lists (tags, 0x75))
        dg2 = read_file_checked (ctx, res, TDN_FID_DG2, &local);
      if (ctx->ca_failed)
        return TRUE;
      if (dg2 == NULL && local != NULL
          && !g_error_matches (local, TDN_CHIP_ERROR, TDN_CHIP_ERROR_FILE_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_clear_error (&local);
      if (dg2 != NULL)
        {
          g_hash_table_insert (res->dgs, GUINT_TO_POINTER (2), dg2);
          res->photo = tdn_dg2_extract_image (dg2, &local);
          if (res->photo == NULL && local != NULL)
            {
              /* A broken photo must not stop the check-in: the identity
               * is read; staff see that the photo is missing. */
              g_message ("DG2 unusable: %s", local->message);
              g_clear_error (&local);
            }
        }
      res->photo_missing = res->photo == NULL;
      if (res->photo_missing)
        tdn_identity_add_warning (res->identity, _("The chip holds no photo."));
    }
  if (ctx->ca_pending)
    {
      /* Nothing was read after Chip Authentication: one SELECT under the
       * new keys proves the chip has them. */
      g_autoptr(GBytes) r = NULL;
      static const guint8 com[] = { 0x01, 0x1E };
      guint16 sw = 0;

      r = tdn_chip_session_send (ctx->session, 0x00, 0xA4, 0x02, 0x0C, com, 2,
                                 TDN_APDU_NO_LE, &sw, &local);
      tdn_chip_check_chip_auth_confirm (ctx, res, r == NULL || sw != TDN_SW_OK);
    }
  return TRUE;
}

TdnChipResult *
tdn_chip_read (TdnTransceiver           *transceiver,
               const TdnChipKeys        *keys,
               const TdnChipReadOptions *options,
               GError                  **error)
{
  static const TdnChipReadOptions defaults = { 0 };
  g_autoptr(TdnChipSession) session = NULL;
  g_autoptr(TdnChipResult) res = NULL;
  TdnChipReadCtx ctx = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  g_return_val_if_fail (TDN_IS_TRANSCEIVER (transceiver), NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  session = tdn_chip_session_new (transceiver);
  tdn_chip_session_set_max_le (session, options->max_le > 0 ? options->max_le : 0xDF);
  tdn_chip_session_set_extended (session, options->extended);
  tdn_chip_session_set_cancellable (session, options->cancellable);
  ctx.session = session;
  ctx.options = options;

  res = g_new0 (TdnChipResult, 1);
  res->identity = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
  res->dgs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  res->passive_auth = TDN_CHIP_CHECK_NOT_CHECKED;
  res->active_auth = TDN_CHIP_CHECK_NOT_SUPPORTED;
  res->chip_auth = TDN_CHIP_CHECK_NOT_SUPPORTED;

  ok = get_access (&ctx, keys, &res->access, error) && read_all (&ctx, res, error);

  res->apdu_count = tdn_chip_session_get_apdu_count (session);
  res->bytes_read = tdn_chip_session_get_file_bytes (session);
  res->bytes_sent = tdn_chip_session_get_bytes_sent (session);
  res->bytes_received = tdn_chip_session_get_bytes_received (session);
  if (!ok)
    return NULL;

  if (res->sod != NULL)
    {
      tdn_chip_read_stage (&ctx, "passive-auth");
      tdn_chip_check_passive_auth (res, options);
    }
  res->identity->source = TDN_IDENTITY_SOURCE_CHIP;
  res->read_ms = (g_get_monotonic_time () - start) / 1000;
  return g_steal_pointer (&res);
}
