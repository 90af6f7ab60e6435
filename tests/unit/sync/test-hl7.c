/* test-hl7.c — ADT^A04/A08/A11 messages, checked by python-hl7; MLLP; ACKs
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-base.h"
#include "tdn-hl7.h"

static const TdnHl7Header header = { "TIEPDON", "01999", "HIS", "BVTHU", "P" };

static TdnVisit *
visit (int revision)
{
  TdnVisit *v = tdn_visit_new ();

  v->visit_id = g_strdup ("1b4e28ba-2fa1-4d2e-883f-0016d3cca427");
  v->revision = revision;
  v->id_number = g_strdup ("001195012345");
  v->full_name = g_strdup ("Nguyễn Thị Phương Mai");
  v->date_of_birth = g_strdup ("1995-03-14");
  v->sex = g_strdup ("female");
  v->address = g_strdup ("Số 12|A^B~C\\D&E, Hà Nội");
  v->clinic = g_strdup ("NOI");
  v->bhyt_card = g_strdup ("GD4010112345678");
  return v;
}

static void
test_adt_with_python_hl7 (void)
{
  g_autoptr(TdnVisit) v = visit (1);
  g_autoptr(GTimeZone) vn = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) now = g_date_time_new (vn, 2026, 11, 23, 7, 30, 0);
  g_autofree char *msg = tdn_hl7_build_adt (v, "d3f1c2b0-0000-4000-8000-00000000abcd", &header, now);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *script =
    "import sys, hl7\n"
    "m = hl7.parse(sys.stdin.buffer.read().decode('utf-8'))\n"
    "u = m.unescape\n"
    "print(str(m.segment('MSH')[9]))\n"
    "print(str(m.segment('MSH')[10]))\n"
    "print(str(m.segment('MSH')[18]))\n"
    "print(str(m.segment('PID')[3]))\n"
    "print(str(m.segment('PID')[5]))\n"
    "print(str(m.segment('PID')[7]))\n"
    "print(u(str(m.segment('PID')[11])))\n"
    "print(str(m.segment('PV1')[2]))\n"
    "print(str(m.segment('PV1')[19]))\n"
    "print(str(m.segment('IN1')[36]))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
  g_autoptr(GSubprocess) p = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (msg, "MSH|^~\\&|TIEPDON|01999|HIS|BVTHU|"));
  g_assert_nonnull (strstr (msg, "Số 12\\F\\A\\S\\B\\R\\C\\E\\D\\T\\E, Hà Nội"));
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }
  p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (p, msg, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (p))
    {
      g_test_skip ("python3-hl7 is not installed");
      return;
    }
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "ADT^A04^ADT_A01");
  g_assert_cmpstr (lines[1], ==, "d3f1c2b0-0000-4000-8000-00000000abcd");
  g_assert_cmpstr (lines[2], ==, "UNICODE UTF-8");
  g_assert_cmpstr (lines[3], ==, "001195012345^^^VNM^NI");
  g_assert_cmpstr (lines[4], ==, "Nguyễn^Mai^Thị Phương");
  g_assert_cmpstr (lines[5], ==, "19950314");
  g_assert_cmpstr (lines[6], ==, "Số 12|A^B~C\\D&E, Hà Nội");
  g_assert_cmpstr (lines[7], ==, "O");
  g_assert_cmpstr (lines[8], ==, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427^^^^VN");
  g_assert_cmpstr (lines[9], ==, "GD4010112345678");
}

static void
test_revision_is_a08 (void)
{
  g_autoptr(TdnVisit) v = visit (2);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *msg = tdn_hl7_build_adt (v, "x", &header, now);

  g_assert_nonnull (strstr (msg, "|ADT^A08^ADT_A01|x|"));
  g_assert_nonnull (strstr (msg, "\rEVN|A08|"));
}

/* A visit cancelled by a nurse's override: ADT^A11 (ADT_A09), the same
 * visit number, no insurance segment. */
static void
test_cancelled_is_a11 (void)
{
  g_autoptr(TdnVisit) v = visit (3);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *msg = NULL;

  v->state = g_strdup ("cancelled");
  msg = tdn_hl7_build_adt (v, "y", &header, now);
  g_assert_nonnull (strstr (msg, "|ADT^A11^ADT_A09|y|"));
  g_assert_nonnull (strstr (msg, "\rEVN|A11|"));
  g_assert_nonnull (strstr (msg, "|1b4e28ba-2fa1-4d2e-883f-0016d3cca427^^^^VN|"));
  g_assert_null (strstr (msg, "\rIN1|"));
  g_assert_null (strstr (msg, "A08"));
}

