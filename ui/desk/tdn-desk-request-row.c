/* tdn-desk-request-row.c — one waiting patient in the desk's list
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-desk"

#include "config.h"

#include "tdn-base.h"
#include "tdn-desk-request-row.h"
#include "tdn-desk-text.h"

/* Waiting longer than this shows in red. */
#define LONG_WAIT_S (10 * 60)

struct _TdnDeskRequestRow
{
  GtkListBoxRow  parent_instance;
  GtkLabel      *ticket;
  GtkLabel      *wait;
  GtkLabel      *reason;
  GtkLabel      *where;
  GtkLabel      *state;
  JsonObject    *request;
  char          *nurse;
};

G_DEFINE_FINAL_TYPE (TdnDeskRequestRow, tdn_desk_request_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
str (JsonObject *o,
     const char *name)
{
  return json_object_get_string_member_with_default (o, name, NULL);
}

static gint64
seconds_since (const char *iso)
{
  g_autoptr(GDateTime) t = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (t == NULL)
    return -1;
  return MAX (0, tdn_clock_get_real () / G_USEC_PER_SEC - g_date_time_to_unix (t));
}

static void
refresh (TdnDeskRequestRow *self)
{
  JsonObject *r = self->request;
  const char *holder = str (r, "claimed_by");
  const char *ticket = str (r, "ticket_number");
  g_autofree char *wait = tdn_desk_format_waiting (str (r, "created_at"));
  g_autofree char *where = g_strdup_printf (_("Kiosk %s"), str (r, "kiosk_id") ? str (r, "kiosk_id") : "?");
  g_autofree char *state = NULL;
  g_autofree char *a11y = NULL;
  gint64 s = seconds_since (str (r, "created_at"));

  gtk_label_set_text (self->ticket, ticket != NULL ? ticket : _("No ticket"));
  gtk_label_set_text (self->reason, tdn_desk_request_reason (r));
  gtk_label_set_text (self->wait, wait);
  gtk_label_set_text (self->where, where);
  if (s >= LONG_WAIT_S)
    gtk_widget_add_css_class (GTK_WIDGET (self->wait), "long");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->wait), "long");

  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "state-mine");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "state-claimed");
  if (holder == NULL)
    state = g_strdup (_("Not taken yet"));
  else if (g_strcmp0 (holder, self->nurse) == 0)
    {
      state = g_strdup (_("You are helping"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state), "state-mine");
    }
  else
    {
      state = g_strdup_printf (_("Taken by %s"), holder);
      gtk_widget_add_css_class (GTK_WIDGET (self->state), "state-claimed");
    }
  gtk_label_set_text (self->state, state);

  a11y = g_strdup_printf (_("%s, %s, waiting %s, %s"), gtk_label_get_text (self->ticket),
                          tdn_desk_request_reason (r), wait, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
tdn_desk_request_row_dispose (GObject *object)
{
  TdnDeskRequestRow *self = TDN_DESK_REQUEST_ROW (object);

  g_clear_pointer (&self->request, json_object_unref);
  g_clear_pointer (&self->nurse, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDN_TYPE_DESK_REQUEST_ROW);
  G_OBJECT_CLASS (tdn_desk_request_row_parent_class)->dispose (object);
}

static void
tdn_desk_request_row_class_init (TdnDeskRequestRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tdn_desk_request_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/tiepdon/Desk/tdn-desk-request-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRequestRow, ticket);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRequestRow, wait);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRequestRow, reason);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRequestRow, where);
  gtk_widget_class_bind_template_child (widget_class, TdnDeskRequestRow, state);
}

static void
tdn_desk_request_row_init (TdnDeskRequestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TdnDeskRequestRow *
tdn_desk_request_row_new (JsonObject *request,
                          const char *nurse)
{
  TdnDeskRequestRow *self = g_object_new (TDN_TYPE_DESK_REQUEST_ROW, NULL);

  self->nurse = g_strdup (nurse);
  self->request = json_object_ref (request);
  refresh (self);
  return self;
}

void
tdn_desk_request_row_update (TdnDeskRequestRow *self,
                             JsonObject        *request)
{
  g_return_if_fail (TDN_IS_DESK_REQUEST_ROW (self));

  g_clear_pointer (&self->request, json_object_unref);
  self->request = json_object_ref (request);
  refresh (self);
  gtk_list_box_row_changed (GTK_LIST_BOX_ROW (self));
}

void
tdn_desk_request_row_tick (TdnDeskRequestRow *self)
{
  g_autofree char *wait = NULL;

  g_return_if_fail (TDN_IS_DESK_REQUEST_ROW (self));

  wait = tdn_desk_format_waiting (str (self->request, "created_at"));
  if (g_strcmp0 (wait, gtk_label_get_text (self->wait)) != 0)
    refresh (self);
}

JsonObject *
tdn_desk_request_row_get_request (TdnDeskRequestRow *self)
{
  g_return_val_if_fail (TDN_IS_DESK_REQUEST_ROW (self), NULL);
  return self->request;
}

int
tdn_desk_request_row_compare (TdnDeskRequestRow *a,
                              TdnDeskRequestRow *b)
{
  return g_strcmp0 (str (a->request, "created_at"), str (b->request, "created_at"));
}
