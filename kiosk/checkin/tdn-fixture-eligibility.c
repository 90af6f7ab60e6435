/* tdn-fixture-eligibility.c — eligibility answered in-process from demo data
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <string.h>

#include "tdn-base.h"
#include "tdn-fixture-eligibility.h"

struct _TdnFixtureEligibility
{
  GObject        parent_instance;
  TdnDemoPeople *people;
  char          *facility_code;
  gboolean       down;
  guint          latency_ms;
};

static void tdn_fixture_eligibility_iface_init (TdnEligibilityServiceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnFixtureEligibility, tdn_fixture_eligibility, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_ELIGIBILITY_SERVICE,
                                                      tdn_fixture_eligibility_iface_init))

static const char * const card_fields[] = {
  "maThe", "hoTen", "ngaySinh", "gioiTinh", "diaChi", "maDKBD", "cqBHXH", "gtTheTu", "gtTheDen",
  "maKV", "ngayDu5Nam", "maSoBHXH", "maTheCu", "maTheMoi", "gtTheTuMoi", "gtTheDenMoi",
  "maDKBDMoi", "tenDKBDMoi",
};

/* Codes whose answer carries the card (as bhxh-sim.py). */
static const char * const with_card[] = {
  "000", "001", "002", "003", "004", "010", "060", "061", "070", "130", NULL
};

/* As the gateway compares: case, diacritics and spaces ignored. */
static char *
fold (const char *name)
{
  g_autofree char *nfd = g_utf8_normalize (name ? name : "", -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == 0x0111 || c == 0x0110)   /* đ Đ */
        c = 'D';
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

static const char *
member (JsonObject *o,
        const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
    ? json_node_get_string (n) : NULL;
}

char *
tdn_fixture_eligibility_answer_json (TdnFixtureEligibility *self,
                                     const char            *id,
                                     const char            *name,
                                     const char            *dob)
{
  JsonObject *person = tdn_demo_people_record (self->people, id);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *code;

  json_builder_begin_object (b);
  if (person == NULL)
    {
      tdn_json_add_string (b, "maKetQua", "050");
      tdn_json_add_string (b, "ghiChu", "Thẻ không tồn tại!");
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      return json_to_string (root, FALSE);
    }
  code = member (person, "maKetQua") ? member (person, "maKetQua") : "000";
  if (g_str_equal (code, "000"))
    {
      g_autofree char *a = fold (name), *c = fold (member (person, "hoTen"));
      const char *born = member (person, "ngaySinh") ? member (person, "ngaySinh") : "";

      if (!g_str_equal (a, c))
        code = a[0] == c[0] ? "061" : "060";
      else if (g_strcmp0 (dob, born) != 0
               && !(strlen (born) >= 4 && g_strcmp0 (dob, born + strlen (born) - 4) == 0))
        code = "070";
    }
  tdn_json_add_string (b, "maKetQua", code);
  tdn_json_add_string (b, "ghiChu", member (person, "ghiChu") ? member (person, "ghiChu") : "");
  for (guint i = 0; i < G_N_ELEMENTS (card_fields); i++)
    {
      json_builder_set_member_name (b, card_fields[i]);
      if (g_strv_contains (with_card, code))
        json_builder_add_string_value (b, member (person, card_fields[i]) ? member (person, card_fields[i]) : "");
      else
        json_builder_add_null_value (b);
    }
  json_builder_set_member_name (b, "dsLichSuKCB2018");
  json_builder_add_null_value (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static TdnEligibility *
answer (TdnFixtureEligibility *self,
        const char            *id,
        const char            *name,
        const char            *dob)
{
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) now = tdn_clock_now ();
  GDate today;
  TdnEligibility *e;

  if (self->down)
    return tdn_eligibility_new_unavailable ();
  json = tdn_fixture_eligibility_answer_json (self, id, name, dob);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  e = tdn_eligibility_from_gateway_json (json, strlen (json), self->facility_code, &today, NULL);
  return e != NULL ? e : tdn_eligibility_new_unavailable ();
}

static gboolean
deliver_cb (gpointer data)
{
  GTask *task = data;

  g_task_return_pointer (task, g_object_steal_data (G_OBJECT (task), "answer"),
                         (GDestroyNotify) tdn_eligibility_free);
  return G_SOURCE_REMOVE;
}

static void
check_async (TdnEligibilityService *service,
             const char            *id,
             const char            *name,
             const char            *dob,
             GCancellable          *cancellable,
             GAsyncReadyCallback    callback,
             gpointer               user_data)
{
  TdnFixtureEligibility *self = TDN_FIXTURE_ELIGIBILITY (service);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, check_async);
  g_object_set_data_full (G_OBJECT (task), "answer", answer (self, id, name, dob),
                          (GDestroyNotify) tdn_eligibility_free);
  if (self->latency_ms > 0)
    g_timeout_add_full (G_PRIORITY_DEFAULT, self->latency_ms, deliver_cb, task, g_object_unref);
  else
    g_idle_add_full (G_PRIORITY_DEFAULT, deliver_cb, task, g_object_unref);
}

static TdnEligibility *
check_finish (TdnEligibilityService *service,
              GAsyncResult          *result)
{
  g_return_val_if_fail (g_task_is_valid (result, service), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static void
tdn_fixture_eligibility_iface_init (TdnEligibilityServiceInterface *iface)
{
  iface->check_async = check_async;
  iface->check_finish = check_finish;
}

static void
tdn_fixture_eligibility_finalize (GObject *object)
{
  g_free (TDN_FIXTURE_ELIGIBILITY (object)->facility_code);
  G_OBJECT_CLASS (tdn_fixture_eligibility_parent_class)->finalize (object);
}

static void
tdn_fixture_eligibility_class_init (TdnFixtureEligibilityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_fixture_eligibility_finalize;
}

static void
tdn_fixture_eligibility_init (TdnFixtureEligibility *self)
{
}

TdnEligibilityService *
tdn_fixture_eligibility_new (TdnDemoPeople *people,
                             const char    *facility_code)
{
  TdnFixtureEligibility *self = g_object_new (TDN_TYPE_FIXTURE_ELIGIBILITY, NULL);

  self->people = people;
  self->facility_code = g_strdup (facility_code ? facility_code : "");
  return TDN_ELIGIBILITY_SERVICE (self);
}

void
tdn_fixture_eligibility_set_down (TdnFixtureEligibility *self,
                                  gboolean               down)
{
  g_return_if_fail (TDN_IS_FIXTURE_ELIGIBILITY (self));
  self->down = down;
}

gboolean
tdn_fixture_eligibility_get_down (TdnFixtureEligibility *self)
{
  g_return_val_if_fail (TDN_IS_FIXTURE_ELIGIBILITY (self), FALSE);
  return self->down;
}

void
tdn_fixture_eligibility_set_latency (TdnFixtureEligibility *self,
                                     guint                  ms)
{
  g_return_if_fail (TDN_IS_FIXTURE_ELIGIBILITY (self));
  self->latency_ms = ms;
}
