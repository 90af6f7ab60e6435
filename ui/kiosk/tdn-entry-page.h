/* tdn-entry-page.h — typing an ID or BHYT number, the date of birth and the name
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three fields: a number of fixed length on the numeric keypad (12-digit
 * CCCD, or the 10-digit BHXH number of a health insurance card), the date
 * of birth as ddmmyyyy, and the full name on the letter keyboard. Typing
 * fills the number first and moves on to the next field by itself;
 * touching a field selects it. ::changed after every key.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDN_TYPE_ENTRY_PAGE (tdn_entry_page_get_type ())
G_DECLARE_FINAL_TYPE (TdnEntryPage, tdn_entry_page, TDN, ENTRY_PAGE, GtkBox)

/* Starts a new entry: wipes what was typed. Texts translated already. */
void        tdn_entry_page_start      (TdnEntryPage *self,
                                       const char   *title,
                                       const char   *number_label,
                                       guint         number_length,
                                       const char   *name_label);
/* Re-renders the texts after a language change, keeping what was typed. */
void        tdn_entry_page_set_texts  (TdnEntryPage *self,
                                       const char   *title,
                                       const char   *number_label,
                                       const char   *name_label);
/* The digits typed so far. */
const char *tdn_entry_page_get_number (TdnEntryPage *self);
/* "ddmmyyyy" digits typed so far. */
const char *tdn_entry_page_get_dob    (TdnEntryPage *self);
/* The name typed so far (NFC UTF-8). */
const char *tdn_entry_page_get_name   (TdnEntryPage *self);
/* A problem with what was typed, or NULL. */
void        tdn_entry_page_set_error  (TdnEntryPage *self,
                                       const char   *error);
/* Wipes everything typed from memory and the screen. */
void        tdn_entry_page_clear      (TdnEntryPage *self);

G_END_DECLS
