/* tdn-bac.c — Basic Access Control mutual authentication (ICAO 9303-11 §4.3)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-emrtd"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "tdn-apdu.h"
#include "tdn-bac.h"
#include "tdn-des.h"

#define SW_AUTH_FAILED 0x6300

static gboolean
denied (GError **error)
{
  g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_ACCESS_DENIED,
                       _("The card refused the access key. Check the ID number, "
                         "date of birth and date of issue, or scan the card's QR code."));
  return FALSE;
}

gboolean
tdn_bac_authenticate (TdnChipSession     *session,
                      const TdnBacKeys   *keys,
                      const guint8       *rnd_ifd_k_ifd,
                      GError            **error)
{
  guint8 rnd_ifd[8], k_ifd[16], s[32], e_ifd[40], r_plain[32], m[8], seed[16];
  g_autoptr(GBytes) challenge = NULL;
  g_autoptr(GBytes) answer = NULL;
  const guint8 *rnd_ic, *a;
  TdnSm sm;
  guint8 ks_enc[16], ks_mac[16], ssc[8];
  guint16 sw = 0;
  gsize n;
  gboolean ok = FALSE;

  g_return_val_if_fail (session != NULL && keys != NULL, FALSE);

  tdn_chip_session_set_sm (session, NULL);
  challenge = tdn_chip_session_plain (session, 0x00, 0x84, 0x00, 0x00, NULL, 0, 8, &sw, error);
  if (challenge == NULL)
    return FALSE;
  if (sw != TDN_SW_OK || g_bytes_get_size (challenge) != 8)
    {
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                   _("The card did not give a challenge (status %04X). "
                     "Place the card on the reader again."), sw);
      return FALSE;
    }
  rnd_ic = g_bytes_get_data (challenge, NULL);

  if (rnd_ifd_k_ifd != NULL)
    {
      memcpy (rnd_ifd, rnd_ifd_k_ifd, 8);
      memcpy (k_ifd, rnd_ifd_k_ifd + 8, 16);
    }
  else if (RAND_bytes (rnd_ifd, 8) != 1 || RAND_bytes (k_ifd, 16) != 1)
    {
      g_set_error_literal (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                           _("The system random generator failed."));
      return FALSE;
    }

  memcpy (s, rnd_ifd, 8);
  memcpy (s + 8, rnd_ic, 8);
  memcpy (s + 16, k_ifd, 16);
  if (!tdn_des3_cbc (keys->enc, TRUE, s, 32, e_ifd, error)
      || !tdn_retail_mac (keys->mac, e_ifd, 32, e_ifd + 32, error))
    goto out;

  answer = tdn_chip_session_plain (session, 0x00, 0x82, 0x00, 0x00, e_ifd, 40, 40, &sw, error);
  if (answer == NULL)
    goto out;
  a = g_bytes_get_data (answer, &n);
  if (sw == SW_AUTH_FAILED || sw == TDN_SW_SECURITY_STATUS || (sw & 0xFF00) == 0x6300)
    {
      denied (error);
      goto out;
    }
  if (sw != TDN_SW_OK || n != 40)
    {
      g_set_error (error, TDN_CHIP_ERROR, TDN_CHIP_ERROR_PROTOCOL,
                   _("The card answered the access check wrongly (status %04X). "
                     "Place the card on the reader again."), sw);
      goto out;
    }
  if (!tdn_retail_mac (keys->mac, a, 32, m, error))
    goto out;
  if (CRYPTO_memcmp (m, a + 32, 8) != 0)
    {
      denied (error);
      goto out;
    }
  if (!tdn_des3_cbc (keys->enc, FALSE, a, 32, r_plain, error))
    goto out;
  if (CRYPTO_memcmp (r_plain, rnd_ic, 8) != 0 || CRYPTO_memcmp (r_plain + 8, rnd_ifd, 8) != 0)
    {
      denied (error);
      goto out;
    }

  for (int i = 0; i < 16; i++)
    seed[i] = k_ifd[i] ^ r_plain[16 + i];
  if (!tdn_kdf_3des (seed, 16, TDN_KDF_ENC, ks_enc, error)
      || !tdn_kdf_3des (seed, 16, TDN_KDF_MAC, ks_mac, error))
    goto out;
  memcpy (ssc, rnd_ic + 4, 4);
  memcpy (ssc + 4, rnd_ifd + 4, 4);
  tdn_sm_init (&sm, ks_enc, ks_mac, ssc);
  tdn_chip_session_set_sm (session, &sm);
  tdn_sm_clear (&sm);
  ok = TRUE;

out:
  OPENSSL_cleanse (rnd_ifd, sizeof rnd_ifd);
  OPENSSL_cleanse (k_ifd, sizeof k_ifd);
  OPENSSL_cleanse (s, sizeof s);
  OPENSSL_cleanse (r_plain, sizeof r_plain);
  OPENSSL_cleanse (seed, sizeof seed);
  OPENSSL_cleanse (ks_enc, sizeof ks_enc);
  OPENSSL_cleanse (ks_mac, sizeof ks_mac);
  return ok;
}
