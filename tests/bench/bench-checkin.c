/* bench-checkin.c — how long a patient waits on the kiosk, and what
 * 10 000 check-ins cost in memory
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scripted check-in (demo patient "mai": card, yes, clinic, no
 * priority, print) with the simulated card (no card I/O time), the
 * fixture gateway answering at once, the real spool + queue and the real
 * file printer (render + write). The patient waits on the progress
 * screens (committing, printing) and for the screens that follow a tap;
 * the figure is the sum of those waits, card reading excluded (target
 * < 1 s). Then 10 000 check-ins with services that keep nothing, so the
 * heap in use before and after is the check-in's own growth (target
 * < 1 MB). Prints FIGURE lines (tools/bench).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>

#include "checkin-fixture.h"
#include "tdn-base.h"
#include "tdn-checkin.h"
#include "tdn-fixture-eligibility.h"
#include "tdn-hw-ticket-printer.h"
#include "tdn-sim-card.h"
#include "tdn-spool-visit-store.h"

#define N_TIMED 30
#define N_MEMORY 10000
#define WARM_UP 500

/* ---- services that keep nothing ---- */

#define BENCH_TYPE_STORE (bench_store_get_type ())
G_DECLARE_FINAL_TYPE (BenchStore, bench_store, BENCH, STORE, GObject)
struct _BenchStore { GObject parent_instance; TdnConfig *config; gint64 seq; };
static void bench_store_iface_init (TdnVisitStoreInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (BenchStore, bench_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_VISIT_STORE, bench_store_iface_init))

static GPtrArray *
store_list (TdnVisitStore *s, GError **error)
{
  g_autoptr(GPtrArray) clinics = tdn_clinics_from_config (BENCH_STORE (s)->config);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tdn_clinic_status_free);

  for (guint i = 0; i < clinics->len; i++)
    {
      TdnClinicStatus *st = g_new0 (TdnClinicStatus, 1);

      st->clinic = g_steal_pointer (&clinics->pdata[i]);
      st->open = TRUE;
      st->waiting = BENCH_STORE (s)->seq;
      g_ptr_array_add (out, st);
    }
  return out;
}

static void
store_commit (TdnVisitStore *s, const TdnVisit *visit, GCancellable *c, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GTask) task = g_task_new (s, c, cb, data);
  TdnVisit *v = tdn_visit_store_copy_visit (visit);

  v->visit_id = tdn_uuid_new ();
  v->queue_number = g_strdup_printf ("K1-A%05" G_GINT64_FORMAT, ++BENCH_STORE (s)->seq);
  g_task_return_pointer (task, v, (GDestroyNotify) tdn_visit_free);
}

static TdnVisit *
store_commit_finish (TdnVisitStore *s, GAsyncResult *r, GError **error)
{
  return g_task_propagate_pointer (G_TASK (r), error);
}

static void
store_update (TdnVisitStore *s, const char *id, const TdnVisit *ch, const char *why, GCancellable *c,
              GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GTask) task = g_task_new (s, c, cb, data);

  g_task_return_boolean (task, TRUE);
}

static gboolean
store_update_finish (TdnVisitStore *s, GAsyncResult *r, GError **error)
{
  return g_task_propagate_boolean (G_TASK (r), error);
}

static void
bench_store_iface_init (TdnVisitStoreInterface *iface)
{
  iface->list_clinics = store_list;
  iface->commit_async = store_commit;
  iface->commit_finish = store_commit_finish;
  iface->update_async = store_update;
  iface->update_finish = store_update_finish;
}

static void bench_store_class_init (BenchStoreClass *k) { }
static void bench_store_init (BenchStore *s) { }

#define BENCH_TYPE_PRINTER (bench_printer_get_type ())
G_DECLARE_FINAL_TYPE (BenchPrinter, bench_printer, BENCH, PRINTER, GObject)
struct _BenchPrinter { GObject parent_instance; };
static void bench_printer_iface_init (TdnTicketPrinterInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (BenchPrinter, bench_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_TICKET_PRINTER, bench_printer_iface_init))

static void
printer_print (TdnTicketPrinter *p, const TdnTicket *t, GCancellable *c, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GTask) task = g_task_new (p, c, cb, data);

  g_task_return_boolean (task, TRUE);
}

static gboolean
printer_finish (TdnTicketPrinter *p, GAsyncResult *r, TdnPrinterStatus *after, GError **error)
{
  *after = (TdnPrinterStatus) { .known = TRUE, .online = TRUE };
  return g_task_propagate_boolean (G_TASK (r), error);
}

static void
printer_status (TdnTicketPrinter *p, GCancellable *c, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GTask) task = g_task_new (p, c, cb, data);

  g_task_return_boolean (task, TRUE);
}

static gboolean
printer_status_finish (TdnTicketPrinter *p, GAsyncResult *r, TdnPrinterStatus *st, GError **error)
{
  *st = (TdnPrinterStatus) { .known = TRUE, .online = TRUE };
  return g_task_propagate_boolean (G_TASK (r), error);
}

static void
bench_printer_iface_init (TdnTicketPrinterInterface *iface)
{
  iface->print_async = printer_print;
  iface->print_finish = printer_finish;
  iface->status_async = printer_status;
  iface->status_finish = printer_status_finish;
}

static void bench_printer_class_init (BenchPrinterClass *k) { }
static void bench_printer_init (BenchPrinter *s) { }

/* ---- the scripted patient ---- */

static void
until_state (TdnCheckin *c, TdnCheckinState s)
{
  while (tdn_checkin_get_state (c) != s)
    g_main_context_iteration (NULL, TRUE);
}

