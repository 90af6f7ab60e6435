#!/usr/bin/python3
# escpos-decode.py JOB.bin OUT.pbm — turns the ESC/POS bytes Tiếp đón sends
# back into an image (tests only). Understands what the product emits:
# ESC @, ESC a n, GS v 0 raster bands, ESC d n, GS V m n, ESC B n t.
# Prints a summary line: bands, width, height, cuts.
import sys

data = open(sys.argv[1], "rb").read()
i, width, rows, bands, cuts = 0, None, [], 0, 0
while i < len(data):
    b = data[i]
    if data[i:i+2] == b"\x1b\x40":
        i += 2
    elif data[i:i+2] == b"\x1b\x61":
        i += 3
    elif data[i:i+2] == b"\x1b\x64":
        i += 3
    elif data[i:i+2] == b"\x1b\x42":
        i += 4
    elif data[i:i+3] == b"\x1d\x76\x30":
        xl, xh, yl, yh = data[i+4:i+8]
        w, h = xl + 256 * xh, yl + 256 * yh
        if h > 255:
            sys.exit("band of %d rows (max 255)" % h)
        if width is not None and w != width:
            sys.exit("band width changed")
        width = w
        body = data[i+8:i+8+w*h]
        if len(body) != w * h:
            sys.exit("raster body cut short")
        rows.append(body)
        bands += 1
        i += 8 + w * h
    elif data[i:i+2] == b"\x1d\x56":
        cuts += 1
        i += 4 if data[i+2] in (65, 66) else 3
    else:
        sys.exit("unknown byte 0x%02x at %d" % (b, i))
body = b"".join(rows)
height = len(body) // width
with open(sys.argv[2], "wb") as f:
    f.write(b"P4\n%d %d\n" % (width * 8, height))
    f.write(body)
print("bands=%d width=%d height=%d cuts=%d" % (bands, width * 8, height, cuts))
