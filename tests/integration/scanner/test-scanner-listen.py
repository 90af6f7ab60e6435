#!/usr/bin/python3
# test-scanner-listen.py — `tiepdonctl scanner listen` on a pty standing in
# for a CDC-ACM scanner: payloads printed masked (or revealed), errors as
# lines, duplicates dropped, unplug reported, exit 3 on --timeout.
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import pty
import subprocess
import tempfile
import time
import unittest

CTL = os.environ["TIEPDONCTL"]
CCCD = "001195012345|012345678|Nguyễn Thị Mai|14031995|Nữ|Số 12 Phố Mẫu, Hà Nội|10052021"


def hexs(s):
    return s.encode().hex().upper()


BHYT = "GD4010112345678|%s|14/02/1990|2|%s|01 - 999|01/01/2025|31/12/2025|01/01/2025|01000|||01/03/2019|$" % (
    hexs("Lê Thị Mai"), hexs("Phường Láng, Hà Nội"))


class ListenTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.master, slave = pty.openpty()
        self.link = os.path.join(self.tmp.name, "ttyACM-test")
        os.symlink(os.ttyname(slave), self.link)
        os.close(slave)
        self.conf = os.path.join(self.tmp.name, "t.conf")
        with open(self.conf, "w") as f:
            f.write("[scanner]\nbackend=serial\nframing=any\nduplicate_window_ms=3000\n")
        self.addCleanup(self.close_master)

    def close_master(self):
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def listen(self, *args):
        return subprocess.Popen([CTL, "scanner", "listen", "--config", self.conf, "--device", self.link,
                                 "--backend", "serial", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait_connected(self, p):
        # The scanner opens the pty when it starts; give it the time to.
        time.sleep(0.5)

    def send(self, text):
        os.write(self.master, text.encode() + b"\r\n")
        time.sleep(0.3)

    def test_masked_json(self):
        p = self.listen("--json", "--count", "3", "--timeout", "20")
        self.wait_connected(p)
        self.send(CCCD)
        self.send(CCCD)                       # duplicate within 3 s: dropped
        self.send("001195012345|012345678|Nguyễn Thị Mai|3002")   # truncated
        self.send(BHYT)
        out, err = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 0, err)
        lines = [json.loads(l) for l in out.splitlines()]
        self.assertEqual(len(lines), 3, out)
        self.assertEqual(lines[0]["source"], "cccd_qr")
        self.assertEqual(lines[0]["length"], len(CCCD.encode()))
        self.assertEqual(lines[0]["masked_id"], "0011******45")
        self.assertIn("error", lines[1])
        self.assertEqual(lines[2]["source"], "bhyt_qr")
        # Nothing personal in clear without --reveal.
        for secret in ("Nguyễn Thị Mai", "Mai", "14031995", "Hà Nội", "001195012345", "012345678"):
            self.assertNotIn(secret, out + err, secret)

    def test_reveal_and_unplug(self):
        p = self.listen("--json", "--reveal", "--count", "1", "--timeout", "20")
        self.wait_connected(p)
        self.send(CCCD)
        out, err = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 0, err)
        line = json.loads(out.splitlines()[0])
        self.assertEqual(line["identity"]["id_number"], "001195012345")
        self.assertEqual(line["identity"]["full_name"], "Nguyễn Thị Mai")
        # Unplugged while listening: said on stderr; nothing scanned: exit 3.
        p = self.listen("--timeout", "2")
        self.wait_connected(p)
        self.close_master()
        out, err = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 3, err)
        self.assertIn("disconnected", err)

    def test_timeout(self):
        p = self.listen("--timeout", "1")
        out, err = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 3)
        self.assertEqual(out, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
