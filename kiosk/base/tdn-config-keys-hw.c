/* tdn-config-keys-hw.c — schema of tiepdon.conf: card reader, QR scanner, printer
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdn-config-keys-private.h"

static const char * const photo_modes[] = { "never", "background", NULL };
static const char * const scanner_backends[] = { "serial", "camera", "wedge", "sim", "none", NULL };
static const char * const framings[] = { "any", "cr", "lf", "crlf", NULL };
static const char * const paper_widths[] = { "58", "80", NULL };
static const char * const printer_schemes[] = { "file", "usb", "tcp", "cups", NULL };

static const TdnConfigKey reader_keys[] = {
  TDN_KEY_BOOL ("enabled", "true", "Read chip cards on a PC/SC reader."),
  TDN_KEY_STRING ("name", "", 256, NULL,
                  "PC/SC reader to use; empty uses the first reader that holds a card."),
  TDN_KEY_INT ("max_le", "223", 1, 65536,
               "Largest number of bytes asked for in one READ BINARY (223 = 0xDF is safe "
               "on PN532-class readers; above 256 needs extended_length)."),
  TDN_KEY_BOOL ("extended_length", "false",
                "Use extended-length APDUs when both the reader and the card allow them."),
  TDN_KEY_ENUM ("read_photo", "background", photo_modes,
                "Read the chip photo (DG2) after the identity, for the desk."),
  TDN_KEY_PATH ("csca_dir", TDN_SYSCONFDIR "/csca",
                "Trusted CSCA certificates (PEM files or a master list) for passive authentication."),
  TDN_KEY_BOOL ("csca_trust_unverified_master_lists", "false",
                "Trust the certificates of a CSCA master list whose signature cannot be checked "
                "against a CSCA certificate file in csca_dir."),
  TDN_KEY_BOOL ("reject_expired_signer_certificates", "false",
                "Passive authentication fails when the document signer or CSCA certificate has "
                "expired (by default an expired one is accepted and reported)."),
  TDN_KEY_INT ("timeout_ms", "20000", 1000, 120000,
               "Give up a chip read that takes longer than this."),
  TDN_KEY_END
};

static const TdnConfigKey scanner_keys[] = {
  TDN_KEY_ENUM ("backend", "serial", scanner_backends,
                "QR scanner type: serial (USB CDC-ACM), camera (zbar), wedge (USB keyboard), "
                "sim (demo), none."),
  TDN_KEY_PATH ("device", "/dev/tiepdon-scanner",
                "Serial device, camera device (/dev/video0) or input event device."),
  TDN_KEY_INT ("baud", "9600", 1200, 921600, "Serial speed."),
  TDN_KEY_ENUM ("framing", "any", framings,
                "How a serial scanner ends a payload: CR, LF, CR LF, or any of them."),
  TDN_KEY_INT ("duplicate_window_ms", "3000", 0, 60000,
               "Ignore the same payload scanned again within this time."),
  TDN_KEY_END
};

static const TdnConfigKey printer_keys[] = {
  TDN_KEY_URI ("uri", "file://" TDN_LOCALSTATEDIR "/tickets", printer_schemes,
               "Ticket printer: usb:///dev/usb/lp0, tcp://HOST:9100, cups://QUEUE, "
               "or file:///DIR (raw bytes and a PNG preview)."),
  TDN_KEY_ENUM ("paper_width_mm", "80", paper_widths, "Paper width: 58 (384 dots) or 80 (576 dots)."),
  TDN_KEY_BOOL ("buzzer", "false", "Beep when the ticket is ready."),
  TDN_KEY_INT ("status_timeout_ms", "1500", 100, 30000,
               "How long to wait for the printer to answer a status query."),
  TDN_KEY_END
};

const TdnConfigGroup tdn_config_group_reader = {
  .name = "reader", .summary = "Contactless chip card reader (PC/SC).", .keys = reader_keys,
};
const TdnConfigGroup tdn_config_group_scanner = {
  .name = "scanner", .summary = "QR code scanner.", .keys = scanner_keys,
};
const TdnConfigGroup tdn_config_group_printer = {
  .name = "printer", .summary = "Ticket printer (ESC/POS).", .keys = printer_keys,
};
