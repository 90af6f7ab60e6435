#!/usr/bin/python3
# cardgen.py — builds a test CCCD's files from a fixture (tests/fixtures/cards/*.json)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The bytes follow the published layouts, not our reader: DG1 is
# 61 5D 5F1F 5A + the TD1 MRZ (ICAO 9303-10 §4.7.1, CCCD line 1 with the
# full ID), DG13 is 6D { 30 { 02 01 01, 06 28D3160100 08, 31 { 30 { 02 n,
# value } … } } } (cccd-chip-and-qr.md §4.1), DG2 is 75/7F61/7F60/5F2E
# with an ISO 19794-5 facial record around the JPEG.
#
#   cardgen.py FIXTURE.json OUTDIR [--pki DIR]
# writes OUTDIR/card.json for cccd_card.py (files as hex, keys) and, when
# tests/sim/card/mksod.py exists, signs EF.SOD with the test PKI in DIR.

import argparse
import hashlib
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import der  # noqa: E402
import ecp  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

DG_TAGS = {1: 0x61, 2: 0x75, 3: 0x63, 13: 0x6D, 14: 0x6E, 15: 0x6F}
FIDS = {1: "0101", 2: "0102", 3: "0103", 13: "010D", 14: "010E", 15: "010F"}
PRINTABLE_FIELDS = {1, 3, 11, 15, 16}


def check_digit(text):
    weights = (7, 3, 1)
    total = 0
    for i, ch in enumerate(text):
        if ch.isdigit():
            v = ord(ch) - 48
        elif "A" <= ch <= "Z":
            v = ord(ch) - 55
        elif ch == "<":
            v = 0
        else:
            raise ValueError("not an MRZ character: %r" % ch)
        total += v * weights[i % 3]
    return str(total % 10)


def mrz_lines(fx):
    ident = fx["id_number"]
    doc = ident[3:]
    l1 = "IDVNM" + doc + check_digit(doc) + ident + "<<" + check_digit(ident)
    dob = fx["mrz_dob"]
    doe = fx["mrz_expiry"]
    l2 = dob + check_digit(dob) + fx["sex"] + doe + check_digit(doe) + "VNM" + "<" * 11
    l2 += check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
    l3 = (fx["mrz_name"] + "<" * 30)[:30]
    assert len(l1) == 30 and len(l2) == 30, (l1, l2)
    return [l1, l2, l3]


def mrz_information(fx, expiry=None):
    doc = fx["id_number"][3:]
    dob = fx["mrz_dob"]
    doe = expiry or fx["mrz_expiry"]
    return doc + check_digit(doc) + dob + check_digit(dob) + doe + check_digit(doe)


def make_dg1(fx):
    mrz = "".join(mrz_lines(fx)).encode("ascii")
    return der.tlv(0x61, der.tlv(0x5F1F, mrz))


def dg13_value(n, value, types):
    kind = types.get(str(n)) or ("printable" if n in PRINTABLE_FIELDS else "utf8")
    if n == 13:
        # father and mother, each in its own SEQUENCE
        return b"".join(der.seq(der.utf8(name)) for name in value)
    if n == 14:
        return der.seq(der.utf8(value)) if value else b""
    if value is None:
        return b""
    if kind == "printable":
        return der.printable(value)
    return der.utf8(value)


def make_dg13(fx):
    fields = fx["dg13"]
    types = fx.get("dg13_types", {})
    order = fx.get("dg13_order") or sorted(int(k) for k in fields)
    items = []
    for n in order:
        items.append(der.seq(der.integer(n) + dg13_value(n, fields[str(n)], types)))
    body = der.integer(1) + der.oid("1.0.10646.1.0.8") + der.set_of(*items)
    return der.tlv(0x6D, der.seq(body))


def make_dg2(photo):
    # ISO 19794-5: general header, facial record, image information, image.
    img_info = bytes([0x01, 0x00]) + (240).to_bytes(2, "big") + (320).to_bytes(2, "big") \
        + bytes([0x01, 0x02]) + b"\x00\x00" + b"\x00\x00"
    facial = (20 + len(img_info) + len(photo)).to_bytes(4, "big") + b"\x00\x00" \
        + bytes([0x00, 0x00, 0x00]) + b"\x00\x00\x00" + b"\x00\x00" + b"\x00\x00\x00" + b"\x00\x00\x00"
    record_len = 14 + len(facial) + len(img_info) + len(photo)
    header = b"FAC\x00010\x00" + record_len.to_bytes(4, "big") + b"\x00\x01"
    record = header + facial + img_info + photo
    bht = der.tlv(0xA1, der.tlv(0x80, b"\x01\x01") + der.tlv(0x87, b"\x01\x01")
                  + der.tlv(0x88, b"\x00\x08"))
    return der.tlv(0x75, der.tlv(0x7F61, der.integer(1) + der.tlv(0x7F60, bht + der.tlv(0x5F2E, record))))


def make_com(dgs):
    tags = bytes(DG_TAGS[n] for n in sorted(dgs))
    return der.tlv(0x60, der.tlv(0x5F01, b"0107") + der.tlv(0x5F36, b"040000") + der.tlv(0x5C, tags))


def ec_spki(pt):
    alg = der.seq(der.oid("1.2.840.10045.2.1"), der.oid("1.3.36.3.3.2.8.1.1.7"))
    return der.seq(alg, der.bit_string(ecp.encode(pt)))


