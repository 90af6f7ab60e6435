/* main.c — tiepdonctl, the command line for IT and for tests
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-ctl.h"

int
main (int    argc,
      char **argv)
{
  return tdn_ctl_main (argc, argv);
}
