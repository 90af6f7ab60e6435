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
