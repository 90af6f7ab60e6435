/* tdn-ticket-render.c — the ticket's layout, drawn with Pango and Cairo
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-ticket"

#include "config.h"

#include <pango/pangocairo.h>
#include <qrencode.h>

#include "tdn-base.h"
#include "tdn-ticket.h"

#define MARGIN 8

G_DEFINE_QUARK (tdn-ticket-error-quark, tdn_ticket_error)

char *
tdn_ticket_patient_name (const char *full_name,
                         const char *mode)
{
  g_auto(GStrv) words = NULL;
  GString *s;
  guint n;

  if (full_name == NULL || g_strcmp0 (mode, "none") == 0)
    return NULL;
  if (g_strcmp0 (mode, "initials") != 0)
    return g_strdup (full_name);
  /* Vietnamese names end with the given name, the one people are called
   * by: keep it whole so the patient recognises the ticket as theirs. */
  words = g_strsplit (full_name, " ", -1);
  n = g_strv_length (words);
  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (i + 1 == n)
        g_string_append (s, words[i]);
      else
        {
          g_string_append_unichar (s, g_unichar_toupper (g_utf8_get_char (words[i])));
          g_string_append_c (s, '.');
        }
    }
  return g_string_free (s, FALSE);
}

guint
tdn_ticket_width_for_paper (int paper_mm)
{
  return paper_mm <= 58 ? 384 : 576;
}

void
tdn_raster_free (TdnRaster *raster)
{
  if (raster == NULL)
    return;
  g_free (raster->data);
  g_free (raster);
}

typedef struct {
  cairo_t   *cr;          /* NULL while measuring */
  guint      width;
  double     y;
  const char *font;
} Pen;

