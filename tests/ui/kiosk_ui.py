# kiosk_ui.py — drive tiepdon-kiosk through AT-SPI, as a screen reader would
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Widgets are found by role and accessible name among those showing on
# screen and activated through their AT-SPI actions, never by coordinates.
# Every wait has a deadline and fails the test with what was on screen.
import os
import subprocess
import sys
import threading
import time

import pyatspi

BUILD = os.environ.get("TIEPDON_BUILD_DIR", ".")
KIOSK = os.path.join(BUILD, "ui", "kiosk", "tiepdon-kiosk")
SHOTS = os.path.join(BUILD, "ui-screenshots")

class UiError(AssertionError):
    pass

def _showing(acc):
    # GTK 4.8 sets "showing" on windows only; hidden widgets (the kiosk
    # hides every page but the current one) are not presented at all.
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False

class Kiosk:
    """One running tiepdon-kiosk and its accessible tree."""

    def __init__(self, args, env=None, name="tiepdon-kiosk", startup_timeout=30):
        e = dict(os.environ)
        e.update({"GDK_BACKEND": "x11", "GTK_A11Y": "atspi", "GSK_RENDERER": "cairo"})
        e.pop("NO_AT_BRIDGE", None)
        if env:
            e.update(env)
        self.started = time.monotonic()
        self.proc = subprocess.Popen([KIOSK] + list(args), env=e, stdout=subprocess.PIPE,
                                     stderr=None, text=True)
        self.lines = []
        self._shown = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self._shown.wait(startup_timeout):
            self.stop()
            raise UiError("the kiosk did not show its welcome screen")
        self.welcome_after = self._shown_at - self.started
        self.app = self._find_app(name)
        self.frame = self.window("Tiếp đón")
        self.skip = None

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            if "welcome shown" in line and not self._shown.is_set():
                self._shown_at = time.monotonic()
                self._shown.set()

    def _find_app(self, name, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            desktop = pyatspi.Registry.getDesktop(0)
            for app in desktop:
                if app is not None and app.name == name:
                    return app
            time.sleep(0.1)
        raise UiError("%s is not on the accessibility bus" % name)

    def window(self, title, timeout=10):
        """A top-level window of the application by its exact title."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for child in self.app:
                if child is not None and child.name == title:
                    return child
            time.sleep(0.1)
        raise UiError("no window titled %r" % title)

    # -- finding ---------------------------------------------------------
    def _walk(self, acc, out, skip):
        try:
            children = list(acc)
        except Exception:
            return  # gone while we looked: the screen changed
        for child in children:
            try:
                if child is None or not _showing(child):
                    continue
                if skip and child.name == skip:
                    continue
            except Exception:
                continue
            out.append(child)
            self._walk(child, out, skip)

    def visible(self, root=None, skip=None):
        """Widgets on screen under `root`, leaving out subtrees named `skip`
        (by default `self.skip`, e.g. a demo panel beside the screen)."""
        out = []
        skip = skip if skip is not None else self.skip
        self._walk(root or self.frame, out, skip)
        return out

    def texts(self, root=None, skip=None):
        out = []
        for a in self.visible(root, skip):
            try:
                if a.getRoleName() == "label" and a.name:
                    out.append(a.name)
            except Exception:
                pass  # destroyed between the walk and the question
        return out

    def find(self, name, role=None, root=None, exact=True, skip=None):
        for acc in self.visible(root, skip):
            try:
                if role is not None and acc.getRoleName() != role:
                    continue
                n = acc.name or ""
            except Exception:
                continue
            if (n == name) if exact else (name in n):
                return acc
        return None

    def wait_for(self, name, role=None, root=None, timeout=10, exact=True, skip=None):
        deadline = time.monotonic() + timeout
        while True:
            acc = self.find(name, role, root, exact, skip)
            if acc is not None:
                return acc
            if time.monotonic() > deadline:
                raise UiError("waited %ss for %r (%s); on screen: %s"
                              % (timeout, name, role, self.texts(root)))
            time.sleep(0.05)

    def wait_gone(self, name, role=None, timeout=10):
        deadline = time.monotonic() + timeout
        while self.find(name, role) is not None:
            if time.monotonic() > deadline:
                raise UiError("%r still on screen after %ss" % (name, timeout))
            time.sleep(0.05)

    # -- acting ------------------------------------------------------------
    def click(self, name, root=None, timeout=10, exact=True, skip=None):
        acc = self.wait_for(name, None, root, timeout, exact, skip)
        if acc.getRoleName() not in ("push button", "toggle button", "check box", "radio button"):
            raise UiError("%r is a %s, not a button" % (name, acc.getRoleName()))
        if not acc.getState().contains(pyatspi.STATE_SENSITIVE):
            raise UiError("%r is not enabled" % name)
        action = acc.queryAction()
        for i in range(action.nActions):
            if action.getName(i) == "click":
                action.doAction(i)
                return acc
        raise UiError("%r has no click action" % name)

    def type_digits(self, digits):
        for d in digits:
            self.click(d)
            # GTK ignores a second activation of a button within its 250 ms
            # "pressed" animation: a patient cannot type faster either.
            time.sleep(0.3)

    def screenshot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        path = os.path.join(SHOTS, name + ".png")
        # Let the frame clock draw the new screen before the picture.
        time.sleep(0.4)
        subprocess.run(["import", "-window", "root", path], check=True)
        return path

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode
