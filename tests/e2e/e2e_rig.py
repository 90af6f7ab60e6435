# e2e_rig.py — the processes of the e2e morning: start, fault, query, stop
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every program runs as a real process on 127.0.0.1 with a port the OS
# picks; its stderr goes to WORK/logs/<name>.log (the privacy check reads
# them all). stop() ends them all, however the run ended.
import hashlib
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "his"))
from peers import FhirPeer, MllpPeer  # noqa: E402

PIN = "246810"


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class Proc:
    """A started program, its log and its RSS at start."""

    def __init__(self, rig, name, argv, prefix=None, env=None):
        self.name = name
        self.log_path = os.path.join(rig.logs, name + ".log")
        log = open(self.log_path, "ab")
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE if prefix else log, stderr=log, env=env,
                                  text=True)
        log.close()
        self.word = None
        if prefix:
            line = self.p.stdout.readline()
            if not line.startswith(prefix):
                self.stop()
                raise RuntimeError("%s did not start (%r); see %s" % (name, line, self.log_path))
            self.word = line.split()[1]
        rig.procs.append(self)
        self.rss_start = None

    def sample_start(self):
        self.rss_start = rss_kib(self.p.pid)

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(10)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        if self.p.stdout:
            self.p.stdout.close()


class KioskControl:
    """A demo kiosk and its control socket (one line out, one line back)."""

    def __init__(self, kid, his, directory, socket_path, proc):
        self.id = kid
        self.his = his
        self.dir = directory
        self.config = os.path.join(directory, "tiepdon.conf")
        self.socket_path = socket_path
        self.proc = proc
        self.sock = None
        self.buf = b""
        self.chip = None  # e2e_chip.ChipReader on the chip kiosk

    def _line(self, line, timeout):
        if self.sock is None:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.connect(self.socket_path)
        self.sock.settimeout(timeout)
        self.sock.sendall(line.encode() + b"\n")
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                self.sock.close()
                self.sock = None
                raise ConnectionError("the kiosk closed its control socket")
            self.buf += chunk
        answer, self.buf = self.buf.split(b"\n", 1)
        return answer.decode()

    def send(self, line, timeout=30):
        answer = self._line(line, timeout)
        if answer.startswith("error"):
            raise RuntimeError("%s: %r answered %s" % (self.id, line, answer))
        return json.loads(answer[3:]) if answer.startswith("ok {") else None

    def wait_any(self, states, seconds):
        deadline = time.monotonic() + seconds
        while True:
            st = self.send("state?")
            if st["state"] in states:
                return st
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("%s stayed on %s (waiting for %s)" % (self.id, st["state"], "/".join(states)))
            try:
                return self.send("wait %s %d" % (states[0], max(1, min(int(left), 1))), timeout=5)
            except RuntimeError:
                pass  # "error timeout": look again

    def reset(self):
        """Back to the welcome screen after something went wrong."""
        try:
            if self.sock is not None:
                self.sock.close()
        finally:
            self.sock, self.buf = None, b""
        for action in ("finish", "cancel", "no"):
            try:
                st = self.send("state?")
                if st["state"] == "welcome":
                    return
                if action in st.get("actions", []):
                    self.send("tap " + action)
            except (RuntimeError, OSError):
                pass