/* Draws (or measures) one wrapped paragraph; returns its height. */
static void
text (Pen        *pen,
      const char *s,
      int         px,
      gboolean    bold,
      gboolean    centred)
{
  g_autoptr(PangoFontDescription) fd = NULL;
  cairo_surface_t *dummy = NULL;
  cairo_t *cr = pen->cr;
  PangoLayout *layout;
  int w, h;

  if (s == NULL || *s == '\0')
    return;
  if (cr == NULL)
    {
      dummy = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cr = cairo_create (dummy);
    }
  layout = pango_cairo_create_layout (cr);
  fd = pango_font_description_from_string (pen->font);
  pango_font_description_set_absolute_size (fd, px * PANGO_SCALE);
  pango_font_description_set_weight (fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, fd);
  pango_layout_set_width (layout, (int) (pen->width - 2 * MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, s, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (pen->cr != NULL)
    {
      cairo_move_to (pen->cr, MARGIN, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  pen->y += h + 4;
  g_object_unref (layout);
  if (dummy != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (dummy);
    }
}

/* A one-line layout of `s` at `px`, on `cr` or a scratch context. */
static PangoLayout *
line_layout (cairo_t    *cr,
             const char *font,
             const char *s,
             int         px)
{
  g_autoptr(PangoFontDescription) fd = pango_font_description_from_string (font);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_font_description_set_absolute_size (fd, px * PANGO_SCALE);
  pango_font_description_set_weight (fd, PANGO_WEIGHT_HEAVY);
  pango_layout_set_font_description (layout, fd);
  pango_layout_set_text (layout, s, -1);
  return layout;
}

/* The queue number: as large as fits on one line, up to 120 px. */
static void
number (Pen        *pen,
        const char *s)
{
  cairo_surface_t *dummy = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *scratch = cairo_create (dummy);
  PangoLayout *layout = NULL;
  int px, w = 0, h = 0;

  for (px = 120; px >= 24; px -= 4)
    {
      g_clear_object (&layout);
      layout = line_layout (pen->cr != NULL ? pen->cr : scratch, pen->font, s, px);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (w <= (int) pen->width - 2 * MARGIN)
        break;
    }
  if (pen->cr != NULL)
    {
      cairo_move_to (pen->cr, (pen->width - w) / 2.0, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  pen->y += h + 4;
  g_clear_object (&layout);
  cairo_destroy (scratch);
  cairo_surface_destroy (dummy);
}

static void
rule_line (Pen *pen)
{
  if (pen->cr != NULL)
    {
      cairo_rectangle (pen->cr, MARGIN, pen->y + 4, pen->width - 2 * MARGIN, 2);
      cairo_fill (pen->cr);
    }
  pen->y += 12;
}

static gboolean
qr (Pen         *pen,
    const char  *content,
    GError     **error)
{
  QRcode *code = QRcode_encodeString8bit (content, 0, QR_ECLEVEL_M);
  int module, size;

  if (code == NULL)
    {
      g_set_error_literal (error, TDN_TICKET_ERROR, TDN_TICKET_ERROR_QR,
                           _("The ticket's QR code could not be made"));
      return FALSE;
    }
  /* About 40 % of the width, whole dots per module, 4-module quiet zone. */
  module = MAX (3, (int) (pen->width * 2 / 5) / (code->width + 8));
  size = module * (code->width + 8);
  if (pen->cr != NULL)
    {
      double x0 = (pen->width - size) / 2.0 + 4 * module;
      double y0 = pen->y + 4 * module;

      for (int y = 0; y < code->width; y++)
        for (int x = 0; x < code->width; x++)
          if (code->data[y * code->width + x] & 1)
            cairo_rectangle (pen->cr, x0 + x * module, y0 + y * module, module, module);
      cairo_fill (pen->cr);
    }
  pen->y += size;
  QRcode_free (code);
  return TRUE;
}

static const char *
bhyt_words (TdnTicketBhyt bhyt)
{
  switch (bhyt)
    {
    case TDN_TICKET_BHYT_ELIGIBLE: return N_("BHYT: valid");
    case TDN_TICKET_BHYT_PENDING: return N_("BHYT: being checked");
    case TDN_TICKET_BHYT_SELF_PAY: return N_("Self-pay (no BHYT)");
    case TDN_TICKET_BHYT_DESK:
    default: return N_("BHYT: please see the reception desk");
    }
}

/* Lays the ticket out once; with pen->cr NULL it only measures. */
static gboolean
layout_ticket (Pen             *pen,
               const TdnTicket *t,
               GError         **error)
{
  const char *lang = t->language ? t->language : "vi";
  g_autofree char *when = NULL;
  g_autofree char *go = NULL;
  g_autofree char *ref = NULL;

  pen->y = MARGIN;
  text (pen, t->hospital_name, 26, TRUE, TRUE);
  rule_line (pen);
  text (pen, t->clinic_name, 34, TRUE, TRUE);
  text (pen, t->room, 30, FALSE, TRUE);
  text (pen, t->location, 22, FALSE, TRUE);
  text (pen, tdn_i18n_translate (lang, N_("Your number")), 24, FALSE, TRUE);
  number (pen, t->number);
  if (t->priority != NULL)
    {
      g_autofree char *mark = g_strdup_printf ("★ %s", tdn_i18n_translate (lang, t->priority));
      text (pen, mark, 26, TRUE, TRUE);
    }
  text (pen, t->patient_name, 26, FALSE, TRUE);
  text (pen, tdn_i18n_translate (lang, bhyt_words (t->bhyt)), 26, TRUE, TRUE);
  if (t->time != NULL)
    {
      when = g_date_time_format (t->time, "%H:%M  %d/%m/%Y");
      text (pen, when, 24, FALSE, TRUE);
    }
  if (t->bhyt == TDN_TICKET_BHYT_DESK)
    go = g_strdup (tdn_i18n_translate (lang, N_("Please go to the reception desk")));
  else if (t->room != NULL && *t->room != '\0')
    {
      /* TRANSLATORS: {room} is the room, e.g. "Phòng 105". */
      g_auto(GStrv) parts = g_strsplit (tdn_i18n_translate (lang, N_("Please go to {room}")), "{room}", 2);

      go = g_strconcat (parts[0], t->room, parts[1] ? parts[1] : "", NULL);
    }
  text (pen, go, 26, TRUE, TRUE);
  rule_line (pen);
  if (t->visit_ref != NULL && !qr (pen, t->visit_ref, error))
    return FALSE;
  if (t->visit_ref != NULL)
    {
      ref = g_strndup (t->visit_ref, 8);
      text (pen, ref, 18, FALSE, TRUE);
    }
  text (pen, t->footer, 20, FALSE, TRUE);
  pen->y += MARGIN;
  return TRUE;
}

TdnRaster *
tdn_ticket_render (const TdnTicket *t,
                   guint            width,
                   GError         **error)
{
  Pen pen = { NULL, width, 0, t->font ? t->font : "Noto Sans" };
  cairo_surface_t *surface;
  TdnRaster *raster;
  guint height;
  const guint8 *a8;
  int a8_stride;

  g_return_val_if_fail (t != NULL, NULL);
  g_return_val_if_fail (width % 8 == 0 && width >= 256, NULL);

  if (!layout_ticket (&pen, t, error))
    return NULL;
  height = (guint) pen.y + 1;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) width, (int) height);
  pen.cr = cairo_create (surface);
  cairo_set_source_rgba (pen.cr, 0, 0, 0, 1);
  if (!layout_ticket (&pen, t, error))
    {
      cairo_destroy (pen.cr);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_destroy (pen.cr);
  cairo_surface_flush (surface);

  raster = g_new0 (TdnRaster, 1);
  raster->width = width;
  raster->height = height;
  raster->stride = width / 8;
  raster->data = g_malloc0 ((gsize) raster->stride * height);
  a8 = cairo_image_surface_get_data (surface);
  a8_stride = cairo_image_surface_get_stride (surface);
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      if (a8[(gsize) y * a8_stride + x] >= 128)
        raster->data[(gsize) y * raster->stride + x / 8] |= (guint8) (0x80 >> (x % 8));
  cairo_surface_destroy (surface);
  return raster;
}

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
tdn_raster_write_png (const TdnRaster *raster,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) raster->width, (int) raster->height);
  guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  cairo_status_t st;

  for (guint y = 0; y < raster->height; y++)
    for (guint x = 0; x < raster->width; x++)
      {
        gboolean black = raster->data[(gsize) y * raster->stride + x / 8] & (0x80 >> (x % 8));
        guint32 px = black ? 0x000000 : 0xFFFFFF;

        memcpy (data + (gsize) y * stride + 4 * x, &px, 4);
      }
  cairo_surface_mark_dirty (s);
  st = cairo_surface_write_to_png_stream (s, png_write_cb, png);
  cairo_surface_destroy (s);
  if (st != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TDN_TICKET_ERROR, TDN_TICKET_ERROR_RENDER,
                   _("Cannot write %s: %s"), path, cairo_status_to_string (st));
      return FALSE;
    }
  /* A ticket shows the patient's name: only its owner may read it. */
  return g_file_set_contents_full (path, (const char *) png->data, (gssize) png->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
