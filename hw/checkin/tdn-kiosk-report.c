/* tdn-kiosk-report.c — what a demo kiosk answers about itself, as JSON
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answers of "state?", "people?", "clinics?" and "help" (docs/cli.md,
 * kiosk send): "ok " and one line of JSON. Personal data only masked.
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include "tdn-base.h"
#include "tdn-control-command.h"
#include "tdn-kiosk-services-private.h"

static char *
ok_json (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *json = json_to_string (root, FALSE);

  return g_strconcat ("ok ", json, NULL);
}

static void
add_nullable (JsonBuilder *b,
              const char  *name,
              const char  *value)
{
  tdn_json_add_string (b, name, value);
}

char *
tdn_kiosk_report_state (TdnKioskServices *s)
{
  TdnCheckin *c = s->checkin;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const TdnClinicStatus *clinic = tdn_checkin_get_selected_clinic (c);
  g_autofree char *masked_name = tdn_checkin_get_full_name (c) != NULL
    ? tdn_mask_name (tdn_checkin_get_full_name (c)) : NULL;
  g_autofree char *png = tdn_kiosk_services_ticket_png (s, tdn_checkin_get_visit_id (c));
  static const char * const help_names[] = { "none", "sending", "sent", "failed" };

  json_builder_begin_object (b);
  add_nullable (b, "state", tdn_checkin_state_to_string (tdn_checkin_get_state (c)));
  add_nullable (b, "language", tdn_checkin_get_language (c));
  add_nullable (b, "instruction", tdn_checkin_get_instruction (c));
  json_builder_set_member_name (b, "idle_warning");
  json_builder_add_boolean_value (b, tdn_checkin_get_idle_warning (c));
  add_nullable (b, "help", help_names[tdn_checkin_get_help (c)]);
  add_nullable (b, "masked_name", masked_name);
  add_nullable (b, "masked_id", tdn_checkin_get_masked_id (c));
  json_builder_set_member_name (b, "age");
  json_builder_add_int_value (b, tdn_checkin_get_age (c));
  add_nullable (b, "assurance", tdn_checkin_has_identity (c)
                                  ? tdn_assurance_to_string (tdn_checkin_get_assurance (c)) : NULL);
  json_builder_set_member_name (b, "chip_photo");
  json_builder_add_boolean_value (b, tdn_checkin_has_chip_photo (c));
  add_nullable (b, "bhyt", tdn_checkin_bhyt_to_string (tdn_checkin_get_bhyt (c)));
  add_nullable (b, "bhyt_message", tdn_checkin_get_bhyt_message (c));
  add_nullable (b, "clinic", clinic != NULL ? clinic->clinic->code : NULL);
  add_nullable (b, "priority", tdn_priority_to_string (tdn_checkin_get_priority (c)));
  add_nullable (b, "queue_number", tdn_checkin_get_queue_number (c));
  add_nullable (b, "visit_id", tdn_checkin_get_visit_id (c));
  add_nullable (b, "ticket_png", png);
  json_builder_set_member_name (b, "actions");
  json_builder_begin_array (b);
  for (int a = 0; a < TDN_CHECKIN_N_ACTIONS; a++)
    if (tdn_checkin_can_tap (c, a))
      json_builder_add_string_value (b, tdn_checkin_action_to_string (a));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return ok_json (b);
}

char *
tdn_kiosk_report_people (TdnKioskServices *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (guint i = 0; s->people != NULL && i < tdn_demo_people_count (s->people); i++)
    {
      const TdnDemoPerson *p = tdn_demo_people_get (s->people, i);

      json_builder_begin_object (b);
      tdn_json_add_string (b, "key", p->key);
      tdn_json_add_string (b, "label_vi", p->label_vi);
      tdn_json_add_string (b, "label_en", p->label_en);
      json_builder_set_member_name (b, "id_card");
      json_builder_add_boolean_value (b, !p->bhyt_qr);
      json_builder_set_member_name (b, "unreadable");
      json_builder_add_boolean_value (b, p->unreadable);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return ok_json (b);
}

char *
tdn_kiosk_report_clinics (TdnKioskServices *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) list = tdn_visit_store_list_clinics (s->store, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "clinics");
  json_builder_begin_array (b);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const TdnClinicStatus *st = list->pdata[i];

      json_builder_begin_object (b);
      tdn_json_add_string (b, "code", st->clinic->code);
      tdn_json_add_string (b, "name_vi", st->clinic->name_vi);
      tdn_json_add_string (b, "name_en", st->clinic->name_en);
      tdn_json_add_string (b, "room", st->clinic->room);
      json_builder_set_member_name (b, "waiting");
      json_builder_add_int_value (b, st->waiting);
      json_builder_set_member_name (b, "open");
      json_builder_add_boolean_value (b, st->open);
      json_builder_set_member_name (b, "full");
      json_builder_add_boolean_value (b, st->full);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return ok_json (b);
}

char *
tdn_kiosk_report_help (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_auto(GStrv) lines = g_strsplit (tdn_control_usage (), "\n", -1);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "commands");
  json_builder_begin_array (b);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      json_builder_add_string_value (b, lines[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return ok_json (b);
}

