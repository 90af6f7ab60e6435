#!/usr/bin/python3
# fake-printer.py MODE — an ESC/POS printer on 127.0.0.1 (port chosen by the
# OS, printed on stdout) that answers DLE EOT n with scripted status and
# counts tickets (partial cuts) into $FAKE_PRINTER_LOG.
#   ok              everything fine
#   paper-out       no paper before printing
#   runs-out        paper ends during the ticket (status after)
#   silent          accepts bytes, never answers a status query
#   drop            closes the connection at once
import os, socket, sys

mode = sys.argv[1]
log = os.environ.get("FAKE_PRINTER_LOG", "/dev/null")
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(4)
print(srv.getsockname()[1], flush=True)

def status(n, printed):
    out = 0x12
    if n == 4 and (mode == "paper-out" or (mode == "runs-out" and printed)):
        out |= 0x60
    if n == 2 and (mode == "paper-out" or (mode == "runs-out" and printed)):
        out |= 0x20
    return bytes([out])

while True:
    conn, _ = srv.accept()
    if mode == "drop":
        conn.close()
        continue
    buf, printed = b"", False
    conn.settimeout(10)
    try:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            buf += chunk
            while True:
                # Raster bytes may contain anything: a status query counts
                # only before any raster, or after the ticket's cut.
                cut = buf.find(b"\x1d\x56\x42\x00")
                if b"\x1d\x76\x30" in buf and cut < 0:
                    break
                start = cut + 4 if cut >= 0 else 0
                k = buf.find(b"\x10\x04", start)
                if k < 0 or len(buf) < k + 3:
                    break
                n = buf[k + 2]
                if cut >= 0:
                    printed = True
                    with open(log, "a") as f:
                        f.write("ticket\n")
                    buf = buf[k:]
                    continue
                buf = buf[k + 3:]
                if mode != "silent":
                    conn.sendall(status(n, printed))
    except socket.timeout:
        pass
    conn.close()
