#!/usr/bin/python3
# mksod.py — write an ICAO 9303 EF.SOD (LDSSecurityObject in CMS SignedData)
# for test cards, including deliberately broken ones
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   mksod.py --ds-cert DS.pem --ds-key DS.key --hash sha1|sha224|sha256|sha384|sha512
#            --out EF.SOD [options] N=FILE [N=FILE ...]
#
#   N=FILE          data group number (1..16) and the file holding that data
#                   group exactly as the card serves it (tag 0x61, 0x6D, ...)
#   --hash          hash of the data groups (LDSSecurityObject.hashAlgorithm);
#                   md5 is accepted to test that readers refuse it
#   --sig-hash      digest of the CMS signature (default: same as --hash)
#   --pss           sign with RSASSA-PSS (salt = digest length) instead of
#                   PKCS#1 v1.5 (RSA keys only)
#   --ecdsa-plain   ECDSA keys only: write the signature as plain r ‖ s with
#                   the BSI TR-03111 ecdsa-plain-SHA* signatureAlgorithm
#                   (0.4.0.127.0.7.1.1.4.1.n), as some issuers do
#   --keyid         name the signer by subject key identifier instead of
#                   issuer and serial number (SignerInfo version 3)
#   --lds-version   0 (default, no LDSVersionInfo) or 1 (adds
#                   LDSVersionInfo "0108"/"040000")
# Broken SODs for tests (each alone):
#   --tamper-signature   flip one bit in the SignerInfo signature
#   --tamper-content     flip one bit in the signed eContent after signing
#                        (messageDigest no longer matches)
#   --wrong-hash N       declare a wrong hash for data group N, then sign
#                        correctly (the SOD verifies, DG N does not match)
#   --omit-dg N          leave data group N out of the hash list
#   --no-certs           do not include the DS certificate
#   --no-wrap            write the bare CMS ContentInfo, without tag 0x77
#   --econtent-type OID  eContentType (default 2.23.136.1.1.1, id-icao-ldsSecurityObject)
# Encoding:
#   --ber                BER as some issuers write it (indefinite lengths,
#                        constructed eContent OCTET STRING; `openssl cms
#                        -stream`); a valid SOD, not combinable with --tamper-*
#
# Output: tag 0x77 wrapping a DER ContentInfo { id-signedData, SignedData {
# version 3, digestAlgorithms, encapContentInfo { eContentType, eContent =
# LDSSecurityObject { version, hashAlgorithm, dataGroupHashValues } },
# certificates { DS }, signerInfos { one, issuerAndSerialNumber, signed
# attributes contentType, signingTime, messageDigest } } } (ICAO 9303-10 §4.6.2,
# 9303-12 §9). The signature itself comes from `openssl cms -sign`, so ECDSA
# signatures and the signingTime attribute vary between runs; everything
# else is a function of the inputs.

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile

HASH_OIDS = {
    'sha1': '1.3.14.3.2.26',
    'sha224': '2.16.840.1.101.3.4.2.4',
    'sha256': '2.16.840.1.101.3.4.2.1',
    'sha384': '2.16.840.1.101.3.4.2.2',
    'sha512': '2.16.840.1.101.3.4.2.3',
    'md5': '1.2.840.113549.2.5',  # not allowed by ICAO: for "unsupported" tests
}
LDS_OID = '2.23.136.1.1.1'


# --- minimal DER ----------------------------------------------------------

def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(b)]) + b


def tlv(tag, value):
    return bytes([tag]) + der_len(len(value)) + value


def der_int(v):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), 'big')
    return tlv(0x02, b)


