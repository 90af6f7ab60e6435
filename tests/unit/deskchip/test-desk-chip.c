/* test-desk-chip.c — the desk's chip glue against a fake identity reader
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-desk-chip.h"

/* A TdnIdentityReader the test drives by emitting its signals. */
#define FAKE_TYPE_READER (fake_reader_get_type ())
G_DECLARE_FINAL_TYPE (FakeReader, fake_reader, FAKE, READER, GObject)

struct _FakeReader
{
  GObject  parent_instance;
  gboolean connected;
  gboolean fail_start;
  guint    starts;
  guint    stops;
};

static TdnIdentityReaderKind fake_get_kind (TdnIdentityReader *r) { (void) r; return TDN_IDENTITY_READER_KIND_CARD; }

static gboolean
fake_start (TdnIdentityReader *r,
            GError           **error)
{
  FakeReader *self = FAKE_READER (r);

  self->starts++;
  if (self->fail_start)
    {
      g_set_error_literal (error, TDN_IDENTITY_READER_ERROR, TDN_IDENTITY_READER_ERROR_DEVICE,
                           "The card reader service is not running.");
      return FALSE;
    }
  return TRUE;
}

static void fake_stop (TdnIdentityReader *r) { FAKE_READER (r)->stops++; }
static gboolean fake_is_connected (TdnIdentityReader *r) { return FAKE_READER (r)->connected; }

static void
fake_iface_init (TdnIdentityReaderInterface *iface)
{
  iface->get_kind = fake_get_kind;
  iface->start = fake_start;
  iface->stop = fake_stop;
  iface->is_connected = fake_is_connected;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeReader, fake_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_IDENTITY_READER, fake_iface_init))
static void fake_reader_class_init (FakeReaderClass *k) { (void) k; }
static void fake_reader_init (FakeReader *self) { self->connected = TRUE; }

typedef struct {
  guint        state_changes;
  guint        identities;
  char        *id_number;
  char        *assurance;
} Seen;

static void
state_cb (TdnDeskChip *chip,
          Seen        *seen)
{
  (void) chip;
  seen->state_changes++;
}

static void
identity_cb (TdnDeskChip       *chip,
             const TdnIdentity *identity,
             const char        *assurance,
             Seen              *seen)
{
  (void) chip;
  seen->identities++;
  g_free (seen->id_number);
  seen->id_number = g_strdup (identity->id_number);
  g_free (seen->assurance);
  seen->assurance = g_strdup (assurance);
}

static void
seen_clear (Seen *seen)
{
  g_free (seen->id_number);
  g_free (seen->assurance);
}

static void
test_key_source (void)
{
  g_autoptr(TdnDeskChip) chip = tdn_desk_chip_new ();
  const TdnIdentity *key;

  g_assert_null (tdn_desk_chip_key_source (chip));
  tdn_desk_chip_set_key (chip, "0792", NULL);
  g_assert_null (tdn_desk_chip_key_source (chip));
  tdn_desk_chip_set_key (chip, "07920100012a", NULL);
  g_assert_null (tdn_desk_chip_key_source (chip));
  tdn_desk_chip_set_key (chip, "079201000123", "15/03/1950");
  key = tdn_desk_chip_key_source (chip);
  g_assert_nonnull (key);
  g_assert_cmpstr (key->id_number, ==, "079201000123");
  g_assert_cmpint (key->date_of_birth.year, ==, 1950);
  g_assert_cmpint (key->date_of_birth.month, ==, 3);
  g_assert_cmpint (key->date_of_birth.day, ==, 15);
  /* A half-typed date is no key date; the ID number still is a key. */
  tdn_desk_chip_set_key (chip, "079201000123", "15/0");
  key = tdn_desk_chip_key_source (chip);
  g_assert_nonnull (key);
  g_assert_cmpint (key->date_of_birth.year, ==, 0);
  tdn_desk_chip_set_key (chip, "", NULL);
  g_assert_null (tdn_desk_chip_key_source (chip));
}

