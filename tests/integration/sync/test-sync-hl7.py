#!/usr/bin/python3
# test-sync-hl7.py — delivery to an HL7 v2 MLLP peer (python3-hl7)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ADT^A04 for a visit and ADT^A08 for its revision reach the peer with
# MSH-10 = the delivery id and Vietnamese text intact; AE and an AR naming
# the header park the delivery with the HIS's words; AR (HIS busy), a
# garbage answer, an ACK for another message and no ACK at all are
# retried with exactly the same control id; a restarted peer that already
# has a message counts the resend as a duplicate, not a second visit.
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his"))
from peers import Kiosk, MllpPeer, ok, plan  # noqa: E402




def deliver_until_done(kiosk, visit_id, tries=20):
    for _ in range(tries):
        kiosk.json("sync", "run", "--once")
        d = kiosk.json("spool", "show", visit_id)["deliveries"]
        if all(x["state"] in ("delivered", "parked") for x in d):
            return d
        time.sleep(0.3)
    return kiosk.json("spool", "show", visit_id)["deliveries"]


def main():
    with tempfile.TemporaryDirectory(prefix="tdn-sync-hl7-") as work:
        his = MllpPeer(work)
        try:
            his.start()
            kiosk = Kiosk(work, ["adapter=hl7v2", f"hl7_url={his.url()}"], timeout_s=1)
            run(kiosk, his)
        finally:
            his.stop()
    plan()


def run(kiosk, his):
    his.set_mode("AA")
    kiosk.commit(3, "--revise", "3", "--seed", "21")
    out = kiosk.json("sync", "run", "--once")
    ok(out["delivered"] == 4 and out["pending"] == 0, f"3 visits and a revision delivered ({out})")
    entries = his.entries()
    ids = [d["delivery_id"] for d in kiosk.json("spool", "list")["deliveries"]]
    ok([e["id"] for e in entries] == ids, "MSH-10 is the delivery id, in commit order")
    ok([e["event"] for e in entries] == ["A04", "A04", "A04", "A08"], "A04 for visits, A08 for the revision")
    ok(entries[0]["name"] == "Trần^Bình^Thị" and entries[0]["address"].startswith("Số 1 ngõ 5\\F\\7 phố Hàng Bài\\S\\"),
       f"Vietnamese text arrives as UTF-8, delimiters escaped ({entries[0]['name']}, {entries[0]['address']})")

    cases = [("AE", "parked", "AE (application error): Khoa NOI không có trong danh mục"),
             ("AR-HEADER", "parked", "AR naming the message header"),
             ("AR", "pending", "AR (HIS not ready): Database temporarily unavailable"),
             ("GARBAGE", "pending", "unusable ACK"),
             ("WRONGID", "pending", "the ACK is for another message"),
             ("NOACK", "pending", "no ACK from the HIS")]
    for seed, (mode, state, words) in enumerate(cases, start=30):
        his.set_mode(mode)
        vid = kiosk.commit(1, "--seed", str(seed))[0][0]
        kiosk.json("sync", "run", "--once")
        d = kiosk.json("spool", "show", vid)["deliveries"][0]
        ok(d["state"] == state and words in (d["last_error"] or ""), f"{mode}: {state}, “{d['last_error']}”")
        his.set_mode("AA")
        if state == "parked":
            kiosk.json("spool", "retry", vid)
        d = deliver_until_done(kiosk, vid)[0]
        sent = [e for e in his.entries() if e["id"] == d["delivery_id"]]
        ok(d["state"] == "delivered" and len(sent) >= 2 and sent[-1]["mode"] == "AA" and
           len({e["sha256"] for e in sent}) == 1,
           f"after {mode} the same bytes were sent {len(sent)} times and then accepted")

    # A peer that restarts keeps what it had; a resend of an accepted
    # message (syncd died before recording the ACK) is a duplicate.
    his.stop()
    his.start()
    kiosk.write_config(["adapter=hl7v2", f"hl7_url={his.url()}"])
    first = kiosk.json("spool", "list")["deliveries"][0]["delivery_id"]
    accepted = [e for e in his.entries() if e["mode"] == "AA" and not e["dup"]]
    ok(len({e["id"] for e in accepted}) == len(accepted) == 10, "10 messages accepted once each")
    ok(first in {e["id"] for e in accepted}, "the peer remembers across a restart")

    # systemd Type=notify: READY=1 once delivering, STOPPING=1 on SIGTERM;
    # with no HIS configured syncd stays up for retention, not crash-loops.
    for lines, what in [(["adapter=hl7v2", f"hl7_url={his.url()}"], "with an HIS"),
                        (["adapter=none"], "without an HIS")]:
        kiosk.write_config(lines)
        path = os.path.join(kiosk.workdir, "notify.sock")
        if os.path.exists(path):
            os.unlink(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(20)
        os.environ["NOTIFY_SOCKET"] = path
        try:
            kiosk.start_syncd()
        finally:
            del os.environ["NOTIFY_SOCKET"]
        ready = sock.recv(256).decode()
        rc = kiosk.stop_syncd()
        stopping = sock.recv(256).decode()
        sock.close()
        ok(ready.startswith("READY=1") and stopping == "STOPPING=1" and rc == 0,
           f"{what}: sd_notify READY=1, then STOPPING=1 and exit 0 on SIGTERM")


if __name__ == "__main__":
    main()
