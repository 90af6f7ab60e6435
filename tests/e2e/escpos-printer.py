#!/usr/bin/python3
# escpos-printer.py — a network ESC/POS printer for the e2e morning
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: escpos-printer.py --dir DIR --mode-file FILE
# Listens on 127.0.0.1 (port chosen by the OS, printed as "PORT <n>"),
# answers DLE EOT 1/2/4 like tests/integration/printer/fake-printer.py and
# keeps every ticket it cuts as DIR/ticket-NNNNN.bin: the bytes from ESC @
# to the partial cut, which tests/integration/printer/escpos-decode.py
# turns back into an image (its QR code holds the visit reference). FILE,
# read at every status query, holds "ok" or "paper-out": the test runs the
# paper out and puts it back while kiosks are printing.
import argparse
import os
import socket
import threading

CUT = b"\x1d\x56\x42\x00"
LOCK = threading.Lock()


def paper_out(mode_file):
    try:
        with open(mode_file) as f:
            return f.read().strip() == "paper-out"
    except OSError:
        return False


def status(n, empty):
    out = 0x12
    if n == 4 and empty:
        out |= 0x60
    if n == 2 and empty:
        out |= 0x20
    if n == 1 and empty:
        out |= 0x08
    return bytes([out])


def save(directory, ticket):
    with LOCK:
        n = len([f for f in os.listdir(directory) if f.endswith(".bin")])
        with open(os.path.join(directory, "ticket-%05d.bin" % n), "wb") as f:
            f.write(ticket)


def serve(conn, args):
    buf = b""
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return
        buf += chunk
        while True:
            # Raster bytes may hold anything: a status query counts only
            # outside a ticket (before ESC @, or after the cut).
            start = buf.find(b"\x1b\x40")
            k = buf.find(b"\x10\x04")
            if k >= 0 and (start < 0 or k < start):
                if len(buf) < k + 3:
                    break
                conn.sendall(status(buf[k + 2], paper_out(args.mode_file)))
                buf = buf[k + 3:]
                continue
            if start < 0:
                buf = b""
                break
            cut = buf.find(CUT, start)
            if cut < 0:
                break
            save(args.dir, buf[start:cut + len(CUT)])
            buf = buf[cut + len(CUT):]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--mode-file", required=True)
    args = ap.parse_args()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    print("PORT %d" % srv.getsockname()[1], flush=True)
    while True:
        conn, _ = srv.accept()
        conn.settimeout(30)

        def run(c=conn):
            try:
                serve(c, args)
            except OSError:
                pass
            finally:
                c.close()
        threading.Thread(target=run, daemon=True).start()


if __name__ == "__main__":
    main()
