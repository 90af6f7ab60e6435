#!/usr/bin/python3
# gateway-faults.py — the BHXH gateway's bad days, in front of bhxh-sim.py
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: gateway-faults.py --upstream http://127.0.0.1:PORT --mode-file FILE
#        [--latency MIN MAX] [--error-rate R] [--seed N]
# A reverse proxy on 127.0.0.1 (port chosen by the OS, "PORT <n>" on
# stdout): every request waits a random MIN–MAX seconds (uniform), a
# fraction R of them answers HTTP 500, and while FILE holds "down" every
# connection is closed without an answer (an outage). Everything else is
# passed to the simulator unchanged. GET /_faults/stats gives the counts.
import argparse
import json
import random
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATS = {"requests": 0, "errors_500": 0, "dropped": 0}
ARGS = None
RNG = random.Random(0)


def down():
    try:
        with open(ARGS.mode_file) as f:
            return f.read().strip() == "down"
    except OSError:
        return False


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, code, body, ctype="application/json"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        if self.path == "/_faults/stats":
            with LOCK:
                return self.reply(200, json.dumps(STATS).encode())
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        with LOCK:
            STATS["requests"] += 1
            delay = RNG.uniform(ARGS.latency[0], ARGS.latency[1])
            fail = RNG.random() < ARGS.error_rate
        if down():
            with LOCK:
                STATS["dropped"] += 1
            self.close_connection = True
            return
        time.sleep(delay)
        if fail:
            with LOCK:
                STATS["errors_500"] += 1
            return self.reply(500, b"<html><body>Internal Server Error</body></html>", "text/html")
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "content-length", "connection")}
        req = urllib.request.Request(ARGS.upstream + self.path, data=body, method=self.command, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                code, data, ctype = r.status, r.read(), r.headers.get("Content-Type", "application/json")
        except urllib.error.HTTPError as e:
            code, data, ctype = e.code, e.read(), e.headers.get("Content-Type", "application/json")
        self.reply(code, data, ctype)

    do_GET = do_POST = handle_any


def main():
    global ARGS, RNG
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--mode-file", required=True)
    ap.add_argument("--latency", nargs=2, type=float, default=[0.0, 0.0])
    ap.add_argument("--error-rate", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=0)
    ARGS = ap.parse_args()
    ARGS.upstream = ARGS.upstream.rstrip("/")
    RNG = random.Random(ARGS.seed)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    srv.daemon_threads = True
    print("PORT %d" % srv.server_address[1], flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
