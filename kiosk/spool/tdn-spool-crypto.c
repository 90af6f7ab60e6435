/* tdn-spool-crypto.c — personal columns encrypted at rest
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-spool"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tdn-base.h"
#include "tdn-spool.h"
#include "tdn-spool-crypto.h"

#define NONCE 12
#define TAG 16

struct _TdnSpoolKey
{
  guint8 enc[TDN_SPOOL_KEY_BYTES];
  guint8 mac[TDN_SPOOL_KEY_BYTES];
  char   id[9];
};

void
tdn_spool_key_free (TdnSpoolKey *key)
{
  if (key == NULL)
    return;
  OPENSSL_cleanse (key, sizeof *key);
  g_free (key);
}

const char *
tdn_spool_key_id (TdnSpoolKey *key)
{
  return key->id;
}

/* Two independent keys from the file's bytes (HKDF would do as well;
 * labelled SHA-256 is enough for two keys from 256 random bits). */
static void
derive (const guint8 *raw,
        const char   *label,
        guint8        out[TDN_SPOOL_KEY_BYTES])
{
  unsigned int len = TDN_SPOOL_KEY_BYTES;

  HMAC (EVP_sha256 (), raw, TDN_SPOOL_KEY_BYTES, (const guint8 *) label, strlen (label), out, &len);
}

TdnSpoolKey *
tdn_spool_key_load (const char  *path,
                    gboolean     create,
                    GError     **error)
{
  guint8 raw[TDN_SPOOL_KEY_BYTES];
  guint8 digest[32];
  struct stat st;
  TdnSpoolKey *key;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ENOENT && create)
    {
      if (RAND_bytes (raw, sizeof raw) != 1)
        {
          g_set_error_literal (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY,
                               _("No random numbers available for the spool key"));
          return NULL;
        }
      /* Written whole beside it, then linked into place: the kiosk and
       * syncd may start together on a new machine, and neither may read
       * a half-written key or replace the other's. */
      {
        g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);

        fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
        if (fd >= 0)
          {
            gboolean written = write (fd, raw, sizeof raw) == sizeof raw && fsync (fd) == 0;

            close (fd);
            if (written && link (tmp, path) == 0)
              g_message ("created a new spool key");
            unlink (tmp);
          }
      }
      OPENSSL_cleanse (raw, sizeof raw);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY,
                   _("Cannot read the spool key %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || (st.st_mode & 0077) != 0)
    {
      close (fd);
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY,
                   _("The spool key %s can be read by other users; run “chmod 600 %s”"), path, path);
      return NULL;
    }
  if (read (fd, raw, sizeof raw) != sizeof raw)
    {
      close (fd);
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY,
                   _("The spool key %s is not %d bytes"), path, TDN_SPOOL_KEY_BYTES);
      return NULL;
    }
  close (fd);

  key = g_new0 (TdnSpoolKey, 1);
  derive (raw, "tiepdon spool encryption v1", key->enc);
  derive (raw, "tiepdon spool lookup v1", key->mac);
  EVP_Digest (raw, sizeof raw, digest, NULL, EVP_sha256 (), NULL);
  for (int i = 0; i < 4; i++)
    g_snprintf (key->id + 2 * i, 3, "%02x", digest[i]);
  OPENSSL_cleanse (raw, sizeof raw);
  return key;
}

