/* tdn-hl7.c — HL7 v2.5 ADT^A04 / A08 / A11 for a visit, MLLP framing, ACKs
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include "tdn-base.h"
#include "tdn-bhyt-period.h"
#include "tdn-hl7.h"

#define MAX_ACK (64 * 1024)

char *
tdn_hl7_escape (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '|': g_string_append (s, "\\F\\"); break;
      case '^': g_string_append (s, "\\S\\"); break;
      case '~': g_string_append (s, "\\R\\"); break;
      case '\\': g_string_append (s, "\\E\\"); break;
      case '&': g_string_append (s, "\\T\\"); break;
      case '\r': case '\n': g_string_append (s, "\\X0D\\"); break;
      default: g_string_append_c (s, *p);
      }
  return g_string_free (s, FALSE);
}

/* "1995-03-14" → "19950314"; partial dates keep what they have. */
static char *
hl7_date (const char *iso)
{
  GString *s = g_string_new (NULL);

  for (const char *p = iso ? iso : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* Vietnamese names: family name first, given name last. */
static char *
hl7_name (const char *full)
{
  g_auto(GStrv) words = g_strsplit (full ? full : "", " ", -1);
  guint n = g_strv_length (words);
  g_autofree char *family = NULL, *given = NULL, *middle = NULL;
  g_autoptr(GString) mid = g_string_new (NULL);

  if (n == 0)
    return g_strdup ("");
  family = tdn_hl7_escape (words[0]);
  given = n > 1 ? tdn_hl7_escape (words[n - 1]) : g_strdup ("");
  for (guint i = 1; i + 1 < n; i++)
    g_string_append_printf (mid, "%s%s", mid->len ? " " : "", words[i]);
  middle = tdn_hl7_escape (mid->str);
  return g_strdup_printf ("%s^%s^%s", family, given, middle);
}

/* Appends "NAME|f1|f2…\r" with fields[1..n] (index 0 unused). */
static void
append_segment (GString           *m,
                const char        *name,
                const char * const fields[],
                guint              n)
{
  g_string_append (m, name);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (m, "|%s", fields[i] ? fields[i] : "");
  g_string_append_c (m, '\r');
}

char *
tdn_hl7_build_adt (const TdnVisit     *v,
                   const char         *delivery_id,
                   const TdnHl7Header *h,
                   GDateTime          *now)
{
  return tdn_hl7_build_adt_arrived (v, delivery_id, h, now, now);
}

char *
tdn_hl7_build_adt_arrived (const TdnVisit     *v,
                           const char         *delivery_id,
                           const TdnHl7Header *h,
                           GDateTime          *now,
                           GDateTime          *arrived)
{
  g_autofree char *ts = g_date_time_format (now, "%Y%m%d%H%M%S%z");
  g_autofree char *admit = g_date_time_format (arrived, "%Y%m%d%H%M%S%z");
  g_autofree char *name = hl7_name (v->full_name);
  g_autofree char *dob = hl7_date (v->date_of_birth);
  g_autofree char *addr = tdn_hl7_escape (v->address);
  g_autofree char *clinic = tdn_hl7_escape (v->clinic);
  g_autofree char *card = tdn_hl7_escape (v->bhyt_card);
  g_autofree char *id = tdn_hl7_escape (v->id_number);
  g_autofree char *pid3 = g_strdup_printf ("%s^^^VNM^NI", id);
  g_autofree char *visit = g_strdup_printf ("%s^^^^VN", v->visit_id);
  g_autofree char *sa = tdn_hl7_escape (h->sending_application);
  g_autofree char *sf = tdn_hl7_escape (h->sending_facility);
  g_autofree char *ra = tdn_hl7_escape (h->receiving_application);
  g_autofree char *rf = tdn_hl7_escape (h->receiving_facility);
  /* A cancelled visit (a nurse's override) cancels the registration:
   * A11 "cancel admit/visit notification", message structure ADT_A09. */
  gboolean cancelled = g_strcmp0 (v->state, "cancelled") == 0;
  const char *event = cancelled ? "A11" : v->revision <= 1 ? "A04" : "A08";
  g_autofree char *type = g_strdup_printf ("ADT^%s^%s", event, cancelled ? "ADT_A09" : "ADT_A01");
  const char *sex = g_strcmp0 (v->sex, "male") == 0 ? "M" : g_strcmp0 (v->sex, "female") == 0 ? "F" : "U";
  const char *msh[19] = { NULL };
  const char *evn[3] = { NULL };
  const char *pid[12] = { NULL };
  const char *pv1[45] = { NULL };
  const char *in1[37] = { NULL };
  GString *m = g_string_new ("MSH|^~\\&");

  /* MSH-1 is the separator itself and MSH-2 the encoding characters. */
  msh[3] = sa; msh[4] = sf; msh[5] = ra; msh[6] = rf; msh[7] = ts; msh[9] = type;
  msh[10] = delivery_id; msh[11] = h->processing_id ? h->processing_id : "P"; msh[12] = "2.5";
  msh[18] = "UNICODE UTF-8";
  for (guint i = 3; i <= 18; i++)
    g_string_append_printf (m, "|%s", msh[i] ? msh[i] : "");
  g_string_append_c (m, '\r');
  evn[1] = event; evn[2] = ts;
  append_segment (m, "EVN", evn, 2);
  pid[1] = "1"; pid[3] = pid3; pid[5] = name; pid[7] = dob; pid[8] = sex; pid[11] = addr;
  append_segment (m, "PID", pid, 11);
  pv1[1] = "1"; pv1[2] = "O"; pv1[3] = clinic; pv1[19] = visit; pv1[44] = admit;
  append_segment (m, "PV1", pv1, 44);
  /* ADT_A09 has no IN1: the insurance goes with the registration. */
  if (!cancelled && v->bhyt_card != NULL && *v->bhyt_card != '\0')
    {
      g_autofree char *from = NULL, *to = NULL, *from_hl7 = NULL, *to_hl7 = NULL;

      /* IN1-12/13: plan effective and expiration dates, when known. */
      tdn_bhyt_period_from_raw (v->eligibility_raw, &from, &to);
      from_hl7 = from != NULL ? hl7_date (from) : NULL;
      to_hl7 = to != NULL ? hl7_date (to) : NULL;
      in1[1] = "1"; in1[2] = "BHYT"; in1[3] = "BHXH^^^VNM"; in1[12] = from_hl7; in1[13] = to_hl7; in1[36] = card;
      append_segment (m, "IN1", in1, 36);
    }
  return g_string_free (m, FALSE);
}

GBytes *
tdn_hl7_mllp_frame (const char *message)
{
  GByteArray *a = g_byte_array_new ();
  static const guint8 vt = 0x0B, end[] = { 0x1C, 0x0D };

  g_byte_array_append (a, &vt, 1);
  g_byte_array_append (a, (const guint8 *) message, (guint) strlen (message));
  g_byte_array_append (a, end, 2);
  return g_byte_array_free_to_bytes (a);
}

gboolean
tdn_hl7_mllp_unframe (const guint8  *data,
                      gsize          length,
                      const guint8 **payload,
                      gsize         *payload_length,
                      gsize         *consumed)
{
  const guint8 *start = memchr (data, 0x0B, length);

  if (start == NULL)
    return FALSE;
  for (const guint8 *p = start + 1; p + 1 < data + length; p++)
    if (p[0] == 0x1C && p[1] == 0x0D)
      {
        *payload = start + 1;
        *payload_length = (gsize) (p - start - 1);
        *consumed = (gsize) (p + 2 - data);
        return TRUE;
      }
  return FALSE;
}

/* Field `n` (1-based after the segment name) of a segment line. */
static char *
field (const char *segment,
       guint       n)
{
  g_auto(GStrv) f = g_strsplit (segment, "|", (gint) n + 2);

  return g_strv_length (f) > n ? g_strdup (f[n]) : NULL;
}

TdnHl7AckResult
tdn_hl7_parse_ack (const guint8  *data,
                   gsize          length,
                   const char    *control_id,
                   char         **reason)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) segments = NULL;
  g_autofree char *code = NULL, *acked = NULL, *msg = NULL, *err = NULL;
  gboolean have_msh = FALSE;

  *reason = NULL;
  if (length == 0 || length > MAX_ACK || memchr (data, '\0', length) != NULL ||
      !g_utf8_validate_len ((const char *) data, length, NULL))
    {
      *reason = g_strdup ("the answer is not an HL7 text message");
      return TDN_HL7_ACK_INVALID;
    }
  text = g_strndup ((const char *) data, length);
  g_strdelimit (text, "\n", '\r');
  segments = g_strsplit (text, "\r", 64);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_has_prefix (segments[i], "MSH|"))
        have_msh = TRUE;
      else if (g_str_has_prefix (segments[i], "MSA|") && code == NULL)
        {
          code = field (segments[i], 1);
          acked = field (segments[i], 2);
          msg = field (segments[i], 3);
        }
      else if (g_str_has_prefix (segments[i], "ERR|") && err == NULL)
        err = g_strdup (segments[i] + 4);
    }
  if (!have_msh || code == NULL)
    {
      *reason = g_strdup ("the answer has no MSH or MSA segment");
      return TDN_HL7_ACK_INVALID;
    }
  if (g_strcmp0 (acked, control_id) != 0)
    {
      *reason = g_strdup_printf ("the ACK is for another message (%s)", acked ? acked : "none");
      return TDN_HL7_ACK_INVALID;
    }
  *reason = g_strdup (msg != NULL && *msg != '\0' ? msg : err != NULL ? err : code);
  if (g_str_equal (code, "AA") || g_str_equal (code, "CA"))
    return TDN_HL7_ACK_ACCEPT;
  if (g_str_equal (code, "AE") || g_str_equal (code, "CE"))
    return TDN_HL7_ACK_ERROR;
  if (g_str_equal (code, "AR") || g_str_equal (code, "CR"))
    {
      /* A reject that names the header (MSH-9 type, MSH-11 processing id,
       * MSH-12 version) will fail again: park it. */
      g_autofree char *all = g_strconcat (msg ? msg : "", " ", err ? err : "", NULL);

      if (strstr (all, "MSH^1^9") || strstr (all, "MSH^1^11") || strstr (all, "MSH^1^12") ||
          strstr (all, "MSH-9") || strstr (all, "MSH-11") || strstr (all, "MSH-12") ||
          strstr (all, "^200^") || strstr (all, "^201^") || strstr (all, "^202^") || strstr (all, "^203^"))
        return TDN_HL7_ACK_REJECT_HEADER;
      return TDN_HL7_ACK_REJECT;
    }
  g_free (*reason);
  *reason = g_strdup_printf ("unknown acknowledgement code %s", code);
  return TDN_HL7_ACK_INVALID;
}
