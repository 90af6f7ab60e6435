/* tdn-staff-auth.h — nurse sign-in at the desk: PIN, lock-out, idle sign-out
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts are [staff LOGIN] groups; limits (max_pin_failures, lockout_s,
 * auto_signout_s) come from a policy group: [desk] in tiepdon.conf, [nurses]
 * in broker.conf. Time is read through tdn_clock so tests move it.
 *
 * Two ways to use it: one signed-in nurse (a desk: sign_in/sign_out, the
 * owner calls touch() on every action and check_idle() from a timer), or
 * many sessions named by random tokens (the broker: create_session,
 * check_session, end_session). Both share the lock-out.
 */
#pragma once

#include <glib-object.h>

#include "tdn-base.h"

G_BEGIN_DECLS

#define TDN_STAFF_AUTH_ERROR (tdn_staff_auth_error_quark ())

typedef enum {
  TDN_STAFF_AUTH_ERROR_REFUSED,   /* unknown login or wrong PIN: one message for both */
  TDN_STAFF_AUTH_ERROR_LOCKED,    /* too many failures; try again later */
  TDN_STAFF_AUTH_ERROR_CONFIG,    /* the account's stored hash is unusable */
} TdnStaffAuthError;

GQuark tdn_staff_auth_error_quark (void);

#define TDN_TYPE_STAFF_AUTH (tdn_staff_auth_get_type ())
G_DECLARE_FINAL_TYPE (TdnStaffAuth, tdn_staff_auth, TDN, STAFF_AUTH, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnStaffAuth *tdn_staff_auth_new            (TdnConfig    *config);
/* Limits from `policy_group` instead of [desk]. */
G_GNUC_WARN_UNUSED_RESULT
TdnStaffAuth *tdn_staff_auth_new_with_policy (TdnConfig   *config,
                                              const char  *policy_group);

gboolean      tdn_staff_auth_sign_in        (TdnStaffAuth *self,
                                             const char   *login,
                                             const char   *pin,
                                             GError      **error);
void          tdn_staff_auth_sign_out       (TdnStaffAuth *self);
void          tdn_staff_auth_touch          (TdnStaffAuth *self);
/* Signs out (reason "inactivity") when idle too long; TRUE if it did. */
gboolean      tdn_staff_auth_check_idle     (TdnStaffAuth *self);

/* NULL when nobody is signed in. */
const char   *tdn_staff_auth_get_login      (TdnStaffAuth *self);
const char   *tdn_staff_auth_get_display_name (TdnStaffAuth *self);
/* Sessions: a new random token for `login`, or NULL with the same errors
 * as sign_in. */
char         *tdn_staff_auth_create_session (TdnStaffAuth *self,
                                             const char   *login,
                                             const char   *pin,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE (and the session's login and display name, valid until the session
 * ends) when `token` names a live session; counts as activity. */
gboolean      tdn_staff_auth_check_session  (TdnStaffAuth *self,
                                             const char   *token,
                                             const char  **login,
                                             const char  **display_name);
void          tdn_staff_auth_end_session    (TdnStaffAuth *self,
                                             const char   *token);
gint64        tdn_staff_auth_get_session_timeout_s (TdnStaffAuth *self);

/* Seconds until `login` may try again (0: not locked). */
gint64        tdn_staff_auth_locked_for_s   (TdnStaffAuth *self,
                                             const char   *login);

G_END_DECLS
