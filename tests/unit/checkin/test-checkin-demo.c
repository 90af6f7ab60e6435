/* test-checkin-demo.c — every demo patient through a check-in, with the
 * simulated card, the QR reader and the fixture eligibility
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "checkin-fixture.h"
#include "tdn-base.h"
#include "tdn-fixture-eligibility.h"
#include "tdn-qr-payload.h"
#include "tdn-qr-reader.h"
#include "tdn-sim-card.h"

typedef struct {
  Fixture                base;
  TdnDemoPeople         *people;
  TdnEligibilityService *elig;
  TdnIdentityReader     *card;
  TdnIdentityReader     *qr;
  TdnCheckin            *checkin;
} Demo;

static void
demo_set_up (Demo *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim", "people.json", NULL);
  TdnCheckinServices s;

  fixture_set_up (&d->base, data);
  d->people = tdn_demo_people_load (path, &error);
  g_assert_no_error (error);
  d->elig = tdn_fixture_eligibility_new (d->people, "01999");
  d->card = tdn_sim_card_new (0);
  d->qr = tdn_qr_reader_new ();
  s = (TdnCheckinServices) { d->elig, d->base.store, TDN_TICKET_PRINTER (d->base.printer),
                             TDN_HELP_DESK (d->base.help) };
  d->checkin = tdn_checkin_new (d->base.config, &s);
  g_assert_true (tdn_checkin_add_reader (d->checkin, d->card, NULL));
  g_assert_true (tdn_checkin_add_reader (d->checkin, d->qr, NULL));
}

static void
demo_tear_down (Demo *d, gconstpointer data)
{
  fake_drain ();
  g_clear_object (&d->checkin);
  g_clear_object (&d->card);
  g_clear_object (&d->qr);
  g_clear_object (&d->elig);
  g_clear_pointer (&d->people, tdn_demo_people_free);
  fixture_tear_down (&d->base, data);
}

/* Places `key`'s card (or scans its QR) and waits for the answer. */
static void
identify (Demo *d, const char *key, gboolean by_qr)
{
  const TdnDemoPerson *p = tdn_demo_people_find (d->people, key);

  g_assert_nonnull (p);
  if (by_qr || p->bhyt_qr)
    {
      g_autoptr(GBytes) b = g_bytes_new (p->qr_payload, strlen (p->qr_payload));

      tdn_qr_reader_feed (TDN_QR_READER (d->qr), b);
    }
  else
    {
      g_assert_true (tdn_sim_card_place (TDN_SIM_CARD (d->card), p));
      g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_READING);
      tdn_sim_card_remove (TDN_SIM_CARD (d->card));   /* too soon */
      g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
      g_assert_true (tdn_sim_card_place (TDN_SIM_CARD (d->card), p));
      fake_wait_state (d->checkin, p->unreadable ? TDN_CHECKIN_STATE_CARD_UNREADABLE
                                                 : TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
      tdn_sim_card_remove (TDN_SIM_CARD (d->card));
      if (p->unreadable)
        return;
    }
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);
  for (int i = 0; i < 100 && tdn_checkin_get_bhyt (d->checkin) == TDN_CHECKIN_BHYT_CHECKING; i++)
    g_main_context_iteration (NULL, TRUE);
}

static void
choose (Demo *d, const char *clinic)
{
  g_assert_true (tdn_checkin_tap (d->checkin, TDN_CHECKIN_ACTION_YES));
  g_assert_true (tdn_checkin_select_clinic (d->checkin, clinic));
  if (tdn_checkin_get_state (d->checkin) == TDN_CHECKIN_STATE_PRIORITY)
    g_assert_true (tdn_checkin_select_priority (d->checkin, TDN_PRIORITY_NONE));
}

static void
test_people_load (Demo *d, gconstpointer data)
{
  g_assert_cmpuint (tdn_demo_people_count (d->people), >=, 8);
  /* What a QR says is what the card says. */
  for (guint i = 0; i < tdn_demo_people_count (d->people); i++)
    {
      const TdnDemoPerson *p = tdn_demo_people_get (d->people, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TdnIdentity) id = tdn_qr_parse ((const guint8 *) p->qr_payload, strlen (p->qr_payload), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (id->full_name, ==, p->identity->full_name);
      g_assert_cmpint (tdn_partial_date_compare (&id->date_of_birth, &p->identity->date_of_birth), ==, 0);
      if (!p->bhyt_qr)
        g_assert_cmpstr (id->id_number, ==, p->identity->id_number);
      else
        g_assert_cmpstr (id->bhyt_card->card_number, ==, p->identity->bhyt_card->card_number);
    }
  g_assert_null (tdn_demo_people_find (d->people, "nobody"));
  g_assert_nonnull (tdn_demo_people_record (d->people, "GD4010112345678"));
}

static void
test_eligible (Demo *d, gconstpointer data)
{
  identify (d, "mai", FALSE);
  g_assert_cmpint (tdn_checkin_get_assurance (d->checkin), ==, TDN_ASSURANCE_CHIP_PA);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_ELIGIBLE);
  choose (d, "NOI");
  g_assert_true (tdn_checkin_tap (d->checkin, TDN_CHECKIN_ACTION_YES));
  fake_wait_state (d->checkin, TDN_CHECKIN_STATE_DONE);
  g_assert_cmpint (fake_printer_last_bhyt (d->base.printer), ==, TDN_TICKET_BHYT_ELIGIBLE);
}

