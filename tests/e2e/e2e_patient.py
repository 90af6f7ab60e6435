# e2e_patient.py — one patient's check-in at a demo kiosk, timed per step
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A patient behaves as their "e2e" block in the patient file says (card or
# QR, clinic, priority, what they do when the card is not valid, whether
# they call staff) and as the screens ask: confirm the identity, choose the
# clinic, read the confirm screen while the BHYT answer comes, confirm, take
# the ticket. The waits measured are what the patient spends waiting for
# the kiosk, not their own reading time.
import time

from e2e_chip import has_chip

# "chip": at the chip kiosk, card laid on the reader after the QR → the
# identity raised to chip+pa (the card emulator's start through vpcd and
# the read under secure messaging with passive authentication).
STEPS = ("identify", "chip", "eligibility", "ticket")


class CheckinError(Exception):
    pass


class Patient:
    def __init__(self, record, index):
        self.record = record
        self.index = index
        self.key = record["demo"]["key"]
        self.e2e = dict({"via": "card", "clinic": "NOI", "priority": "none", "if_not_eligible": "self-pay",
                         "call_staff": False}, **record.get("e2e", {}))
        if record["demo"].get("bhyt_qr"):
            self.e2e["via"] = "qr"
        self.kiosk = None
        self.chip = False  # read on the real chip reader (pcscd + vpcd)
        self.chip_photo = False
        self.waits = {}
        self.final = None
        self.failure = None

    def check_in(self, kiosk, schedule, rng):
        self.kiosk = kiosk.id
        factor = float(schedule.get("time_factor", 1.0))
        read = schedule.get("patient", {}).get("read_s", [2, 6])
        long_wait = float(schedule.get("patient", {}).get("max_wait_s", 120))
        st = kiosk.send("state?")
        if st["state"] != "welcome":
            kiosk.reset()
        self.chip = kiosk.chip is not None and self.e2e["via"] == "card" and has_chip(self.record)
        t = time.monotonic()
        if self.chip:
            # The chip opens with the ID number of the card's QR: the patient
            # shows the QR, then lays the card on the reader.
            kiosk.send("scan-person " + self.key)
        else:
            kiosk.send(("place-card " if self.e2e["via"] == "card" else "scan-person ") + self.key)
        st = kiosk.wait_any(("confirm-identity", "card-unreadable"), 30)
        self.waits["identify"] = time.monotonic() - t
        if st["state"] != "confirm-identity":
            raise CheckinError("the card was not read (%s)" % st["state"])
        if self.chip:
            st = self.read_chip(kiosk)
        if self.e2e["call_staff"] and "call-staff" in st.get("actions", []):
            kiosk.send("tap call-staff")
        kiosk.send("tap yes")
        st = kiosk.send("state?")
        if st["state"] == "clinic":
            kiosk.send("clinic " + self.e2e["clinic"])
            st = kiosk.send("state?")
        if st["state"] == "priority":
            kiosk.send("priority " + self.e2e["priority"])
        # The patient reads the confirm screen; the BHYT answer may come
        # meanwhile. Their reading time is not a wait; what is left after
        # it until the answer is.
        time.sleep(rng.uniform(read[0], read[1]) * factor)
        t = time.monotonic()
        while True:
            st = kiosk.send("state?")
            if st["state"] not in ("confirm", "clinic", "priority") or st["bhyt"] != "checking":
                break
            if time.monotonic() - t > long_wait * factor:
                break  # the patient confirms anyway: "BHYT being checked"
            time.sleep(0.05)
        self.waits["eligibility"] = time.monotonic() - t
        if st["state"] == "gateway-down":
            kiosk.send("tap continue")
        elif st["state"] == "not-eligible":
            choice = self.e2e["if_not_eligible"]
            kiosk.send("tap " + choice)
        st = kiosk.send("state?")
        if st["state"] == "confirm":
            kiosk.send("tap yes")
        t = time.monotonic()
        st = kiosk.wait_any(("done", "print-failed", "spool-error"), max(30.0, long_wait * factor))
        self.waits["ticket"] = time.monotonic() - t
        self.final = st
        if st["state"] not in ("done", "print-failed"):
            raise CheckinError("ended on %s" % st["state"])
        if self.chip:
            # The patient takes ticket and card together; the photo (DG2,
            # read after the identity) is there by then in a real morning,
            # whose screens take far longer than this scaled one's.
            t = time.monotonic()
            while not st.get("chip_photo") and time.monotonic() - t < 15:
                time.sleep(0.05)
                st = kiosk.send("state?")
            self.chip_photo = bool(st.get("chip_photo"))
            kiosk.chip.take()
        kiosk.send("tap finish")
        kiosk.wait_any(("welcome",), 10)
        self.take_card(kiosk)

    def read_chip(self, kiosk):
        """Card on the reader until the kiosk shows chip+pa, on the same screen."""
        t = time.monotonic()
        kiosk.chip.place(self.key)
        retried = False
        while True:
            st = kiosk.send("state?")
            if st.get("assurance") == "chip+pa" or time.monotonic() - t > 40:
                break
            if not retried and time.monotonic() - t > 15:
                # vpcd stopped taking cards (pcsc_rig.py): pcscd again, once
                retried = kiosk.chip.again(self.key) or True
            time.sleep(0.05)
        self.waits["chip"] = time.monotonic() - t
        if st.get("assurance") != "chip+pa":
            raise CheckinError("the chip read did not confirm the identity (assurance %s, state %s)"
                               % (st.get("assurance"), st["state"]))
        if st["state"] != "confirm-identity":
            raise CheckinError("the chip read moved the patient to %s" % st["state"])
        return st

    def take_card(self, kiosk):
        """The patient takes their card from the reader as they leave."""
        if self.chip:
            kiosk.chip.take()
        elif self.e2e["via"] == "card":
            try:
                kiosk.send("remove-card")
            except RuntimeError:
                pass

    @property
    def completed(self):
        return (self.final is not None and self.final.get("state") in ("done", "print-failed")
                and self.failure is None)

    @property
    def visit_id(self):
        return self.final.get("visit_id") if self.final else None
