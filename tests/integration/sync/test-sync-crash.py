#!/usr/bin/python3
# test-sync-crash.py — kill -9 tiepdon-syncd and the HIS at random moments
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# While 1 000 visits are committed (some patients coming twice, some
# visits revised), tiepdon-syncd is started and SIGKILLed over and over at
# random moments and the FHIR test HIS is killed and restarted now and
# then. Afterwards the HIS must hold exactly one Encounter per visit and
# one Patient per distinct ID number — none missing, none doubled — every
# revision applied, no invalid bundle, nothing parked. With the argument
# "mllp" the same runs against the HL7 v2 peer, which deduplicates on
# MSH-10: every delivery id accepted exactly once, 1 000 A04 and one A08
# per revision. TDN_CRASH_VISITS changes the count (CI), TDN_CRASH_SEED
# the random moments.
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his"))
from peers import FhirPeer, Kiosk, MllpPeer, fail, ok, plan, wait_for  # noqa: E402




def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "fhir"
    if kind == "fhir" and not os.path.isdir(os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his",
                                                         "node_modules")):
        print("1..0 # SKIP tests/his/node_modules missing: run tools/test-peers")
        return
    with tempfile.TemporaryDirectory(prefix="tdn-sync-crash-") as work:
        his = FhirPeer(work) if kind == "fhir" else MllpPeer(work)
        kiosk = None
        try:
            kiosk = Kiosk(work, ["adapter=none"])
            run(work, his, kiosk, kind)
        finally:
            if kiosk is not None:
                kiosk.kill_syncd()
            his.stop()
    plan()


def sync_lines(kind, his):
    return ["adapter=fhir", f"fhir_url={his.url()}"] if kind == "fhir" else ["adapter=hl7v2", f"hl7_url={his.url()}"]


def run(work, his, kiosk, kind):
    count = int(os.environ.get("TDN_CRASH_VISITS", "1000"))
    seed = int(os.environ.get("TDN_CRASH_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    print(f"# {count} visits, seed {seed}", flush=True)
    if kind == "mllp":
        # A 20 ms answer keeps deliveries in flight long enough for kills to land mid-way.
        his.set_mode("SLOWAA")
    his.start()
    kiosk.write_config(sync_lines(kind, his))

    out_path = os.path.join(work, "committed.txt")
    err_path = os.path.join(work, "commit-visits.log")
    with open(out_path, "w") as out, open(err_path, "w") as err:
        committer = subprocess.Popen([kiosk.commit_bin, "--config", kiosk.config, "--count", str(count),
                                      "--repeat", "7", "--revise", "25", "--delay-ms", "3",
                                      "--seed", str(seed % 1000)], stdout=out, stderr=err)
        kills = his_restarts = 0
        # Keep killing while visits arrive, and a little after.
        extra_rounds = 40
        while committer.poll() is None or extra_rounds > 0:
            if committer.poll() is not None:
                extra_rounds -= 1
            kiosk.start_syncd()
            time.sleep(rng.uniform(0.05, 0.6))
            kiosk.kill_syncd()
            kills += 1
            if rng.random() < 0.2:
                his.kill()
                time.sleep(rng.uniform(0.0, 0.3))
                his.start(fixed_port=his.port)
                his_restarts += 1
        if committer.returncode != 0:
            with open(err_path) as f:
                fail(f"commit-visits failed: {f.read()[-2000:]}")
    with open(os.path.join(work, "syncd.log"), errors="replace") as f:
        resumed = f.read().count("was in flight when syncd stopped")
    ok(kills > 10 and his_restarts > 0 and resumed > 0,
       f"syncd killed {kills} times ({resumed} times mid-delivery), the HIS restarted {his_restarts} times")

    with open(out_path) as f:
        rows = [line.split() for line in f if line.strip()]
    ok(len(rows) == count, f"{count} visits committed")
    deliveries = sum(int(r[2]) for r in rows)

    # Let a last syncd finish the backlog, then stop it cleanly.
    kiosk.start_syncd()
    wait_for(lambda: kiosk.counts()["delivered"] == deliveries, 240, f"{deliveries} deliveries")
    ok(kiosk.stop_syncd() == 0, "the last syncd stops cleanly on SIGTERM")
    c = kiosk.counts()
    ok(c["parked"] == 0 and c["pending"] == 0 and c["in_flight"] == 0, f"nothing parked or left ({c})")

    # A restart of the HIS reads its journal back: judge what it holds after one.
    his.stop()
    his.start(fixed_port=his.port)
    if kind == "fhir":
        check_fhir(his, rows, count)
    else:
        check_mllp(his, kiosk, rows, count)


def check_fhir(his, rows, count):
    stats = his.stats()
    ids = his.visit_ids()
    dup = [v for v, k in Counter(ids).items() if k > 1]
    committed = {r[0] for r in rows}
    patients = {r[1] for r in rows}
    ok(stats["invalid"] == 0, f"every bundle was valid FHIR R4 ({stats['invalid_messages'][:3]})")
    ok(stats["encounters"] == count, f"the HIS holds exactly {count} encounters ({stats['encounters']})")
    ok(not dup, f"no visit was delivered twice ({len(dup)} doubled)")
    ok(set(ids) == committed, f"every committed visit is there ({len(committed - set(ids))} missing)")
    ok(stats["patients"] == len(patients),
       f"{len(patients)} patients for {count} visits with repeated IDs ({stats['patients']})")
    revised = {r[0] for r in rows if r[2] == "2"}
    urgent = {e["value"] for e in stats["encounter_identifiers"]
              if e["system"] == "urn:tiepdon:visit" and e["priority"] == "UR"}
    ok(revised <= urgent, f"all {len(revised)} revisions applied as conditional updates")


def check_mllp(his, kiosk, rows, count):
    entries = his.entries()
    accepted = [e for e in entries if e["mode"] == "AA" and not e["dup"]]
    resent = [e for e in entries if e["dup"]]
    ids = [d["delivery_id"] for d in kiosk.json("spool", "list")["deliveries"]]
    ok(Counter(e["id"] for e in accepted) == Counter(ids),
       f"every delivery id accepted exactly once ({len(accepted)} of {len(ids)}; "
       f"{len(resent)} resends after a kill recognised by MSH-10)")
    by_id = {}
    for e in entries:
        by_id.setdefault(e["id"], set()).add(e["sha256"])
    ok(all(len(h) == 1 for h in by_id.values()), "every resend carried exactly the first attempt's bytes")
    events = Counter(e["event"] for e in accepted)
    revisions = sum(1 for r in rows if r[2] == "2")
    ok(events["A04"] == count and events["A08"] == revisions,
       f"{count} A04 and {revisions} A08 ({dict(events)})")


if __name__ == "__main__":
    main()
