#!/usr/bin/python3
# cccd_card.py — a test CCCD chip behind vpcd (virtual smart card reader)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Connects to vpcd (127.0.0.1:35963; every message a 2-byte big-endian
# length and a payload; a 1-byte payload is a control message: 0 off,
# 1 on, 2 reset, 4 send ATR) and answers APDUs like a CCCD: SELECT by AID
# and FID (never 3F00: 6D00, as real cards), GET CHALLENGE, EXTERNAL
# AUTHENTICATE (BAC), MSE:Set AT + GENERAL AUTHENTICATE (PACE GM,
# brainpoolP256r1, AES-128), READ BINARY B0/B1 under secure messaging,
# INTERNAL AUTHENTICATE (AA, RSA ISO 9796-2), with real status words.
#
#   cccd_card.py CARD_DIR [--port 35963] [--log FILE]
# CARD_DIR holds card.json from cardgen.py.

import argparse
import hashlib
import json
import os
import secrets
import socket
import struct
import sys
import time

from Cryptodome.Cipher import AES, DES3
from Cryptodome.Hash import CMAC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import der  # noqa: E402
import ecp  # noqa: E402

AID = bytes.fromhex("A0000002471001")
# ISO 14443-4 card without historical bytes (PC/SC part 3): 3B 80 80 01, TCK 01
ATR = bytes.fromhex("3B80800101")
PACE_OID = bytes.fromhex("04007F00070202040202")
CA_OID = bytes.fromhex("04007F00070202030202")  # id-CA-ECDH-AES-CBC-CMAC-128

SW_OK = b"\x90\x00"
SW_EOF = b"\x62\x82"
SW_AUTH_FAILED = b"\x63\x00"
SW_WRONG_LENGTH = b"\x67\x00"
SW_SECURITY = b"\x69\x82"
SW_SM_WRONG = b"\x69\x88"
SW_SM_MISSING = b"\x69\x87"
SW_COND = b"\x69\x85"
SW_WRONG_DATA = b"\x6A\x80"
SW_NOT_FOUND = b"\x6A\x82"
SW_WRONG_P1P2 = b"\x6A\x86"
SW_WRONG_OFFSET = b"\x6B\x00"
SW_INS = b"\x6D\x00"
SW_CLA = b"\x6E\x00"


def kdf(secret, counter, des=False):
    h = hashlib.sha1(secret + counter.to_bytes(4, "big")).digest()[:16]
    if des:
        h = bytes(adjust_parity(b) for b in h)
    return h


def adjust_parity(b):
    b &= 0xFE
    return b | (bin(b).count("1") + 1) % 2


def pad(data, block):
    data = data + b"\x80"
    while len(data) % block:
        data += b"\x00"
    return data


def unpad(data):
    i = len(data) - 1
    while i >= 0 and data[i] == 0:
        i -= 1
    if i < 0 or data[i] != 0x80:
        raise ValueError("bad padding")
    return data[:i]


def retail_mac(key, data):
    """ISO 9797-1 MAC algorithm 3 with DES, padding method 2."""
    data = pad(data, 8)
    k1, k2 = key[:8], key[8:16]
    # single DES as 3DES with K1=K2=K3 (pycryptodome refuses degenerate keys)
    from Cryptodome.Cipher import DES
    h = bytes(8)
    d1 = DES.new(k1, DES.MODE_ECB)
    for i in range(0, len(data), 8):
        h = d1.encrypt(bytes(a ^ b for a, b in zip(h, data[i:i + 8])))
    h = DES.new(k2, DES.MODE_ECB).decrypt(h)
    return d1.encrypt(h)


