/* tdn-mllp-client.c — delivering HL7 v2.5 ADT messages over MLLP
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tiepdon-sync"

#include "config.h"

#include "tdn-hl7.h"
#include "tdn-mllp-client.h"

#define MAX_ANSWER (64 * 1024)

struct _TdnMllpClient
{
  GObject            parent_instance;
  char              *host;
  int                port;
  gboolean           tls;
  GTlsDatabase      *database;     /* from ca_file, or NULL: system CAs */
  GTlsCertificate   *certificate;  /* client_cert + client_key, or NULL */
  GSocketClient     *client;
  GSocketConnection *connection;   /* kept between messages */
  TdnHl7Header       header;
  char              *strings[7];   /* the header's text */
};

static void tdn_mllp_client_destination_init (TdnSyncDestinationInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdnMllpClient, tdn_mllp_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TDN_TYPE_SYNC_DESTINATION,
                                                      tdn_mllp_client_destination_init))

static void
tdn_mllp_client_finalize (GObject *object)
{
  TdnMllpClient *self = TDN_MLLP_CLIENT (object);

  if (self->connection != NULL)
    g_io_stream_close (G_IO_STREAM (self->connection), NULL, NULL);
  g_clear_object (&self->connection);
  g_clear_object (&self->client);
  g_clear_object (&self->database);
  g_clear_object (&self->certificate);
  g_free (self->host);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  G_OBJECT_CLASS (tdn_mllp_client_parent_class)->finalize (object);
}

static void
tdn_mllp_client_class_init (TdnMllpClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tdn_mllp_client_finalize;
}

static void
tdn_mllp_client_init (TdnMllpClient *self)
{
}

/* Hands the TLS connection our CA database and client certificate. */
static void
event_cb (GSocketClient      *client,
          GSocketClientEvent  event,
          GSocketConnectable *connectable,
          GIOStream          *connection,
          gpointer            user_data)
{
  TdnMllpClient *self = user_data;

  if (event != G_SOCKET_CLIENT_TLS_HANDSHAKING || !G_IS_TLS_CONNECTION (connection))
    return;
  if (self->database != NULL)
    g_tls_connection_set_database (G_TLS_CONNECTION (connection), self->database);
  if (self->certificate != NULL)
    g_tls_connection_set_certificate (G_TLS_CONNECTION (connection), self->certificate);
}

TdnMllpClient *
tdn_mllp_client_new (TdnConfig  *config,
                     GError    **error)
{
  g_autoptr(TdnMllpClient) self = g_object_new (TDN_TYPE_MLLP_CLIENT, NULL);
  const char *url = tdn_config_get_string (config, "sync", "hl7_url");
  const char *ca = tdn_config_get_string (config, "sync", "ca_file");
  const char *cert = tdn_config_get_string (config, "sync", "client_cert");
  const char *key = tdn_config_get_string (config, "sync", "client_key");
  const char *facility = tdn_config_get_string (config, "sync", "hl7_sending_facility");
  g_autoptr(GUri) uri = url != NULL && *url != '\0' ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GError) local = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_port (uri) <= 0)
    {
      g_set_error_literal (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                           _("[sync] adapter is hl7v2 but hl7_url is not mllp://HOST:PORT; set the HIS's MLLP address"));
      return NULL;
    }
  self->host = g_strdup (g_uri_get_host (uri));
  self->port = g_uri_get_port (uri);
  self->tls = g_strcmp0 (g_uri_get_scheme (uri), "mllps") == 0;
  if (self->tls && ca != NULL && *ca != '\0')
    {
      self->database = g_tls_file_database_new (ca, &local);
      if (self->database == NULL)
        {
          g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                       _("Cannot load the HIS CA file %s (%s); check [sync] ca_file"), ca, local->message);
          return NULL;
        }
    }
  if (self->tls && cert != NULL && *cert != '\0')
    {
      self->certificate = g_tls_certificate_new_from_files (cert, key != NULL && *key != '\0' ? key : cert, &local);
      if (self->certificate == NULL)
        {
          g_set_error (error, TDN_SYNC_ERROR, TDN_SYNC_ERROR_CONFIG,
                       _("Cannot load the HIS client certificate %s (%s); check [sync] client_cert"),
                       cert, local->message);
          return NULL;
        }
    }
  self->client = g_socket_client_new ();
  g_socket_client_set_timeout (self->client, (guint) tdn_config_get_int (config, "sync", "timeout_s"));
  g_socket_client_set_enable_proxy (self->client, FALSE);
  /* TLS verification is never turned off: the default flags check all. */
  g_socket_client_set_tls (self->client, self->tls);
  g_signal_connect (self->client, "event", G_CALLBACK (event_cb), self);

  self->strings[0] = g_strdup (tdn_config_get_string (config, "sync", "hl7_sending_application"));
  self->strings[1] = g_strdup (facility != NULL && *facility != '\0'
                               ? facility : tdn_config_get_string (config, "kiosk", "facility_code"));
  self->strings[2] = g_strdup (tdn_config_get_string (config, "sync", "hl7_receiving_application"));
  self->strings[3] = g_strdup (tdn_config_get_string (config, "sync", "hl7_receiving_facility"));
  self->header.sending_application = self->strings[0];
  self->header.sending_facility = self->strings[1];
  self->header.receiving_application = self->strings[2];
  self->header.receiving_facility = self->strings[3];
  self->header.processing_id = "P";
  self->strings[4] = g_strdup (tdn_config_get_string (config, "sync", "hl7_financial_class_bhyt"));
  self->strings[5] = g_strdup (tdn_config_get_string (config, "sync", "hl7_financial_class_self_pay"));
  self->strings[6] = g_strdup (tdn_config_get_string (config, "sync", "hl7_financial_class_pending"));
  self->header.financial_class_bhyt = self->strings[4];
  self->header.financial_class_self_pay = self->strings[5];
  self->header.financial_class_pending = self->strings[6];
  return g_steal_pointer (&self);
}