char *
tdn_spool_encrypt (TdnSpoolKey  *key,
                   const char   *column,
                   const guint8 *data,
                   gsize         length)
{
  g_autofree guint8 *buf = g_malloc (NONCE + length + TAG);
  g_autofree char *b64 = NULL;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new ();
  int out = 0, fin = 0;
  char *sealed = NULL;

  if (ctx == NULL || RAND_bytes (buf, NONCE) != 1 ||
      EVP_EncryptInit_ex (ctx, EVP_aes_256_gcm (), NULL, NULL, NULL) != 1 ||
      EVP_CIPHER_CTX_ctrl (ctx, EVP_CTRL_GCM_SET_IVLEN, NONCE, NULL) != 1 ||
      EVP_EncryptInit_ex (ctx, NULL, NULL, key->enc, buf) != 1 ||
      EVP_EncryptUpdate (ctx, NULL, &out, (const guint8 *) column, (int) strlen (column)) != 1 ||
      EVP_EncryptUpdate (ctx, buf + NONCE, &out, data, (int) length) != 1 ||
      EVP_EncryptFinal_ex (ctx, buf + NONCE + out, &fin) != 1 ||
      EVP_CIPHER_CTX_ctrl (ctx, EVP_CTRL_GCM_GET_TAG, TAG, buf + NONCE + length) != 1)
    g_error ("AES-256-GCM encryption failed");
  EVP_CIPHER_CTX_free (ctx);
  b64 = g_base64_encode (buf, NONCE + length + TAG);
  sealed = g_strdup_printf ("v1:%s:%s", key->id, b64);
  OPENSSL_cleanse (buf, NONCE + length + TAG);
  return sealed;
}

GBytes *
tdn_spool_decrypt (TdnSpoolKey  *key,
                   const char   *column,
                   const char   *sealed,
                   GError      **error)
{
  g_autofree guint8 *raw = NULL;
  g_autofree guint8 *plain = NULL;
  EVP_CIPHER_CTX *ctx;
  gsize len = 0, n;
  int out = 0, fin = 0;
  gboolean ok;

  if (sealed == NULL || !g_str_has_prefix (sealed, "v1:") || strlen (sealed) < 12 ||
      sealed[11] != ':')
    goto bad;
  if (strncmp (sealed + 3, key->id, 8) != 0)
    {
      g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY,
                   _("A value was sealed with another spool key (%.8s)"), sealed + 3);
      return NULL;
    }
  raw = g_base64_decode (sealed + 12, &len);
  if (len < NONCE + TAG)
    goto bad;
  n = len - NONCE - TAG;
  plain = g_malloc (n + 1);
  ctx = EVP_CIPHER_CTX_new ();
  ok = ctx != NULL &&
       EVP_DecryptInit_ex (ctx, EVP_aes_256_gcm (), NULL, NULL, NULL) == 1 &&
       EVP_CIPHER_CTX_ctrl (ctx, EVP_CTRL_GCM_SET_IVLEN, NONCE, NULL) == 1 &&
       EVP_DecryptInit_ex (ctx, NULL, NULL, key->enc, raw) == 1 &&
       EVP_DecryptUpdate (ctx, NULL, &out, (const guint8 *) column, (int) strlen (column)) == 1 &&
       EVP_DecryptUpdate (ctx, plain, &out, raw + NONCE, (int) n) == 1 &&
       EVP_CIPHER_CTX_ctrl (ctx, EVP_CTRL_GCM_SET_TAG, TAG, raw + NONCE + n) == 1 &&
       EVP_DecryptFinal_ex (ctx, plain + out, &fin) == 1;
  EVP_CIPHER_CTX_free (ctx);
  if (!ok)
    {
      OPENSSL_cleanse (plain, n + 1);
      goto bad;
    }
  plain[n] = '\0';
  return g_bytes_new_take (g_steal_pointer (&plain), n);

bad:
  g_set_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_CORRUPT,
               _("An encrypted %s value is damaged"), column);
  return NULL;
}

char *
tdn_spool_lookup_hash (TdnSpoolKey *key,
                       const char  *value)
{
  guint8 mac[32];
  unsigned int len = sizeof mac;
  GString *hex = g_string_sized_new (64);

  HMAC (EVP_sha256 (), key->mac, sizeof key->mac, (const guint8 *) value, strlen (value), mac, &len);
  for (guint i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", mac[i]);
  return g_string_free (hex, FALSE);
}