def make_dg14(ca_secret):
    ca_info = der.seq(der.oid("0.4.0.127.0.7.2.2.3.2.2"), der.integer(1))
    pk_info = der.seq(der.oid("0.4.0.127.0.7.2.2.1.2"), ec_spki(ecp.mul(ca_secret, ecp.G)))
    return der.tlv(0x6E, der.set_of(ca_info, pk_info))


def card_access(pace):
    ta = der.seq(der.oid("0.4.0.127.0.7.2.2.2"), der.integer(1))
    ca = der.seq(der.oid("0.4.0.127.0.7.2.2.3.2.2"), der.integer(1))
    infos = [ta, ca]
    if pace:
        infos.append(der.seq(der.oid("0.4.0.127.0.7.2.2.4.2.2"), der.integer(2), der.integer(13)))
    return der.set_of(*infos)


def seeded_int(seed, label, modulus):
    h = hashlib.sha256((seed + ":" + label).encode()).digest()
    return int.from_bytes(h, "big") % (modulus - 1) + 1


def build(fx, fixture_dir, outdir, pki):
    from Cryptodome.PublicKey import RSA

    chip = fx.get("chip", {})
    files = {}
    dgs = {}
    if "raw_dg1" in chip:
        dgs[1] = bytes.fromhex(chip["raw_dg1"])
    else:
        dgs[1] = make_dg1(fx)
    if "raw_dg13" in chip:
        dgs[13] = bytes.fromhex(chip["raw_dg13"])
    else:
        dgs[13] = make_dg13(fx)
    if "raw_dg2" in chip:
        dgs[2] = bytes.fromhex(chip["raw_dg2"])
    elif fx.get("photo"):
        with open(os.path.join(fixture_dir, fx["photo"]), "rb") as f:
            dgs[2] = make_dg2(f.read())
    ca_secret = seeded_int(fx["id_number"], "ca", ecp.N)
    if fx.get("dg14", True):
        dgs[14] = make_dg14(ca_secret)
    aa_key = None
    if fx.get("aa", True):
        key_path = os.path.join(outdir, "aa-key.pem")
        aa_key = RSA.generate(1024)
        with open(key_path, "wb") as f:
            f.write(aa_key.export_key("PEM"))
        os.chmod(key_path, 0o600)
        dgs[15] = der.tlv(0x6F, aa_key.publickey().export_key("DER"))

    com_dgs = set(dgs) | {3}
    files["011E"] = make_com(com_dgs)
    for n, data in dgs.items():
        files[FIDS[n]] = data
    files["011C"] = card_access(fx.get("pace", True))

    # EF.SOD from mksod.py (chip-pa), signed by the test PKI's document
    # signer (or by the unrelated CSCA's signer for an untrusted card).
    if pki:
        dg_dir = os.path.join(outdir, "dgs")
        os.makedirs(dg_dir, exist_ok=True)
        signer = "other-ds" if chip.get("untrusted_signer") else "ds"
        args = ["/usr/bin/python3", os.path.join(HERE, "mksod.py"),
                "--ds-cert", os.path.join(pki, signer + ".pem"),
                "--ds-key", os.path.join(pki, signer + ".key"),
                "--hash", fx.get("sod_hash", "sha256"),
                "--out", os.path.join(outdir, "sod.der")]
        if chip.get("bad_sod_signature"):
            args.append("--tamper-signature")
        for n, data in sorted(dgs.items()):
            p = os.path.join(dg_dir, "dg%d.bin" % n)
            with open(p, "wb") as f:
                f.write(data)
            args.append("%d=%s" % (n, p))
        subprocess.run(args, check=True)
        with open(os.path.join(outdir, "sod.der"), "rb") as f:
            files["011D"] = f.read()

    if chip.get("tamper_dg13"):
        # Changed after signing: one byte of the name, same length.
        d = bytearray(files["010D"])
        i = d.find("Nguy".encode())
        d[i if i >= 0 else len(d) - 1] ^= 0x01
        files["010D"] = bytes(d)
    if chip.get("no_dg2"):
        files.pop("0102", None)
    if chip.get("no_com"):
        files.pop("011E", None)

    card = {
        "mrz_information": mrz_information(fx, chip.get("card_mrz_expiry")),
        "can": fx["id_number"][6:],
        "pace": fx.get("pace", True),
        "extended_length": chip.get("extended_length", False),
        "aa_fail": chip.get("aa_fail", False),
        "ca_fail": chip.get("ca_fail", False),
        "reject_param_ref": chip.get("reject_param_ref", False),
        "aa_key": "aa-key.pem" if aa_key else None,
        "ca_secret": "%x" % ca_secret,
        "files": {fid: data.hex() for fid, data in files.items()},
    }
    with open(os.path.join(outdir, "card.json"), "w") as f:
        json.dump(card, f, indent=1)
    return card


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("fixture")
    ap.add_argument("outdir")
    ap.add_argument("--pki", help="test PKI directory made by mkpki.py")
    a = ap.parse_args()
    with open(a.fixture, encoding="utf-8") as f:
        fx = json.load(f)
    os.makedirs(a.outdir, exist_ok=True)
    build(fx, os.path.dirname(os.path.abspath(a.fixture)), a.outdir, a.pki)


if __name__ == "__main__":
    main()
