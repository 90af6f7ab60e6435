# e2e_report.py — the checks and figures at the end of the e2e morning
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Check-ins completed; tickets printed, read back from the printers' bytes
# (escpos-decode.py, then zbarimg on the QR code) with no duplicate; visits
# in each HIS against the kiosk's spool, none lost, none doubled; parked
# deliveries with their reasons; help requests raised and resolved; RSS of
# every process at start and end; p50/p95/max patient wait per step; no
# personal data of any fixture patient in any log of ours (raw, NFC, NFD);
# spool, key and token files 0600. TAP lines, figures as "# " lines.
import glob
import os
import stat
import subprocess
import time
import unicodedata
from collections import Counter

from e2e_patient import STEPS
from e2e_rig import rss_kib

N = [0]
FAILED = [0]


def ok(cond, what, detail=None):
    N[0] += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", N[0], what), flush=True)
    if not cond:
        FAILED[0] += 1
        for line in (detail or "").splitlines()[:20]:
            print("#   " + line, flush=True)
    return cond


def say(line=""):
    print("# " + line if line else "#", flush=True)


def pct(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def ticket_refs(rig, kid):
    """The visit references in the QR codes of every ticket the printer cut."""
    d = rig.printers[kid][0]
    bins = sorted(glob.glob(os.path.join(d, "ticket-*.bin")))
    pbms = []
    for b in bins:
        pbm = b[:-4] + ".pbm"
        subprocess.run(["/usr/bin/python3", os.path.join(rig.src, "tests/integration/printer/escpos-decode.py"),
                        b, pbm], capture_output=True, check=True)
        pbms.append(pbm)
    refs = []
    for i in range(0, len(pbms), 100):
        out = subprocess.run(["zbarimg", "--raw", "-q", *pbms[i:i + 100]], capture_output=True, text=True).stdout
        refs += [line.strip() for line in out.splitlines() if line.strip()]
    return len(bins), refs


def report(rig, schedule, patients, people):
    ok_all = True
    rig.nurse_round()
    say("---- results ----")
    completed = [p for p in patients if p.completed]
    failed = [p for p in patients if not p.completed]
    say("check-ins completed: %d of %d" % (len(completed), len(patients)))
    ok_all &= ok(not failed, "every check-in completed",
                 "\n".join("%s patient #%d: %s" % (p.kiosk, p.index, p.failure or (p.final or {}).get("state"))
                           for p in failed))

    # ---- chip reads (pcscd + vpcd) ----
    for k in rig.kiosks:
        if k.chip is None:
            continue
        chips = [p for p in patients if p.kiosk == k.id and p.chip]
        raised = [p for p in chips if "chip" in p.waits]
        kept = [p for p in chips if p.completed and (p.final or {}).get("assurance") == "chip+pa"]
        say("%s chip reads on pcscd + vpcd: cards laid %d, identity raised to chip+pa %d, check-ins ending "
            "with chip+pa %d of %d completed, photos read %d; pcscd restarted by the rig %d" % (
                k.id, k.chip.placed, len(raised), len(kept), sum(1 for p in chips if p.completed),
                sum(1 for p in chips if p.chip_photo), k.chip.restarts))
        ok_all &= ok(bool(chips), "%s: some patients laid their ID card on the real reader" % k.id)
        ok_all &= ok(len(raised) == len(chips), "%s: every chip read confirmed the identity (chip+pa)" % k.id,
                     "\n".join("patient #%d: %s" % (p.index, p.failure) for p in chips if p not in raised))
        ok_all &= ok(all(p in kept for p in chips if p.completed),
                     "%s: every chip check-in kept chip+pa to its ticket" % k.id)
        ok_all &= ok(all(p.chip_photo for p in chips if p.completed),
                     "%s: the chip's photo read for every chip check-in (after the identity)" % k.id)
    if rig.chip_skipped:
        say("chip reader left out: %s" % rig.chip_skipped)

    counts = rig.wait_drained(float(schedule.get("drain_timeout_s", 120)))
    say("syncd SIGKILLs: %d; paper runs out: %d; gateway: %s" % (rig.kills, getattr(rig, "paper_outs", 0),
                                                                rig.gateway_stats()))

    # ---- tickets ----
    for k in rig.all_kiosks():
        n, refs = ticket_refs(rig, k.id)
        mine = [p for p in patients if p.kiosk == k.id and p.completed]
        expected = {p.visit_id for p in mine if p.final["state"] == "done" and p.visit_id}
        done = sum(1 for p in mine if p.final["state"] == "done")
        ok_all &= ok(len(set(refs)) >= done, "%s: a ticket for each of the %d 'done' check-ins" % (k.id, done))
        dup = [r for r, c in Counter(refs).items() if c > 1]
        say("%s: tickets printed %d, QR codes read back %d, duplicates %d" % (k.id, n, len(refs), len(dup)))
        ok_all &= ok(not dup, "%s: no ticket printed twice" % k.id, "\n".join(dup))
        ok_all &= ok(len(refs) == n, "%s: every ticket's QR code reads back" % k.id)
        ok_all &= ok(expected <= set(refs), "%s: every 'done' check-in has its ticket (%d missing)"
                     % (k.id, len(expected - set(refs))))

    # ---- HIS ----
    for k, c in zip(rig.all_kiosks(), counts):
        deliveries = rig.ctl_json(k.id, "spool", "list", "--limit", "100000")["deliveries"]
        visits = {d["visit_id"] for d in deliveries}
        mine = {p.visit_id for p in patients if p.kiosk == k.id and p.visit_id}
        parked = [d for d in deliveries if d["state"] == "parked"]
        parked_visits = {d["visit_id"] for d in parked}
        peer = rig.his[k.id]
        if k.his == "fhir":
            got = Counter(peer.visit_ids())
            dup = [v for v, n in got.items() if n > 1]
            resent = 0
        else:
            first = {d["delivery_id"]: d["visit_id"] for d in deliveries if d["revision"] == 1}
            entries = peer.entries()
            got = Counter(first[e["id"]] for e in entries
                          if e["mode"] == "AA" and not e["dup"] and e["event"] == "A04" and e["id"] in first)
            dup = [v for v, n in got.items() if n > 1]
            resent = sum(1 for e in entries if e["dup"])
        missing = visits - set(got) - parked_visits
        say("%s → %s HIS: visits committed %d, in the HIS %d, duplicates %d, resent and deduplicated %d, "
            "parked %d, revisions %d, pending %d" % (k.id, k.his, len(visits), len(got), len(dup), resent,
                                                     len(parked), len(deliveries), c["pending"] + c["in_flight"]))
        for d in parked:
            say("  parked %s rev %d after %d attempts: %s" % (d["delivery_id"], d["revision"], d["attempts"],
                                                               d["last_error"]))
        ok_all &= ok(mine <= visits, "%s: every check-in's visit is in the spool" % k.id)
        ok_all &= ok(not missing, "%s: no visit lost on the way to the HIS (%d missing)" % (k.id, len(missing)),
                     "\n".join(sorted(missing)))
        ok_all &= ok(not dup, "%s: no visit twice in the HIS" % k.id, "\n".join(dup))
        ok_all &= ok(set(got) <= visits, "%s: the HIS holds nothing the kiosk did not commit" % k.id)

    # ---- help requests ----
    # Late BHYT answers raise requests after the last patient left: the
    # nurse keeps looking until the desk is empty (or 30 s).
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        rig.nurse_round()
        rc, listing = rig.help("list")
        if rc == 0 and not (listing or {}).get("requests"):
            break
        time.sleep(1)
    rc, listing = rig.help("list", "--all")
    reqs = (listing or {}).get("requests", [])
    by_reason = Counter(r.get("reason") for r in reqs)
    resolved = [r for r in reqs if r.get("state") == "resolved"]
    say("help requests raised %d, resolved %d (%s)" % (len(reqs), len(resolved),
                                                       ", ".join("%s %d" % kv for kv in sorted(by_reason.items()))))
    ok_all &= ok(rc == 0 and len(resolved) == len(reqs), "every help request resolved by the nurse")
    asked = sum(1 for p in patients if p.e2e["if_not_eligible"] == "go-to-desk" and p.final
                and p.final.get("bhyt") in ("not-eligible", "mismatch"))
    ok_all &= ok(len(reqs) >= asked, "a help request for each patient sent to the desk (%d)" % asked)

    # ---- memory ----
    say("RSS (KiB) at start → end:")
    procs = list(rig.procs) + list(rig.syncd.values())
    for p in procs:
        say("  %-20s %8s → %8s" % (p.name, p.rss_start, rss_kib(p.p.pid)))
    for g in rig.gui:
        say("  %-20s %8s → %8s" % ("kiosk-gui-" + g.id, g.rss_start, rss_kib(g.pid)))
    for kid, peer in rig.his.items():
        say("  %-20s %8s → %8s" % ("his-" + kid, "-", rss_kib(peer.proc.pid) if peer.proc else None))

    # ---- waits ----
    say("patient wait per step (s):        p50      p95      max")
    for step in STEPS + (("gui_total",) if rig.gui else ()):
        v = [p.waits[step] for p in completed if step in p.waits]
        say("  %-26s %8.3f %8.3f %8.3f" % (step, pct(v, 0.5), pct(v, 0.95), max(v) if v else float("nan")))
    total = [sum(p.waits.values()) for p in completed if "gui_total" not in p.waits]
    say("  %-26s %8.3f %8.3f %8.3f" % ("total", pct(total, 0.5), pct(total, 0.95), max(total) if total else 0))
    say("  (time factor %s: gateway latency and outages are scaled by it; gui_total is a whole GUI check-in"
        " driven through AT-SPI, reading time included)" % schedule.get("time_factor", 1.0))

    # ---- privacy and file modes ----
    ok_all &= check_logs(rig, people)
    ok_all &= check_modes(rig)
    print("1..%d" % N[0], flush=True)
    return ok_all and FAILED[0] == 0


def forms(text):
    return {unicodedata.normalize(f, text) for f in ("NFC", "NFD")} | {text}


def check_logs(rig, people):
    """No fixture name, ID number, card number or address in our logs."""
    needles = set()
    for p in people:
        for key in ("hoTen", "cccd", "diaChi", "maThe", "maSoBHXH", "maTheMoi"):
            if p.get(key) and len(p[key]) >= 6:
                needles |= forms(p[key])
        if p.get("demo", {}).get("parent"):
            needles |= forms(p["demo"]["parent"])
    # The simulator stands for BHXH and the HIS peers for the hospital's
    # systems: their logs are not ours.
    logs = [f for f in glob.glob(os.path.join(rig.logs, "*.log")) if not os.path.basename(f).startswith("bhxh-sim")]
    hits = []
    size = 0
    for path in logs:
        with open(path, "rb") as f:
            data = f.read()
        size += len(data)
        text = data.decode("utf-8", "replace")
        for n in needles:
            if n in text:
                hits.append("%s contains a fixture value (%d chars)" % (os.path.basename(path), len(n)))
    say("logs checked: %d files, %d bytes, %d values (NFC and NFD)" % (len(logs), size, len(needles)))
    return ok(not hits, "no personal data of any fixture patient in any log", "\n".join(sorted(set(hits))))


def check_modes(rig):
    files = []
    for k in rig.all_kiosks():
        files += glob.glob(os.path.join(k.dir, "spool.db*")) + glob.glob(os.path.join(k.dir, "spool.key*"))
        files.append(os.path.join(k.dir, "token"))
    files += glob.glob(os.path.join(rig.work, "broker.db*")) + [rig.desk_token, rig.broker_conf]
    bad = ["%s %o" % (os.path.relpath(f, rig.work), stat.S_IMODE(os.stat(f).st_mode))
           for f in files if os.path.exists(f) and stat.S_IMODE(os.stat(f).st_mode) & 0o077]
    return ok(not bad and len(files) > 0, "spool, key, token and broker files are 0600 (%d checked)" % len(files),
              "\n".join(bad))
