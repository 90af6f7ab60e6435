/* tdn-chip-checks.c — the chip's security checks during a read: passive,
 * active and chip authentication
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cryptography is tdn-passive-auth.c, tdn-active-auth.c and
 * tdn-chip-auth.c; this file sends the APDUs and turns the outcome into
 * the verdicts of TdnChipResult. A failed check is a verdict and a
 * warning, never an error of the read.
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <glib/gi18n.h>

#include "tdn-active-auth.h"
#include "tdn-apdu.h"
#include "tdn-chip-auth.h"
#include "tdn-chip-read-private.h"

void
tdn_chip_check_passive_auth (TdnChipResult            *res,
                             const TdnChipReadOptions *options)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, TRUE, sizeof (TdnDataGroupRef));
  TdnPassiveAuthResult pa = { 0 };
  GHashTableIter it;
  gpointer key, value;
  gsize sod_len;
  const guint8 *sod = g_bytes_get_data (res->sod, &sod_len);

  g_hash_table_iter_init (&it, res->dgs);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      TdnDataGroupRef r = { .number = GPOINTER_TO_UINT (key) };
      r.data = g_bytes_get_data (value, &r.len);
      g_array_append_val (refs, r);
    }
  tdn_passive_auth_verify (options->csca_store, sod, sod_len,
                           (const TdnDataGroupRef *) (gpointer) refs->data, refs->len,
                           options->passive_auth_flags, &pa);
  switch (pa.status)
    {
    case TDN_PASSIVE_AUTH_VALID: res->passive_auth = TDN_CHIP_CHECK_VALID; break;
    case TDN_PASSIVE_AUTH_INVALID: res->passive_auth = TDN_CHIP_CHECK_INVALID; break;
    case TDN_PASSIVE_AUTH_UNTRUSTED_CSCA: res->passive_auth = TDN_CHIP_CHECK_UNTRUSTED_CSCA; break;
    case TDN_PASSIVE_AUTH_NOT_CHECKED:
    default: res->passive_auth = TDN_CHIP_CHECK_NOT_CHECKED; break;
    }
  if (pa.reason != TDN_PASSIVE_AUTH_REASON_NONE)
    res->passive_auth_reason = g_strdup (tdn_passive_auth_reason_to_string (pa.reason));
  if (pa.status == TDN_PASSIVE_AUTH_INVALID)
    {
      g_message ("passive authentication failed: %s", pa.detail != NULL ? pa.detail : "?");
      tdn_identity_add_warning (res->identity,
                                _("The chip's data failed its signature check: the card may "
                                  "be forged or altered. Ask staff to check the card."));
    }
  tdn_passive_auth_result_clear (&pa);
}


/* INTERNAL AUTHENTICATE with a fresh 8-byte challenge, under SM; the
 * chip signs it with the private key matching DG15. */
void
tdn_chip_check_active_auth (TdnChipReadCtx *ctx,
                            TdnChipResult  *res)
{
  GBytes *dg15 = g_hash_table_lookup (res->dgs, GUINT_TO_POINTER (15));
  g_autoptr(TdnActiveAuthKey) key = NULL;
  g_autoptr(GBytes) sig = NULL;
  g_autoptr(GError) local = NULL;
  guint8 challenge[TDN_ACTIVE_AUTH_CHALLENGE_LEN];
  guint16 sw = 0;
  gsize n;
  const guint8 *d;

  res->active_auth = TDN_CHIP_CHECK_NOT_SUPPORTED;
  if (dg15 == NULL)
    return;
  d = g_bytes_get_data (dg15, &n);
  key = tdn_active_auth_key_parse (d, n, &local);
  if (key == NULL)
    {
      g_message ("Active Authentication key unusable: %s", local->message);
      res->active_auth = g_error_matches (local, TDN_ACTIVE_AUTH_ERROR,
                                          TDN_ACTIVE_AUTH_ERROR_UNSUPPORTED)
                         ? TDN_CHIP_CHECK_NOT_SUPPORTED : TDN_CHIP_CHECK_INVALID;
      return;
    }
  if (!tdn_active_auth_make_challenge (challenge, &local))
    {
      g_message ("Active Authentication skipped: %s", local->message);
      res->active_auth = TDN_CHIP_CHECK_NOT_CHECKED;
      return;
    }
  tdn_chip_read_stage (ctx, "active-auth");
  sig = tdn_chip_session_send (ctx->session, 0x00, 0x88, 0x00, 0x00, challenge,
                               sizeof challenge, 256, &sw, &local);
  if (sig == NULL || sw != TDN_SW_OK)
    {
      g_message ("INTERNAL AUTHENTICATE refused (%s)",
                 local != NULL ? local->message : "status word");
      res->active_auth = sw == 0x6D00 ? TDN_CHIP_CHECK_NOT_SUPPORTED : TDN_CHIP_CHECK_INVALID;
      return;
    }
  d = g_bytes_get_data (sig, &n);
  if (tdn_active_auth_verify (key, challenge, sizeof challenge, d, n, NULL, &local))
    res->active_auth = TDN_CHIP_CHECK_VALID;
  else
    {
      g_message ("Active Authentication failed: %s", local->message);
      res->active_auth = g_error_matches (local, TDN_ACTIVE_AUTH_ERROR,
                                          TDN_ACTIVE_AUTH_ERROR_UNSUPPORTED)
                         ? TDN_CHIP_CHECK_NOT_SUPPORTED : TDN_CHIP_CHECK_INVALID;
      if (res->active_auth == TDN_CHIP_CHECK_INVALID)
        tdn_identity_add_warning (res->identity,
                                  _("The chip failed its anti-cloning check: the card may be "
                                    "a copy. Ask staff to check the card."));
    }
}