static void
test_mllp (void)
{
  g_autoptr(GBytes) frame = tdn_hl7_mllp_frame ("MSH|^~\\&|A\rPID|1\r");
  gsize len;
  const guint8 *d = g_bytes_get_data (frame, &len);
  const guint8 *payload;
  gsize plen, used;
  g_autofree guint8 *two = g_malloc (2 * len + 3);

  g_assert_cmpint (d[0], ==, 0x0B);
  g_assert_cmpint (d[len - 2], ==, 0x1C);
  g_assert_cmpint (d[len - 1], ==, 0x0D);
  g_assert_true (tdn_hl7_mllp_unframe (d, len, &payload, &plen, &used));
  g_assert_cmpuint (plen, ==, len - 3);
  g_assert_cmpuint (used, ==, len);
  /* Incomplete: wait for more. */
  g_assert_false (tdn_hl7_mllp_unframe (d, len - 1, &payload, &plen, &used));
  /* Noise, then a frame, then the start of another. */
  memcpy (two, "xx", 2);
  memcpy (two + 2, d, len);
  memcpy (two + 2 + len, d, len / 2);
  g_assert_true (tdn_hl7_mllp_unframe (two, 2 + len + len / 2, &payload, &plen, &used));
  g_assert_cmpuint (used, ==, 2 + len);
}

static TdnHl7AckResult
ack (const char  *text,
     char       **reason)
{
  return tdn_hl7_parse_ack ((const guint8 *) text, strlen (text), "D1", reason);
}

static void
test_acks (void)
{
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL, *r5 = NULL, *r6 = NULL, *r7 = NULL;

  g_assert_cmpint (ack ("MSH|^~\\&|HIS||TIEPDON||20261123||ACK^A04|9|P|2.5\rMSA|AA|D1\r", &r1), ==, TDN_HL7_ACK_ACCEPT);
  g_assert_cmpint (ack ("MSH|^~\\&|HIS\rMSA|AE|D1|PID-5 required\rERR|^^^101\r", &r2), ==, TDN_HL7_ACK_ERROR);
  g_assert_cmpstr (r2, ==, "PID-5 required");
  g_assert_cmpint (ack ("MSH|^~\\&|HIS\rMSA|AR|D1|Database locked\r", &r3), ==, TDN_HL7_ACK_REJECT);
  g_assert_cmpint (ack ("MSH|^~\\&|HIS\rMSA|AR|D1\rERR|MSH^1^12^1|^^^203^Unsupported version id\r", &r4),
                   ==, TDN_HL7_ACK_REJECT_HEADER);
  g_assert_cmpint (ack ("MSH|^~\\&|HIS\rMSA|AA|D2\r", &r5), ==, TDN_HL7_ACK_INVALID);
  g_assert_cmpint (ack ("HTTP/1.1 200 OK\r\n\r\nhello", &r6), ==, TDN_HL7_ACK_INVALID);
  g_assert_cmpint (tdn_hl7_parse_ack ((const guint8 *) "MSH\0|", 5, "D1", &r7), ==, TDN_HL7_ACK_INVALID);
}

static void
test_admit_time_is_arrival (void)
{
  g_autoptr(TdnVisit) v = visit (2);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 9, 30, 0);
  g_autoptr(GDateTime) arrived = g_date_time_new (tz, 2026, 11, 23, 7, 5, 9);
  g_autofree char *msg = tdn_hl7_build_adt_arrived (v, "D2", &header, now, arrived);
  g_auto(GStrv) segments = g_strsplit (msg, "\r", -1);
  guint seen = 0;

  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_has_prefix (segments[i], "PV1|"))
      {
        g_auto(GStrv) f = g_strsplit (segments[i], "|", -1);

        g_assert_cmpstr (f[44], ==, "20261123070509+0700");
        seen++;
      }
    else if (g_str_has_prefix (segments[i], "EVN|"))
      {
        g_assert_nonnull (strstr (segments[i], "|20261123093000+0700"));
        seen++;
      }
  g_assert_cmpuint (seen, ==, 2);
}

static void
test_in1_period (void)
{
  g_autoptr(TdnVisit) v = visit (1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 9, 30, 0);
  g_autofree char *msg = NULL;
  g_auto(GStrv) segments = NULL;
  gboolean seen = FALSE;

  v->eligibility_raw = g_strdup ("{\"maKetQua\":\"000\",\"gtTheTu\":\"01/01/2026\",\"gtTheDen\":\"31/12/2026\"}");
  msg = tdn_hl7_build_adt (v, "D1", &header, now);
  segments = g_strsplit (msg, "\r", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_has_prefix (segments[i], "IN1|"))
      {
        g_auto(GStrv) f = g_strsplit (segments[i], "|", -1);

        g_assert_cmpstr (f[12], ==, "20260101");
        g_assert_cmpstr (f[13], ==, "20261231");
        g_assert_cmpstr (f[36], ==, "GD4010112345678");
        seen = TRUE;
      }
  g_assert_true (seen);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hl7/adt-with-python-hl7", test_adt_with_python_hl7);
  g_test_add_func ("/hl7/revision-is-a08", test_revision_is_a08);
  g_test_add_func ("/hl7/cancelled-is-a11", test_cancelled_is_a11);
  g_test_add_func ("/hl7/mllp", test_mllp);
  g_test_add_func ("/hl7/acks", test_acks);
  g_test_add_func ("/hl7/admit-time-is-arrival", test_admit_time_is_arrival);
  g_test_add_func ("/hl7/in1-period", test_in1_period);
  return g_test_run ();
}