class Rig:
    def __init__(self, src, build, work, schedule, patients_path, seed):
        self.src, self.build, self.work = src, build, work
        self.schedule, self.patients_path, self.seed = schedule, patients_path, seed
        self.logs = os.path.join(work, "logs")
        os.makedirs(self.logs, mode=0o700, exist_ok=True)
        self.procs = []
        self.kiosks = []
        self.printers = {}
        self.syncd = {}
        self.syncd_starts = {}
        self.his = {}
        self.kills = 0
        self.ctl = os.path.join(build, "kiosk", "ctl", "tiepdonctl")
        self.chaos_stop = threading.Event()
        self.chaos_threads = []
        self.nurse_resolved = 0
        self.timers = []
        self.chip = None
        self.chip_skipped = None

    # ---- start ---------------------------------------------------------------
    def start(self):
        sch, py = self.schedule, "/usr/bin/python3"
        factor = float(sch.get("time_factor", 1.0))
        sim = Proc(self, "bhxh-sim", [py, os.path.join(self.src, "tests/sim/bhxh-sim.py"), "--port", "0",
                                      "--data", self.patients_path], "PORT ")
        gw = sch.get("gateway", {})
        lat = gw.get("latency_s", [0, 0])
        self.gateway_mode = os.path.join(self.work, "gateway.mode")
        proxy = Proc(self, "gateway-faults",
                     [py, os.path.join(self.src, "tests/e2e/gateway-faults.py"), "--upstream",
                      "http://127.0.0.1:%s" % sim.word, "--mode-file", self.gateway_mode, "--latency",
                      str(lat[0] * factor), str(lat[1] * factor), "--error-rate", str(gw.get("error_rate", 0)),
                      "--seed", str(self.seed)], "PORT ")
        self.gateway_port = proxy.word
        self.gui = []
        gui = sch.get("gui_kiosk")
        if gui:
            from e2e_gui import available
            self.gui_skipped = available()
            if self.gui_skipped:
                print("# the GUI kiosk is left out: %s" % self.gui_skipped, flush=True)
                gui = None
        kiosk_ids = [k["id"] for k in sch["kiosks"]] + ([gui["id"]] if gui else [])
        tokens = {k: hashlib.sha256(os.urandom(16)).hexdigest() for k in kiosk_ids + ["DESK1"]}
        pin_hash = subprocess.run([self.ctl, "staff", "hash-pin", "--iterations", "1000"], input=PIN + "\n",
                                  capture_output=True, text=True, check=True).stdout.strip().split("=", 1)[1]
        conf = ["[broker]", "listen=http://127.0.0.1:0/", "database=%s/broker.db" % self.work,
                "facility_code=01999",
                # The morning runs time_factor faster than a real one: a kiosk's
                # lookups per minute are as many times higher.
                "rate_limit_per_minute=6000", "[bhxh]", "url=http://127.0.0.1:%s/" % proxy.word,
                "username=01999_BV", "password=sim-password", "officer_name=Phạm Văn Bình",
                "officer_cccd=001085009876", "connect_timeout_s=2",
                "timeout_s=%d" % max(5, int(lat[1] * factor * 2 + 2))]
        for k in kiosk_ids:
            conf += ["[client %s]" % k, "token_sha256=" + hashlib.sha256(tokens[k].encode()).hexdigest()]
        conf += ["[client DESK1]", "token_sha256=" + hashlib.sha256(tokens["DESK1"].encode()).hexdigest(),
                 "desk=true", "[staff lan]", "display_name=Nguyễn Thị Lan", "pin_hash=" + pin_hash]
        self.broker_conf = self.secret("broker.conf", "\n".join(conf) + "\n")
        broker = Proc(self, "broker", [os.path.join(self.build, "kiosk/broker/tiepdon-broker"), "--config",
                                       self.broker_conf], "LISTENING ")
        self.broker_url = "http://127.0.0.1:%s/" % broker.word
        self.desk_token = self.secret("desk-token", tokens["DESK1"] + "\n")
        self.desk_conf = self.secret("desk.conf", "[desk]\nbroker_url=%s\ntoken_file=%s\n"
                                     % (self.broker_url, self.desk_token))
        for k in sch["kiosks"]:
            self.start_kiosk(k, tokens[k["id"]])
        if gui:
            self.start_kiosk(gui, tokens[gui["id"]], True)
        time.sleep(0.5)
        for p in self.procs + list(self.syncd.values()):
            p.sample_start()
        for g in self.gui:
            g.rss_start = rss_kib(g.pid)

    def secret(self, name, text):
        path = os.path.join(self.work, name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def start_kiosk(self, k, token, gui=False):
        kid, his = k["id"], k["his"]
        d = os.path.join(self.work, kid)
        os.makedirs(os.path.join(d, "tickets"), mode=0o700)
        mode = os.path.join(d, "printer.mode")
        with open(mode, "w") as f:
            f.write("ok\n")
        printer = Proc(self, "printer-" + kid, ["/usr/bin/python3", os.path.join(self.src, "tests/e2e/escpos-printer.py"),
                                                "--dir", os.path.join(d, "tickets"), "--mode-file", mode], "PORT ")
        self.printers[kid] = (os.path.join(d, "tickets"), mode)
        if his == "fhir":
            peer = FhirPeer(d)
        else:
            peer = MllpPeer(d)
        peer.start()
        self.his[kid] = peer
        sync = ("adapter=fhir\nfhir_url=%s\n" % peer.url()) if his == "fhir" else ("adapter=hl7v2\nhl7_url=%s\n"
                                                                                    % peer.url())
        self.secret(os.path.join(kid, "token"), token + "\n")
        clinics = "".join("[clinic %s]\nname_vi=%s\nname_en=%s\nroom=%s\nprefix=%s\nhours=00:00-23:59\n" % c for c in (
            ("NOI", "Khám Nội tổng quát", "General internal medicine", "Phòng 101", "A"),
            ("NHI", "Khám Nhi", "Paediatrics", "Phòng 105", "B"),
            ("TMH", "Tai Mũi Họng", "Ear, nose and throat", "Phòng 203", "C"),
            ("MAT", "Khám Mắt", "Eyes", "Phòng 204", "D")))
        with open(os.path.join(d, "tiepdon.conf"), "w", encoding="utf-8") as f:
            f.write("[kiosk]\nid=%s\nfacility_code=01999\nstate_dir=%s\n[log]\ntarget=stderr\n"
                    "[eligibility]\nbroker_url=%s\ntoken_file=%s/token\ntimeout_s=15\n"
                    "[spool]\npath=%s/spool.db\nkey_file=%s/spool.key\n[printer]\nuri=tcp://127.0.0.1:%s\n"
                    "[queue]\nclinics=NOI;NHI;TMH;MAT\n%s"
                    "[sync]\n%sbackoff_min_s=1\nbackoff_max_s=2\npoll_interval_ms=200\ntimeout_s=5\n"
                    % (kid, d, self.broker_url, d, d, d, printer.word, clinics, sync))
        env = dict(os.environ, TIEPDON_DEMO_PEOPLE=self.patients_path, TIEPDON_CONFIG=os.path.join(d, "tiepdon.conf"))
        env.pop("TIEPDON_KIOSK_CONTROL", None)
        if gui:
            from e2e_gui import GuiKiosk
            with open(os.path.join(d, "tiepdon.conf"), "a", encoding="utf-8") as f:
                f.write("[ui]\nidle_timeout_s=300\n")
            env["TIEPDON_KIOSK_CONTROL"] = os.path.join(d, "kiosk-control.sock")
            g = GuiKiosk(self, kid, os.path.join(d, "tiepdon.conf"), env)
            g.his, g.dir = his, d
            self.gui.append(g)
            self.start_syncd(kid)
            return
        argv = [os.path.join(self.build, "hw/checkin/tiepdon-demo-kiosk"), "--config", os.path.join(d, "tiepdon.conf")]
        chip = self.chip_reader() if k.get("chip_reader") else None
        if chip is not None:
            with open(os.path.join(d, "tiepdon.conf"), "a", encoding="utf-8") as f:
                f.write(chip.config)
            argv.append("--chip-reader")
        kiosk = Proc(self, "kiosk-" + kid, argv, "CONTROL ", env)
        self.kiosks.append(KioskControl(kid, his, d, kiosk.word, kiosk))
        self.kiosks[-1].chip = chip
        self.start_syncd(kid)

    def chip_reader(self):
        """pcscd + vpcd for the chip kiosk, or None (with a # line) when this
        machine cannot run them (not root, vsmartcard-vpcd missing)."""
        if self.chip is None and self.chip_skipped is None:
            from e2e_chip import ChipReader, pcsc_rig
            chip = ChipReader(self.logs, self.ctl)
            try:
                chip.start()
                self.chip = chip
            except pcsc_rig.Skip as e:
                self.chip_skipped = str(e)
                chip.stop()
                print("# the chip reader is left out (simulated cards instead): %s" % e, flush=True)
        return self.chip

    def start_syncd(self, kid):
        n = self.syncd_starts.get(kid, 0) + 1
        self.syncd_starts[kid] = n
        p = Proc(self, "syncd-%s" % kid, [os.path.join(self.build, "kiosk/syncd/tiepdon-syncd"), "--config",
                                          os.path.join(self.work, kid, "tiepdon.conf")])
        self.procs.remove(p)  # listed apart: the one running now stands for all
        if n > 1:
            p.rss_start = self.syncd[kid].rss_start
        self.syncd[kid] = p
        return p

    # ---- faults --------------------------------------------------------------
    def gateway_outage(self, seconds):
        print("# gateway outage for %.1f s" % seconds, flush=True)
        self.set_mode(self.gateway_mode, "down", "up", seconds)

    def paper_out(self, kid, seconds):
        print("# %s printer out of paper for %.1f s" % (kid, seconds), flush=True)
        self.set_mode(self.printers[kid][1], "paper-out", "ok", seconds)
        self.paper_outs = getattr(self, "paper_outs", 0) + 1

    def set_mode(self, path, now, later, seconds):
        with open(path, "w") as f:
            f.write(now + "\n")

        def back():
            with open(path, "w") as f:
                f.write(later + "\n")
        t = threading.Timer(seconds, back)
        t.daemon = True
        t.start()
        self.timers.append(t)

    def tickets_printed(self, kid):
        return len([f for f in os.listdir(self.printers[kid][0]) if f.endswith(".bin")])

    def start_chaos(self, rng):
        factor = float(self.schedule.get("time_factor", 1.0))
        every = self.schedule.get("syncd", {}).get("kill_every_s")
        if every:
            for kid in self.syncd:
                t = threading.Thread(target=self.killer, args=(kid, every, factor, random.Random(rng.random())),
                                     daemon=True)
                t.start()
                self.chaos_threads.append(t)
        t = threading.Thread(target=self.nurse, daemon=True)
        t.start()
        self.chaos_threads.append(t)

    def killer(self, kid, every, factor, rng):
        while not self.chaos_stop.wait(rng.uniform(every[0], every[1]) * factor):
            p = self.syncd[kid]
            if p.p.poll() is None:
                p.p.send_signal(9)
                p.p.wait()
                self.kills += 1
            self.start_syncd(kid)

    def nurse(self):
        """Nurse Lan at the desk: claims and resolves every request she sees."""
        poll = float(self.schedule.get("nurse", {}).get("poll_s", 30)) * float(self.schedule.get("time_factor", 1.0))
        while True:
            stopping = self.chaos_stop.wait(poll)
            self.nurse_round()
            if stopping:
                return

    def help(self, *args):
        p = subprocess.run([self.ctl, "--config", self.desk_conf, "--json", "help", *args, "--login", "lan"],
                           input=PIN + "\n", capture_output=True, text=True, timeout=60)
        with open(os.path.join(self.logs, "tiepdonctl-help.log"), "a", encoding="utf-8") as f:
            f.write(p.stderr)
        return p.returncode, (json.loads(p.stdout) if p.stdout.strip() else None)

    def nurse_round(self):
        rc, listing = self.help("list")
        if rc != 0 or listing is None:
            return
        for r in listing.get("requests", []):
            if r.get("state") == "open":
                rc, _ = self.help("claim", r["id"])
                if rc != 0:
                    continue
            rc, _ = self.help("resolve", r["id"], "--resolution", "Đã hướng dẫn tại quầy")
            if rc == 0:
                self.nurse_resolved += 1

    def stop_chaos(self):
        self.chaos_stop.set()
        for t in self.chaos_threads:
            t.join()
        for t in self.timers:
            t.cancel()
        for path in [self.gateway_mode] + [m for _, m in self.printers.values()]:
            with open(path, "w") as f:
                f.write("ok\n")
        for kid, p in self.syncd.items():
            if p.p.poll() is not None:
                self.start_syncd(kid)

    # ---- queries -------------------------------------------------------------
    def ctl_json(self, kid, *args):
        p = subprocess.run([self.ctl, "--config", os.path.join(self.work, kid, "tiepdon.conf"), "--json", *args],
                           capture_output=True, text=True, timeout=60)
        with open(os.path.join(self.logs, "tiepdonctl.log"), "a", encoding="utf-8") as f:
            f.write(p.stderr)
        if p.returncode != 0:
            raise RuntimeError("tiepdonctl %s: %s" % (" ".join(args), p.stderr.strip()))
        return json.loads(p.stdout)

    def gateway_stats(self):
        import urllib.request
        with urllib.request.urlopen("http://127.0.0.1:%s/_faults/stats" % self.gateway_port, timeout=10) as r:
            s = json.load(r)
        return "%d requests, %d HTTP 500, %d dropped in outages" % (s["requests"], s["errors_500"], s["dropped"])

    def wait_drained(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            counts = [self.ctl_json(k.id, "spool", "status") for k in self.all_kiosks()]
            if all(c["pending"] == 0 and c["in_flight"] == 0 for c in counts):
                return counts
            time.sleep(0.5)
        return [self.ctl_json(k.id, "spool", "status") for k in self.all_kiosks()]

    def all_kiosks(self):
        return list(self.kiosks) + list(self.gui)

    def stop(self):
        self.chaos_stop.set()
        for g in self.gui:
            g.stop()
        for p in reversed(self.procs):
            p.stop()
        for p in self.syncd.values():
            p.stop()
        for peer in self.his.values():
            peer.stop()
        if self.chip is not None:
            self.chip.stop()
