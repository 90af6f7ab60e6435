# e2e_gui.py — one kiosk of the morning through its screen (GTK, AT-SPI)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tiepdon-kiosk --demo, with the same broker, printer and HIS set-up as the
# demo kiosks, is driven the way tests/ui/test-kiosk-atspi.py drives it:
# buttons found by role and accessible name, pressed through AT-SPI, the
# patient's card placed from the demo panel. Needs a display with the
# AT-SPI bus (tests/ui/run-ui-test.sh gives one); without it the GUI
# kiosk is left out and the run says so.
import importlib.util
import os
import subprocess
import sys
import threading
import time

UI = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "ui")


def available():
    if not os.environ.get("DISPLAY") or not os.environ.get("AT_SPI_BUS_ADDRESS") and not os.environ.get(
            "DBUS_SESSION_BUS_ADDRESS"):
        return "no display with an AT-SPI bus (run under tests/ui/run-ui-test.sh)"
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        return "pyatspi missing"
    return None


def load_atspi_test():
    sys.path.insert(0, UI)
    spec = importlib.util.spec_from_file_location("kiosk_atspi", os.path.join(UI, "test-kiosk-atspi.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class GuiKiosk:
    """tiepdon-kiosk --demo on the display; its stderr in the run's logs."""

    def __init__(self, rig, kid, conf, env):
        mod = load_atspi_test()
        import kiosk_ui
        self.id = kid
        self.rig = rig
        self.mod = mod
        log = open(os.path.join(rig.logs, "kiosk-gui-%s.log" % kid), "ab")
        ui = kiosk_ui.Kiosk.__new__(kiosk_ui.Kiosk)
        # As tests/ui's environment: GTK and fontconfig keep caches that
        # LeakSanitizer would report, and full stacks on every malloc make
        # GTK too slow to join the accessibility bus under ASan.
        e = dict(env, GDK_BACKEND="x11", GTK_A11Y="atspi", GSK_RENDERER="cairo", G_DEBUG="gc-friendly",
                 ASAN_OPTIONS="detect_leaks=0:abort_on_error=1")
        e.pop("NO_AT_BRIDGE", None)
        ui.started = time.monotonic()
        ui.proc = subprocess.Popen([os.path.join(rig.build, "ui", "kiosk", "tiepdon-kiosk"), "--demo", "--config",
                                    conf], env=e, stdout=subprocess.PIPE, stderr=log, text=True)
        log.close()
        ui.lines = []
        ui._shown = threading.Event()
        threading.Thread(target=ui._read, daemon=True).start()
        if not ui._shown.wait(60):
            ui.stop()
            raise RuntimeError("the GUI kiosk did not show its welcome screen")
        ui.welcome_after = ui._shown_at - ui.started
        ui.app = ui._find_app("tiepdon-kiosk", timeout=90)
        ui.frame = ui.window("Tiếp đón")
        ui.skip = mod.DEMO_PANEL
        self.ui = ui
        self.pid = ui.proc.pid

    def check_in(self, patient, clinic_names):
        rec = patient.record
        person = dict(rec["demo"], name=rec["hoTen"], cccd=rec.get("cccd"), ngaySinh=rec.get("ngaySinh"))
        expect = ("self-pay",) if patient.e2e["if_not_eligible"] == "self-pay" else ()
        t = time.monotonic()
        seen, _, elapsed, leftover = self.mod.check_in(self.ui, "vi", person, clinic_names[patient.e2e["clinic"]],
                                                       expect=expect)
        patient.kiosk = self.id
        patient.waits["gui_total"] = time.monotonic() - t
        patient.final = {"state": "done" if "done" in seen else seen[-1], "visit_id": None, "bhyt": None,
                         "gui": True}
        if leftover:
            patient.failure = "the patient's name stayed on screen after the check-in"
        elif "done" not in seen:
            patient.failure = "the GUI check-in went %s" % " → ".join(seen)

    def stop(self):
        self.ui.stop()