static const char *
get_name (TdnSyncDestination *destination)
{
  return "hl7v2";
}

static GBytes *
build (TdnSyncDestination *destination,
       const TdnVisit     *visit,
       gint64              arrived_at,
       const char         *delivery_id)
{
  TdnMllpClient *self = TDN_MLLP_CLIENT (destination);
  g_autoptr(GTimeZone) tz = tdn_clock_get_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (visit->created_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) at = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) utc_arrived = g_date_time_new_from_unix_utc (arrived_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) arrived = g_date_time_to_timezone (utc_arrived, tz);
  char *message = tdn_hl7_build_adt_arrived (visit, delivery_id, &self->header, at, arrived);

  return g_bytes_new_take (message, strlen (message));
}

static void
drop_connection (TdnMllpClient *self)
{
  if (self->connection != NULL)
    g_io_stream_close (G_IO_STREAM (self->connection), NULL, NULL);
  g_clear_object (&self->connection);
}

static TdnSyncVerdict
retry (TdnMllpClient  *self,
       char          **reason,
       const char     *what,
       GError         *error)
{
  drop_connection (self);
  if (error != NULL && error->domain == G_TLS_ERROR)
    *reason = g_strdup_printf ("the HIS's TLS certificate or handshake failed (%s); check [sync] ca_file", error->message);
  else
    *reason = g_strdup_printf ("%s: %s", what, error != NULL ? error->message : "connection closed");
  return TDN_SYNC_RETRY;
}

static TdnSyncVerdict
send_payload (TdnSyncDestination  *destination,
              GBytes              *payload,
              const char          *delivery_id,
              GCancellable        *cancellable,
              char               **reason)
{
  TdnMllpClient *self = TDN_MLLP_CLIENT (destination);
  g_autofree char *text = g_strndup (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  g_autoptr(GBytes) frame = tdn_hl7_mllp_frame (text);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *buf = g_malloc (MAX_ANSWER);
  gsize have = 0;
  const guint8 *ack = NULL;
  gsize ack_len = 0, used = 0;
  TdnHl7AckResult result;

  if (self->connection == NULL)
    {
      self->connection = g_socket_client_connect_to_host (self->client, self->host, (guint16) self->port,
                                                          cancellable, &error);
      if (self->connection == NULL)
        return retry (self, reason, "cannot reach the HIS", error);
    }
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (self->connection)),
                                  g_bytes_get_data (frame, NULL), g_bytes_get_size (frame), NULL,
                                  cancellable, &error))
    return retry (self, reason, "sending to the HIS failed", error);
  /* Read until one whole frame has arrived; never more than MAX_ANSWER. */
  while (!tdn_hl7_mllp_unframe (buf, have, &ack, &ack_len, &used))
    {
      gssize n;

      if (have == MAX_ANSWER)
        {
          drop_connection (self);
          *reason = g_strdup ("the HIS sent more than 64 KiB without a complete MLLP frame");
          return TDN_SYNC_RETRY;
        }
      n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (self->connection)),
                               buf + have, MAX_ANSWER - have, cancellable, &error);
      if (n <= 0)
        return retry (self, reason, "no ACK from the HIS", error);
      have += (gsize) n;
    }
  result = tdn_hl7_parse_ack (ack, ack_len, delivery_id, reason);
  if (used != have || result == TDN_HL7_ACK_INVALID)
    drop_connection (self);
  switch (result)
    {
    case TDN_HL7_ACK_ACCEPT:
      return TDN_SYNC_DELIVERED;
    case TDN_HL7_ACK_ERROR:
      {
        g_autofree char *r = *reason;
        *reason = g_strdup_printf ("AE (application error): %s", r);
      }
      return TDN_SYNC_PARK;
    case TDN_HL7_ACK_REJECT_HEADER:
      {
        g_autofree char *r = *reason;
        *reason = g_strdup_printf ("AR naming the message header: %s", r);
      }
      return TDN_SYNC_PARK;
    case TDN_HL7_ACK_REJECT:
      {
        g_autofree char *r = *reason;
        *reason = g_strdup_printf ("AR (HIS not ready): %s", r);
      }
      return TDN_SYNC_RETRY;
    case TDN_HL7_ACK_INVALID:
    default:
      {
        g_autofree char *r = *reason;
        *reason = g_strdup_printf ("unusable ACK: %s", r);
      }
      return TDN_SYNC_RETRY;
    }
}

static gboolean
probe (TdnSyncDestination  *destination,
       char               **message)
{
  TdnMllpClient *self = TDN_MLLP_CLIENT (destination);
  g_autoptr(GError) error = NULL;

  drop_connection (self);
  self->connection = g_socket_client_connect_to_host (self->client, self->host, (guint16) self->port, NULL, &error);
  if (self->connection == NULL)
    {
      *message = g_strdup_printf ("%s:%d: %s", self->host, self->port, error->message);
      return FALSE;
    }
  *message = g_strdup_printf ("%s:%d accepts %s", self->host, self->port, self->tls ? "MLLP over TLS" : "MLLP");
  drop_connection (self);
  return TRUE;
}

static void
tdn_mllp_client_destination_init (TdnSyncDestinationInterface *iface)
{
  iface->probe = probe;
  iface->get_name = get_name;
  iface->build = build;
  iface->send = send_payload;
}
