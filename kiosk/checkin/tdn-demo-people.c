/* tdn-demo-people.c — the demo's patients, from the BHXH simulator's data
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-checkin"

#include "config.h"

#include <stdio.h>

#include "tdn-base.h"
#include "tdn-checkin.h"
#include "tdn-demo-people.h"
#include "tdn-qr-payload.h"

struct _TdnDemoPeople
{
  char       *path;
  JsonParser *parser;
  GPtrArray  *persons;    /* TdnDemoPerson */
  GHashTable *records;    /* id → JsonObject (borrowed from parser) */
};

static void
person_free (TdnDemoPerson *p)
{
  g_free (p->key);
  g_free (p->label_vi);
  g_free (p->label_en);
  tdn_identity_free (p->identity);
  g_free (p->qr_payload);
  g_free (p);
}

static const char *
member (JsonObject *o,
        const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
    ? json_node_get_string (n) : NULL;
}

static gboolean
flag (JsonObject *o,
      const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN
    && json_node_get_boolean (n);
}

static gboolean
iso_date (const char     *iso,
          TdnPartialDate *out)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  *out = (TdnPartialDate) { y, m, d };
  return TRUE;
}

static char *
hex (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) (s ? s : ""); *p != '\0'; p++)
    g_string_append_printf (out, "%02X", *p);
  return g_string_free (out, FALSE);
}

static char *
compact (const TdnPartialDate *d)
{
  return g_strdup_printf ("%02d%02d%04d", d->day, d->month, d->year);
}

/* What the person's QR code holds: the CCCD front QR, or for a child the
 * BHYT card QR (QĐ 1313). */
static char *
qr_payload (const TdnDemoPerson *p,
            JsonObject          *record,
            JsonObject          *demo)
{
  const TdnIdentity *id = p->identity;

  if (p->bhyt_qr)
    {
      g_autofree char *name = hex (id->full_name);
      g_autofree char *addr = hex (id->place_of_residence);
      g_autofree char *parent = hex (member (demo, "parent"));
      g_autofree char *dob = tdn_partial_date_to_slashed (&id->date_of_birth);
      const char *facility = member (record, "maDKBD") ? member (record, "maDKBD") : "01999";

      return g_strdup_printf ("%s|%s|%s|%d|%s|%.2s - %s|%s|%s|%s|01000|%s||%s|$",
                              member (record, "maThe"), name, dob, id->sex == TDN_SEX_FEMALE ? 2 : 1,
                              addr, facility, facility + 2,
                              member (record, "gtTheTu") ? member (record, "gtTheTu") : "",
                              member (record, "gtTheDen") ? member (record, "gtTheDen") : "",
                              member (record, "gtTheTu") ? member (record, "gtTheTu") : "",
                              parent, "");
    }
  {
    g_autofree char *dob = compact (&id->date_of_birth);
    g_autofree char *issued = compact (&id->date_of_issue);

    return g_strdup_printf ("%s||%s|%s|%s|%s|%s", id->id_number, id->full_name, dob,
                            id->sex == TDN_SEX_FEMALE ? "Nữ" : "Nam",
                            id->place_of_residence ? id->place_of_residence : "", issued);
  }
}

