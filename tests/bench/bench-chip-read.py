#!/usr/bin/python3
# bench-chip-read.py — starts pcscd + vpcd + the emulator with the
# benchmark card and runs bench-chip-read (FIGURE lines)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

SRC = os.environ.get("TIEPDON_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
sys.path.insert(0, os.path.join(SRC, "tests", "integration", "reader"))
import pcsc_rig  # noqa: E402


def main():
    rig = pcsc_rig.Rig()
    try:
        rig.start()
    except pcsc_rig.Skip as e:
        print("bench-chip-read: skipped: %s" % e)
        return 77
    rig.make_pki()
    rig.insert_card("bench")
    r = subprocess.run([os.environ["TDN_BENCH_CHIP_READ"], pcsc_rig.READER, "195012345,950314,350314",
                        "012345", os.path.join(rig.tmp, "csca"), os.environ.get("TDN_BENCH_ITERATIONS", "5")])
    rig.close()
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
