#!/usr/bin/python3
# test-help-ctl.py — tiepdonctl help … against a real help API host
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts tests/sim/help-server (port chosen by the OS; it ends when its
# stdin closes, so it stops with this test), posts two help requests as
# kiosk K2 over HTTP, then drives tiepdonctl help as two nurses. TAP output.
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

ctl, server = sys.argv[1], sys.argv[2]
n = 0


def ok(cond, what):
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what), flush=True)
    if not cond:
        sys.exit(1)


with tempfile.TemporaryDirectory(prefix="tdn-help-ctl-") as tmp:
    srv = subprocess.Popen([server, os.path.join(tmp, "broker.db")],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        port = int(srv.stdout.readline())
        base = "http://127.0.0.1:%d" % port

        def post_kiosk(body):
            req = urllib.request.Request(base + "/help", data=json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer kiosk-k2-token",
                                                  "Content-Type": "application/json"})
            with urllib.request.urlopen(req) as r:
                assert r.status == 201
                return json.load(r)["id"]

        token = os.path.join(tmp, "desk-token")
        fd = os.open(token, os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, b"desk-1-token\n")
        os.close(fd)
        conf = os.path.join(tmp, "tiepdon.conf")
        with open(conf, "w") as f:
            f.write("[desk]\nbroker_url=%s/\ntoken_file=%s\n" % (base, token))

        def run(args, pin, expect=0):
            p = subprocess.run([ctl, "--config", conf, "--json"] + args, input=pin + "\n",
                               capture_output=True, text=True)
            if p.returncode != expect:
                sys.stderr.write(p.stdout + p.stderr)
            ok(p.returncode == expect, "tiepdonctl %s exits %d" % (" ".join(args), expect))
            return json.loads(p.stdout) if p.stdout.strip() else None

        expired = post_kiosk({"kiosk_id": "K2", "reason": "expired_card", "ticket_number": "K2-A015",
                              "masked_id": "0011******45", "assurance": "chip+pa"})
        mismatch = post_kiosk({"kiosk_id": "K2", "reason": "input_mismatch", "ticket_number": "K2-A016"})

        out = run(["help", "list", "--login", "lan"], "246810")
        reqs = out["requests"]
        ok([r["id"] for r in reqs] == [expired, mismatch], "list shows both requests, oldest first")
        ok(reqs[0]["reason"] == "expired_card" and reqs[0]["reason_vi"] and reqs[0]["reason_en"],
           "reason in words in both languages")

        out = run(["help", "show", expired, "--login", "lan"], "246810")
        ok(out["ticket_number"] == "K2-A015" and out["assurance"] == "chip+pa", "show returns the request")

        out = run(["help", "claim", expired, "--login", "lan"], "246810")
        ok(out["state"] == "claimed" and out["claimed_by"] == "lan", "lan claims")

        out = run(["help", "claim", expired, "--login", "hoa"], "135791", expect=1)
        ok("lan" in out["error"]["message"],
           "hoa is told the request is taken: " + out["error"]["message"])

        run(["help", "list", "--login", "lan"], "000000", expect=1)
        run(["help", "resolve", expired, "--login", "lan"], "246810", expect=2)

        out = run(["help", "resolve", expired, "--login", "lan", "--resolution", "switched to self-pay"], "246810")
        ok(out["state"] == "resolved" and out["resolution"] == "switched to self-pay", "lan resolves")

        out = run(["help", "list", "--login", "hoa"], "135791")
        ok([r["id"] for r in out["requests"]] == [mismatch], "only the mismatch stays open")

        out = run(["help", "list", "--all", "--login", "hoa"], "135791")
        ok(len(out["requests"]) == 2, "--all includes the resolved request")

        out = run(["help", "overrides", expired, "--login", "hoa"], "135791")
        ok(out["overrides"] == [], "no overrides were made from the CLI")

        os.chmod(token, 0o644)
        run(["help", "list", "--login", "lan"], "246810", expect=2)
    finally:
        srv.stdin.close()
        srv.wait(timeout=10)

print("1..%d" % n)
