#!/usr/bin/python3
# test-demo-kiosk.py — a demo kiosk driven through its control socket
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts tiepdon-demo-kiosk (the check-in of tiepdon-kiosk --demo without a
# screen) with a file printer in a temporary directory, drives it with
# `tiepdonctl kiosk send`, and checks its answers, the waiting counts and the printed tickets.
# The broker tests also start bhxh-sim.py and tiepdon-broker, so the demo
# patients are looked up through the real path. Everything is stopped
# however the test ends.
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ["TIEPDON_SOURCE_DIR"]
CTL = os.environ["TIEPDONCTL"]
KIOSK = os.environ["TIEPDON_DEMO_KIOSK"]
BROKER = os.environ.get("TIEPDON_BROKER")
TOKEN = "kiosk-one-secret-token"


def start(argv, prefix, env=None):
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env)
    line = p.stdout.readline()
    if not line.startswith(prefix):
        p.kill()
        p.wait()
        raise RuntimeError("%s did not start: %r" % (argv[0], line))
    return p, line.split()[1]


class DemoKiosk(unittest.TestCase):
    broker = False
    ui = ""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.procs = []
        self.addCleanup(self.stop)
        d = self.tmp.name
        os.mkdir(os.path.join(d, "tickets"), 0o700)
        extra = ""
        if self.broker:
            sim, sim_port = start(["/usr/bin/python3", SRC + "/tests/sim/bhxh-sim.py", "--port", "0",
                                   "--data", SRC + "/tests/sim/people.json"], "PORT ")
            self.procs.append(sim)
            bconf = os.path.join(d, "broker.conf")
            with open(os.open(bconf, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
                f.write("[broker]\nlisten=http://127.0.0.1:0/\ndatabase=%s/broker.db\nfacility_code=01999\n"
                        "[bhxh]\nurl=http://127.0.0.1:%s/\nusername=01999_BV\npassword=sim-password\n"
                        "officer_name=Phạm Văn Bình\nofficer_cccd=001085009876\nconnect_timeout_s=1\n"
                        "timeout_s=5\n[client K7]\ntoken_sha256=%s\n[client K8]\ntoken_sha256=%s\n"
                        % (d, sim_port, hashlib.sha256(TOKEN.encode()).hexdigest(),
                           hashlib.sha256(TOKEN.encode()).hexdigest()))
            broker, port = start([BROKER, "--config", bconf], "LISTENING ")
            self.procs.append(broker)
            token = os.path.join(d, "token")
            with open(os.open(token, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
                f.write(TOKEN + "\n")
            extra = "[eligibility]\nbroker_url=http://127.0.0.1:%s/\ntoken_file=%s\ntimeout_s=10\n" % (port, token)
        self.extra = extra
        self.socket = self.start_kiosk("K7", d)

    def start_kiosk(self, kiosk_id, d):
        extra = self.extra
        conf = os.path.join(d, "tiepdon.conf")
        with open(conf, "w") as f:
            f.write("[kiosk]\nid=" + kiosk_id + "\nstate_dir=%s\nfacility_code=01999\n"
                    "[spool]\npath=%s/spool.db\nkey_file=%s/spool.key\n"
                    "[printer]\nuri=file://%s/tickets\n"
                    "[queue]\nclinics=NOI;NHI\n"
                    "[clinic NOI]\nname_vi=Khám Nội\nname_en=Internal medicine\nroom=Phòng 101\nprefix=A\n"
                    "hours=00:00-23:59\n"
                    "[clinic NHI]\nname_vi=Khám Nhi\nname_en=Paediatrics\nroom=Phòng 105\nprefix=B\n"
                    "hours=00:00-23:59\n%s%s" % (d, d, d, d, extra, self.ui))
        env = dict(os.environ, TIEPDON_DEMO_PEOPLE=SRC + "/tests/sim/people.json")
        kiosk, socket = start([KIOSK, "--config", conf], "CONTROL ", env)
        self.procs.append(kiosk)
        return socket

    def stop(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            p.stdout.close()
        self.tmp.cleanup()

    def send(self, *words, ok=True, socket=None):
        r = subprocess.run([CTL, "kiosk", "send", "--socket", socket or self.socket, "--json"] + list(words),
                           capture_output=True, text=True, timeout=60)
        if ok:
            self.assertEqual(r.returncode, 0, "%s: %s" % (words, r.stderr))
            return json.loads(r.stdout) if r.stdout.strip() else None
        self.assertNotEqual(r.returncode, 0, words)
        return r.stderr

    def wait(self, state, seconds=15):
        return self.send("wait", state, str(seconds))

    def check_in(self, person, clinic="NOI", card=True):
        self.send("place-card" if card else "scan-person", person)
        st = self.wait("confirm-identity")
        self.assertIn(person_initials(st), ("L. T. M.", "N. B. A.", "P. T. L.", "T. V. B.", "H. V. N.", "Đ. V. H."))
        self.send("tap", "yes")
        self.send("clinic", clinic)
        if self.send("state?")["state"] == "priority":
            self.send("priority", "none")
        return self.send("state?")

    def tickets(self):
        return sorted(f for f in os.listdir(os.path.join(self.tmp.name, "tickets")) if f.endswith(".bin"))


def person_initials(state):
    return state["masked_name"]


class FixtureKiosk(DemoKiosk):
    def test_eligible_patient_gets_a_ticket(self):
        st = self.check_in("mai")
        self.assertEqual(st["state"], "confirm")
        self.assertEqual(st["bhyt"], "eligible")
        self.send("tap", "yes")
        st = self.wait("done")
        self.assertEqual(st["queue_number"], "K7-A001")
        self.assertTrue(os.path.exists(st["ticket_png"]))
        self.assertEqual(len(self.tickets()), 1)
        self.send("tap", "finish")
        st = self.send("state?")
        self.assertEqual(st["state"], "welcome")
        self.assertIsNone(st["masked_name"])
        self.assertIsNone(st["queue_number"])
        clinics = self.send("clinics?")["clinics"]
        self.assertEqual(clinics[0]["waiting"], 1)

    def test_paper_out_then_paper_back(self):
        self.check_in("lua")
        st = self.send("state?")
        self.assertEqual(st["priority"], "age_75")
        self.send("pull-paper")
        self.send("tap", "yes")
        st = self.wait("paper-out")
        self.assertEqual(st["queue_number"], "K7-A001")
        self.assertEqual(self.tickets(), [])
        self.send("load-paper")
        self.wait("done")
        self.assertEqual(len(self.tickets()), 1)

    def test_uncertain_print_is_not_repeated(self):
        self.check_in("mai")
        self.send("printer", "uncertain")
        self.send("tap", "yes")
        st = self.wait("print-failed")
        self.assertEqual(st["queue_number"], "K7-A001")
        self.assertEqual(self.tickets(), [])
        self.assertIn("finish", st["actions"])

    def test_expired_card_self_pay(self):
        st = self.check_in("bao")
        self.assertEqual(st["state"], "not-eligible")
        self.send("tap", "self-pay")
        self.send("tap", "yes")
        st = self.wait("done")
        self.assertEqual(st["bhyt"], "self-pay")

    def test_mismatch_goes_to_desk(self):
        st = self.check_in("nam")
        self.assertEqual(st["bhyt"], "mismatch")
        self.send("tap", "go-to-desk")
        self.wait("done")

    def test_child_by_bhyt_qr(self):
        st = self.check_in("an", clinic="NHI", card=False)
        self.assertEqual(st["state"], "confirm")
        self.assertEqual(st["assurance"], "qr")
        self.assertEqual(st["priority"], "child_under_6")

    def test_gateway_down_then_continue(self):
        self.send("gateway", "down")
        st = self.check_in("hung")
        self.assertEqual(st["state"], "gateway-down")
        self.send("tap", "continue")
        self.send("tap", "yes")
        st = self.wait("done")
        self.assertEqual(st["bhyt"], "unavailable")

    def test_broken_chip_then_manual_entry(self):
        self.send("place-card", "broken")
        self.wait("card-unreadable")
        self.send("scan-qr", "https://example.invalid/not-a-card")
        st = self.wait("manual-entry")
        self.assertNotIn("submit", st["actions"])
        self.send("field", "id-number", "001190012345")
        self.send("field", "date-of-birth", "14/02/1990")
        self.send("field", "full-name", "Lê Thị Mai")
        self.send("tap", "submit")
        st = self.wait("confirm-identity")
        self.assertEqual(st["assurance"], "manual")

    def test_reader_unplugged(self):
        self.send("reader", "unplug")
        self.send("scanner", "unplug")
        self.wait("reader-missing")
        self.send("reader", "plug")
        self.wait("welcome")

    def test_bad_commands(self):
        self.assertIn("no such demo patient", self.send("place-card", "nobody", ok=False))
        self.assertIn("not possible", self.send("tap", "yes", ok=False))
        self.assertIn("unknown command", self.send("fly", ok=False))
        self.assertIn("timeout", self.send("wait", "done", "1", ok=False))
        self.send("lang", "en")
        self.assertEqual(self.send("state?")["language"], "en")
        self.assertTrue(any("place-card" in c for c in self.send("help")["commands"]))


class IdleKiosk(DemoKiosk):
    # The shortest idle times the schema allows: the kiosk's own timer,
    # on the real clock, warns and then starts over by itself.
    ui = "[ui]\nidle_timeout_s=10\nidle_warning_s=5\n"

    def test_walks_away(self):
        self.send("place-card", "mai")
        self.wait("confirm-identity")
        self.send("tap", "yes")
        st = self.send("state?")
        self.assertEqual(st["state"], "clinic")
        self.assertFalse(st["idle_warning"])
        st = self.wait("welcome", 30)
        self.assertIsNone(st["masked_name"])
        self.assertFalse(st["idle_warning"])


@unittest.skipIf(BROKER is None, "built without the broker (libsoup)")
class BrokerKiosk(DemoKiosk):
    broker = True

    def test_patients_through_the_broker(self):
        for person, bhyt in (("mai", "eligible"), ("bao", "not-eligible"), ("nam", "mismatch")):
            self.send("place-card", person)
            self.wait("confirm-identity")
            for _ in range(100):
                st = self.send("state?")
                if st["bhyt"] != "checking":
                    break
                self.send("wait", "done", "1", ok=False)
            self.assertEqual(st["bhyt"], bhyt, person)
            self.send("tap", "no")
            self.wait("welcome")

    def test_two_kiosks(self):
        d2 = os.path.join(self.tmp.name, "second")
        os.makedirs(os.path.join(d2, "tickets"), 0o700)
        second = self.start_kiosk("K8", d2)
        for sock, person in ((self.socket, "mai"), (second, "lua")):
            self.send("place-card", person, socket=sock)
        numbers = []
        for sock in (self.socket, second):
            self.send("wait", "confirm-identity", "15", socket=sock)
            self.send("tap", "yes", socket=sock)
            self.send("clinic", "NOI", socket=sock)
            if self.send("state?", socket=sock)["state"] == "priority":
                self.send("priority", "none", socket=sock)
            self.send("tap", "yes", socket=sock)
            numbers.append(self.send("wait", "done", "20", socket=sock)["queue_number"])
        self.assertEqual(numbers, ["K7-A001", "K8-A001"])

    def test_call_staff_reaches_the_broker(self):
        self.send("place-card", "mai")
        self.wait("confirm-identity")
        self.send("tap", "call-staff")
        for _ in range(50):
            st = self.send("state?")
            if st["help"] in ("sent", "failed"):
                break
            self.send("wait", "done", "1", ok=False)
        self.assertEqual(st["help"], "sent")


if __name__ == "__main__":
    unittest.main(verbosity=2)
