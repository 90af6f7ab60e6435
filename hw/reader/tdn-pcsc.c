/* tdn-pcsc.c — PC/SC (libpcsclite) helpers: errors, reader list
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <PCSC/winscard.h>

#include "tdn-pcsc.h"

G_DEFINE_QUARK (tdn-reader-error-quark, tdn_reader_error)

gboolean
tdn_pcsc_set_error (long         rv,
                    const char  *reader,
                    GError     **error)
{
  const char *r = reader != NULL ? reader : "?";

  switch (rv)
    {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_SERVICE,
                           _("The smart card service (pcscd) is not running. Start it or call IT."));
      break;
    case SCARD_F_COMM_ERROR:
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_SERVICE,
                           _("The smart card service (pcscd) stopped during the reading. "
                             "Place the card again; if it happens again, call IT."));
      break;
    case SCARD_E_NO_READERS_AVAILABLE:
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_READER,
                           _("No card reader is connected. Plug in the reader or call IT."));
      break;
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
      g_set_error (error, TDN_READER_ERROR, TDN_READER_ERROR_READER_GONE,
                   _("The card reader “%s” is not connected. Plug it in or call IT."), r);
      break;
    case SCARD_E_NO_SMARTCARD:
      g_set_error (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_CARD,
                   _("There is no card on the reader “%s”. Place the card on it."), r);
      break;
    case SCARD_W_REMOVED_CARD:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_RESET_CARD:
    case SCARD_W_UNRESPONSIVE_CARD:
    case SCARD_E_COMM_DATA_LOST:
    case SCARD_E_NOT_TRANSACTED:
    case SCARD_E_INVALID_HANDLE:
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_CARD_REMOVED,
                           _("The card was moved during the reading. Place it on the reader "
                             "again and keep it still."));
      break;
    case SCARD_E_SHARING_VIOLATION:
      g_set_error (error, TDN_READER_ERROR, TDN_READER_ERROR_BUSY,
                   _("Another program is using the card reader “%s”. Close it or call IT."), r);
      break;
    case SCARD_E_TIMEOUT:
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_TIMEOUT,
                           _("The card did not answer in time. Place it on the reader again."));
      break;
    case SCARD_E_CANCELLED:
      g_set_error_literal (error, TDN_READER_ERROR, TDN_READER_ERROR_CANCELLED,
                           _("The card reading was cancelled."));
      break;
    default:
      g_set_error (error, TDN_READER_ERROR, TDN_READER_ERROR_FAILED,
                   _("The card reader failed (%s). Place the card again or call IT."),
                   pcsc_stringify_error (rv));
      break;
    }
  return FALSE;
}

GStrv
tdn_pcsc_list_readers (GArray  **present,
                       GError  **error)
{
  SCARDCONTEXT ctx = 0;
  DWORD len = 0;
  g_autofree char *buf = NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GArray) flags = g_array_new (FALSE, TRUE, sizeof (gboolean));
  LONG rv;

  rv = SCardEstablishContext (SCARD_SCOPE_SYSTEM, NULL, NULL, &ctx);
  if (rv != SCARD_S_SUCCESS)
    {
      tdn_pcsc_set_error (rv, NULL, error);
      return NULL;
    }
  rv = SCardListReaders (ctx, NULL, NULL, &len);
  if (rv == SCARD_S_SUCCESS && len > 0)
    {
      buf = g_malloc0 (len + 1);
      rv = SCardListReaders (ctx, NULL, buf, &len);
    }
  if (rv != SCARD_S_SUCCESS && rv != SCARD_E_NO_READERS_AVAILABLE)
    {
      SCardReleaseContext (ctx);
      tdn_pcsc_set_error (rv, NULL, error);
      return NULL;
    }
  for (const char *p = buf; rv == SCARD_S_SUCCESS && p != NULL && *p != '\0'; p += strlen (p) + 1)
    {
      SCARD_READERSTATE st = { .szReader = p, .dwCurrentState = SCARD_STATE_UNAWARE };
      gboolean card = FALSE;

      if (SCardGetStatusChange (ctx, 0, &st, 1) == SCARD_S_SUCCESS)
        card = (st.dwEventState & SCARD_STATE_PRESENT) != 0;
      g_strv_builder_add (b, p);
      g_array_append_val (flags, card);
    }
  SCardReleaseContext (ctx);
  if (present != NULL)
    *present = g_steal_pointer (&flags);
  return g_strv_builder_end (b);
}

char *
tdn_pcsc_choose_reader (const char  *name,
                        GError     **error)
{
  g_autoptr(GArray) present = NULL;
  g_auto(GStrv) readers = tdn_pcsc_list_readers (&present, error);

  if (readers == NULL)
    return NULL;
  if (readers[0] == NULL)
    {
      tdn_pcsc_set_error (SCARD_E_NO_READERS_AVAILABLE, NULL, error);
      return NULL;
    }
  if (name != NULL && *name != '\0')
    {
      if (!g_strv_contains ((const char * const *) readers, name))
        {
          g_set_error (error, TDN_READER_ERROR, TDN_READER_ERROR_NO_READER,
                       _("There is no card reader “%s”. Run “tiepdonctl readers” to list them."),
                       name);
          return NULL;
        }
      return g_strdup (name);
    }
  for (guint i = 0; readers[i] != NULL; i++)
    if (g_array_index (present, gboolean, i))
      return g_strdup (readers[i]);
  return g_strdup (readers[0]);
}
