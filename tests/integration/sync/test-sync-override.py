#!/usr/bin/python3
# test-sync-override.py — a nurse's override reaches the HIS through syncd
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The real broker, the python3-hl7 MLLP peer and tiepdon-syncd with a
# broker and a kiosk token configured: the visit's ADT^A04 reaches the HIS;
# a nurse at the desk claims the kiosk's help request and overrides the
# visit to self-pay; syncd (hosting the override applier) makes it a new
# revision and delivers it as ADT^A08, with that revision's delivery id;
# the broker hears it was applied. A cancel then arrives as ADT^A11.
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his"))
from peers import LOGS, Kiosk, MllpPeer, fail, ok, plan, wait_for  # noqa: E402

KIOSK_TOKEN = "kiosk-k2-secret"
DESK_TOKEN = "desk-1-secret"


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


class Broker:
    def __init__(self, workdir, ctl):
        self.workdir = workdir
        pin = subprocess.run([ctl, "staff", "hash-pin", "--iterations", "1000"], input="246810\n",
                             capture_output=True, text=True, check=True).stdout.strip()
        self.conf = os.path.join(workdir, "broker.conf")
        with open(self.conf, "w", encoding="utf-8") as f:
            f.write(f"[broker]\nlisten=http://127.0.0.1:0/\ndatabase={workdir}/broker.db\n"
                    "[bhxh]\nurl=http://127.0.0.1:9/\nusername=01999_BV\npassword=test\n"
                    "officer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n"
                    f"[client K2]\ntoken_sha256={sha(KIOSK_TOKEN)}\n"
                    f"[client DESK1]\ntoken_sha256={sha(DESK_TOKEN)}\ndesk=true\n"
                    f"[staff lan]\ndisplay_name=Nguyễn Thị Lan\n{pin}\n")
        os.chmod(self.conf, 0o600)
        self.proc = None
        self.base = None

    def start(self):
        path = os.path.join(self.workdir, "broker.log")
        LOGS.append(path)
        self.proc = subprocess.Popen([os.environ["TIEPDON_BROKER"], "--config", self.conf],
                                     stdout=subprocess.PIPE, stderr=open(path, "ab"))
        for line in self.proc.stdout:
            line = line.decode()
            if line.startswith("LISTENING "):
                self.base = f"http://127.0.0.1:{line.split()[1]}"
                return
        fail("the broker did not start (see broker.log)")

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def call(self, path, body=None, token=DESK_TOKEN, session=None):
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        if session is not None:
            headers["X-Tiepdon-Session"] = session
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, headers=headers,
                                     method="POST" if body is not None else "GET")
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read() or b"{}")


def main():
    with tempfile.TemporaryDirectory(prefix="tdn-sync-override-") as work:
        his = MllpPeer(work)
        kiosk = None
        broker = None
        try:
            his.start()
            his.set_mode("AA")
            broker = Broker(work, os.environ.get("TIEPDONCTL", os.path.join(os.environ["TIEPDON_BUILD_DIR"],
                                                                            "kiosk/ctl/tiepdonctl")))
            broker.start()
            token = os.path.join(work, "kiosk-token")
            with open(token, "w") as f:
                f.write(KIOSK_TOKEN + "\n")
            os.chmod(token, 0o600)
            kiosk = Kiosk(work, ["adapter=hl7v2", f"hl7_url={his.url()}",
                                 "[eligibility]", f"broker_url={broker.base}/", f"token_file={token}"])
            run(kiosk, his, broker)
        finally:
            if kiosk is not None:
                kiosk.kill_syncd()
            if broker is not None:
                broker.stop()
            his.stop()
    plan()


def sent(his, event):
    return [e for e in his.entries() if e["event"] == event and e["mode"] == "AA"]


def run(kiosk, his, broker):
    visit = kiosk.json("spool", "add-test-visit", "--clinic", "NOI", "--payment", "bhyt")
    vid = visit["visit_id"]
    kiosk.start_syncd()
    wait_for(lambda: sent(his, "A04"), 30, "the visit's ADT^A04 at the HIS")
    ok(True, "syncd delivers the visit as ADT^A04")

    session = broker.call("/staff/sign-in", {"login": "lan", "pin": "246810"})["session"]
    help_id = broker.call("/help", {"kiosk_id": "K2", "reason": "expired_card",
                                    "ticket_number": visit["queue_number"], "visit_ref": vid},
                          token=KIOSK_TOKEN)["id"]
    broker.call(f"/help/{help_id}/claim", {}, session=session)
    override = broker.call(f"/help/{help_id}/override",
                           {"action": "self_pay", "old": {"payment": "bhyt"}, "new": {"payment": "self_pay"},
                            "reason": "Thẻ hết hạn, người bệnh đồng ý tự trả"}, session=session)
    ok("id" in override, "the nurse overrides the visit to self-pay")

    a08 = wait_for(lambda: sent(his, "A08"), 60, "the override's ADT^A08 at the HIS")
    shown = kiosk.json("spool", "show", vid)
    rev2 = [d for d in shown["deliveries"] if d["revision"] == 2]
    ok(len(rev2) == 1 and rev2[0]["state"] == "delivered" and a08[0]["id"] == rev2[0]["delivery_id"],
       "syncd applied the override as revision 2 and delivered it as ADT^A08 (MSH-10 = its delivery id)")
    audit = kiosk.json("help", "audit", vid)["audit"]
    ok(any(a["action"] == "override:self_pay" and a["actor"] == "lan" for a in audit),
       "the spool's audit names the nurse")
    acked = wait_for(lambda: broker.call(f"/help/{help_id}/overrides", session=session)["overrides"][0]
                     .get("applied"), 30, "the broker to hear the override was applied")
    ok(acked["outcome"] == "applied" and acked["revision"] == 2, "the broker knows it was applied as revision 2")

    broker.call(f"/help/{help_id}/override", {"action": "cancel", "old": {}, "new": {},
                                              "reason": "Người bệnh về, hẹn khám hôm khác"}, session=session)
    a11 = wait_for(lambda: sent(his, "A11"), 60, "the cancellation's ADT^A11 at the HIS")
    ok(len(a11) == 1 and len(sent(his, "A08")) == 1, "a cancel at the desk reaches the HIS as ADT^A11")
    ok(kiosk.stop_syncd() == 0, "syncd stops cleanly on SIGTERM with a long poll open")


if __name__ == "__main__":
    main()