static void
test_read (void)
{
  g_autoptr(TdnDeskChip) chip = tdn_desk_chip_new ();
  g_autoptr(FakeReader) reader = g_object_new (FAKE_TYPE_READER, NULL);
  g_autoptr(TdnIdentity) read = tdn_identity_new (TDN_IDENTITY_SOURCE_CHIP);
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  g_signal_connect (chip, "state-changed", G_CALLBACK (state_cb), &seen);
  g_signal_connect (chip, "identity", G_CALLBACK (identity_cb), &seen);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_OFF);
  g_assert_cmpstr (tdn_desk_chip_get_message (chip), ==, "");

  g_assert_true (tdn_desk_chip_start (chip, TDN_IDENTITY_READER (reader), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reader->starts, ==, 1);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_NEED_ID);
  g_assert_nonnull (strstr (tdn_desk_chip_get_message (chip), "ID number"));

  tdn_desk_chip_set_key (chip, "079201000123", NULL);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_READY);
  g_assert_cmpstr (tdn_desk_chip_get_message (chip), ==, "Put the ID card on the chip reader.");

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (reader));
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_READING);
  /* The card lifted mid-read: back to waiting for it. */
  tdn_identity_reader_emit_card_removed (TDN_IDENTITY_READER (reader));
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_READY);

  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (reader));
  read->id_number = g_strdup ("079201000123");
  read->full_name = g_strdup ("NGUYỄN VĂN AN");
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (reader), read, TDN_ASSURANCE_CHIP_PA);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_DONE);
  g_assert_cmpuint (seen.identities, ==, 1);
  g_assert_cmpstr (seen.id_number, ==, "079201000123");
  g_assert_cmpstr (seen.assurance, ==, "chip+pa");
  g_assert_nonnull (strstr (tdn_desk_chip_get_message (chip), "signature checked"));

  /* Without passive authentication the level is plain "chip". */
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (reader), read, TDN_ASSURANCE_CHIP);
  g_assert_cmpstr (seen.assurance, ==, "chip");
  g_assert_nonnull (strstr (tdn_desk_chip_get_message (chip), "could not be checked"));
  /* The result stays when the card is taken away or the form changes. */
  tdn_identity_reader_emit_card_removed (TDN_IDENTITY_READER (reader));
  tdn_desk_chip_set_key (chip, "", NULL);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_DONE);
  g_assert_cmpuint (seen.state_changes, >=, 6);

  tdn_desk_chip_stop (chip);
  g_assert_cmpuint (reader->stops, ==, 1);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_OFF);
  /* Stopped: the reader's signals no longer reach the glue. */
  tdn_identity_reader_emit_identity (TDN_IDENTITY_READER (reader), read, TDN_ASSURANCE_CHIP);
  g_assert_cmpuint (seen.identities, ==, 2);
  seen_clear (&seen);
}

static void
test_failed (void)
{
  g_autoptr(TdnDeskChip) chip = tdn_desk_chip_new ();
  g_autoptr(FakeReader) reader = g_object_new (FAKE_TYPE_READER, NULL);
  g_autoptr(GError) why = g_error_new_literal (TDN_IDENTITY_READER_ERROR, TDN_IDENTITY_READER_ERROR_UNREADABLE,
                                               "The card moved while it was being read.");
  Seen seen = { 0 };

  g_signal_connect (chip, "identity", G_CALLBACK (identity_cb), &seen);
  tdn_desk_chip_set_key (chip, "079201000123", NULL);
  g_assert_true (tdn_desk_chip_start (chip, TDN_IDENTITY_READER (reader), NULL));
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_READY);
  tdn_identity_reader_emit_reading (TDN_IDENTITY_READER (reader));
  tdn_identity_reader_emit_failed (TDN_IDENTITY_READER (reader), why);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_FAILED);
  g_assert_true (g_str_has_prefix (tdn_desk_chip_get_message (chip), "The card moved while it was being read. "));
  g_assert_nonnull (strstr (tdn_desk_chip_get_message (chip), "what is typed is kept"));
  g_assert_cmpuint (seen.identities, ==, 0);

  /* Unplugged and plugged back. */
  reader->connected = FALSE;
  tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (reader), FALSE);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_UNPLUGGED);
  reader->connected = TRUE;
  tdn_identity_reader_emit_connection_changed (TDN_IDENTITY_READER (reader), TRUE);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_READY);
  seen_clear (&seen);
}

static void
test_start_fails (void)
{
  g_autoptr(TdnDeskChip) chip = tdn_desk_chip_new ();
  g_autoptr(FakeReader) reader = g_object_new (FAKE_TYPE_READER, NULL);
  g_autoptr(GError) error = NULL;

  reader->fail_start = TRUE;
  g_assert_false (tdn_desk_chip_start (chip, TDN_IDENTITY_READER (reader), &error));
  g_assert_error (error, TDN_IDENTITY_READER_ERROR, TDN_IDENTITY_READER_ERROR_DEVICE);
  g_assert_cmpint (tdn_desk_chip_get_state (chip), ==, TDN_DESK_CHIP_UNPLUGGED);
  g_assert_cmpstr (tdn_desk_chip_get_message (chip), ==, "The card reader service is not running.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desk-chip/key-source", test_key_source);
  g_test_add_func ("/desk-chip/read", test_read);
  g_test_add_func ("/desk-chip/failed", test_failed);
  g_test_add_func ("/desk-chip/start-fails", test_start_fails);
  return g_test_run ();
}
