/* bench-ticket.c — ticket render time and bytes per ticket, both widths
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints FIGURE lines (tools/bench collects them).
 */
#include "config.h"

#include <stdio.h>

#include "tdn-base.h"
#include "tdn-escpos.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) now = g_date_time_new (vn, 2026, 11, 23, 7, 30, 0);
  const int rounds = 40;
  TdnTicket t = {
    .hospital_name = "Bệnh viện Đa khoa Tỉnh Thử Nghiệm",
    .clinic_name = "Khám Tai Mũi Họng và Phẫu thuật Đầu Mặt Cổ",
    .room = "Phòng 105", .location = "Tầng 1, Nhà A",
    .number = "K2-A015", .priority = "Aged 75 or over",
    .patient_name = "Nguyễn Thị Phương Thảo", .bhyt = TDN_TICKET_BHYT_PENDING,
    .time = now, .visit_ref = "1b4e28ba-2fa1-4d2e-883f-0016d3cca427",
    .language = "vi", .font = "Noto Sans",
  };

  for (int mm = 58; mm <= 80; mm += 22)
    {
      guint width = tdn_ticket_width_for_paper (mm);
      gsize bytes = 0;
      gint64 start;
      double ms;

      /* One untimed render warms font caches, as a running kiosk has. */
      tdn_raster_free (tdn_ticket_render (&t, width, NULL));
      start = g_get_monotonic_time ();
      for (int i = 0; i < rounds; i++)
        {
          g_autoptr(TdnRaster) r = tdn_ticket_render (&t, width, NULL);
          g_autoptr(GBytes) job = tdn_escpos_encode_ticket (r, FALSE);

          bytes = g_bytes_get_size (job);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;
      printf ("FIGURE ticket_render_%dmm %.2f ms/ticket\n", mm, ms);
      printf ("FIGURE ticket_bytes_%dmm %" G_GSIZE_FORMAT " bytes\n", mm, bytes);
    }
  return 0;
}
