/* tdn-pace.c — PACE with the CAN (ICAO 9303-11 §4.4), through OpenPACE
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tdn-apdu.h"
#include "tdn-pace.h"
#include "tdn-tlv.h"

#if HAVE_LIBEAC
/* OpenPACE's headers name CMAC_CTX and ENGINE, which OpenSSL 3 hides
 * behind its deprecation switch; we call none of those ourselves. */
#undef OPENSSL_NO_DEPRECATED
#include <openssl/crypto.h>
#include <eac/eac.h>
#include <eac/pace.h>
#endif

#define SW_AUTH_FAILED_MASK 0x63C0

gboolean
tdn_pace_available (void)
{
  return HAVE_LIBEAC;
}

#if HAVE_LIBEAC

static gboolean
refused (guint16   sw,
         GError  **error)
{
  if ((sw & 0xFFF0) == SW_AUTH_FAILED_MASK || sw == 0x6300 || sw == TDN_SW_SECURITY_STATUS)
    g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_ACCESS_DENIED,
                         _("The card refused the access number (the last 6 digits "
                           "of the ID number). Check the ID number."));
  else
    g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                 _("The card answered PACE with status %04X. "
                   "Place the card on the reader again."), sw);
  return FALSE;
}

/* Sends 7C { tag value } (chained unless last) and returns the value of
 * `want` in the 7C answer. */
static BUF_MEM *
general_authenticate (TdnChipSession  *session,
                      gboolean         last,
                      guint8           tag,   /* unused when value is NULL */
                      const BUF_MEM   *value,
                      guint8           want,
                      GError         **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) resp = NULL;
  guint8 l[4], t = tag, seven_c = 0x7C;
  gsize inner_len = value != NULL ? value->length : 0, n;
  guint16 sw = 0;
  TdnTlv outer, found;
  const guint8 *d;
  BUF_MEM *out;
  g_autoptr(GError) local = NULL;

  /* 7C L { tag L value }; the first step sends an empty 7C 00. */
  if (value == NULL)
    g_byte_array_append (data, (const guint8 *) "\x7C\x00", 2);
  else
  {
    guint8 il[4];
    gsize iln = tdn_tlv_encode_length (inner_len, il);
    gsize ln = tdn_tlv_encode_length (1 + iln + inner_len, l);

    g_byte_array_append (data, &seven_c, 1);
    g_byte_array_append (data, l, (guint) ln);
    g_byte_array_append (data, &t, 1);
    g_byte_array_append (data, il, (guint) iln);
    if (inner_len > 0)
      g_byte_array_append (data, (const guint8 *) value->data, (guint) inner_len);
  }
  resp = tdn_chip_session_plain (session, last ? 0x00 : 0x10, 0x86, 0x00, 0x00,
                                 data->data, data->len, 256, &sw, error);
  if (resp == NULL)
    return NULL;
  if (sw != TDN_SW_OK)
    {
      refused (sw, error);
      return NULL;
    }
  d = g_bytes_get_data (resp, &n);
  if (!tdn_tlv_find (d, n, 0x7C, &outer, &local)
      || !tdn_tlv_find (outer.value, outer.length, want, &found, &local))
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                           _("The card's PACE answer is malformed. "
                             "Place the card on the reader again."));
      return NULL;
    }
  out = BUF_MEM_new ();
  if (out == NULL || !BUF_MEM_grow (out, found.length))
    {
      BUF_MEM_free (out);
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL, "out of memory");
      return NULL;
    }
  memcpy (out->data, found.value, found.length);
  return out;
}

static void
buf_free (BUF_MEM *b)
{
  if (b != NULL)
    BUF_MEM_clear_free (b);
}

static gpointer
eac_init_once (gpointer data)
{
  EAC_init ();
  return NULL;
}

static gboolean
crypto_failed (const char  *step,
               GError     **error)
{
  g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
               _("PACE failed at the %s step. Place the card on the reader again."), step);
  return FALSE;
}

