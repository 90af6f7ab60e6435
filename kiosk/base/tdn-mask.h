/* tdn-mask.h — hide personal data before it can reach a log
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every log line that mentions a person goes through one of these. The log
 * writer also runs tdn_mask_text() over every message as a safety net, but
 * names and addresses cannot be recognised there: mask them at the call.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ID, CMND, BHXH or BHYT number: "001195012345" → "0011******45". */
char *tdn_mask_id      (const char *id) G_GNUC_WARN_UNUSED_RESULT;
/* Name: initials only, "Nguyễn Thị Mai" → "N. T. M.". */
char *tdn_mask_name    (const char *name) G_GNUC_WARN_UNUSED_RESULT;
/* Address: nothing of it, only that there was one: "[address]". */
char *tdn_mask_address (const char *address) G_GNUC_WARN_UNUSED_RESULT;
/* Date of birth: the year only, "1995-03-14" or "14/03/1995" → "1995-**-**". */
char *tdn_mask_date    (const char *date) G_GNUC_WARN_UNUSED_RESULT;
/* Free text: masks every run of 9 or more digits and every BHYT card
 * number inside it. */
char *tdn_mask_text    (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
