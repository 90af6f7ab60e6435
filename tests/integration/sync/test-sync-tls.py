#!/usr/bin/python3
# test-sync-tls.py — TLS to the HIS is verified, with an optional CA file
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throw-away CA signs a certificate for 127.0.0.1; the FHIR peer serves
# HTTPS and the MLLP peer MLLP over TLS with it. Without [sync] ca_file the
# kiosk refuses the HIS (the delivery waits, the reason says the
# certificate is not trusted); with it, the visit is delivered.
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his"))
from peers import FhirPeer, Kiosk, MllpPeer, make_test_ca, ok, plan  # noqa: E402


def check(work, name, ca, lines):
    kiosk = Kiosk(work, lines, timeout_s=20)
    vid = kiosk.commit(1, "--seed", "700")[0][0]
    kiosk.json("sync", "run", "--once")
    d = kiosk.json("spool", "show", vid)["deliveries"][0]
    ok(d["state"] == "pending" and d["last_error"] and ("certificate" in d["last_error"] or "trust" in d["last_error"]),
       f"{name}: an HIS certificate from an unknown CA is refused (“{d['last_error']}”)")
    kiosk.write_config(lines + [f"ca_file={ca}"])
    kiosk.run("spool", "retry", vid)
    kiosk.json("sync", "run", "--once")
    d = kiosk.json("spool", "show", vid)["deliveries"][0]
    ok(d["state"] == "delivered", f"{name}: with [sync] ca_file the visit is delivered ({d['last_error']})")


def main():
    with tempfile.TemporaryDirectory(prefix="tdn-sync-tls-") as work:
        tls = make_test_ca(work)
        peers = []
        try:
            mllp_dir = os.path.join(work, "mllp")
            os.mkdir(mllp_dir)
            mllp = MllpPeer(mllp_dir, tls=tls)
            peers.append(mllp)
            mllp.start()
            check(mllp_dir, "MLLP", tls[0], ["adapter=hl7v2", f"hl7_url={mllp.url()}"])
            if os.path.isdir(os.path.join(os.environ["TIEPDON_SOURCE_DIR"], "tests", "his", "node_modules")):
                fhir_dir = os.path.join(work, "fhir")
                os.mkdir(fhir_dir)
                fhir = FhirPeer(fhir_dir, tls=tls)
                peers.append(fhir)
                fhir.start()
                check(fhir_dir, "FHIR", tls[0], ["adapter=fhir", f"fhir_url={fhir.url()}"])
        finally:
            for p in peers:
                p.stop()
    plan()


if __name__ == "__main__":
    main()
