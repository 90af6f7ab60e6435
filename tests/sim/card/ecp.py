# ecp.py — brainpoolP256r1 arithmetic in plain integers for the test card
# (pycryptodome 3.11 has no brainpool curves). Affine coordinates; None is
# the point at infinity. Test code only: not constant time.
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later

P = 0xA9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377
A = 0x7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9
B = 0x26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6
GX = 0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262
GY = 0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997
N = 0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7
G = (GX, GY)
SIZE = 32


def on_curve(pt):
    if pt is None:
        return False
    x, y = pt
    return 0 <= x < P and 0 <= y < P and (y * y - (x * x * x + A * x + B)) % P == 0


def add(p1, p2):
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    x1, y1 = p1
    x2, y2 = p2
    if x1 == x2:
        if (y1 + y2) % P == 0:
            return None
        lam = (3 * x1 * x1 + A) * pow(2 * y1, -1, P) % P
    else:
        lam = (y2 - y1) * pow(x2 - x1, -1, P) % P
    x3 = (lam * lam - x1 - x2) % P
    return (x3, (lam * (x1 - x3) - y1) % P)


def mul(k, pt):
    result = None
    addend = pt
    while k > 0:
        if k & 1:
            result = add(result, addend)
        addend = add(addend, addend)
        k >>= 1
    return result


def encode(pt):
    return b"\x04" + pt[0].to_bytes(SIZE, "big") + pt[1].to_bytes(SIZE, "big")


def decode(data):
    """An uncompressed point, or None when it is not one on the curve."""
    if len(data) != 1 + 2 * SIZE or data[0] != 0x04:
        return None
    pt = (int.from_bytes(data[1:1 + SIZE], "big"), int.from_bytes(data[1 + SIZE:], "big"))
    return pt if on_curve(pt) else None


assert on_curve(G)