class SecureMessaging:
    def __init__(self, cipher, ks_enc, ks_mac, ssc):
        self.cipher = cipher
        self.ks_enc = ks_enc
        self.ks_mac = ks_mac
        self.ssc = ssc
        self.block = 16 if cipher == "aes" else 8

    def inc(self):
        self.ssc = (self.ssc + 1) % (1 << (8 * self.block))

    def ssc_bytes(self):
        return self.ssc.to_bytes(self.block, "big")

    def mac(self, data):
        if self.cipher == "aes":
            c = CMAC.new(self.ks_mac, ciphermod=AES)
            c.update(pad(data, 16))
            return c.digest()[:8]
        return retail_mac(self.ks_mac, data)

    def crypt(self, data, encrypt):
        if self.cipher == "aes":
            iv = AES.new(self.ks_enc, AES.MODE_ECB).encrypt(self.ssc_bytes())
            c = AES.new(self.ks_enc, AES.MODE_CBC, iv=iv)
        else:
            c = DES3.new(self.ks_enc, DES3.MODE_CBC, iv=bytes(8))
        return c.encrypt(data) if encrypt else c.decrypt(data)

    def unwrap(self, header, body):
        """Checks and decrypts a protected command body: (data, le)."""
        self.inc()
        objs = der.parse_all(body)
        do87 = do97 = b""
        data = b""
        le = None
        mac = None
        for tag, value in objs:
            enc = der.tlv(tag, value)
            if tag == 0x87:
                do87 = enc
                if not value or value[0] != 0x01:
                    raise ValueError("DO87 without padding indicator")
                data = unpad(self.crypt(value[1:], False))
            elif tag == 0x85:
                do87 = enc
                data = self.crypt(value, False)
            elif tag == 0x97:
                do97 = enc
                le = int.from_bytes(value, "big") if value else 0
                if le == 0:
                    le = 256 if len(value) <= 1 else 65536
            elif tag == 0x8E:
                mac = value
            else:
                raise ValueError("unexpected SM object %x" % tag)
        if mac is None:
            raise ValueError("no MAC")
        n = self.ssc_bytes() + pad(header, self.block) + do87 + do97
        if self.mac(n) != mac:
            raise ValueError("MAC wrong")
        return data, le

    def wrap(self, data, sw):
        self.inc()
        body = b""
        if data:
            body += der.tlv(0x87, b"\x01" + self.crypt(pad(data, self.block), True))
        body += der.tlv(0x99, sw)
        body += der.tlv(0x8E, self.mac(self.ssc_bytes() + body))
        return body + sw


def parse_apdu(apdu):
    """(cla, ins, p1, p2, data, le, extended); le None when absent."""
    if len(apdu) < 4:
        raise ValueError("short APDU")
    cla, ins, p1, p2 = apdu[:4]
    rest = apdu[4:]
    if not rest:
        return cla, ins, p1, p2, b"", None, False
    if len(rest) == 1:
        return cla, ins, p1, p2, b"", rest[0] or 256, False
    if rest[0] != 0 or len(rest) == 1 + rest[0] or len(rest) == 2 + rest[0]:
        lc = rest[0]
        if lc and len(rest) in (1 + lc, 2 + lc):
            data = rest[1:1 + lc]
            le = None
            if len(rest) == 2 + lc:
                le = rest[-1] or 256
            return cla, ins, p1, p2, data, le, False
    if rest[0] == 0 and len(rest) == 3:
        le = int.from_bytes(rest[1:3], "big") or 65536
        return cla, ins, p1, p2, b"", le, True
    if rest[0] == 0 and len(rest) >= 3:
        lc = int.from_bytes(rest[1:3], "big")
        data = rest[3:3 + lc]
        tail = rest[3 + lc:]
        if len(data) != lc or len(tail) not in (0, 2):
            raise ValueError("bad extended APDU")
        le = (int.from_bytes(tail, "big") or 65536) if tail else None
        return cla, ins, p1, p2, data, le, True
    raise ValueError("bad APDU length")


