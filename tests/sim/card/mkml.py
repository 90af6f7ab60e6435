#!/usr/bin/python3
# mkml.py — write an ICAO CSCA master list (.ml) for tests
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   mkml.py --signer-cert MLS.pem --signer-key MLS.key --out LIST.ml
#           [--tamper-signature | --ber] CERT.pem [CERT.pem ...]
#
#   --ber   write BER (indefinite lengths, as `openssl cms -stream` does)
#
# Output: DER ContentInfo { id-signedData, SignedData { eContentType
# id-icao-cscaMasterList (2.23.136.1.1.2), eContent CscaMasterList ::=
# SEQUENCE { version INTEGER 0, certList SET OF Certificate },
# certificates { the signer }, one SignerInfo } } (ICAO 9303-12 §9), as
# published by ICAO and national PKDs. The certificates of every CERT.pem
# go into the list. mkpki.py makes a suitable signer (mls.pem, mls.key).

import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mksod import der_int, der_seq, locate, run, tlv  # noqa: E402


def pem_to_der_certs(path):
    with open(path) as f:
        text = f.read()
    certs = []
    for block in text.split('-----BEGIN CERTIFICATE-----')[1:]:
        pem = '-----BEGIN CERTIFICATE-----' + block.split('-----END CERTIFICATE-----')[0] + \
              '-----END CERTIFICATE-----\n'
        r = subprocess.run(['openssl', 'x509', '-outform', 'DER'], input=pem.encode(),
                           stdout=subprocess.PIPE, check=True)
        certs.append(r.stdout)
    return certs


def main():
    p = argparse.ArgumentParser(description='Write an ICAO CSCA master list')
    p.add_argument('--signer-cert', required=True)
    p.add_argument('--signer-key', required=True)
    p.add_argument('--out', required=True)
    p.add_argument('--tamper-signature', action='store_true')
    p.add_argument('--ber', action='store_true')
    p.add_argument('certs', nargs='+')
    a = p.parse_args()

    certs = []
    for c in a.certs:
        certs += pem_to_der_certs(c)
    # DER SET OF: elements sorted by their encoding
    content = der_seq(der_int(0), tlv(0x31, b''.join(sorted(certs))))
    with tempfile.TemporaryDirectory(prefix='mkml-') as work:
        inp = os.path.join(work, 'ml.der')
        with open(inp, 'wb') as f:
            f.write(content)
        cms = bytearray(run(['openssl', 'cms', '-sign', '-binary', '-nodetach', '-nosmimecap',
                             '-outform', 'DER', '-econtent_type', '2.23.136.1.1.2',
                             '-md', 'sha256', '-signer', a.signer_cert,
                             '-inkey', a.signer_key, '-in', inp] +
                            (['-stream'] if a.ber else [])))
    if a.tamper_signature and not a.ber:
        _, (ss, se) = locate(cms)
        cms[ss + (se - ss) // 2] ^= 0x01
    with open(a.out, 'wb') as f:
        f.write(bytes(cms))
    return 0


if __name__ == '__main__':
    sys.exit(main())
