/* tdn-kiosk-window-private.h — the window's fields, shared by its two files
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-kiosk-speech.h"
#include "tdn-kiosk-window.h"

G_BEGIN_DECLS

struct _TdnKioskWindow
{
  AdwApplicationWindow parent_instance;

  GtkWidget          *outer;
  GtkWidget          *side_panel;
  GtkWidget          *layout;
  GtkWidget          *header;
  GtkWidget          *hospital;
  GtkWidget          *clock;
  GtkWidget          *reach_hint;
  GtkWidget          *banner;
  GtkWidget          *stack;
  GtkWidget          *welcome_page;
  GtkWidget          *reading_page;
  GtkWidget          *identity_page;
  GtkWidget          *clinic_page;
  GtkWidget          *priority_page;
  GtkWidget          *confirm_page;
  GtkWidget          *done_page;
  GtkWidget          *failure_page;
  GtkWidget          *entry_page;
  GtkWidget          *idle_overlay;

  TdnKioskSpeech     *speech;
  char               *language;
  char               *default_language;
  char               *hospital_vi;
  char               *hospital_en;
  gboolean            high_contrast;
  gboolean            large_text;
  gboolean            low_reach;
  gboolean            default_high_contrast;
  gboolean            default_large_text;
  gboolean            default_speech;
  TdnKioskOrientation orientation;
  int                 portrait;      /* -1 not decided yet */
  guint               clock_id;
};

G_END_DECLS