static TdnDemoPerson *
person_from (JsonObject  *record,
             JsonObject  *demo,
             GError     **error)
{
  TdnDemoPerson *p = g_new0 (TdnDemoPerson, 1);
  TdnIdentity *id;
  const char *expiry;

  p->key = g_strdup (member (demo, "key"));
  p->label_vi = g_strdup (member (demo, "label_vi"));
  p->label_en = g_strdup (member (demo, "label_en"));
  p->bhyt_qr = flag (demo, "bhyt_qr");
  p->unreadable = flag (demo, "unreadable");
  id = p->identity = tdn_identity_new (p->bhyt_qr ? TDN_IDENTITY_SOURCE_BHYT_QR : TDN_IDENTITY_SOURCE_CHIP);
  id->id_number = p->bhyt_qr ? NULL : g_strdup (member (record, "cccd"));
  id->full_name = g_strdup (member (record, "hoTen"));
  id->sex = g_strcmp0 (member (demo, "sex"), "female") == 0 ? TDN_SEX_FEMALE : TDN_SEX_MALE;
  id->nationality = g_strdup ("Việt Nam");
  id->place_of_residence = g_strdup (member (record, "diaChi") ? member (record, "diaChi")
                                                                 : "Thành phố Hà Nội");
  if (p->key == NULL || id->full_name == NULL || !iso_date (member (demo, "dob"), &id->date_of_birth)
      || (!p->bhyt_qr && (id->id_number == NULL || !iso_date (member (demo, "issued"), &id->date_of_issue))))
    {
      g_set_error (error, TDN_CHECKIN_ERROR, TDN_CHECKIN_ERROR_DEMO_DATA,
                   _("Demo patient “%s” needs key, hoTen, dob and, with an ID card, cccd and issued: fix the file"),
                   p->key ? p->key : "?");
      person_free (p);
      return NULL;
    }
  expiry = member (demo, "expiry");
  id->no_expiry = !p->bhyt_qr && expiry == NULL;
  if (expiry != NULL)
    iso_date (expiry, &id->date_of_expiry);
  if (p->bhyt_qr)
    {
      id->bhyt_card = g_new0 (TdnBhytCard, 1);
      id->bhyt_card->card_number = g_strdup (member (record, "maThe"));
      id->bhyt_card->registered_facility = g_strdup (member (record, "maDKBD"));
    }
  p->qr_payload = qr_payload (p, record, demo);
  return p;
}

TdnDemoPeople *
tdn_demo_people_load (const char  *path,
                      GError     **error)
{
  g_autoptr(TdnDemoPeople) self = g_new0 (TdnDemoPeople, 1);
  JsonNode *root;
  JsonArray *people;
  g_autoptr(GError) local = NULL;

  self->path = g_strdup (path);
  self->parser = json_parser_new ();
  self->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  self->records = g_hash_table_new (g_str_hash, g_str_equal);
  if (!json_parser_load_from_file (self->parser, path, &local))
    {
      g_set_error (error, TDN_CHECKIN_ERROR, TDN_CHECKIN_ERROR_DEMO_DATA,
                   _("Cannot read the demo patients in %s (set TIEPDON_DEMO_PEOPLE): %s"),
                   path, local->message);
      return NULL;
    }
  root = json_parser_get_root (self->parser);
  people = JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "people")
    ? json_object_get_array_member (json_node_get_object (root), "people") : NULL;
  if (people == NULL)
    {
      g_set_error (error, TDN_CHECKIN_ERROR, TDN_CHECKIN_ERROR_DEMO_DATA, _("%s has no “people” list"), path);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonNode *n = json_array_get_element (people, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *keys[] = { "cccd", "maThe", "maSoBHXH" };

      if (o == NULL)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const char *id = member (o, keys[k]);

          if (id != NULL && *id != '\0')
            g_hash_table_insert (self->records, (gpointer) id, o);
        }
      if (json_object_has_member (o, "demo") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "demo")))
        {
          TdnDemoPerson *p = person_from (o, json_object_get_object_member (o, "demo"), error);

          if (p == NULL)
            return NULL;
          g_ptr_array_add (self->persons, p);
        }
    }
  return g_steal_pointer (&self);
}

const char *
tdn_demo_people_default_path (void)
{
  const char *env = g_getenv ("TIEPDON_DEMO_PEOPLE");

  return env != NULL && *env != '\0' ? env : TDN_PKGDATADIR "/demo/people.json";
}

void
tdn_demo_people_free (TdnDemoPeople *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  g_clear_object (&self->parser);
  g_free (self);
}

guint
tdn_demo_people_count (TdnDemoPeople *self)
{
  return self->persons->len;
}

const TdnDemoPerson *
tdn_demo_people_get (TdnDemoPeople *self,
                     guint          index)
{
  g_return_val_if_fail (index < self->persons->len, NULL);
  return self->persons->pdata[index];
}

const TdnDemoPerson *
tdn_demo_people_find (TdnDemoPeople *self,
                      const char    *key)
{
  for (guint i = 0; key != NULL && i < self->persons->len; i++)
    {
      const TdnDemoPerson *p = self->persons->pdata[i];

      if (g_str_equal (p->key, key))
        return p;
    }
  return NULL;
}

JsonObject *
tdn_demo_people_record (TdnDemoPeople *self,
                        const char    *id)
{
  return id != NULL ? g_hash_table_lookup (self->records, id) : NULL;
}

const char *
tdn_demo_people_path (TdnDemoPeople *self)
{
  return self->path;
}
