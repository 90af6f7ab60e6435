/* tdn-mllp-client.h — delivering HL7 v2.5 ADT messages over MLLP
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TdnSyncDestination: builds ADT^A04 (revision 1) or ADT^A08 (later
 * revisions) with MSH-10 = the delivery id (tdn-hl7.h), timestamps from
 * the revision so the bytes never change, and sends it framed over TCP to
 * [sync] hl7_url (mllp://HOST:PORT, or mllps:// for TLS, verified against
 * the system CAs and ca_file). The ACK decides: AA delivered, AE parked,
 * AR parked when it names the header and retried otherwise; no ACK, a
 * timeout or an ACK to another message: retried with the same bytes. The
 * connection is kept between messages and dropped after anything but a
 * clean ACK, so a late ACK is never taken for the next message's.
 */
#pragma once

#include "tdn-sync-destination.h"

G_BEGIN_DECLS

#define TDN_TYPE_MLLP_CLIENT (tdn_mllp_client_get_type ())
G_DECLARE_FINAL_TYPE (TdnMllpClient, tdn_mllp_client, TDN, MLLP_CLIENT, GObject)

G_GNUC_WARN_UNUSED_RESULT
TdnMllpClient *tdn_mllp_client_new (TdnConfig  *config,
                                    GError    **error);

G_END_DECLS