class Card:
    def __init__(self, card_dir):
        with open(os.path.join(card_dir, "card.json")) as f:
            self.spec = json.load(f)
        self.files = {int(k, 16): bytes.fromhex(v) for k, v in self.spec["files"].items()}
        self.aa_key = None
        if self.spec.get("aa_key"):
            from Cryptodome.PublicKey import RSA
            with open(os.path.join(card_dir, self.spec["aa_key"]), "rb") as f:
                self.aa_key = RSA.import_key(f.read())
        self.k_enc = kdf(hashlib.sha1(self.spec["mrz_information"].encode()).digest()[:16], 1, True)
        self.k_mac = kdf(hashlib.sha1(self.spec["mrz_information"].encode()).digest()[:16], 2, True)
        self.k_pi = kdf(self.spec["can"].encode(), 3)
        self.ca_secret = int(self.spec["ca_secret"], 16)
        self.stats = {"apdus": 0}
        self.reset()

    def reset(self):
        self.app = False
        self.current = None
        self.sm = None
        self.rnd_ic = None
        self.pace = None
        self.ca = False
        self.next_sm = None

    # -- APDU dispatch -------------------------------------------------
    def process(self, apdu):
        self.stats["apdus"] += 1
        try:
            cla, ins, p1, p2, data, le, extended = parse_apdu(apdu)
        except ValueError:
            return SW_WRONG_LENGTH
        if extended and not self.spec.get("extended_length"):
            return SW_WRONG_LENGTH
        protected = (cla & 0x0C) == 0x0C
        if protected:
            if self.sm is None:
                return SW_SM_MISSING
            header = bytes([cla, ins, p1, p2])
            try:
                data, le = self.sm.unwrap(header, data)
            except ValueError:
                self.sm = None
                return SW_SM_WRONG
            sm = self.sm
            resp, sw = self.dispatch(cla & ~0x0C & 0xFF, ins, p1, p2, data, le, True)
            if self.sm is None:
                return sw
            out = sm.wrap(resp, sw)
            if self.next_sm is not None:
                # Chip Authentication: the answer goes out under the old
                # keys, everything after under the new ones.
                self.sm, self.next_sm = self.next_sm, None
            return out
        if self.sm is not None and ins not in (0x86, 0x22):
            # a plain command ends the secure session (ICAO 9303-11 §9.8)
            self.sm = None
        resp, sw = self.dispatch(cla, ins, p1, p2, data, le, False)
        return resp + sw

    def dispatch(self, cla, ins, p1, p2, data, le, protected):
        if cla not in (0x00, 0x10):
            return b"", SW_CLA
        handler = {
            0xA4: self.select,
            0xB0: self.read_binary,
            0xB1: self.read_binary_odd,
            0x84: self.get_challenge,
            0x82: self.external_authenticate,
            0x22: self.mse,
            0x86: self.general_authenticate,
            0x88: self.internal_authenticate,
        }.get(ins)
        if handler is None:
            return b"", SW_INS
        return handler(cla, p1, p2, data, le, protected)

    # -- files -------------------------------------------------------------
    def select(self, cla, p1, p2, data, le, protected):
        if p1 == 0x04:
            if data == AID:
                self.app = True
                self.current = None
                return b"", SW_OK
            return b"", SW_NOT_FOUND
        if p1 == 0x00 and data == b"\x3F\x00":
            return b"", SW_INS  # CCCDs answer 6D00 to SELECT MF
        if p1 not in (0x00, 0x02) or len(data) != 2:
            return b"", SW_WRONG_P1P2
        fid = int.from_bytes(data, "big")
        if fid == 0x011C:
            if 0x011C not in self.files:
                return b"", SW_NOT_FOUND
            self.current = fid
            return b"", SW_OK
        if not self.app:
            return b"", SW_NOT_FOUND
        if fid == 0x0103:
            return b"", SW_SECURITY  # DG3: EAC only
        if fid not in self.files:
            return b"", SW_NOT_FOUND
        if self.sm is None:
            return b"", SW_SECURITY
        self.current = fid
        return b"", SW_OK

    def deliver(self, offset, le):
        if self.current is None:
            return None, SW_COND
        f = self.files[self.current]
        if self.current != 0x011C and self.sm is None:
            return None, SW_SECURITY
        if offset > len(f):
            return None, SW_WRONG_OFFSET
        chunk = f[offset:offset + (le or 256)]
        return chunk, (SW_EOF if len(chunk) < (le or 256) else SW_OK)

    def read_binary(self, cla, p1, p2, data, le, protected):
        if p1 & 0x80:
            sfi = p1 & 0x1F
            fid = {0x1E: 0x011E, 0x1D: 0x011D, 0x1C: 0x011C}.get(sfi, 0x0100 + sfi)
            if fid not in self.files:
                return b"", SW_NOT_FOUND
            self.current = fid
            offset = p2
        else:
            offset = (p1 << 8) | p2
        chunk, sw = self.deliver(offset, le)
        return (chunk or b""), sw

    def read_binary_odd(self, cla, p1, p2, data, le, protected):
        try:
            tag, value, _ = der.parse(data)
        except ValueError:
            return b"", SW_WRONG_DATA
        if tag != 0x54:
            return b"", SW_WRONG_DATA
        offset = int.from_bytes(value, "big")
        want = (le or 256)
        chunk, sw = self.deliver(offset, max(1, want - 4))
        if chunk is None:
            return b"", sw
        return der.tlv(0x53, chunk), sw

    # -- BAC ---------------------------------------------------------------
    def get_challenge(self, cla, p1, p2, data, le, protected):
        if le != 8:
            return b"", SW_WRONG_LENGTH
        self.rnd_ic = secrets.token_bytes(8)
        return self.rnd_ic, SW_OK

    def external_authenticate(self, cla, p1, p2, data, le, protected):
        if not self.app or self.rnd_ic is None:
            return b"", SW_COND
        if len(data) != 40:
            return b"", SW_WRONG_LENGTH
        rnd_ic, self.rnd_ic = self.rnd_ic, None
        if retail_mac(self.k_mac, data[:32]) != data[32:]:
            return b"", SW_AUTH_FAILED
        s = DES3.new(self.k_enc, DES3.MODE_CBC, iv=bytes(8)).decrypt(data[:32])
        rnd_ifd, got_ic, k_ifd = s[:8], s[8:16], s[16:]
        if got_ic != rnd_ic:
            return b"", SW_AUTH_FAILED
        k_ic = secrets.token_bytes(16)
        r = rnd_ic + rnd_ifd + k_ic
        e_ic = DES3.new(self.k_enc, DES3.MODE_CBC, iv=bytes(8)).encrypt(r)
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic))
        self.sm = SecureMessaging("3des", kdf(seed, 1, True), kdf(seed, 2, True),
                                  int.from_bytes(rnd_ic[4:] + rnd_ifd[4:], "big"))
        return e_ic + retail_mac(self.k_mac, e_ic), SW_OK

    # -- PACE (generic mapping, brainpoolP256r1, AES-128) ----------------
    def mse(self, cla, p1, p2, data, le, protected):
        if (p1, p2) == (0x41, 0xA4):
            return self.mse_chip_auth(data, protected)
        if (p1, p2) != (0xC1, 0xA4):
            return b"", SW_WRONG_P1P2
        if not self.spec.get("pace"):
            return b"", SW_WRONG_DATA
        try:
            objs = dict(der.parse_all(data))
        except ValueError:
            return b"", SW_WRONG_DATA
        if objs.get(0x80) != PACE_OID or objs.get(0x83) != b"\x02":
            return b"", SW_WRONG_DATA
        if 0x84 in objs and (objs[0x84] != b"\x0D" or self.spec.get("reject_param_ref")):
            return b"", SW_WRONG_DATA
        self.sm = None
        self.pace = {"step": 1}
        return b"", SW_OK

    # -- Chip Authentication (ECDH, AES-128), inside secure messaging ---------
    def mse_chip_auth(self, data, protected):
        if not protected or self.sm is None:
            return b"", SW_SECURITY
        try:
            objs = dict(der.parse_all(data))
        except ValueError:
            return b"", SW_WRONG_DATA
        if objs.get(0x80) != CA_OID:
            return b"", SW_WRONG_DATA
        self.ca = True
        return b"", SW_OK

    def chip_authenticate(self, objs):
        self.ca = False
        pk = ecp.decode(objs.get(0x80, b""))
        if pk is None:
            return b"", SW_WRONG_DATA
        secret = self.ca_secret
        if self.spec.get("ca_fail"):
            secret = secret ^ 0x5A5A  # a copy without the real private key
        k = ecp.mul(secret, pk)[0].to_bytes(32, "big")
        self.next_sm = SecureMessaging("aes", kdf(k, 1), kdf(k, 2), 0)
        return der.tlv(0x7C, b""), SW_OK

    def general_authenticate(self, cla, p1, p2, data, le, protected):
        if self.ca and protected:
            try:
                tag, inner, _ = der.parse(data)
                objs = dict(der.parse_all(inner)) if inner else {}
            except ValueError:
                self.ca = False
                return b"", SW_WRONG_DATA
            if tag != 0x7C:
                self.ca = False
                return b"", SW_WRONG_DATA
            return self.chip_authenticate(objs)
        st = self.pace
        if st is None:
            return b"", SW_COND
        try:
            tag, inner, _ = der.parse(data)
            objs = dict(der.parse_all(inner)) if inner else {}
        except ValueError:
            self.pace = None
            return b"", SW_WRONG_DATA
        if tag != 0x7C:
            self.pace = None
            return b"", SW_WRONG_DATA
        chained = (cla & 0x10) != 0
        step = st["step"]
        if step == 1 and chained and not objs:
            st["s"] = secrets.token_bytes(16)
            z = AES.new(self.k_pi, AES.MODE_CBC, iv=bytes(16)).encrypt(st["s"])
            st["step"] = 2
            return der.tlv(0x7C, der.tlv(0x80, z)), SW_OK
        if step == 2 and chained and 0x81 in objs:
            pk_map = ecp.decode(objs[0x81])
            if pk_map is None:
                self.pace = None
                return b"", SW_WRONG_DATA
            sk = secrets.randbelow(ecp.N - 1) + 1
            h = ecp.mul(sk, pk_map)
            st["g"] = ecp.add(ecp.mul(int.from_bytes(st["s"], "big"), ecp.G), h)
            st["step"] = 3
            return der.tlv(0x7C, der.tlv(0x82, ecp.encode(ecp.mul(sk, ecp.G)))), SW_OK
        if step == 3 and chained and 0x83 in objs:
            pk_ifd = ecp.decode(objs[0x83])
            if pk_ifd is None:
                self.pace = None
                return b"", SW_WRONG_DATA
            sk = secrets.randbelow(ecp.N - 1) + 1
            pk_ic = ecp.mul(sk, st["g"])
            if pk_ic == pk_ifd:
                self.pace = None
                return b"", SW_WRONG_DATA
            shared = ecp.mul(sk, pk_ifd)
            k = shared[0].to_bytes(32, "big")
            st.update(pk_ifd=objs[0x83], pk_ic=ecp.encode(pk_ic),
                      ks_enc=kdf(k, 1), ks_mac=kdf(k, 2), step=4)
            return der.tlv(0x7C, der.tlv(0x84, st["pk_ic"])), SW_OK
        if step == 4 and not chained and 0x85 in objs:
            def token(pk):
                c = CMAC.new(st["ks_mac"], ciphermod=AES)
                c.update(der.tlv(0x7F49, der.tlv(0x06, PACE_OID) + der.tlv(0x86, pk)))
                return c.digest()[:8]
            self.pace = None
            if objs[0x85] != token(st["pk_ic"]):
                return b"", SW_AUTH_FAILED
            t_ic = token(st["pk_ifd"])
            self.sm = SecureMessaging("aes", st["ks_enc"], st["ks_mac"], 0)
            return der.tlv(0x7C, der.tlv(0x86, t_ic)), SW_OK
        self.pace = None
        return b"", SW_COND

    # -- Active Authentication (RSA, ISO/IEC 9796-2 scheme 1, SHA-1) -------
    def internal_authenticate(self, cla, p1, p2, data, le, protected):
        if self.aa_key is None:
            return b"", SW_INS
        if self.sm is None or not protected:
            return b"", SW_SECURITY
        if len(data) != 8:
            return b"", SW_WRONG_DATA
        k = self.aa_key.size_in_bytes()
        m1 = secrets.token_bytes(k - 20 - 2)
        digest = hashlib.sha1(m1 + data).digest()
        rep = b"\x6A" + m1 + digest + b"\xBC"
        if self.spec.get("aa_fail"):
            rep = b"\x6A" + m1 + bytes(20) + b"\xBC"
        n, d = self.aa_key.n, self.aa_key.d
        # Plain J^d mod n. (ISO 9796-2 also allows min(s, n - s); a verifier
        # should then try n - J', see the report to the AA verifier's owner.)
        s = pow(int.from_bytes(rep, "big"), d, n)
        return s.to_bytes(k, "big"), SW_OK


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("vpcd closed the connection")
        buf += chunk
    return buf


