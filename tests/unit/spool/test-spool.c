/* test-spool.c — the spool: commit, revisions, sealing, and every bad file
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "tdn-base.h"
#include "tdn-queue.h"
#include "tdn-spool.h"

typedef struct {
  char *dir;
  char *db;
  char *key;
} Fixture;

static void
setup (Fixture      *f,
       gconstpointer data)
{
  f->dir = g_dir_make_tmp ("tdn-spool-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "spool.db", NULL);
  f->key = g_build_filename (f->dir, "spool.key", NULL);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  const char *names[] = { "spool.db", "spool.db-wal", "spool.db-shm", "spool.key", "other.key" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (f->dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->key);
}

static gboolean
allocate_cb (sqlite3   *db,
             TdnVisit  *visit,
             gpointer   data,
             GError   **error)
{
  TdnClinic *clinic = data;
  g_autoptr(GDateTime) now = tdn_clock_now ();
  TdnQueueNumber n = { 0 };

  if (!tdn_queue_allocate (db, "{kiosk}-{prefix}{seq:3}", visit->kiosk_id, clinic, now, &n, error))
    return FALSE;
  visit->queue_number = g_strdup (n.number);
  tdn_queue_number_clear (&n);
  return TRUE;
}

static TdnVisit *
sample_visit (void)
{
  TdnVisit *v = tdn_visit_new ();

  v->kiosk_id = g_strdup ("K2");
  v->id_number = g_strdup ("001195012345");
  v->full_name = g_strdup ("Nguyễn Thị Mai");
  v->date_of_birth = g_strdup ("1995-03-14");
  v->sex = g_strdup ("female");
  v->address = g_strdup ("Số 12 Phố Mẫu, Hà Nội");
  v->bhyt_card = g_strdup ("GD4010112345678");
  v->assurance = g_strdup ("qr");
  v->language = g_strdup ("vi");
  v->clinic = g_strdup ("NOI");
  v->eligibility_status = g_strdup ("eligible");
  v->eligibility_code = g_strdup ("000");
  v->eligibility_raw = g_strdup ("{\"maKetQua\":\"000\",\"hoTen\":\"Nguyễn Thị Mai\"}");
  v->payment = g_strdup ("bhyt");
  return v;
}

static TdnClinic *
clinic (void)
{
  TdnClinic *c = g_new0 (TdnClinic, 1);

  c->code = g_strdup ("NOI");
  c->name_vi = g_strdup ("Khám Nội");
  c->prefix = g_strdup ("A");
  return c;
}

static void
test_commit_and_read (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = tdn_spool_open (f->db, f->key, &error);
  g_autoptr(TdnVisit) v = sample_visit ();
  g_autoptr(TdnVisit) got = NULL;
  g_autoptr(TdnClinic) c = clinic ();
  g_autofree char *bytes = NULL;
  g_auto(GStrv) found = NULL;
  TdnSpoolCounts counts;
  struct stat st;
  gsize len;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (tdn_queue_ensure_schema (tdn_spool_get_db (spool), NULL));

  g_assert_true (tdn_spool_commit_visit (spool, v, allocate_cb, c, &error));
  g_assert_no_error (error);
  g_assert_true (tdn_uuid_is_valid (v->visit_id));
  g_assert_cmpstr (v->queue_number, ==, "K2-A001");

  got = tdn_spool_get_visit (spool, v->visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->revision, ==, 1);
  g_assert_cmpstr (got->full_name, ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (got->id_number, ==, "001195012345");
  g_assert_cmpstr (got->address, ==, "Số 12 Phố Mẫu, Hà Nội");
  g_assert_cmpstr (got->queue_number, ==, "K2-A001");

  found = tdn_spool_find_by_id_number (spool, "001195012345", &error);
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, v->visit_id);

  /* Nothing personal is in the file in clear. */
  g_clear_object (&spool);
  g_assert_true (g_file_get_contents (f->db, &bytes, &len, NULL));
  {
    g_autofree char *wal_path = g_strconcat (f->db, "-wal", NULL);
    g_autofree char *wal = NULL;
    gsize wal_len = 0;

    g_file_get_contents (wal_path, &wal, &wal_len, NULL);
    for (const char *const *s = (const char *const[]) { "001195012345", "Nguyễn", "Phố Mẫu", "GD401011", "1995-03-14", NULL }; *s; s++)
      {
        g_assert_null (g_strstr_len (bytes, (gssize) len, *s));
        if (wal != NULL)
          g_assert_null (g_strstr_len (wal, (gssize) wal_len, *s));
      }
  }

  spool = tdn_spool_open (f->db, f->key, &error);
  g_assert_no_error (error);
  g_assert_true (tdn_spool_get_counts (spool, &counts, &error));
  g_assert_cmpint (counts.pending, ==, 1);
  g_assert_cmpint (counts.delivered, ==, 0);
  g_assert_cmpint (counts.oldest_pending_age_s, >=, 0);
}

