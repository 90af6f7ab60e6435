/* pa-fixture.h — test PKIs and EF.SODs made at test time with the tests/sim/card scripts
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A scratch directory removed by pa_fixture_cleanup(). */
const char *pa_fixture_dir      (void);
/* Runs mkpki.py once per (alg, extra args) and returns its directory. */
const char *pa_fixture_pki      (const char *alg,
                                 const char *extra_args);
/* Writes `data` to a file in the scratch directory; returns its path. */
char       *pa_fixture_write    (const char   *name,
                                 const guint8 *data,
                                 gsize         len);
/* Runs a script of tests/sim/card with the given shell-quoted arguments;
 * aborts the test on failure. */
void        pa_fixture_run      (const char *script,
                                 const char *args);
/* mksod.py with the DS of `pki` ("ds" or "other-ds") and the arguments
 * (hash, options, N=FILE) formatted from `format`; the SOD's bytes. */
GBytes     *pa_fixture_sod      (const char *pki,
                                 const char *ds,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (3, 4);
GBytes     *pa_fixture_read     (const char *path);
void        pa_fixture_cleanup  (void);

G_END_DECLS
