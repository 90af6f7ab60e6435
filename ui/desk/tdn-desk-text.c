/* tdn-desk-text.c — words and choices the desk's widgets share
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-base.h"
#include "tdn-desk-text.h"
#include "tdn-priority.h"
#include "tdn-queue.h"

static const char *
text_or (const char *text,
         const char *fallback)
{
  return text != NULL ? text : fallback;
}

static const char *
str (JsonObject *o,
     const char *name)
{
  return o != NULL ? json_object_get_string_member_with_default (o, name, NULL) : NULL;
}

static gboolean
interface_is_vietnamese (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "vi");
}

const char *
tdn_desk_request_reason (JsonObject *request)
{
  const char *text = json_object_get_string_member_with_default (request,
                       interface_is_vietnamese () ? "reason_vi" : "reason_en", NULL);

  if (text == NULL)
    text = json_object_get_string_member_with_default (request, "reason", "");
  return text;
}

char *
tdn_desk_format_waiting (const char *since_iso)
{
  g_autoptr(GDateTime) t = since_iso != NULL ? g_date_time_new_from_iso8601 (since_iso, NULL) : NULL;
  gint64 s;

  if (t == NULL)
    return g_strdup ("");
  s = MAX (0, tdn_clock_get_real () / G_USEC_PER_SEC - g_date_time_to_unix (t));
  if (s < 60)
    return g_strdup (_("just now"));
  if (s < 3600)
    return g_strdup_printf (_("%d min"), (int) (s / 60));
  return g_strdup_printf (_("%d h %02d min"), (int) (s / 3600), (int) (s % 3600 / 60));
}

char *
tdn_desk_eligibility_text (const TdnEligibility *e)
{
  g_return_val_if_fail (e != NULL, NULL);
  return g_strdup_printf ("%s (%s)", interface_is_vietnamese () ? e->message_vi : e->message_en,
                          e->code != NULL && *e->code ? e->code : "—");
}

void
tdn_desk_fill_clinics (GtkDropDown *drop,
                       TdnConfig   *config,
                       GPtrArray   *codes)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) clinics = tdn_clinics_from_config (config);

  for (guint i = 0; i < clinics->len; i++)
    {
      TdnClinic *c = clinics->pdata[i];
      const char *name = !interface_is_vietnamese () && c->name_en && *c->name_en ? c->name_en : c->name_vi;

      gtk_string_list_append (names, name != NULL ? name : c->code);
      g_ptr_array_add (codes, g_strdup (c->code));
    }
  gtk_drop_down_set_model (drop, G_LIST_MODEL (names));
}

void
tdn_desk_fill_priorities (GtkDropDown *drop,
                          GPtrArray   *codes)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const TdnPriority all[] = { TDN_PRIORITY_NONE, TDN_PRIORITY_EMERGENCY, TDN_PRIORITY_CHILD_UNDER_6,
                              TDN_PRIORITY_PREGNANT, TDN_PRIORITY_SEVERE_DISABILITY,
                              TDN_PRIORITY_AGE_75, TDN_PRIORITY_MERIT };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      gtk_string_list_append (names, _(tdn_priority_describe (all[i])));
      g_ptr_array_add (codes, g_strdup (tdn_priority_to_string (all[i])));
    }
  gtk_drop_down_set_model (drop, G_LIST_MODEL (names));
}

char *
tdn_desk_describe_override (JsonObject *o)
{
  JsonObject *applied = json_object_get_member (o, "applied") &&
                        JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "applied"))
                        ? json_object_get_object_member (o, "applied") : NULL;
  g_autoptr(GDateTime) at = str (o, "created_at") ? g_date_time_new_from_iso8601 (str (o, "created_at"), NULL) : NULL;
  g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%H:%M") : g_strdup ("?");
  g_autofree char *outcome = NULL;
  const char *action = str (o, "action");
  const char *what = g_strcmp0 (action, "self_pay") == 0 ? _("switched to self-pay")
                   : g_strcmp0 (action, "accept_bhyt") == 0 ? _("accepted as BHYT")
                   : g_strcmp0 (action, "change_clinic") == 0 ? _("changed the clinic")
                   : g_strcmp0 (action, "change_priority") == 0 ? _("changed the priority")
                   : g_strcmp0 (action, "reprint") == 0 ? _("asked for a reprint")
                   : g_strcmp0 (action, "cancel") == 0 ? _("cancelled the visit") : action;

  if (applied == NULL)
    outcome = g_strdup (_("waiting for the kiosk"));
  else if (g_strcmp0 (str (applied, "outcome"), "applied") == 0)
    outcome = g_strdup (_("applied at the kiosk"));
  else
    outcome = g_strdup_printf (_("refused by the kiosk: %s"), text_or (str (applied, "detail"), "?"));
  return g_strdup_printf (_("%s — %s %s: “%s” (%s)"), when, text_or (str (o, "nurse_name"), text_or (str (o, "nurse"), "?")),
                          what, text_or (str (o, "reason"), ""), outcome);
}