def serve(card, host, port, log, remove_after=None, stall_after=None):
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    while True:
        (n,) = struct.unpack(">H", recv_exact(sock, 2))
        # vpcd writes the length and the APDU in two segments: acknowledge
        # at once, or the APDU waits ~40 ms for our delayed ACK (Linux
        # clears TCP_QUICKACK after a while, so set it on every message).
        if hasattr(socket, "TCP_QUICKACK"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        msg = recv_exact(sock, n)
        if n == 1:
            if msg[0] in (0, 1, 2):
                card.reset()
            elif msg[0] == 4:
                sock.sendall(struct.pack(">H", len(ATR)) + ATR)
            continue
        if remove_after is not None and card.stats["apdus"] >= remove_after:
            sock.close()  # the card leaves the field mid-read
            return
        if stall_after is not None and card.stats["apdus"] >= stall_after:
            while True:  # a card that stops answering
                time.sleep(3600)
        resp = card.process(msg)
        if log:
            log.write("%d> %d bytes %02X%02X -> %d bytes SW %s\n"
                      % (card.stats["apdus"], len(msg), msg[0], msg[1], len(resp), resp[-2:].hex()))
            log.flush()
        sock.sendall(struct.pack(">H", len(resp)) + resp)


def main():
    ap = argparse.ArgumentParser(description="test CCCD chip for vpcd")
    ap.add_argument("card_dir")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=35963)
    ap.add_argument("--log")
    ap.add_argument("--remove-after", type=int, help="leave the field after N APDUs")
    ap.add_argument("--stall-after", type=int, help="stop answering after N APDUs")
    a = ap.parse_args()
    card = Card(a.card_dir)
    log = open(a.log, "a") if a.log else None
    try:
        serve(card, a.host, a.port, log, a.remove_after, a.stall_after)
    except (ConnectionError, KeyboardInterrupt):
        pass


if __name__ == "__main__":
    main()
