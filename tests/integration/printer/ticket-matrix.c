/* ticket-matrix.c DIR — writes the ESC/POS bytes of every test ticket
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One ticket per combination of text length (short, long Vietnamese
 * clinic/room/name, one unbreakable word), patient-name mode, BHYT state,
 * language and paper width, each with its own visit reference. Prints one
 * line per ticket for test-ticket-matrix.sh: NAME WIDTH_DOTS REFERENCE
 * HEIGHT_DOTS.
 */
#include "config.h"

#include <stdio.h>

#include "tdn-base.h"
#include "tdn-escpos.h"

typedef struct {
  const char *name;
  const char *clinic, *room, *location, *patient, *mode, *priority, *hospital;
} Text;

static const Text texts[] = {
  { "short", "Khám Nội", "Phòng 105", NULL, "Lê Mai", "full", NULL, "Bệnh viện A" },
  { "long",
    "Khám Tai Mũi Họng và Phẫu thuật Đầu Mặt Cổ — Phòng khám chuyên sâu theo yêu cầu (ngoài giờ hành chính)",
    "Phòng 105B, khu khám bệnh theo yêu cầu",
    "Tầng 3, Nhà kỹ thuật cao A7 — đi thang máy số 2 rồi rẽ trái, qua khu xét nghiệm",
    "Công Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc Trâm Anh", "full",
    "Người có công với cách mạng",
    "Bệnh viện Đa khoa Trung ương Thành phố Hồ Chí Minh — Cơ sở 2 (Khu điều trị kỹ thuật cao)" },
  { "initials", "Khám Nhi", "Phòng 210", "Tầng 2", "Nguyễn Thị Phương Thảo", "initials",
    "Trẻ em dưới 6 tuổi", "Bệnh viện Nhi" },
  { "noname", "Khám Sản", "Phòng 3", NULL, "Trần Thị Hoa", "none", "Phụ nữ có thai", "Bệnh viện Phụ sản" },
  { "oneword", "Khámtaimũihọngvàphẫuthuậtđầumặtcổchuyênsâutheoyêucầungoàigiờhànhchính",
    "Phòng105B", NULL, "NguyễnThịPhươngThảoCôngTônNữBảoNgọcTrâmAnh", "full", NULL,
    "BệnhviệnĐakhoaTrungươngThànhphốHồChíMinh" },
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) now = g_date_time_new (vn, 2026, 11, 23, 7, 30, 0);
  const TdnTicketBhyt bhyt[] = {
    TDN_TICKET_BHYT_ELIGIBLE, TDN_TICKET_BHYT_PENDING, TDN_TICKET_BHYT_SELF_PAY, TDN_TICKET_BHYT_DESK,
  };
  const char *langs[] = { "vi", "en" };
  guint count = 0;

  if (argc != 2)
    {
      g_printerr ("usage: ticket-matrix DIR\n");
      return 2;
    }
  tdn_i18n_init ();
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint b = 0; b < G_N_ELEMENTS (bhyt); b++)
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (int mm = 58; mm <= 80; mm += 22)
          {
            g_autofree char *patient = tdn_ticket_patient_name (texts[t].patient, texts[t].mode);
            g_autofree char *ref = tdn_uuid_new ();
            /* The long set also has a long number format: "KIOSK12-NHI0003". */
            g_autofree char *number = t == 1 ? g_strdup_printf ("KIOSK1%u-NHI%04u", l + 1, ++count)
                                             : g_strdup_printf ("K%u-A%03u", l + 1, ++count);
            g_autofree char *name = g_strdup_printf ("%s-b%u-%s-%d", texts[t].name, b, langs[l], mm);
            g_autofree char *path = g_strdup_printf ("%s/%s.bin", argv[1], name);
            g_autoptr(GError) error = NULL;
            g_autoptr(TdnRaster) r = NULL;
            g_autoptr(GBytes) job = NULL;
            TdnTicket ticket = {
              .hospital_name = texts[t].hospital, .clinic_name = texts[t].clinic,
              .room = texts[t].room, .location = texts[t].location, .number = number,
              .priority = texts[t].priority, .patient_name = patient, .bhyt = bhyt[b],
              .time = now, .visit_ref = ref, .language = langs[l],
              .footer = l == 0 ? "Xin cảm ơn quý khách. Vui lòng giữ phiếu này đến khi khám xong." : NULL,
              .font = "Noto Sans",
            };

            r = tdn_ticket_render (&ticket, tdn_ticket_width_for_paper (mm), &error);
            if (r == NULL)
              {
                g_printerr ("%s: %s\n", name, error->message);
                return 1;
              }
            job = tdn_escpos_encode_ticket (r, FALSE);
            if (!g_file_set_contents (path, g_bytes_get_data (job, NULL),
                                      (gssize) g_bytes_get_size (job), &error))
              {
                g_printerr ("%s\n", error->message);
                return 1;
              }
            printf ("%s %u %s %u\n", name, r->width, ref, r->height);
          }
  return 0;
}
