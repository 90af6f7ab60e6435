# der.py — the few DER/BER-TLV encoders the test card generator needs
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later


def length(n):
    if n < 0x80:
        return bytes([n])
    if n < 0x100:
        return bytes([0x81, n])
    if n < 0x10000:
        return bytes([0x82, n >> 8, n & 0xFF])
    return bytes([0x83, n >> 16, (n >> 8) & 0xFF, n & 0xFF])


def tlv(tag, value):
    """tag is an int (one to three bytes, big-endian) or bytes."""
    if isinstance(tag, int):
        tag = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    return tag + length(len(value)) + value


def seq(*items):
    return tlv(0x30, b"".join(items))


def set_of(*items):
    return tlv(0x31, b"".join(items))


def integer(v):
    if v == 0:
        return tlv(0x02, b"\x00")
    b = v.to_bytes((v.bit_length() + 8) // 8, "big")
    return tlv(0x02, b)


def oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray([arcs[0] * 40 + arcs[1]])
    for a in arcs[2:]:
        chunk = [a & 0x7F]
        a >>= 7
        while a:
            chunk.append(0x80 | (a & 0x7F))
            a >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, bytes(out))


def printable(s):
    return tlv(0x13, s.encode("ascii"))


def utf8(s):
    return tlv(0x0C, s.encode("utf-8"))


def octets(b):
    return tlv(0x04, b)


def bit_string(b):
    return tlv(0x03, b"\x00" + b)


def parse(data, pos=0):
    """One TLV at pos: (tag, value, next_pos). Used by the card to read
    command data; raises ValueError on malformed input."""
    if pos >= len(data):
        raise ValueError("no tag")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise ValueError("tag truncated")
            tag = (tag << 8) | data[pos]
            pos += 1
            if not data[pos - 1] & 0x80:
                break
    if pos >= len(data):
        raise ValueError("no length")
    n = data[pos]
    pos += 1
    if n & 0x80:
        k = n & 0x7F
        if k == 0 or k > 3 or pos + k > len(data):
            raise ValueError("bad length")
        n = int.from_bytes(data[pos:pos + k], "big")
        pos += k
    if pos + n > len(data):
        raise ValueError("value truncated")
    return tag, data[pos:pos + n], pos + n


def parse_all(data):
    out = []
    pos = 0
    while pos < len(data):
        tag, value, pos = parse(data, pos)
        out.append((tag, value))
    return out
