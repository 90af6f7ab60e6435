/* tdn-kiosk-controller-private.h — shared by the controller's two files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-kiosk-controller.h"

G_BEGIN_DECLS

struct _TdnKioskController
{
  GObject         parent_instance;

  TdnKioskWindow *window;     /* weak: the window owns us through its data */
  TdnCheckin     *checkin;
  TdnKioskTicketPngFunc ticket_func;
  gpointer        ticket_data;
  guint           countdown_id;
  gboolean        syncing_language;
  TdnCheckinState last_state;
  char           *last_spoken;
  GdkTexture     *ticket_texture;
  char           *ticket_visit;   /* the visit the texture shows */
};

/* The machine's action behind a window action ("confirm" → YES,
 * "choice" with target "retry" → RETRY). FALSE for clinic/priority. */
gboolean tdn_kiosk_action_lookup (const char       *name,
                                  const char       *target,
                                  TdnCheckinAction *out);

/* tdn-kiosk-render.c */
void tdn_kiosk_controller_render (TdnKioskController *self);
void tdn_kiosk_controller_clear  (TdnKioskController *self);

G_END_DECLS
