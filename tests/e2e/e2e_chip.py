# e2e_chip.py — the chip kiosk's card reader: real pcscd + vpcd, a test
# CCCD per patient
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A kiosk of the schedule with "chip_reader": true runs with
# `tiepdon-demo-kiosk --chip-reader` on the vpcd reader of pcscd
# (tests/integration/reader/pcsc_rig.py starts pcscd when none runs). Each
# of its patients who comes with an ID card shows the card's QR and then
# lays the card on the reader: a chip built by tests/sim/card/cardgen.py
# from the patient's own record (DG1 MRZ, DG13, DG2 photo, EF.SOD signed by
# a test CSCA the kiosk trusts) answered by cccd_card.py through vpcd. The
# kiosk must raise the identity to chip+pa (passive authentication) on
# the screen the patient is on.
#
# Only one pcscd runs on a machine and vpcd's port is fixed: meson runs the
# e2e tests alone (is_parallel: false), as it does reader-card-read.
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import threading
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration", "reader"))
import pcsc_rig  # noqa: E402

PHOTOS = ["photo-1.jpg", "photo-2.jpg", "photo-3.jpg"]


def full_date(text):
    return isinstance(text, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def has_chip(record):
    """People who come with an ID card (a chip), not a child's BHYT QR. A
    patient file may give a partial birth date or none at all: those
    people's cards cannot be built here and they use the simulated card."""
    demo = record.get("demo", {})
    return (full_date(demo.get("issued")) and full_date(demo.get("dob")) and not demo.get("bhyt_qr")
            and re.fullmatch(r"\d{12}", record.get("cccd", "")) is not None and bool(record.get("hoTen"))
            and (demo.get("expiry") is None or full_date(demo.get("expiry"))))


def ascii_upper(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).upper()


def dmy(iso):
    y, m, d = iso.split("-")
    return "%s/%s/%s" % (d, m, y)


def yymmdd(iso):
    y, m, d = iso.split("-")
    return y[2:] + m + d


def fixture(record, index):
    """cardgen.py's fixture (tests/fixtures/cards/*.json) for this person."""
    demo = record["demo"]
    words = [re.sub(r"[^A-Z]", "<", w) for w in ascii_upper(record["hoTen"]).split()]
    mrz_name = words[0] + "<<" + "<".join(words[1:])
    expiry = demo.get("expiry")
    dg13 = {
        "1": record["cccd"], "2": record["hoTen"], "3": dmy(demo["dob"]),
        "4": "Nữ" if demo.get("sex") == "female" else "Nam", "5": "Việt Nam", "6": "Kinh", "7": "Không",
        "8": record.get("diaChi", ""), "9": record.get("diaChi", ""), "10": "Nốt ruồi C:1cm dưới mép phải",
        "11": dmy(demo["issued"]), "12": dmy(expiry) if expiry else "Không thời hạn",
        "13": [record["demo"].get("parent", "Nguyễn Văn A"), "Lê Thị B"], "14": "",
        "16": "%016X" % (0xC0DE0000 + index),
    }
    return {
        "id_number": record["cccd"],
        # A card with no expiry (issued from 58 on) carries a far date in
        # its MRZ; the kiosk opens the chip with PACE and the CAN anyway.
        "mrz_dob": yymmdd(demo["dob"]), "mrz_expiry": yymmdd(expiry) if expiry else "991231",
        "sex": "F" if demo.get("sex") == "female" else "M", "mrz_name": mrz_name[:30],
        "dg13": dg13,
        "photo": os.path.join(pcsc_rig.FIXTURES, PHOTOS[index % len(PHOTOS)]),
        "pace": True, "aa": True,
    }


class ChipReader:
    """pcscd + vpcd, the test PKI, and one built chip per patient."""

    def __init__(self, logs, ctl):
        self.logs = logs
        pcsc_rig.CTL = ctl  # this build's tiepdonctl, also when run by hand
        self.rig = pcsc_rig.Rig()
        self.lock = threading.Lock()
        self.cards = {}
        self.card = None
        self.placed = 0
        self.restarts = 0

    def start(self):
        """Raises pcsc_rig.Skip when this machine cannot run pcscd + vpcd."""
        self.rig.start()
        self.rig.make_pki()
        with open(self.rig.conf, encoding="utf-8") as f:
            self.config = f.read()  # [reader] csca_dir and name

    def build(self, records):
        """Every card before the morning starts (its time is not a wait)."""
        todo = {r["demo"]["key"]: r for r in records if has_chip(r)}
        t = time.monotonic()

        def one(item):
            i, (key, record) = item
            d = os.path.join(self.rig.tmp, "cards", key)
            os.makedirs(d, exist_ok=True)
            path = os.path.join(d, "fixture.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(fixture(record, i), f, ensure_ascii=False)
            subprocess.run([pcsc_rig.PY, os.path.join(pcsc_rig.CARD_SIM, "cardgen.py"), path, d,
                            "--pki", self.rig.pki], check=True, capture_output=True)
            return key, d

        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            for key, d in pool.map(one, enumerate(sorted(todo.items()))):
                self.cards[key] = d
        return len(self.cards), time.monotonic() - t

    def place(self, key):
        """The patient lays the card on the reader: the card emulator connects
        to vpcd, and the kiosk sees the card when pcscd does (no waiting
        here: the patient's wait for chip+pa starts now)."""
        with self.lock:
            self._take()
            d = self.cards[key]
            self.card = subprocess.Popen([pcsc_rig.PY, os.path.join(pcsc_rig.CARD_SIM, "cccd_card.py"), d,
                                          "--log", os.path.join(d, "card.log")])
            self.placed += 1

    def again(self, key):
        """vpcd sometimes stops taking cards after one left in the middle of an
        APDU: start the rig's pcscd again (the kiosk sees its reader go and
        come back) and lay the card once more."""
        with self.lock:
            self._take()
            if self.rig.pcscd is None:
                return False  # a pcscd we did not start: not ours to restart
            self.rig.stop_pcscd()
            self.rig.start()
            self.restarts += 1
        self.place(key)
        return True

    def take(self):
        with self.lock:
            self._take()

    def _take(self):
        """Card off the reader; returns when pcscd no longer sees it."""
        card, self.card = getattr(self, "card", None), None
        if card is None:
            return
        if card.poll() is None:
            card.terminate()
            try:
                card.wait(10)
            except subprocess.TimeoutExpired:
                card.kill()
                card.wait()
        try:
            self.rig.wait_card(False)
        except RuntimeError:
            pass

    def stop(self):
        with self.lock:
            self._take()
            self.rig.close()