static void
test_revision (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(TdnSpool) spool = tdn_spool_open (f->db, f->key, NULL);
  g_autoptr(TdnVisit) v = sample_visit ();
  g_autoptr(TdnVisit) change = tdn_visit_new ();
  g_autoptr(TdnVisit) got = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  TdnSpoolCounts counts;

  g_assert_true (tdn_spool_commit_visit (spool, v, NULL, NULL, &error));
  change->payment = g_strdup ("self_pay");
  change->eligibility_status = g_strdup ("not_eligible");
  g_assert_true (tdn_spool_add_revision (spool, v->visit_id, change, "nurse:lan",
                                         "Thẻ hết hạn, người bệnh đồng ý tự trả", &error));
  g_assert_no_error (error);
  got = tdn_spool_get_visit (spool, v->visit_id, &error);
  g_assert_cmpint (got->revision, ==, 2);
  g_assert_cmpstr (got->payment, ==, "self_pay");
  g_assert_cmpstr (got->full_name, ==, "Nguyễn Thị Mai");   /* kept from revision 1 */
  g_assert_true (tdn_spool_get_counts (spool, &counts, NULL));
  g_assert_cmpint (counts.pending, ==, 2);

  /* The audit log says who, and why. */
  sqlite3_prepare_v2 (tdn_spool_get_db (spool),
                      "SELECT actor, detail FROM audit WHERE action = 'revision'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "nurse:lan");
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 1), "tự trả"));
  sqlite3_finalize (stmt);

  g_assert_false (tdn_spool_add_revision (spool, "00000000-0000-4000-8000-000000000000", change,
                                          "nurse:lan", "x", &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NOT_FOUND);
}

static void
test_bad_files (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdnSpool) spool = tdn_spool_open (f->db, f->key, NULL);
  g_autoptr(TdnVisit) v = sample_visit ();
  g_autofree char *other = g_build_filename (f->dir, "other.key", NULL);
  sqlite3 *raw;

  g_assert_true (tdn_spool_commit_visit (spool, v, NULL, NULL, NULL));
  g_clear_object (&spool);

  /* Another key cannot read the visit: a clear error, not garbage. */
  {
    guint8 k[32] = { 1, 2, 3 };

    g_assert_true (g_file_set_contents_full (other, (const char *) k, 32, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    spool = tdn_spool_open (f->db, other, &error);
    g_assert_no_error (error);
    g_assert_null (tdn_spool_get_visit (spool, v->visit_id, &error));
    g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY);
    g_clear_error (&error);
    g_clear_object (&spool);
  }

  /* A tampered sealed value is refused. */
  g_assert_cmpint (sqlite3_open (f->db, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "UPDATE visits SET full_name = substr (full_name, 1, 20) || 'AAAA' || substr (full_name, 25)",
                NULL, NULL, NULL);
  sqlite3_close (raw);
  spool = tdn_spool_open (f->db, f->key, &error);
  g_assert_null (tdn_spool_get_visit (spool, v->visit_id, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&spool);

  /* A schema from the future. */
  g_assert_cmpint (sqlite3_open (f->db, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "INSERT INTO schema_version VALUES (99)", NULL, NULL, NULL);
  sqlite3_close (raw);
  g_assert_null (tdn_spool_open (f->db, f->key, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);

  /* Readable by others. */
  g_chmod (f->db, 0644);
  g_assert_null (tdn_spool_open (f->db, f->key, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_PERMISSIONS);
  g_clear_error (&error);

  /* Not a database at all. */
  g_unlink (f->db);
  {
    g_autofree char *wal = g_strconcat (f->db, "-wal", NULL), *shm = g_strconcat (f->db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_assert_true (g_file_set_contents_full (f->db, "this is not an SQLite file, it is a ticket log\n"
                                           "and it goes on for a while .................\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_null (tdn_spool_open (f->db, f->key, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A key file others can read. */
  g_chmod (f->key, 0644);
  g_unlink (f->db);
  g_assert_null (tdn_spool_open (f->db, f->key, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_KEY);
}

static void
test_disk_full (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(TdnSpool) spool = tdn_spool_open (f->db, f->key, NULL);
  g_autoptr(TdnVisit) v = sample_visit ();
  g_autoptr(GError) error = NULL;
  TdnSpoolCounts counts;

  /* A spool that cannot grow behaves as a full disk. */
  sqlite3_exec (tdn_spool_get_db (spool), "PRAGMA max_page_count = 8", NULL, NULL, NULL);
  g_free (v->eligibility_raw);
  v->eligibility_raw = g_strnfill (256 * 1024, 'x');
  g_assert_false (tdn_spool_commit_visit (spool, v, NULL, NULL, &error));
  g_assert_error (error, TDN_SPOOL_ERROR, TDN_SPOOL_ERROR_FULL);
  /* Nothing half-written. */
  g_assert_true (tdn_spool_get_counts (spool, &counts, NULL));
  g_assert_cmpint (counts.pending, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tdn_clock_set_timezone ("Asia/Ho_Chi_Minh");
  g_test_add ("/spool/commit-and-read", Fixture, NULL, setup, test_commit_and_read, teardown);
  g_test_add ("/spool/revision", Fixture, NULL, setup, test_revision, teardown);
  g_test_add ("/spool/bad-files", Fixture, NULL, setup, test_bad_files, teardown);
  g_test_add ("/spool/disk-full", Fixture, NULL, setup, test_disk_full, teardown);
  return g_test_run ();
}