void
tdn_chip_check_chip_auth (TdnChipReadCtx *ctx,
                          TdnChipResult  *res)
{
  GBytes *dg14 = g_hash_table_lookup (res->dgs, GUINT_TO_POINTER (14));
  g_autoptr(TdnDg14) parsed = NULL;
  g_autoptr(GBytes) mse = NULL;
  g_autoptr(GBytes) ga = NULL;
  g_autoptr(GBytes) r1 = NULL;
  g_autoptr(GBytes) r2 = NULL;
  g_autoptr(GError) local = NULL;
  TdnChipAuthSession cas = { 0 };
  const TdnChipAuthInfo *info;
  guint16 sw = 0;
  gsize n;
  const guint8 *d;
  TdnSm sm;

  res->chip_auth = TDN_CHIP_CHECK_NOT_SUPPORTED;
  if (dg14 == NULL)
    return;
  d = g_bytes_get_data (dg14, &n);
  parsed = tdn_dg14_parse (d, n, &local);
  info = parsed != NULL ? tdn_dg14_get_chip_auth (parsed, &local) : NULL;
  if (info == NULL)
    {
      g_message ("Chip Authentication not possible: %s", local->message);
      return;
    }
  /* Our SM speaks 3DES and AES-128; longer AES keys are not used by CCCDs. */
  if (info->cipher != TDN_CHIP_AUTH_CIPHER_AES128 && info->cipher != TDN_CHIP_AUTH_CIPHER_3DES)
    return;
  if (!tdn_chip_auth_agree (info, &cas, &local))
    {
      g_message ("Chip Authentication key agreement failed: %s", local->message);
      res->chip_auth = TDN_CHIP_CHECK_INVALID;
      return;
    }
  tdn_chip_read_stage (ctx, "chip-auth");
  if (info->cipher == TDN_CHIP_AUTH_CIPHER_3DES)
    {
      mse = tdn_chip_auth_mse_set_kat_data (info, &cas);
      d = g_bytes_get_data (mse, &n);
      r1 = tdn_chip_session_send (ctx->session, 0x00, 0x22, 0x41, 0xA6, d, n,
                                  TDN_APDU_NO_LE, &sw, &local);
    }
  else
    {
      mse = tdn_chip_auth_mse_set_at_data (info);
      d = g_bytes_get_data (mse, &n);
      r1 = tdn_chip_session_send (ctx->session, 0x00, 0x22, 0x41, 0xA4, d, n,
                                  TDN_APDU_NO_LE, &sw, &local);
      if (r1 != NULL && sw == TDN_SW_OK)
        {
          ga = tdn_chip_auth_general_authenticate_data (&cas);
          d = g_bytes_get_data (ga, &n);
          r2 = tdn_chip_session_send (ctx->session, 0x00, 0x86, 0x00, 0x00, d, n,
                                      256, &sw, &local);
        }
    }
  if ((r1 == NULL || (info->cipher != TDN_CHIP_AUTH_CIPHER_3DES && r2 == NULL)) || sw != TDN_SW_OK)
    {
      g_message ("Chip Authentication refused (%s)",
                 local != NULL ? local->message : "status word");
      res->chip_auth = sw == 0x6D00 || sw == 0x6A80 || sw == 0x6A88
                       ? TDN_CHIP_CHECK_NOT_SUPPORTED : TDN_CHIP_CHECK_INVALID;
      if (!tdn_chip_session_has_sm (ctx->session))
        ctx->ca_failed = TRUE;
      tdn_chip_auth_session_clear (&cas);
      return;
    }
  if (info->cipher == TDN_CHIP_AUTH_CIPHER_3DES)
    {
      static const guint8 zero[8] = { 0 };
      tdn_sm_init (&sm, cas.ks_enc, cas.ks_mac, zero);
    }
  else
    tdn_sm_init_aes (&sm, cas.ks_enc, cas.ks_mac);
  tdn_chip_session_set_sm (ctx->session, &sm);
  tdn_sm_clear (&sm);
  tdn_chip_auth_session_clear (&cas);
  ctx->ca_pending = TRUE;
  res->chip_auth = TDN_CHIP_CHECK_VALID;
}

void
tdn_chip_check_chip_auth_confirm (TdnChipReadCtx *ctx,
                                  TdnChipResult  *res,
                                  gboolean        failed_sm)
{
  if (!ctx->ca_pending)
    return;
  ctx->ca_pending = FALSE;
  if (!failed_sm)
    return;
  ctx->ca_failed = TRUE;
  res->chip_auth = TDN_CHIP_CHECK_INVALID;
  res->active_auth = TDN_CHIP_CHECK_INVALID;
  g_message ("Chip Authentication failed: the chip did not answer under the new keys");
  tdn_identity_add_warning (res->identity,
                            _("The chip failed its anti-cloning check: the card may be "
                              "a copy. Ask staff to check the card."));
}