gboolean
tdn_pace_authenticate (TdnChipSession    *session,
                       GBytes            *card_access,
                       const TdnPaceInfo *info,
                       const char        *can,
                       GError           **error)
{
  EAC_CTX *ctx = NULL;
  PACE_SEC *sec = NULL;
  BUF_MEM *enc_nonce = NULL, *my_map = NULL, *card_map = NULL, *my_eph = NULL;
  BUF_MEM *card_eph = NULL, *my_token = NULL, *card_token = NULL;
  g_autoptr(GByteArray) mse = g_byte_array_new ();
  g_autoptr(GBytes) resp = NULL;
  const guint8 *ca;
  gsize ca_len;
  guint16 sw = 0;
  gboolean ok = FALSE;
  const KA_CTX *ka;
  TdnSm sm;

  g_return_val_if_fail (session != NULL && card_access != NULL && info != NULL, FALSE);

  if (can == NULL || strlen (can) != 6)
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_NO_KEY,
                           _("PACE needs the 6-digit access number."));
      return FALSE;
    }
  tdn_chip_session_set_sm (session, NULL);

  {
    static GOnce once = G_ONCE_INIT;
    g_once (&once, eac_init_once, NULL);
  }
  ctx = EAC_CTX_new ();
  ca = g_bytes_get_data (card_access, &ca_len);
  if (ctx == NULL || !EAC_CTX_init_ef_cardaccess (ca, ca_len, ctx) || ctx->pace_ctx == NULL)
    {
      crypto_failed ("EF.CardAccess", error);
      goto out;
    }
  sec = PACE_SEC_new (can, 6, PACE_CAN);
  if (sec == NULL)
    {
      crypto_failed ("password", error);
      goto out;
    }

  /* MSE:Set AT: 80 protocol OID, 83 password reference (02 CAN), 84 parameters. */
  {
    guint8 b;
    b = 0x80; g_byte_array_append (mse, &b, 1);
    b = (guint8) info->oid_len; g_byte_array_append (mse, &b, 1);
    g_byte_array_append (mse, info->oid, (guint) info->oid_len);
    g_byte_array_append (mse, (const guint8 *) "\x83\x01\x02", 3);
    if (info->parameter_id >= 0 && info->parameter_id < 32)
      {
        guint8 p[3] = { 0x84, 0x01, (guint8) info->parameter_id };
        g_byte_array_append (mse, p, 3);
      }
  }
  resp = tdn_chip_session_plain (session, 0x00, 0x22, 0xC1, 0xA4, mse->data, mse->len,
                                 TDN_APDU_NO_LE, &sw, error);
  if (resp == NULL)
    goto out;
  if ((sw == 0x6A80 || sw == 0x6A88) && info->parameter_id >= 0 && info->parameter_id < 32)
    {
      /* 84 is conditional (ICAO 9303-11 §4.4.4.1): a card that refuses it
       * gets the command without it. */
      g_clear_pointer (&resp, g_bytes_unref);
      g_byte_array_set_size (mse, mse->len - 3);
      resp = tdn_chip_session_plain (session, 0x00, 0x22, 0xC1, 0xA4, mse->data, mse->len,
                                     TDN_APDU_NO_LE, &sw, error);
      if (resp == NULL)
        goto out;
    }
  if (sw != TDN_SW_OK)
    {
      refused (sw, error);
      goto out;
    }

  enc_nonce = general_authenticate (session, FALSE, 0x80, NULL, 0x80, error);
  if (enc_nonce == NULL)
    goto out;
  if (!PACE_STEP2_dec_nonce (ctx, sec, enc_nonce))
    {
      crypto_failed ("nonce", error);
      goto out;
    }
  my_map = PACE_STEP3A_generate_mapping_data (ctx);
  if (my_map == NULL)
    {
      crypto_failed ("mapping", error);
      goto out;
    }
  card_map = general_authenticate (session, FALSE, 0x81, my_map, 0x82, error);
  if (card_map == NULL)
    goto out;
  if (!PACE_STEP3A_map_generator (ctx, card_map))
    {
      crypto_failed ("mapping", error);
      goto out;
    }
  my_eph = PACE_STEP3B_generate_ephemeral_key (ctx);
  if (my_eph == NULL)
    {
      crypto_failed ("key agreement", error);
      goto out;
    }
  card_eph = general_authenticate (session, FALSE, 0x83, my_eph, 0x84, error);
  if (card_eph == NULL)
    goto out;
  if (card_eph->length == my_eph->length
      && CRYPTO_memcmp (card_eph->data, my_eph->data, my_eph->length) == 0)
    {
      crypto_failed ("key agreement", error);
      goto out;
    }
  if (!PACE_STEP3B_compute_shared_secret (ctx, card_eph) || !PACE_STEP3C_derive_keys (ctx))
    {
      crypto_failed ("key agreement", error);
      goto out;
    }
  my_token = PACE_STEP3D_compute_authentication_token (ctx, card_eph);
  if (my_token == NULL)
    {
      crypto_failed ("token", error);
      goto out;
    }
  card_token = general_authenticate (session, TRUE, 0x85, my_token, 0x86, error);
  if (card_token == NULL)
    goto out;
  if (PACE_STEP3D_verify_authentication_token (ctx, card_token) != 1)
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_ACCESS_DENIED,
                           _("The card's PACE answer did not prove it knows the access "
                             "number. Check the ID number."));
      goto out;
    }
  ka = ctx->pace_ctx->ka_ctx;
  if (ka == NULL || ka->k_enc == NULL || ka->k_mac == NULL
      || ka->k_enc->length != 16 || ka->k_mac->length != 16)
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                           _("The card offers PACE with a cipher this kiosk does not use "
                             "(only AES-128). Use the date of birth and date of issue instead."));
      goto out;
    }
  tdn_sm_init_aes (&sm, (const guint8 *) ka->k_enc->data, (const guint8 *) ka->k_mac->data);
  tdn_chip_session_set_sm (session, &sm);
  tdn_sm_clear (&sm);
  ok = TRUE;

out:
  buf_free (enc_nonce);
  buf_free (my_map);
  buf_free (card_map);
  buf_free (my_eph);
  buf_free (card_eph);
  buf_free (my_token);
  buf_free (card_token);
  if (sec != NULL)
    PACE_SEC_clear_free (sec);
  if (ctx != NULL)
    EAC_CTX_clear_free (ctx);
  return ok;
}

#else /* !HAVE_LIBEAC */

gboolean
tdn_pace_authenticate (TdnChipSession    *session,
                       GBytes            *card_access,
                       const TdnPaceInfo *info,
                       const char        *can,
                       GError           **error)
{
  g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                       _("This kiosk was built without PACE (OpenPACE)."));
  return FALSE;
}

#endif
