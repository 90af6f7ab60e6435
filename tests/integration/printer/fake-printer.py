#!/usr/bin/python3
# fake-printer.py MODE [--pty] — an ESC/POS printer that answers DLE EOT n
# with scripted status and counts tickets (partial cuts) into
# $FAKE_PRINTER_LOG. On 127.0.0.1 (port chosen by the OS, printed on
# stdout), or with --pty on a pseudo-terminal standing in for
# /dev/usb/lp0 (its path printed on stdout; `unplug` mode removes it).
#   ok              everything fine
#   paper-out       no paper before printing
#   runs-out        paper ends during the ticket (status after)
#   cover-open      the cover is open before printing
#   near-end        paper near its end: prints, status says so
#   mute-after      answers before the ticket, never after it
#   jammed          offline with an error (cutter jam) before printing
#   silent          accepts bytes, never answers a status query
#   drop            closes the connection at once
import os, socket, sys, termios, tty

mode = sys.argv[1]
use_pty = "--pty" in sys.argv[2:]
log = os.environ.get("FAKE_PRINTER_LOG", "/dev/null")
# Every byte received, appended (a CUPS raw queue sends no status queries,
# so its tickets are checked from the bytes).
raw_log = os.environ.get("FAKE_PRINTER_RAW")


def status(n, printed):
    out = 0x12
    empty = mode == "paper-out" or (mode == "runs-out" and printed)
    if n == 4 and empty:
        out |= 0x60
    if n == 4 and mode == "near-end":
        out |= 0x0C
    if n == 2 and empty:
        out |= 0x20
    if n == 2 and mode == "cover-open":
        out |= 0x04
    if n == 1 and (empty or mode in ("cover-open", "jammed")):
        out |= 0x08
    if n == 2 and mode == "jammed":
        out |= 0x40
    return bytes([out])


def serve(recv, send):
    """One connection: returns when the peer goes away."""
    buf, printed = b"", False
    while True:
        chunk = recv()
        if not chunk:
            return
        if raw_log:
            with open(raw_log, "ab") as f:
                f.write(chunk)
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
            if mode != "silent" and not (mode == "mute-after" and printed):
                send(status(n, printed))


if use_pty:
    master, slave = os.openpty()
    tty.setraw(slave)
    attrs = termios.tcgetattr(slave)
    attrs[3] &= ~termios.ECHO
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    print(os.ttyname(slave), flush=True)
    # Keep the slave open so the master never sees a hang-up between jobs.
    def recv():
        try:
            return os.read(master, 65536)
        except OSError:
            return b""
    serve(recv, lambda b: os.write(master, b))
    sys.exit(0)

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(4)
print(srv.getsockname()[1], flush=True)
while True:
    conn, _ = srv.accept()
    if mode == "drop":
        conn.close()
        continue
    conn.settimeout(10)
    try:
        serve(lambda: conn.recv(65536), conn.sendall)
    except socket.timeout:
        pass
    conn.close()
