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

STEPS = ("identify", "eligibility", "ticket")


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
        t = time.monotonic()
        kiosk.send(("place-card " if self.e2e["via"] == "card" else "scan-person ") + self.key)
        st = kiosk.wait_any(("confirm-identity", "card-unreadable"), 30)
        self.waits["identify"] = time.monotonic() - t
        if st["state"] != "confirm-identity":
            raise CheckinError("the card was not read (%s)" % st["state"])
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
        kiosk.send("tap finish")
        kiosk.wait_any(("welcome",), 10)
        self.take_card(kiosk)

    def take_card(self, kiosk):
        """The patient takes their card from the reader as they leave."""
        if self.e2e["via"] == "card":
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
