/* chip-identity-events.c — prints what the chip identity reader tells the
 * check-in, one line per signal (driven by test-card-read.py)
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chip-identity-events CONFIG ID-NUMBER COUNT: exits after COUNT lines,
 * or with status 1 after 60 seconds.
 */
#include "config.h"

#include <stdio.h>

#include "tdn-chip-identity-reader.h"

typedef struct {
  GMainLoop   *loop;
  int          left;
  TdnIdentity *who;
} Ctx;

static void
line (Ctx        *c,
      const char *text)
{
  printf ("%s\n", text);
  fflush (stdout);
  if (--c->left == 0)
    g_main_loop_quit (c->loop);
}

static const TdnIdentity *
key_source (gpointer data)
{
  return ((Ctx *) data)->who;
}

static void
reading_cb (TdnIdentityReader *r, Ctx *c)
{
  line (c, "reading");
}

static void
identity_cb (TdnIdentityReader *r, gpointer identity, int assurance, Ctx *c)
{
  g_autofree char *t = g_strdup_printf ("identity %s %s", tdn_assurance_to_string (assurance),
                                        ((const TdnIdentity *) identity)->full_name);
  line (c, t);
}

static void
photo_cb (TdnIdentityReader *r, GBytes *photo, Ctx *c)
{
  g_autofree char *t = g_strdup_printf ("photo %zu", g_bytes_get_size (photo));
  line (c, t);
}

static void
failed_cb (TdnIdentityReader *r, GError *error, Ctx *c)
{
  g_autofree char *t = g_strdup_printf ("failed %d %s", error->code, error->message);
  line (c, t);
}

static void
removed_cb (TdnIdentityReader *r, Ctx *c)
{
  line (c, "card-removed");
}

static void
connection_cb (TdnIdentityReader *r, gboolean connected, Ctx *c)
{
  line (c, connected ? "connected" : "disconnected");
}

static gboolean
give_up_cb (gpointer data)
{
  Ctx *c = data;

  c->left = -1;
  g_main_loop_quit (c->loop);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autoptr(TdnConfig) config = NULL;
  g_autoptr(TdnChipIdentityReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  Ctx c = { 0 };

  if (argc != 4)
    return 2;
  config = tdn_config_new (&tdn_config_schema_kiosk);
  if (!tdn_config_load (config, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  c.loop = g_main_loop_new (NULL, FALSE);
  c.left = atoi (argv[3]);
  c.who = tdn_identity_new (TDN_IDENTITY_SOURCE_MANUAL);
  c.who->id_number = g_strdup (argv[2]);
  reader = tdn_chip_identity_reader_new (config, key_source, &c);
  g_signal_connect (reader, "reading", G_CALLBACK (reading_cb), &c);
  g_signal_connect (reader, "identity", G_CALLBACK (identity_cb), &c);
  g_signal_connect (reader, "photo", G_CALLBACK (photo_cb), &c);
  g_signal_connect (reader, "failed", G_CALLBACK (failed_cb), &c);
  g_signal_connect (reader, "card-removed", G_CALLBACK (removed_cb), &c);
  g_signal_connect (reader, "connection-changed", G_CALLBACK (connection_cb), &c);
  g_timeout_add_seconds (60, give_up_cb, &c);
  if (!tdn_identity_reader_start (TDN_IDENTITY_READER (reader), &error))
    return 1;
  g_main_loop_run (c.loop);
  tdn_identity_reader_stop (TDN_IDENTITY_READER (reader));
  g_signal_handlers_disconnect_by_data (reader, &c);
  tdn_identity_free (c.who);
  g_main_loop_unref (c.loop);
  return c.left == 0 ? 0 : 1;
}
