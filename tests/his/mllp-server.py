#!/usr/bin/python3
# mllp-server.py — a test HL7 v2 HIS: MLLP over TCP with python3-hl7
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: /usr/bin/python3 mllp-server.py --state FILE [--mode-file FILE]
# Listens on 127.0.0.1 (port chosen by the OS unless --port: a restart
# takes the old one again) and prints "PORT <n>".
# Every message it accepts (AA) is recorded once by MSH-10 — a resend of
# the same control id is counted as a duplicate, not stored twice, the
# way the kiosk expects an HIS to dedupe. --state is a JSON-lines log,
# one line per message received: {"id", "event", "mode", "dup",
# "sha256" of the message, PID-5 "name", PID-11 "address", PV1-20
# "financial_class", "in1" (whether an IN1 segment came)}; it is
# read back at start so a restarted HIS remembers. --mode-file, read for
# each message, switches the answer: AA (default), AE, AR (HIS busy),
# AR-HEADER (AR naming MSH-9), GARBAGE (bytes that are no ACK), NOACK
# (read, never answer), WRONGID (an AA for another control id), SLOWAA
# (AA after 20 ms).
# --tls-cert/--tls-key serve MLLP over TLS (mllps://).
import argparse
import asyncio
import hashlib
import json
import os
import ssl
import sys
from datetime import datetime

import hl7
import hl7.mllp

seen = set()
log = None


def read_mode(path):
    if path is None:
        return "AA"
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip() or "AA"
    except FileNotFoundError:
        return "AA"


def record(control_id, event, mode, text, dup=False):
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    pid = next((seg.split("|") for seg in text.split("\r") if seg.startswith("PID|")), [])
    pv1 = next((seg.split("|") for seg in text.split("\r") if seg.startswith("PV1|")), [])
    log.write(json.dumps({"id": control_id, "event": event, "mode": mode, "dup": dup, "sha256": digest,
                          "name": pid[5] if len(pid) > 5 else None,
                          "address": pid[11] if len(pid) > 11 else None,
                          "financial_class": pv1[20] if len(pv1) > 20 else None,
                          "in1": any(seg.startswith("IN1|") for seg in text.split("\r"))}) + "\n")
    log.flush()


def frame(text):
    return b"\x0b" + text.encode("utf-8") + b"\x1c\x0d"


def ack(control_id, code, text="", err=None):
    now = datetime.now().strftime("%Y%m%d%H%M%S")
    out = f"MSH|^~\\&|HIS|BV|TIEPDON||{now}||ACK^A04^ACK|ACK{now}|P|2.5\rMSA|{code}|{control_id}|{text}\r"
    if err is not None:
        out += f"ERR|{err}\r"
    return out


async def handle(reader, writer, args):
    try:
        while True:
            try:
                message = await reader.readmessage()
            except asyncio.IncompleteReadError:
                break
            text = str(message)
            msh = text.split("\r")[0].split("|")
            control_id = msh[9] if len(msh) > 9 else ""
            event = msh[8].split("^")[1] if len(msh) > 8 and "^" in msh[8] else ""
            mode = read_mode(args.mode_file)
            if mode == "SLOWAA":
                # An HIS that takes its time: the ACK comes 20 ms later.
                await asyncio.sleep(0.02)
                mode = "AA"
            record(control_id, event, mode, text, mode == "AA" and control_id in seen)
            if mode == "AA":
                seen.add(control_id)
                writer.write(frame(ack(control_id, "AA")))
            elif mode == "AE":
                writer.write(frame(ack(control_id, "AE", "Khoa NOI không có trong danh mục",
                                       "^^^207&Application internal error&HL70357")))
            elif mode == "AR":
                writer.write(frame(ack(control_id, "AR", "Database temporarily unavailable")))
            elif mode == "AR-HEADER":
                writer.write(frame(ack(control_id, "AR", "Unsupported message type",
                                       "MSH^1^9^1^1&Unsupported message type&HL70357")))
            elif mode == "GARBAGE":
                writer.write(b"\x0bthis is not an ACK \xff\xfe\x1c\x0d")
            elif mode == "WRONGID":
                writer.write(frame(ack("SOMEONE-ELSE", "AA")))
            elif mode == "NOACK":
                continue
            await writer.drain()
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--state", required=True)
    parser.add_argument("--mode-file")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    global log
    if os.path.exists(args.state):
        with open(args.state, encoding="utf-8") as f:
            for line in f:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if entry.get("mode") == "AA":
                    seen.add(entry["id"])
    log = open(args.state, "a", encoding="utf-8")
    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
    server = await hl7.mllp.start_hl7_server(lambda r, w: handle(r, w, args), host="127.0.0.1", port=args.port,
                                             encoding="utf-8", ssl=context)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