def der_oid(dotted):
    parts = [int(x) for x in dotted.split('.')]
    body = bytearray([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        enc = [p & 0x7F]
        p >>= 7
        while p:
            enc.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(enc))
    return tlv(0x06, bytes(body))


def der_seq(*items):
    return tlv(0x30, b''.join(items))


def parse(buf, pos):
    """(tag, value_start, value_end) of the TLV at pos; single-byte tags."""
    tag = buf[pos]
    n = buf[pos + 1]
    p = pos + 2
    if n & 0x80:
        k = n & 0x7F
        n = int.from_bytes(buf[p:p + k], 'big')
        p += k
    return tag, p, p + n


def children(buf, start, end):
    out = []
    p = start
    while p < end:
        t, s, e = parse(buf, p)
        out.append((t, s, e))
        p = e
    return out


def children_raw(buf, start, end):
    """(tag, tlv_start, value_start, value_end) of each child."""
    out = []
    p = start
    while p < end:
        t, s, e = parse(buf, p)
        out.append((t, p, s, e))
        p = e
    return out


PLAIN_OIDS = {'sha1': 1, 'sha224': 2, 'sha256': 3, 'sha384': 4, 'sha512': 5}


def ecdsa_plain(cms, md, ds_cert):
    """Re-encodes the SignerInfo signature as plain r ‖ s (BSI TR-03111)."""
    spki = subprocess.run(['openssl', 'x509', '-in', ds_cert, '-noout', '-pubkey'],
                          stdout=subprocess.PIPE, check=True).stdout
    spki = subprocess.run(['openssl', 'pkey', '-pubin', '-outform', 'DER'], input=spki,
                          stdout=subprocess.PIPE, check=True).stdout
    _, s, e = parse(spki, 0)
    _, bs, be = children(spki, s, e)[-1]
    size = (be - bs - 2) // 2                    # 00 04 X Y
    _, s, e = parse(cms, 0)
    ci = children_raw(cms, s, e)
    _, _, s, e = ci[1]
    _, s, e = parse(cms, s)                      # SignedData
    sd = children_raw(cms, s, e)
    _, _, s, e = sd[-1]
    sis = children_raw(cms, s, e)
    _, _, s, e = sis[0]
    si = children_raw(cms, s, e)
    idx = max(i for i, c in enumerate(si) if c[0] == 0x04)   # signature
    _, _, ss, se = si[idx]
    _, rs, re_ = parse(cms, ss)                  # Ecdsa-Sig-Value
    (_, r0, r1), (_, s0, s1) = children(cms, rs, re_)
    r = int.from_bytes(cms[r0:r1], 'big')
    sv = int.from_bytes(cms[s0:s1], 'big')
    plain = r.to_bytes(size, 'big') + sv.to_bytes(size, 'big')
    raw = lambda c: bytes(cms[c[1]:c[3]])
    new_si = b''.join(raw(c) for c in si[:idx - 1]) + \
        der_seq(der_oid('0.4.0.127.0.7.1.1.4.1.%d' % PLAIN_OIDS[md])) + \
        tlv(0x04, plain) + b''.join(raw(c) for c in si[idx + 1:])
    new_sis = tlv(0x30, new_si) + b''.join(raw(c) for c in sis[1:])
    new_sd = b''.join(raw(c) for c in sd[:-1]) + tlv(0x31, new_sis)
    return bytearray(der_seq(raw(ci[0]), tlv(0xA0, der_seq(new_sd))))


def locate(cms):
    """Offsets (start, end) of eContent's value and the signature's value."""
    _, s, e = parse(cms, 0)                      # ContentInfo
    ci = children(cms, s, e)
    _, s, e = ci[1]                              # [0] EXPLICIT
    _, s, e = parse(cms, s)                      # SignedData
    sd = children(cms, s, e)
    _, s, e = sd[2]                              # encapContentInfo
    eci = children(cms, s, e)
    _, s, e = eci[1]                             # [0] EXPLICIT
    _, cs, ce = parse(cms, s)                    # OCTET STRING eContent
    signer_infos = sd[-1]
    _, s, e = signer_infos
    _, s, e = children(cms, s, e)[0]             # first SignerInfo
    si = children(cms, s, e)
    _, ss, se = si[-1] if si[-1][0] == 0x04 else si[-2]
    return (cs, ce), (ss, se)


# --- LDS security object --------------------------------------------------

def lds_security_object(alg, hashes, version):
    dg = b''.join(der_seq(der_int(n), tlv(0x04, h)) for n, h in sorted(hashes.items()))
    items = [der_int(version), der_seq(der_oid(HASH_OIDS[alg])), der_seq(dg)]
    if version == 1:
        items.append(der_seq(tlv(0x13, b'0108'), tlv(0x13, b'040000')))
    return der_seq(*items)


def run(args):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.stderr.write('mksod: %s failed:\n%s' % (' '.join(args),
                         r.stderr.decode(errors='replace')))
        sys.exit(1)
    return r.stdout


def main():
    p = argparse.ArgumentParser(description='Write an ICAO 9303 EF.SOD')
    p.add_argument('--ds-cert', required=True)
    p.add_argument('--ds-key', required=True)
    p.add_argument('--hash', choices=sorted(HASH_OIDS), default='sha256')
    p.add_argument('--sig-hash', choices=sorted(HASH_OIDS))
    p.add_argument('--pss', action='store_true')
    p.add_argument('--keyid', action='store_true')
    p.add_argument('--ecdsa-plain', action='store_true')
    p.add_argument('--lds-version', type=int, choices=(0, 1), default=0)
    p.add_argument('--out', required=True)
    p.add_argument('--tamper-signature', action='store_true')
    p.add_argument('--tamper-content', action='store_true')
    p.add_argument('--wrong-hash', type=int, action='append', default=[])
    p.add_argument('--omit-dg', type=int, action='append', default=[])
    p.add_argument('--no-certs', action='store_true')
    p.add_argument('--no-wrap', action='store_true')
    p.add_argument('--econtent-type', default=LDS_OID)
    p.add_argument('--ber', action='store_true')
    p.add_argument('dgs', nargs='+', metavar='N=FILE')
    a = p.parse_args()

    hashes = {}
    for spec in a.dgs:
        num, sep, path = spec.partition('=')
        if not sep or not num.isdigit() or not 1 <= int(num) <= 16:
            p.error('bad data group %r: want N=FILE with N in 1..16' % spec)
        with open(path, 'rb') as f:
            hashes[int(num)] = hashlib.new(a.hash, f.read()).digest()
    for n in a.wrong_hash:
        if n not in hashes:
            p.error('--wrong-hash %d: no such data group given' % n)
        h = bytearray(hashes[n])
        h[0] ^= 0x01
        hashes[n] = bytes(h)
    for n in a.omit_dg:
        hashes.pop(n, None)

    lds = lds_security_object(a.hash, hashes, a.lds_version)
    md = a.sig_hash or a.hash
    with tempfile.TemporaryDirectory(prefix='mksod-') as work:
        inp = os.path.join(work, 'lds.der')
        with open(inp, 'wb') as f:
            f.write(lds)
        args = ['openssl', 'cms', '-sign', '-binary', '-nodetach', '-nosmimecap',
                '-outform', 'DER', '-econtent_type', a.econtent_type, '-md', md,
                '-signer', a.ds_cert, '-inkey', a.ds_key, '-in', inp]
        if a.pss:
            args += ['-keyopt', 'rsa_padding_mode:pss', '-keyopt', 'rsa_pss_saltlen:-1',
                     '-keyopt', 'rsa_mgf1_md:' + md]
        if a.no_certs:
            args.append('-nocerts')
        if a.keyid:
            args.append('-keyid')
        if a.ber:
            if a.tamper_signature or a.tamper_content:
                p.error('--ber cannot be combined with --tamper-*')
            args.append('-stream')
        cms = bytearray(run(args))

    if a.ecdsa_plain:
        if a.ber:
            p.error('--ber cannot be combined with --ecdsa-plain')
        cms = ecdsa_plain(cms, md, a.ds_cert)
    if a.ber:
        out = bytes(cms) if a.no_wrap else tlv(0x77, bytes(cms))
        with open(a.out, 'wb') as f:
            f.write(out)
        return 0
    (cs, ce), (ss, se) = locate(cms)
    if cms[cs:ce] != lds:
        sys.exit('mksod: openssl did not embed the LDS security object as is')
    if a.tamper_signature:
        cms[ss + (se - ss) // 2] ^= 0x01
    if a.tamper_content:
        cms[ce - 1] ^= 0x01
    out = bytes(cms) if a.no_wrap else tlv(0x77, bytes(cms))
    with open(a.out, 'wb') as f:
        f.write(out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
