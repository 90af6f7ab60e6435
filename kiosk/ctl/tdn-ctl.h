/* tdn-ctl.h — tiepdonctl's command registry, for every module's commands
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A module adds commands with one tdn_ctl_register() call per command from
 * its own tdn-<module>-ctl.c (listed in tdn-ctl-modules.c). A command's run
 * function gets the words after the command name, parses them with
 * tdn_ctl_parse() (which adds --config and --json), and returns an exit
 * status from TdnCtlExit. Errors are one line on stderr via tdn_ctl_fail().
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tdn-base.h"

G_BEGIN_DECLS

typedef enum {
  TDN_CTL_EXIT_OK      = 0,
  TDN_CTL_EXIT_FAILURE = 1,   /* something went wrong (network, HIS, …) */
  TDN_CTL_EXIT_INVALID = 2,   /* bad input, bad usage or invalid configuration */
  TDN_CTL_EXIT_DEVICE  = 3,   /* card, reader, scanner or printer error */
} TdnCtlExit;

typedef struct _TdnCtl TdnCtl;

typedef int (*TdnCtlRunFunc) (TdnCtl *ctl,
                              int     argc,
                              char  **argv);

typedef struct {
  const char    *name;        /* words, e.g. "config check" */
  const char    *parameters;  /* usage after the name, e.g. "[--json]" */
  const char    *summary;     /* one line, marked with N_() */
  TdnCtlRunFunc  run;
} TdnCtlCommand;

void        tdn_ctl_register    (TdnCtl              *ctl,
                                 const TdnCtlCommand *command);
/* Registers `n` commands from a module's table. */
void        tdn_ctl_register_commands (TdnCtl              *ctl,
                                       const TdnCtlCommand *commands,
                                       gsize                n);

/* Health checks for `tiepdonctl selftest`. A check returns its status and
 * sets `message` to one line a technician can act on. */
typedef enum {
  TDN_CTL_CHECK_OK,
  TDN_CTL_CHECK_SKIPPED,   /* not configured here (e.g. no printer on a broker host) */
  TDN_CTL_CHECK_WARNING,   /* works, but needs attention */
  TDN_CTL_CHECK_FAILED,
} TdnCtlCheckStatus;

typedef TdnCtlCheckStatus (*TdnCtlCheckFunc) (TdnCtl     *ctl,
                                              TdnConfig  *config,
                                              char      **message);

typedef struct {
  const char      *name;      /* short id, e.g. "spool" */
  const char      *summary;   /* what is checked, marked with N_() */
  TdnCtlCheckFunc  run;
} TdnCtlCheck;

void        tdn_ctl_add_check   (TdnCtl            *ctl,
                                 const TdnCtlCheck *check);
/* Registered checks, in registration order (tdn-ctl-selftest.c). */
GPtrArray  *tdn_ctl_get_checks  (TdnCtl            *ctl);

/* Parses `argv` with `entries` (may be NULL) plus --config/--json. On a
 * usage error prints it and returns FALSE: return TDN_CTL_EXIT_INVALID. */
gboolean    tdn_ctl_parse       (TdnCtl        *ctl,
                                 GOptionEntry  *entries,
                                 int           *argc,
                                 char        ***argv);

/* The command being run, and the options common to all commands. */
const TdnCtlCommand *tdn_ctl_get_command (TdnCtl *ctl);
gboolean    tdn_ctl_get_json    (TdnCtl *ctl);
const char *tdn_ctl_get_config_file (TdnCtl *ctl);

/* Loads tiepdon.conf (or the --config file); NULL with error when invalid.
 * The result is cached: every call returns the same object. */
TdnConfig  *tdn_ctl_load_config (TdnCtl *ctl, GError **error);
/* As above, for another schema (the broker's). Not cached. */
TdnConfig  *tdn_ctl_load_config_schema (TdnCtl                *ctl,
                                        const TdnConfigSchema *schema,
                                        GError               **error);

/* Prints `node` (pretty, UTF-8, newline) to stdout. */
void        tdn_ctl_print_json  (TdnCtl   *ctl,
                                 JsonNode *node);

/* Prints "tiepdonctl: <message>" on stderr (in --json mode also
 * {"error": {"code": …, "message": …}} on stdout) and returns `status`. */
int         tdn_ctl_fail        (TdnCtl     *ctl,
                                 int         status,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (3, 4);

/* Registration of every module's commands (tdn-ctl-modules.c). */
void        tdn_ctl_register_all (TdnCtl *ctl);
/* The built-in commands (tdn-ctl-config.c, tdn-ctl-selftest.c). */
void        tdn_ctl_config_register (TdnCtl *ctl);
void        tdn_ctl_selftest_register (TdnCtl *ctl);

/* Entry point (main.c calls it). */
int         tdn_ctl_main        (int    argc,
                                 char **argv);

G_END_DECLS
