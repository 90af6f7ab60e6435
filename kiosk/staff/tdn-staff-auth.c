/* tdn-staff-auth.c — nurse sign-in at the desk: PIN, lock-out, idle sign-out
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-staff"

#include "config.h"

#include <openssl/rand.h>

#include "tdn-pin.h"
#include "tdn-staff-auth.h"

/* A real hash with an unguessable PIN, so an unknown login costs as much
 * time as a known one. */
#define DUMMY_HASH "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA==$" \
                   "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

typedef struct {
  guint  failures;
  gint64 locked_until;   /* monotonic µs, 0 = not locked */
} Attempts;

typedef struct {
  char   *login;
  char   *display_name;
  gint64  last_activity;  /* monotonic µs */
} Session;

static void
session_free (gpointer data)
{
  Session *s = data;

  g_free (s->login);
  g_free (s->display_name);
  g_free (s);
}

struct _TdnStaffAuth
{
  GObject     parent_instance;
  TdnConfig  *config;
  GHashTable *attempts;     /* login → Attempts */
  GHashTable *sessions;     /* token → Session */
  char       *login;
  char       *display_name;
  gint64      last_activity;
  guint       max_failures;
  gint64      lockout_us;
  gint64      signout_us;
};

enum {
  SIGNAL_SIGNED_IN,
  SIGNAL_SIGNED_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdnStaffAuth, tdn_staff_auth, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdn-staff-auth-error-quark, tdn_staff_auth_error)

static void
tdn_staff_auth_finalize (GObject *object)
{
  TdnStaffAuth *self = TDN_STAFF_AUTH (object);

  g_clear_object (&self->config);
  g_clear_pointer (&self->attempts, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_free (self->login);
  g_free (self->display_name);

  G_OBJECT_CLASS (tdn_staff_auth_parent_class)->finalize (object);
}

static void
tdn_staff_auth_class_init (TdnStaffAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdn_staff_auth_finalize;

  /* ::signed-in (login) */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* ::signed-out (login, reason: "manual" or "inactivity") */
  signals[SIGNAL_SIGNED_OUT] =
    g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
tdn_staff_auth_init (TdnStaffAuth *self)
{
  self->attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_free);
}

TdnStaffAuth *
tdn_staff_auth_new_with_policy (TdnConfig  *config,
                                const char *policy_group)
{
  TdnStaffAuth *self;

  g_return_val_if_fail (TDN_IS_CONFIG (config), NULL);
  g_return_val_if_fail (policy_group != NULL, NULL);

  self = g_object_new (TDN_TYPE_STAFF_AUTH, NULL);
  self->config = g_object_ref (config);
  self->max_failures = (guint) tdn_config_get_int (config, policy_group, "max_pin_failures");
  self->lockout_us = tdn_config_get_int (config, policy_group, "lockout_s") * G_USEC_PER_SEC;
  self->signout_us = tdn_config_get_int (config, policy_group, "auto_signout_s") * G_USEC_PER_SEC;
  return self;
}

TdnStaffAuth *
tdn_staff_auth_new (TdnConfig *config)
{
  return tdn_staff_auth_new_with_policy (config, "desk");
}

gint64
tdn_staff_auth_locked_for_s (TdnStaffAuth *self,
                             const char   *login)
{
  Attempts *a;
  gint64 now;

  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), 0);

  a = g_hash_table_lookup (self->attempts, login);
  now = tdn_clock_get_monotonic ();
  if (a == NULL || a->locked_until <= now)
    return 0;
  return (a->locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

static void
record_failure (TdnStaffAuth *self,
                const char   *login)
{
  Attempts *a = g_hash_table_lookup (self->attempts, login);

  if (a == NULL)
    {
      a = g_new0 (Attempts, 1);
      g_hash_table_insert (self->attempts, g_strdup (login), a);
    }
  if (a->locked_until != 0 && a->locked_until <= tdn_clock_get_monotonic ())
    {
      /* The previous lock ran out: start counting again. */
      a->failures = 0;
      a->locked_until = 0;
    }
  a->failures++;
  if (a->failures >= self->max_failures)
    {
      a->locked_until = tdn_clock_get_monotonic () + self->lockout_us;
      g_message ("staff login locked for %" G_GINT64_FORMAT " s after %u wrong PINs",
                 self->lockout_us / G_USEC_PER_SEC, a->failures);
    }
}

/* Checks the lock-out and the PIN; on success returns the display name. */
static char *
verify (TdnStaffAuth *self,
        const char   *login,
        const char   *pin,
        GError      **error)
{
  g_autofree char *group = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) logins = NULL;
  const char *stored = DUMMY_HASH;
  gboolean known = FALSE;
  gint64 locked;

  locked = tdn_staff_auth_locked_for_s (self, login);
  if (locked > 0)
    {
      g_set_error (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_LOCKED,
                   _("Too many wrong PINs. Try again in %d minutes."),
                   (int) ((locked + 59) / 60));
      return NULL;
    }

  logins = tdn_config_list_instances (self->config, "staff");
  if (g_strv_contains ((const char * const *) logins, login))
    {
      group = g_strconcat ("staff ", login, NULL);
      stored = tdn_config_get_string (self->config, group, "pin_hash");
      known = TRUE;
    }

  if (!tdn_pin_verify (pin, stored, &local_error) || !known)
    {
      if (local_error != NULL && known)
        {
          g_set_error (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_CONFIG,
                       "%s", local_error->message);
          return NULL;
        }
      record_failure (self, login);
      g_set_error_literal (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_REFUSED,
                           _("Wrong login or PIN."));
      return NULL;
    }

  g_hash_table_remove (self->attempts, login);
  return g_strdup (tdn_config_get_string (self->config, group, "display_name"));
}