static void
test_eligible_by_qr (Demo *d, gconstpointer data)
{
  identify (d, "mai", TRUE);
  g_assert_cmpint (tdn_checkin_get_assurance (d->checkin), ==, TDN_ASSURANCE_QR);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_ELIGIBLE);
}

static void
test_expired (Demo *d, gconstpointer data)
{
  identify (d, "bao", FALSE);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_NOT_ELIGIBLE);
  choose (d, "NOI");
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_NOT_ELIGIBLE);
}

static void
test_mismatch (Demo *d, gconstpointer data)
{
  identify (d, "nam", FALSE);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_MISMATCH);
  choose (d, "NOI");
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_NOT_ELIGIBLE);
}

static void
test_child_bhyt_qr (Demo *d, gconstpointer data)
{
  identify (d, "an", TRUE);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_ELIGIBLE);
  choose (d, "NHI");
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CONFIRM);
  g_assert_cmpint (tdn_checkin_get_priority (d->checkin), ==, TDN_PRIORITY_CHILD_UNDER_6);
}

static void
test_elderly (Demo *d, gconstpointer data)
{
  identify (d, "lua", FALSE);
  choose (d, "NOI");
  g_assert_cmpint (tdn_checkin_get_priority (d->checkin), ==, TDN_PRIORITY_AGE_75);
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CONFIRM);
}

static void
test_no_expiry (Demo *d, gconstpointer data)
{
  const TdnDemoPerson *p = tdn_demo_people_find (d->people, "hung");

  g_assert_true (p->identity->no_expiry);
  g_assert_cmpint (tdn_identity_age (p->identity), >=, 58);
  identify (d, "hung", FALSE);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_ELIGIBLE);
  choose (d, "NOI");
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CONFIRM);
}

static void
test_gateway_error (Demo *d, gconstpointer data)
{
  identify (d, "thu", FALSE);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_UNAVAILABLE);
  choose (d, "NOI");
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_GATEWAY_DOWN);
}

static void
test_gateway_down_switch (Demo *d, gconstpointer data)
{
  tdn_fixture_eligibility_set_down (TDN_FIXTURE_ELIGIBILITY (d->elig), TRUE);
  identify (d, "mai", FALSE);
  g_assert_cmpint (tdn_checkin_get_bhyt (d->checkin), ==, TDN_CHECKIN_BHYT_UNAVAILABLE);
  choose (d, "NOI");
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_GATEWAY_DOWN);
  tdn_fixture_eligibility_set_down (TDN_FIXTURE_ELIGIBILITY (d->elig), FALSE);
  tdn_clock_advance ((gint64) TDN_CHECKIN_GATEWAY_RETRY_S * G_USEC_PER_SEC);
  tdn_checkin_poll_timers (d->checkin);
  fake_wait_state (d->checkin, TDN_CHECKIN_STATE_CONFIRM);
}

static void
test_broken_chip (Demo *d, gconstpointer data)
{
  identify (d, "broken", FALSE);
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
}

static void
test_unplugged (Demo *d, gconstpointer data)
{
  tdn_sim_card_plug (TDN_SIM_CARD (d->card), FALSE);
  tdn_qr_reader_set_connected (TDN_QR_READER (d->qr), FALSE);
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_READER_MISSING);
  g_assert_false (tdn_sim_card_place (TDN_SIM_CARD (d->card), tdn_demo_people_find (d->people, "mai")));
  tdn_sim_card_plug (TDN_SIM_CARD (d->card), TRUE);
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_WELCOME);
}

static void
test_not_a_card_qr (Demo *d, gconstpointer data)
{
  g_autoptr(GBytes) url = g_bytes_new_static ("https://vneid.gov.vn/x", 22);

  tdn_qr_reader_feed (TDN_QR_READER (d->qr), url);
  g_assert_cmpint (tdn_checkin_get_state (d->checkin), ==, TDN_CHECKIN_STATE_CARD_UNREADABLE);
}

#define ADD(name, fn) g_test_add (name, Demo, NULL, demo_set_up, fn, demo_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_i18n_init ();
  ADD ("/checkin/demo/people", test_people_load);
  ADD ("/checkin/demo/eligible", test_eligible);
  ADD ("/checkin/demo/eligible-qr", test_eligible_by_qr);
  ADD ("/checkin/demo/expired", test_expired);
  ADD ("/checkin/demo/mismatch", test_mismatch);
  ADD ("/checkin/demo/child", test_child_bhyt_qr);
  ADD ("/checkin/demo/elderly", test_elderly);
  ADD ("/checkin/demo/no-expiry", test_no_expiry);
  ADD ("/checkin/demo/gateway-error", test_gateway_error);
  ADD ("/checkin/demo/gateway-down", test_gateway_down_switch);
  ADD ("/checkin/demo/broken-chip", test_broken_chip);
  ADD ("/checkin/demo/unplugged", test_unplugged);
  ADD ("/checkin/demo/not-a-card-qr", test_not_a_card_qr);
  return g_test_run ();
}