/* Microseconds the patient waited, card reading excluded. */
static gint64
check_in (TdnCheckin *c, TdnIdentityReader *card, const TdnDemoPerson *mai)
{
  gint64 waited = 0, t;

  g_assert_true (tdn_sim_card_place (TDN_SIM_CARD (card), mai));
  until_state (c, TDN_CHECKIN_STATE_CONFIRM_IDENTITY);   /* card I/O: not counted */
  tdn_sim_card_remove (TDN_SIM_CARD (card));
  t = g_get_monotonic_time ();
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  until_state (c, TDN_CHECKIN_STATE_CLINIC);
  g_assert_true (tdn_checkin_select_clinic (c, "NOI"));
  until_state (c, TDN_CHECKIN_STATE_PRIORITY);
  g_assert_true (tdn_checkin_select_priority (c, TDN_PRIORITY_NONE));
  until_state (c, TDN_CHECKIN_STATE_CONFIRM);
  waited += g_get_monotonic_time () - t;
  /* The eligibility answer is there long before a person taps "print". */
  while (tdn_checkin_get_bhyt (c) == TDN_CHECKIN_BHYT_CHECKING)
    g_main_context_iteration (NULL, TRUE);
  t = g_get_monotonic_time ();
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_YES));
  until_state (c, TDN_CHECKIN_STATE_DONE);
  waited += g_get_monotonic_time () - t;
  g_assert_true (tdn_checkin_tap (c, TDN_CHECKIN_ACTION_FINISH));
  return waited;
}

static int
cmp_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *people_path = g_build_filename (g_getenv ("TIEPDON_SOURCE_DIR"), "tests", "sim",
                                                   "people.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("bench-checkin-XXXXXX", &error);
  g_autofree char *conf = NULL;
  g_autoptr(TdnDemoPeople) people = NULL;
  g_autoptr(TdnConfig) config = tdn_config_new (&tdn_config_schema_kiosk);
  g_autoptr(TdnEligibilityService) elig = NULL;
  const TdnDemoPerson *mai;
  gint64 waits[N_TIMED];

  tdn_i18n_init ();
  g_assert_no_error (error);
  conf = g_strdup_printf ("[kiosk]\nid=K1\nstate_dir=%s\n[spool]\npath=%s/spool.db\nkey_file=%s/spool.key\n"
                          "[printer]\nuri=file://%s\npaper_width_mm=80\n[queue]\nclinics=NOI\n"
                          "[clinic NOI]\nname_vi=Khám Nội\nroom=Phòng 101\nprefix=A\nhours=00:00-23:59\n",
                          dir, dir, dir, dir);
  g_assert_true (tdn_config_load_data (config, conf, "bench", &error));
  people = tdn_demo_people_load (people_path, &error);
  g_assert_no_error (error);
  mai = tdn_demo_people_find (people, "mai");
  elig = tdn_fixture_eligibility_new (people, "01999");

  /* 1. Waiting time with the real spool and the real file printer. */
  {
    g_autoptr(TdnVisitStore) store = tdn_spool_visit_store_new_from_config (config, &error);
    g_autoptr(TdnTicketPrinter) printer = tdn_hw_ticket_printer_new (config, &error);
    g_autoptr(TdnIdentityReader) card = tdn_sim_card_new (0);
    g_autoptr(TdnCheckin) c = NULL;
    TdnCheckinServices s;

    g_assert_no_error (error);
    s = (TdnCheckinServices) { elig, store, printer, NULL };
    c = tdn_checkin_new (config, &s);
    g_assert_true (tdn_checkin_add_reader (c, card, NULL));
    check_in (c, card, mai);   /* fonts, caches */
    for (int i = 0; i < N_TIMED; i++)
      waits[i] = check_in (c, card, mai);
    qsort (waits, N_TIMED, sizeof waits[0], cmp_gint64);
    printf ("FIGURE checkin_wait_median %.1f ms\n", waits[N_TIMED / 2] / 1000.0);
    printf ("FIGURE checkin_wait_max %.1f ms\n", waits[N_TIMED - 1] / 1000.0);
  }

  /* 2. Memory over 10 000 check-ins. */
  {
    g_autoptr(BenchStore) store = g_object_new (BENCH_TYPE_STORE, NULL);
    g_autoptr(BenchPrinter) printer = g_object_new (BENCH_TYPE_PRINTER, NULL);
    g_autoptr(TdnIdentityReader) card = tdn_sim_card_new (0);
    g_autoptr(TdnCheckin) c = NULL;
    TdnCheckinServices s;
    struct mallinfo2 before, after;
    gint64 start;

    store->config = config;
    s = (TdnCheckinServices) { elig, TDN_VISIT_STORE (store), TDN_TICKET_PRINTER (printer), NULL };
    c = tdn_checkin_new (config, &s);
    g_assert_true (tdn_checkin_add_reader (c, card, NULL));
    for (int i = 0; i < WARM_UP; i++)
      check_in (c, card, mai);
    malloc_trim (0);
    before = mallinfo2 ();
    start = g_get_monotonic_time ();
    for (int i = 0; i < N_MEMORY; i++)
      check_in (c, card, mai);
    malloc_trim (0);
    after = mallinfo2 ();
    printf ("FIGURE checkin_memory_growth_10000 %.1f KiB\n",
            ((double) after.uordblks - (double) before.uordblks) / 1024.0);
    printf ("FIGURE checkin_machine_cpu %.3f ms/check-in\n",
            (g_get_monotonic_time () - start) / 1000.0 / N_MEMORY);
  }
  fixture_remove_tree (dir);
  return 0;
}
