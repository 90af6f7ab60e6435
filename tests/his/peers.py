# peers.py — start, restart and query the test HIS peers from a test
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# FhirPeer runs fhir-server.js under node, MllpPeer runs mllp-server.py
# under /usr/bin/python3; both on 127.0.0.1 with a port the OS picks,
# both keep their data in the test's directory so a restart (after a
# kill -9) finds it again. Kiosk wraps the tiepdon programs: a config
# file, tiepdonctl, and tiepdon-syncd as a process the test can kill.
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


LOGS = []


def fail(message):
    print(f"not ok - {message}", flush=True)
    for path in LOGS:
        if os.path.exists(path):
            with open(path, "rb") as f:
                tail = f.read()[-3000:].decode("utf-8", "replace")
            print(f"# --- {os.path.basename(path)} ---", flush=True)
            for line in tail.splitlines():
                print(f"# {line}", flush=True)
    sys.exit(1)


COUNT = [0]


def ok(cond, what):
    """One TAP line; a failure ends the test with the peers' logs."""
    COUNT[0] += 1
    if not cond:
        fail(what)
    print(f"ok {COUNT[0]} - {what}", flush=True)


def plan():
    print(f"1..{COUNT[0]}", flush=True)


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    fail(f"timed out after {timeout} s waiting for {what}")


class Peer:
    def __init__(self, argv, workdir, name):
        self.argv = argv
        self.workdir = workdir
        self.name = name
        self.proc = None
        self.port = None

    def start(self, fixed_port=None):
        argv = list(self.argv)
        if fixed_port is not None:
            argv += ["--port", str(fixed_port)]
        path = os.path.join(self.workdir, f"{self.name}.log")
        if path not in LOGS:
            LOGS.append(path)
        log = open(path, "ab")
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=log, cwd=HERE)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("PORT "):
            fail(f"{self.name} did not start: {line!r} (see {self.name}.log)")
        self.port = int(line.split()[1])
        return self.port

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


def make_test_ca(workdir):
    """A CA and a certificate for 127.0.0.1 signed by it (openssl CLI)."""
    def run(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=workdir)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Tiep don test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "his.key", "-out", "his.csr", "-subj", "/CN=127.0.0.1")
    with open(os.path.join(workdir, "san.ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    run("x509", "-req", "-in", "his.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "his.pem",
        "-days", "2", "-extfile", "san.ext")
    return (os.path.join(workdir, "ca.pem"), os.path.join(workdir, "his.pem"), os.path.join(workdir, "his.key"))


class FhirPeer(Peer):
    def __init__(self, workdir, token=None, tls=None):
        argv = ["node", os.path.join(HERE, "fhir-server.js"), "--journal", os.path.join(workdir, "fhir.jsonl")]
        if token is not None:
            argv += ["--token", token]
        if tls is not None:
            argv += ["--tls-cert", tls[1], "--tls-key", tls[2]]
        self.scheme = "https" if tls is not None else "http"
        super().__init__(argv, workdir, "fhir-server")

    def url(self):
        return f"{self.scheme}://127.0.0.1:{self.port}/"

    def stats(self):
        with urllib.request.urlopen(self.url() + "__stats", timeout=30) as r:
            return json.load(r)

    def set_mode(self, mode):
        req = urllib.request.Request(self.url() + "__control", data=json.dumps({"mode": mode}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=30).read()

    def visit_ids(self):
        return [e["value"] for e in self.stats()["encounter_identifiers"] if e["system"] == "urn:tiepdon:visit"]


class MllpPeer(Peer):
    def __init__(self, workdir, tls=None):
        self.state = os.path.join(workdir, "mllp.jsonl")
        self.mode_file = os.path.join(workdir, "mllp.mode")
        argv = ["/usr/bin/python3", os.path.join(HERE, "mllp-server.py"), "--state", self.state,
                "--mode-file", self.mode_file]
        if tls is not None:
            argv += ["--tls-cert", tls[1], "--tls-key", tls[2]]
        self.scheme = "mllps" if tls is not None else "mllp"
        super().__init__(argv, workdir, "mllp-server")

    def url(self):
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def set_mode(self, mode):
        with open(self.mode_file, "w", encoding="utf-8") as f:
            f.write(mode)

    def entries(self):
        if not os.path.exists(self.state):
            return []
        with open(self.state, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]


class Kiosk:
    def __init__(self, workdir, sync_lines, timeout_s=5):
        self.workdir = workdir
        self.timeout_s = timeout_s
        self.build = os.environ["TIEPDON_BUILD_DIR"]
        self.ctl = os.environ.get("TIEPDONCTL", os.path.join(self.build, "kiosk/ctl/tiepdonctl"))
        self.syncd_bin = os.path.join(self.build, "kiosk/syncd/tiepdon-syncd")
        self.commit_bin = os.path.join(self.build, "tests/integration/sync/commit-visits")
        self.config = os.path.join(workdir, "tiepdon.conf")
        self.syncd = None
        self.last_figure = None
        self.write_config(sync_lines)

    def write_config(self, sync_lines):
        """[kiosk], [spool], [sync] (quick back-off) + `sync_lines`, two clinics."""
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("[kiosk]\nid=K2\nfacility_code=01001\n")
            f.write(f"[spool]\npath={self.workdir}/spool.db\nkey_file={self.workdir}/spool.key\n")
            f.write(f"[sync]\nbackoff_min_s=1\nbackoff_max_s=2\npoll_interval_ms=200\ntimeout_s={self.timeout_s}\n")
            f.write("\n".join(sync_lines) + "\n")
            f.write("[clinic NOI]\nname_vi=Khám Nội\nprefix=A\n[clinic NGOAI]\nname_vi=Khám Ngoại\nprefix=B\n")

    def run(self, *args, check=True):
        p = subprocess.run([self.ctl, *args, "--config", self.config], capture_output=True, text=True)
        if check and p.returncode != 0:
            fail(f"tiepdonctl {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()}")
        return p

    def json(self, *args):
        return json.loads(self.run(*args, "--json").stdout)

    def commit(self, count, *extra):
        p = subprocess.run([self.commit_bin, "--config", self.config, "--count", str(count), *extra],
                           capture_output=True, text=True)
        if p.returncode != 0:
            fail(f"commit-visits failed: {p.stderr.strip()[-2000:]}")
        for line in p.stdout.splitlines():
            if line.startswith("FIGURE "):
                self.last_figure = line.split()[2]
        return [line.split() for line in p.stdout.splitlines() if line and not line.startswith("FIGURE")]

    def start_syncd(self):
        path = os.path.join(self.workdir, "syncd.log")
        if path not in LOGS:
            LOGS.append(path)
        log = open(path, "ab")
        self.syncd = subprocess.Popen([self.syncd_bin, "--config", self.config], stdout=log, stderr=log)
        return self.syncd

    def kill_syncd(self):
        if self.syncd is not None and self.syncd.poll() is None:
            self.syncd.send_signal(signal.SIGKILL)
            self.syncd.wait()
        self.syncd = None

    def stop_syncd(self, timeout=15):
        if self.syncd is None:
            return None
        self.syncd.terminate()
        try:
            rc = self.syncd.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill_syncd()
            fail("tiepdon-syncd did not stop on SIGTERM")
        self.syncd = None
        return rc

    def counts(self):
        return self.json("spool", "status")