gboolean
tdn_staff_auth_sign_in (TdnStaffAuth *self,
                        const char   *login,
                        const char   *pin,
                        GError      **error)
{
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), FALSE);
  g_return_val_if_fail (login != NULL && pin != NULL, FALSE);

  display_name = verify (self, login, pin, error);
  if (display_name == NULL)
    return FALSE;
  if (self->login != NULL)
    tdn_staff_auth_sign_out (self);
  self->login = g_strdup (login);
  self->display_name = g_steal_pointer (&display_name);
  self->last_activity = tdn_clock_get_monotonic ();
  g_message ("staff %s signed in", login);
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, login);
  return TRUE;
}

char *
tdn_staff_auth_create_session (TdnStaffAuth *self,
                               const char   *login,
                               const char   *pin,
                               GError      **error)
{
  g_autofree char *display_name = NULL;
  guint8 raw[24];
  Session *s;
  char *token;

  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), NULL);
  g_return_val_if_fail (login != NULL && pin != NULL, NULL);

  display_name = verify (self, login, pin, error);
  if (display_name == NULL)
    return NULL;
  if (RAND_bytes (raw, sizeof raw) != 1)
    {
      g_set_error_literal (error, TDN_STAFF_AUTH_ERROR, TDN_STAFF_AUTH_ERROR_CONFIG,
                           _("No random numbers available for a session"));
      return NULL;
    }
  token = g_base64_encode (raw, sizeof raw);
  /* URL- and header-safe. */
  g_strdelimit (token, "+/", '-');
  s = g_new0 (Session, 1);
  s->login = g_strdup (login);
  s->display_name = g_steal_pointer (&display_name);
  s->last_activity = tdn_clock_get_monotonic ();
  g_hash_table_insert (self->sessions, g_strdup (token), s);
  g_message ("staff %s signed in (session)", login);
  return token;
}

gboolean
tdn_staff_auth_check_session (TdnStaffAuth *self,
                              const char   *token,
                              const char  **login,
                              const char  **display_name)
{
  Session *s;
  gint64 now;

  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), FALSE);

  if (token == NULL || (s = g_hash_table_lookup (self->sessions, token)) == NULL)
    return FALSE;
  now = tdn_clock_get_monotonic ();
  if (now - s->last_activity >= self->signout_us)
    {
      g_message ("staff %s signed out (inactivity)", s->login);
      g_hash_table_remove (self->sessions, token);
      return FALSE;
    }
  s->last_activity = now;
  if (login != NULL)
    *login = s->login;
  if (display_name != NULL)
    *display_name = s->display_name;
  return TRUE;
}

void
tdn_staff_auth_end_session (TdnStaffAuth *self,
                            const char   *token)
{
  g_return_if_fail (TDN_IS_STAFF_AUTH (self));
  if (token != NULL)
    g_hash_table_remove (self->sessions, token);
}

gint64
tdn_staff_auth_get_session_timeout_s (TdnStaffAuth *self)
{
  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), 0);
  return self->signout_us / G_USEC_PER_SEC;
}

static void
sign_out_with_reason (TdnStaffAuth *self,
                      const char   *reason)
{
  g_autofree char *login = g_steal_pointer (&self->login);

  g_clear_pointer (&self->display_name, g_free);
  if (login == NULL)
    return;
  g_message ("staff %s signed out (%s)", login, reason);
  g_signal_emit (self, signals[SIGNAL_SIGNED_OUT], 0, login, reason);
}

void
tdn_staff_auth_sign_out (TdnStaffAuth *self)
{
  g_return_if_fail (TDN_IS_STAFF_AUTH (self));
  sign_out_with_reason (self, "manual");
}

void
tdn_staff_auth_touch (TdnStaffAuth *self)
{
  g_return_if_fail (TDN_IS_STAFF_AUTH (self));
  if (self->login != NULL)
    self->last_activity = tdn_clock_get_monotonic ();
}

gboolean
tdn_staff_auth_check_idle (TdnStaffAuth *self)
{
  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), FALSE);

  if (self->login == NULL || tdn_clock_get_monotonic () - self->last_activity < self->signout_us)
    return FALSE;
  sign_out_with_reason (self, "inactivity");
  return TRUE;
}

const char *
tdn_staff_auth_get_login (TdnStaffAuth *self)
{
  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), NULL);
  return self->login;
}

const char *
tdn_staff_auth_get_display_name (TdnStaffAuth *self)
{
  g_return_val_if_fail (TDN_IS_STAFF_AUTH (self), NULL);
  return self->display_name;
}
