#!/usr/bin/python3
# bench-sync.py — durable inserts and backlog drain to each HIS peer
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For each peer (the Medplum FHIR server, the python3-hl7 MLLP server):
# commits BENCH_SYNC_VISITS visits (default 10 000) with the HIS down —
# the durable insert rate, each visit its own WAL + synchronous=FULL
# commit — then starts the HIS and tiepdon-syncd and times the backlog
# until the last delivery is recorded.
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his"))
from peers import FhirPeer, Kiosk, MllpPeer, wait_for  # noqa: E402

N = int(os.environ.get("BENCH_SYNC_VISITS", "10000"))


def bench(name, peer, sync_lines):
    with tempfile.TemporaryDirectory(prefix=f"tdn-bench-{name}-") as work:
        his = peer(work)
        kiosk = Kiosk(work, ["adapter=none"])
        try:
            his.start()
            kiosk.write_config(sync_lines(his))
            his.stop()
            kiosk.commit(N, "--figure", "--seed", "5")
            print(f"FIGURE spool_durable_inserts_{name} {kiosk.last_figure} visits/s", flush=True)
            his.start(fixed_port=his.port)
            start = time.monotonic()
            kiosk.start_syncd()
            wait_for(lambda: kiosk.counts()["delivered"] == N, 3600, f"{N} deliveries to {name}")
            elapsed = time.monotonic() - start
            kiosk.stop_syncd()
            print(f"FIGURE drain_{name} {N / elapsed:.0f} visits/s", flush=True)
        finally:
            kiosk.kill_syncd()
            his.stop()


def main():
    print(f"# {N} visits per peer (BENCH_SYNC_VISITS)", flush=True)
    if os.path.isdir(os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his", "node_modules")):
        bench("fhir", FhirPeer, lambda h: ["adapter=fhir", f"fhir_url={h.url()}"])
    else:
        print("# FHIR peer skipped: run tools/test-peers", flush=True)
    bench("mllp", MllpPeer, lambda h: ["adapter=hl7v2", f"hl7_url={h.url()}"])


if __name__ == "__main__":
    main()
