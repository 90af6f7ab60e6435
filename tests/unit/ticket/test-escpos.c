/* test-escpos.c — ESC/POS bands and DLE EOT status answers
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-escpos.h"

static void
test_status (void)
{
  TdnPrinterStatus s = { 0 };

  g_assert_true (tdn_escpos_parse_status (1, 0x12, &s));
  g_assert_true (s.online);
  g_assert_true (tdn_escpos_parse_status (4, 0x12, &s));
  g_assert_cmpstr (tdn_printer_status_to_string (&s), ==, "ok");
  g_assert_true (tdn_escpos_parse_status (4, 0x1E, &s));        /* 0x0C: near end */
  g_assert_cmpstr (tdn_printer_status_to_string (&s), ==, "paper_near_end");
  g_assert_true (tdn_escpos_parse_status (4, 0x72, &s));        /* 0x60: out */
  g_assert_cmpstr (tdn_printer_status_to_string (&s), ==, "paper_out");
  memset (&s, 0, sizeof s);
  g_assert_true (tdn_escpos_parse_status (2, 0x16, &s));
  g_assert_true (s.cover_open);
  g_assert_true (tdn_escpos_parse_status (1, 0x1A, &s));
  g_assert_false (s.online);
  /* Not a status byte: fixed bits wrong, or an unknown query. */
  g_assert_false (tdn_escpos_parse_status (4, 0x00, &s));
  g_assert_false (tdn_escpos_parse_status (4, 0xFF, &s));
  g_assert_false (tdn_escpos_parse_status (9, 0x12, &s));
  memset (&s, 0, sizeof s);
  g_assert_cmpstr (tdn_printer_status_to_string (&s), ==, "unknown");
}

static void
test_bands (void)
{
  TdnRaster r = { 576, 600, 72, g_malloc0 (72 * 600) };
  g_autoptr(GBytes) job = NULL;
  const guint8 *d;
  gsize len, bands = 0;

  r.data[0] = 0x80;
  job = tdn_escpos_encode_ticket (&r, TRUE);
  d = g_bytes_get_data (job, &len);
  g_assert_cmpint (d[0], ==, 0x1B);
  g_assert_cmpint (d[1], ==, 0x40);
  for (gsize i = 0; i + 8 < len; i++)
    if (d[i] == 0x1D && d[i + 1] == 0x76 && d[i + 2] == 0x30)
      {
        guint rows = d[i + 6] | (d[i + 7] << 8);

        g_assert_cmpuint (rows, <=, 255);
        g_assert_cmpuint (d[i + 4] | (d[i + 5] << 8), ==, 72);
        bands++;
        i += 8 + 72 * rows - 1;
      }
  g_assert_cmpuint (bands, ==, 3);
  /* Ends with partial cut and the beep. */
  g_assert_cmpmem (d + len - 8, 8, "\x1d\x56\x42\x00\x1b\x42\x02\x02", 8);
  g_free (r.data);
}

static void
test_patient_name (void)
{
  g_autofree char *full = tdn_ticket_patient_name ("Nguyễn Thị Phương Thảo", "full");
  g_autofree char *initials = tdn_ticket_patient_name ("Nguyễn Thị Phương Thảo", "initials");
  g_autofree char *none = tdn_ticket_patient_name ("Nguyễn Thị Phương Thảo", "none");
  g_autofree char *one = tdn_ticket_patient_name ("Thảo", "initials");

  g_assert_cmpstr (full, ==, "Nguyễn Thị Phương Thảo");
  g_assert_cmpstr (initials, ==, "N. T. P. Thảo");
  g_assert_null (none);
  g_assert_cmpstr (one, ==, "Thảo");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escpos/status", test_status);
  g_test_add_func ("/escpos/bands", test_bands);
  g_test_add_func ("/ticket/patient-name", test_patient_name);
  return g_test_run ();
}
