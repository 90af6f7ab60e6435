#!/usr/bin/python3
# test-card-read.py — every fixture card read through real pcscd + vpcd +
# the test card emulator with `tiepdonctl card read`; every broken card
# ends in its error (TAP)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The cases are data: each fixture (tests/fixtures/cards/NAME.json) lists
# its "cases": arguments ("@qr" is the fixture's QR text, "@photo" a
# temporary file), the exit status, and JSON values to find ("security.x"
# for nested keys), a substring of stderr or of the warnings.

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcsc_rig  # noqa: E402

n = 0
failed = 0


def ok(cond, name, diag=None):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, name))
    if not cond:
        failed += 1
        for line in (diag or "").splitlines()[:30]:
            print("# " + line)
    sys.stdout.flush()


def lookup(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return KeyError(path)
        obj = obj[part]
    return obj


def run_case(rig, fx, case):
    photo = os.path.join(rig.tmp, "photo.jpg")
    if os.path.exists(photo):
        os.unlink(photo)
    args = []
    for a in case["args"]:
        args.append(fx["qr"] if a == "@qr" else photo if a == "@photo" else a)
    conf = rig.conf
    if "config" in case:
        conf = os.path.join(rig.tmp, "case.conf")
        with open(rig.conf) as f, open(conf, "w") as g:
            g.write(f.read() + case["config"])
    r = rig.ctl("--config", conf, "card", "read", "--json", *args)
    label = "%s: %s" % (fx["_name"], case["name"])
    diag = "exit %d\nstderr: %s\nstdout: %s" % (r.returncode, r.stderr, r.stdout[-1500:])
    ok(r.returncode == case["exit"], label + " (exit %d)" % case["exit"], diag)
    if r.returncode != 0:
        ok(len(r.stderr.strip().splitlines()) == 1, label + ": one-line message", diag)
    if "stderr" in case:
        ok(case["stderr"].lower() in r.stderr.lower(), label + ": message says “%s”" % case["stderr"], diag)
    if case["exit"] != 0:
        return
    try:
        out = json.loads(r.stdout)
    except ValueError:
        ok(False, label + ": JSON", diag)
        return
    for key in ("id_number", "old_id_number", "full_name", "date_of_birth", "sex", "nationality", "ethnicity",
                "religion", "place_of_origin", "place_of_residence", "identifying_marks", "date_of_issue",
                "date_of_expiry", "father_name", "mother_name", "spouse_name", "mrz"):
        if key not in out:
            ok(False, label + ": key " + key, diag)
    sec = out.get("security", {})
    ok(set(sec) == {"access", "passive_auth", "active_auth", "chip_auth", "apdu_count", "read_ms"},
       label + ": security keys", json.dumps(sec))
    for path, want in case.get("expect", {}).items():
        got = lookup(out, path)
        ok(got == want, "%s: %s = %r" % (label, path, want), "got %r" % (got,))
    if case.get("minimal_apdus"):
        # BAC (SELECT AID, GET CHALLENGE, EXTERNAL AUTHENTICATE) and, per
        # file, one SELECT and ceil(size / 0xDF) READ BINARY: the least
        # the file sizes and Le allow.
        with open(os.path.join(rig.card_dirs[fx["_name"]], "card.json")) as f:
            files = json.load(f)["files"]
        least = 3 + sum(1 + -(-len(bytes.fromhex(files[fid])) // 0xDF) for fid in ("011E", "0101", "010D", "011D"))
        ok(sec.get("apdu_count") == least, "%s: %d APDUs, the minimum" % (label, least), json.dumps(sec))
    if "max_apdus" in case:
        ok(sec.get("apdu_count", 999) <= case["max_apdus"],
           "%s: at most %d APDUs" % (label, case["max_apdus"]), json.dumps(sec))
    if "warning" in case:
        ok(any(case["warning"] in w for w in out.get("warnings", [])), label + ": warning", diag)
    if "photo" in case:
        with open(os.path.join(pcsc_rig.FIXTURES, case["photo"]), "rb") as f:
            want_photo = f.read()
        got_photo = open(photo, "rb").read() if os.path.exists(photo) else b""
        ok(got_photo == want_photo, label + ": photo is the card's JPEG", "%d bytes" % len(got_photo))
        ok(os.stat(photo).st_mode & 0o077 == 0 if os.path.exists(photo) else False, label + ": photo file 0600")
    if case.get("no_photo"):
        ok(not os.path.exists(photo), label + ": no photo file written")


def main():
    rig = pcsc_rig.Rig()
    try:
        rig.start()
    except pcsc_rig.Skip as e:
        print("1..0 # SKIP %s" % e)
        return 0
    rig.make_pki()

    # The selftest check sees the configured reader.
    r = rig.ctl("selftest", "--json")
    checks = {c["name"]: c for c in json.loads(r.stdout)["checks"]} if r.stdout.strip() else {}
    ok(checks.get("reader", {}).get("status") == "ok", "selftest: reader check ok", r.stdout + r.stderr)

    # Hot-plug events on the main context: readers at start, then a card
    # arriving and leaving.
    watch = subprocess.Popen([pcsc_rig.CTL, "readers", "--watch", "--json", "--count", "4", "--timeout", "30"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    events = [json.loads(watch.stdout.readline()), json.loads(watch.stdout.readline())]
    rig.insert_card("mai")
    events.append(json.loads(watch.stdout.readline()))
    rig.remove_card()
    out, err = watch.communicate(timeout=30)
    events += [json.loads(line) for line in out.splitlines() if line.strip()]
    ok(watch.returncode == 0 and [e["event"] for e in events] ==
       ["reader-added", "reader-added", "card-inserted", "card-removed"]
       and events[2]["reader"] == pcsc_rig.READER,
       "readers --watch: reader-added ×2, card-inserted, card-removed", json.dumps(events) + err)

    # The check-in's identity source: reading, identity chip+pa, the
    # photo, then card-removed when the card leaves.
    ev = subprocess.Popen([os.environ["TDN_CHIP_IDENTITY_EVENTS"], rig.conf, "001195012345", "5"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = ev.stdout.readline().strip()
    rig.insert_card("mai")
    got = [first] + [ev.stdout.readline().strip() for _ in range(3)]
    rig.remove_card()
    out, err = ev.communicate(timeout=60)
    got += out.splitlines()
    ok(ev.returncode == 0 and got[:3] == ["connected", "reading", "identity chip+pa Nguyễn Thị Mai"]
       and got[3].startswith("photo ") and got[4] == "card-removed",
       "chip identity reader: connected, reading, identity chip+pa, photo, card-removed",
       json.dumps(got, ensure_ascii=False) + err)

    for name in pcsc_rig.fixtures():
        with open(os.path.join(pcsc_rig.FIXTURES, name + ".json"), encoding="utf-8") as f:
            fx = json.load(f)
        fx["_name"] = name
        rig.insert_card(name)
        for case in fx.get("cases", []):
            run_case(rig, fx, case)
        rig.remove_card()

    # No card on the reader: a clear device error, at once.
    r = rig.ctl("card", "read", "--id", "001195012345")
    ok(r.returncode == 3 and "no card" in r.stderr.lower(), "empty reader: exit 3, says there is no card",
       r.stderr)

    # The card leaves the field in the middle of DG13.
    rig.insert_card("mai", "--remove-after", "12")
    r = rig.ctl("card", "read", "--id", "001195012345")
    ok(r.returncode == 3 and "moved" in r.stderr, "card pulled mid-read: exit 3, says the card moved", r.stderr)
    rig.remove_card()

    # A card that stops answering: the read gives up at reader.timeout_ms.
    with open(rig.conf, "a") as f:
        f.write("timeout_ms=2000\n")
    rig.insert_card("mai", "--stall-after", "12")
    t0 = time.monotonic()
    r = rig.ctl("card", "read", "--id", "001195012345")
    took = time.monotonic() - t0
    ok(r.returncode == 3 and "in time" in r.stderr and took < 10,
       "card stops answering: exit 3 after the timeout (%.1f s)" % took, r.stderr)

    # The reader goes away (pcscd stops) while a read waits on the card.
    if rig.pcscd is not None:
        with open(rig.conf, "w") as f:
            f.write("[reader]\ntimeout_ms=60000\n")
        rig.insert_card("mai", "--stall-after", "12")
        proc = subprocess.Popen([pcsc_rig.CTL, "--config", rig.conf, "card", "read", "--id", "001195012345"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        t0 = time.monotonic()
        rig.stop_pcscd()
        try:
            out, err = proc.communicate(timeout=20)
            took = time.monotonic() - t0
            ok(proc.returncode == 3 and len(err.strip().splitlines()) == 1 and "pcscd" in err,
               "reader gone mid-read: exit 3, one line naming pcscd (%.1f s)" % took, err)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            ok(False, "reader gone mid-read: tiepdonctl hung")
    rig.close()
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
