#!/usr/bin/python3
# test-sync-fhir.py — delivery to a real (in-memory) FHIR R4 server
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the Medplum test HIS (every bundle validated with FHIR.js),
# commits visits with commit-visits and checks, with tiepdonctl and
# tiepdon-syncd: delivery and resend without duplicates, a revision as a
# conditional update, bad answers (400 OperationOutcome, 412, 500, HTML,
# a 200 that is no transaction-response) ending in the right state with a
# readable reason, retry/rebuild, an outage whose backlog drains in order
# once the HIS is back, SIGTERM, the bearer token, and retention purge.
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his"))
from peers import FhirPeer, Kiosk, ok, plan, wait_for  # noqa: E402

KIOSKS = []



def main():
    if not os.path.isdir(os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his", "node_modules")):
        print("1..0 # SKIP tests/his/node_modules missing: run tools/test-peers")
        return
    with tempfile.TemporaryDirectory(prefix="tdn-sync-fhir-") as work:
        if os.environ.get("TDN_TEST_KEEP"):
            work = tempfile.mkdtemp(prefix="tdn-sync-fhir-kept-")
        his = FhirPeer(work, token="s3cret-token")
        desk = None
        try:
            desk = start_help_server(work)
            run(work, his, desk)
        finally:
            for proc in KIOSKS:
                proc.kill_syncd()
            his.stop()
            if desk is not None:
                desk[0].stdin.close()
                desk[0].wait()
    plan()


def start_help_server(work):
    """The broker's help API (tests/sim/help-server), where parks raise alerts."""
    binary = os.path.join(os.environ["TIEPDON_BUILD_DIR"], "tests", "sim", "help-server")
    if not os.path.exists(binary):
        return None
    db = os.path.join(work, "help.db")
    proc = subprocess.Popen([binary, db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=open(os.path.join(work, "help-server.log"), "ab"))
    port = int(proc.stdout.readline())
    token = os.path.join(work, "kiosk.token")
    with open(token, "w") as f:
        f.write("kiosk-k2-token\n")
    os.chmod(token, 0o600)
    return proc, port, db, token


def help_requests(desk):
    with sqlite3.connect(desk[2]) as db:
        return db.execute("SELECT visit_ref, reason, kiosk_id FROM help_requests").fetchall()


def run(work, his, desk):
    his.start()
    token_file = os.path.join(work, "his.token")
    with open(token_file, "w") as f:
        f.write("s3cret-token\n")
    os.chmod(token_file, 0o600)
    lines = ["adapter=fhir", f"fhir_url={his.url()}", f"fhir_token_file={token_file}"]
    if desk is not None:
        lines += ["[eligibility]", f"broker_url=http://127.0.0.1:{desk[1]}/", f"token_file={desk[3]}"]
    kiosk = Kiosk(work, lines)
    KIOSKS.append(kiosk)

    # selftest: the HIS answers; the spool is not there yet.
    checks = {c["name"]: c for c in json.loads(kiosk.run("selftest", "--json", check=False).stdout)["checks"]}
    ok(checks["his"]["status"] == "ok" and checks["spool"]["status"] == "skipped",
       f"selftest: {checks['his']['message']}; {checks['spool']['message']}")

    # Delivery, then a resend of the same bytes: no second copy.
    visits = kiosk.commit(5, "--revise", "5", "--seed", "11")
    out = kiosk.json("sync", "run", "--once")
    ok(out["delivered"] == 6 and out["pending"] == 0 and out["parked"] == 0,
       f"5 visits and 1 revision delivered ({out})")
    stats = his.stats()
    ok(stats["encounters"] == 5 and stats["patients"] == 5 and stats["invalid"] == 0,
       f"the HIS holds 5 encounters, 5 patients, no invalid bundle ({stats['invalid_messages']})")
    ok(stats["coverages"] == 4, "BHYT cards became Coverage resources")
    revised = [e for e in stats["encounter_identifiers"] if e["value"] == visits[4][0]]
    ok(revised and revised[0]["priority"] == "UR", "the revision updated the Encounter (priority merit → UR)")
    first = kiosk.json("spool", "list")["deliveries"][0]
    ok(kiosk.run("spool", "retry", first["delivery_id"], check=False).returncode == 2,
       "a delivered delivery cannot be retried")

    # Bad answers. 400 with an OperationOutcome: parked, diagnostics kept.
    for mode, expect, words in [("400", "parked", "Khoa không tồn tại"),
                                ("412", "parked", "more than one record"),
                                ("500", "pending", "Database unavailable"),
                                ("html", "pending", "HTML page"),
                                ("garbage", "pending", "not a transaction-response")]:
        his.set_mode(mode)
        vid = kiosk.commit(1, "--seed", str(100 + len(mode)))[0][0]
        kiosk.json("sync", "run", "--once")
        shown = kiosk.json("spool", "show", vid)
        d = shown["deliveries"][0]
        ok(d["state"] == expect and words in (d["last_error"] or ""),
           f"HTTP {mode}: {expect}, reason “{d['last_error']}”")
        his.set_mode("normal")
        if expect == "parked":
            # A human fixes it at the HIS and sends it again.
            kiosk.json("spool", "retry", vid)
        for _ in range(20):
            kiosk.json("sync", "run", "--once")
            if kiosk.json("spool", "show", vid)["deliveries"][0]["state"] == "delivered":
                break
            time.sleep(0.25)
        ok(kiosk.json("spool", "show", vid)["deliveries"][0]["state"] == "delivered",
           f"after {mode} the delivery goes through once the HIS is fixed")
    stats = his.stats()
    ok(stats["encounters"] == 10 and stats["invalid"] == 0, "still one Encounter per visit")

    # Masked show: no name or full ID number in the output.
    shown = kiosk.run("spool", "show", visits[0][0], "--json").stdout
    ok(visits[0][1] not in shown and "Nguyễn" not in shown and "masked_id" in shown, "spool show masks")

    # Wrong token: retried (the kiosk's credentials, not the visit), reason says so.
    with open(token_file, "w") as f:
        f.write("wrong\n")
    vid = kiosk.commit(1, "--seed", "300")[0][0]
    kiosk.json("sync", "run", "--once")
    d = kiosk.json("spool", "show", vid)["deliveries"][0]
    ok(d["state"] == "pending" and "credentials" in d["last_error"], "HTTP 401: retried, reason names credentials")
    with open(token_file, "w") as f:
        f.write("s3cret-token\n")

    # Outage: syncd runs, the HIS is down, visits keep being committed.
    kiosk.start_syncd()
    wait_for(lambda: kiosk.counts()["delivered"] == 12, 20, "syncd to deliver the waiting visit")
    # One deliverer per spool: while syncd runs, another is turned away.
    second = kiosk.run("sync", "run", "--once", check=False)
    ok(second.returncode == 1 and "Another process" in second.stderr,
       f"sync run refuses while syncd delivers: {second.stderr.strip()}")
    his.kill()
    backlog = kiosk.commit(20, "--seed", "400")
    time.sleep(1.5)
    c = kiosk.counts()
    ok(c["pending"] + c["in_flight"] == 20, f"HIS down: 20 visits accepted and waiting ({c})")
    his.start(fixed_port=his.port)
    wait_for(lambda: kiosk.counts()["pending"] == 0 and kiosk.counts()["in_flight"] == 0, 60,
             "the backlog to drain")
    order = [v for v in his.visit_ids() if v in {b[0] for b in backlog}]
    ok(order == [b[0] for b in backlog], "the backlog reached the HIS in commit order")
    ok(his.stats()["encounters"] == 31, "no visit lost or doubled by the outage")

    # Immediate wake-up: a new visit is delivered without waiting for a poll.
    vid = kiosk.commit(1, "--seed", "500")[0][0]
    wait_for(lambda: vid in his.visit_ids(), 10, "a fresh visit to be delivered")
    wait_for(lambda: kiosk.counts()["delivered"] == 33, 10, "the spool to record the delivery")
    ok(True, "a fresh visit is delivered while syncd runs")

    # A park while syncd runs raises a help request for the desk.
    his.set_mode("400")
    vid = kiosk.commit(1, "--seed", "600")[0][0]
    wait_for(lambda: kiosk.counts()["parked"] == 1, 10, "the refused visit to be parked")
    checks = {c["name"]: c for c in json.loads(kiosk.run("selftest", "--json", check=False).stdout)["checks"]}
    ok(checks["spool"]["status"] == "warning", f"selftest warns about the parked visit: {checks['spool']['message']}")
    if desk is not None:
        alerts = wait_for(lambda: help_requests(desk), 10, "the help request")
        ok(alerts == [(vid, "his_delivery_failed", "K2")], f"the desk is told about the parked visit ({alerts})")
    his.set_mode("normal")
    kiosk.json("spool", "retry", vid)
    wait_for(lambda: kiosk.counts()["delivered"] == 34, 10, "the retried visit")
    ok(kiosk.stop_syncd() == 0, "tiepdon-syncd stops cleanly on SIGTERM")

    # Retention: everything is delivered; purge with 0 days erases personal data.
    out = kiosk.json("spool", "purge", "--older-than-days", "0")
    ok(out["purged_visits"] == 33, f"purge anonymised every delivered visit ({out})")
    shown = kiosk.json("spool", "show", visits[0][0])
    ok(shown["purged"] and shown["masked_id"] is None and shown["clinic"] is not None,
       "a purged visit keeps its anonymous record")
    export = kiosk.json("spool", "export")
    ok(len(export["visits"]) == 33 and all(v["full_name"] is None for v in export["visits"]),
       "export after purge carries no names")


if __name__ == "__main__":
    main()
