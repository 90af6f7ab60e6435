# pcsc_rig.py — pcscd + vpcd + the test card emulator, for integration
# tests and the benchmark
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Only one pcscd can run on a machine and vpcd's port (35963) is fixed, so
# the tests that use this rig run one at a time (meson is_parallel: false).
# A pcscd already running with the vpcd reader is reused and left running;
# otherwise the rig starts `pcscd -f` itself and stops it by its PID,
# however the test ends.

import atexit
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SRC = os.environ.get("TIEPDON_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
CTL = os.environ.get("TIEPDONCTL", "tiepdonctl")
PY = "/usr/bin/python3"
CARD_SIM = os.path.join(SRC, "tests", "sim", "card")
FIXTURES = os.path.join(SRC, "tests", "fixtures", "cards")
READER = "Virtual PCD 00 00"
VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"


class Skip(Exception):
    pass


def pcscd_pids():
    """Live pcscd processes (a zombie left by a killed test does not count)."""
    out = subprocess.run(["pgrep", "-x", "pcscd"], capture_output=True, text=True).stdout
    pids = []
    for p in out.split():
        try:
            with open("/proc/%s/stat" % p) as f:
                if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                    pids.append(int(p))
        except OSError:
            pass
    return pids


class Rig:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="tdn-reader-")
        self.pcscd = None
        self.card = None
        self.card_dirs = {}
        self.env = dict(os.environ)
        self.conf = os.path.join(self.tmp, "tiepdon.conf")
        atexit.register(self.close)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, self._signal)

    def _signal(self, signum, frame):
        self.close()
        sys.exit(128 + signum)

    # -- pcscd ---------------------------------------------------------------
    def start(self):
        if not os.path.exists(VPCD_DRIVER) or shutil.which("pcscd") is None:
            raise Skip("pcscd or the vpcd driver (vsmartcard-vpcd) is not installed")
        if pcscd_pids():
            if READER not in self.readers():
                raise Skip("a pcscd without the vpcd reader is already running")
            return
        if os.geteuid() != 0:
            raise Skip("starting pcscd needs root")
        # vpcd's fixed port stays in TIME_WAIT for a minute after a pcscd
        # that was stopped with a card connected: wait for it.
        give_up = time.monotonic() + 90
        while True:
            log_name = os.path.join(self.tmp, "pcscd.log")
            log = open(log_name, "w")
            self.pcscd = subprocess.Popen(["pcscd", "-f", "-a"], stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                if self.pcscd.poll() is not None or READER in self.readers():
                    break
                time.sleep(0.1)
            log.close()
            if self.pcscd.poll() is None and READER in self.readers():
                return
            with open(log_name) as f:
                busy = "Address already in use" in f.read()
            self.stop_pcscd()
            if not busy or time.monotonic() > give_up:
                raise RuntimeError("pcscd did not show the vpcd reader (see %s)" % log_name)
            time.sleep(2)

    def stop_pcscd(self):
        """Stops the pcscd this rig started (the reader disappears)."""
        if self.pcscd is not None and self.pcscd.poll() is None:
            self.pcscd.terminate()
            try:
                self.pcscd.wait(10)
            except subprocess.TimeoutExpired:
                self.pcscd.kill()
                self.pcscd.wait()
        self.pcscd = None

    def close(self):
        self.remove_card()
        self.stop_pcscd()
        if self.tmp and os.path.isdir(self.tmp) and not os.environ.get("TDN_KEEP_TMP"):
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    def ctl(self, *args, timeout=60):
        """tiepdonctl with the rig's configuration (unless args give --config)."""
        args = list(args)
        if "--config" not in args:
            args = ["--config", self.conf] + args
        return subprocess.run([CTL] + args, capture_output=True, text=True, env=self.env, timeout=timeout)

    def readers(self):
        r = subprocess.run([CTL, "readers", "--json"], capture_output=True, text=True, env=self.env, timeout=30)
        if r.returncode != 0:
            return {}
        return {x["name"]: x["card_present"] for x in json.loads(r.stdout)["readers"]}

    def wait_card(self, present, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.readers().get(READER) == present:
                return
            time.sleep(0.1)
        raise RuntimeError("card did not %s" % ("arrive" if present else "leave"))

    # -- cards ---------------------------------------------------------------
    def make_pki(self):
        pki = os.path.join(self.tmp, "pki")
        subprocess.run([PY, os.path.join(CARD_SIM, "mkpki.py"), pki], check=True, capture_output=True)
        csca = os.path.join(self.tmp, "csca")
        os.makedirs(csca)
        shutil.copy(os.path.join(pki, "csca.pem"), csca)
        with open(self.conf, "w") as f:
            f.write("[reader]\ncsca_dir=%s\nname=%s\n" % (csca, READER))
        self.pki = pki

    def build_card(self, name):
        if name not in self.card_dirs:
            out = os.path.join(self.tmp, "cards", name)
            os.makedirs(out)
            subprocess.run([PY, os.path.join(CARD_SIM, "cardgen.py"), os.path.join(FIXTURES, name + ".json"),
                            out, "--pki", self.pki], check=True)
            self.card_dirs[name] = out
        return self.card_dirs[name]

    def insert_card(self, name, *extra):
        self.remove_card()
        d = self.build_card(name)
        self.card = subprocess.Popen([PY, os.path.join(CARD_SIM, "cccd_card.py"), d,
                                      "--log", os.path.join(self.tmp, "card-%s.log" % name)] + list(extra))
        self.wait_card(True)
        # pcscd reports the card before its reader thread has finished
        # powering it through vpcd; connecting in that window races with it
        # (and can wedge vpcd). A real patient's card also needs a moment.
        time.sleep(0.5)

    def remove_card(self):
        if self.card is not None:
            if self.card.poll() is None:
                self.card.terminate()
                try:
                    self.card.wait(10)
                except subprocess.TimeoutExpired:
                    self.card.kill()
                    self.card.wait()
            self.card = None
            if self.pcscd is not None or pcscd_pids():
                try:
                    self.wait_card(False)
                except RuntimeError:
                    pass


def fixtures():
    return sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(FIXTURES, "*.json")))
