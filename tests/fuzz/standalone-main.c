/* standalone-main.c — replay a fuzz corpus without libFuzzer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked into every fuzz target in normal builds: runs each file of the
 * given directories (or the given files) through LLVMFuzzerTestOneInput,
 * so the corpus is a regression test under ASan/UBSan with gcc too.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  /* An exact-size heap copy, so ASan sees any read past the end. */
  copy = g_memdup2 (contents, len);
  LLVMFuzzerTestOneInput (copy, len);
  g_free (copy);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int n = 0;

  printf ("TAP version 13\n");
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (run_file (path) != 0)
                return 1;
              printf ("ok %d - %s\n", ++n, name);
            }
        }
      else
        {
          if (run_file (argv[i]) != 0)
            return 1;
          printf ("ok %d - %s\n", ++n, argv[i]);
        }
    }
  /* Always at least the empty input. */
  LLVMFuzzerTestOneInput ((const uint8_t *) "", 0);
  printf ("ok %d - empty input\n1..%d\n", n + 1, n + 1);
  return 0;
}
