#!/usr/bin/python3
# test-security.py — TLS verification, broker access control, file modes
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The HTTPS clients other tests do not already cover (those are listed in
# tests/security/README.md): the broker's BHXH gateway client and the
# desk client (tiepdonctl help) refuse a server whose certificate comes
# from a CA they were not given, and accept it once [bhxh] / [desk]
# ca_file names that CA. The broker answers every endpoint only to the
# caller allowed: no token, a wrong token, a kiosk token on a desk
# endpoint, a desk without a signed-in nurse, a signed-out or forged
# session are all refused, with the codes of docs/help-api.md. Files with
# secrets or personal data are created 0600 even under umask 022. TAP.
import hashlib
import json
import os
import socket
import ssl
import stat
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

SRC = os.environ["TIEPDON_SOURCE_DIR"]
BUILD = os.environ["TIEPDON_BUILD_DIR"]
CTL = os.environ["TIEPDONCTL"]
BROKER = os.environ["TIEPDON_BROKER"]
sys.path.insert(0, os.path.join(SRC, "tests", "his"))
from peers import make_test_ca  # noqa: E402

N = [0]
FAILED = [0]
PIN = "246810"


def ok(cond, what, detail=""):
    N[0] += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", N[0], what), flush=True)
    if not cond:
        FAILED[0] += 1
        for line in str(detail).splitlines()[-15:]:
            print("#   " + line, flush=True)


def start(argv, prefix, log):
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=open(log, "ab"), text=True)
    line = p.stdout.readline()
    if not line.startswith(prefix):
        p.kill()
        raise RuntimeError("%s did not start: %r (%s)" % (argv[0], line, log))
    return p, line.split()[1]


class TlsFront:
    """A TLS server with the test certificate, relaying bytes to a plain port."""

    def __init__(self, cert, key, upstream):
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(cert, key)
        self.upstream = upstream
        self.srv = socket.socket()
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(16)
        self.port = self.srv.getsockname()[1]
        self.handshakes = 0
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        try:
            tls = self.ctx.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            conn.close()
            return
        self.handshakes += 1
        up = socket.create_connection(("127.0.0.1", self.upstream))

        def pump(a, b):
            try:
                while True:
                    data = a.recv(65536)
                    if not data:
                        break
                    b.sendall(data)
            except OSError:
                pass
            finally:
                for s in (a, b):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
        threading.Thread(target=pump, args=(up, tls), daemon=True).start()
        pump(tls, up)

    def close(self):
        self.srv.close()


def write(path, text, mode=0o600):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def broker_conf(d, bhxh_url, extra_bhxh="", listen="http://127.0.0.1:0/", tls=""):
    pin_hash = subprocess.run([CTL, "staff", "hash-pin", "--iterations", "1000"], input=PIN + "\n",
                              capture_output=True, text=True, check=True).stdout.strip().split("=", 1)[1]
    return write(os.path.join(d, "broker.conf"),
                 "[broker]\nlisten=%s\n%sdatabase=%s/broker.db\nfacility_code=01999\n"
                 "[bhxh]\nurl=%s\nusername=01999_BV\npassword=sim-password\nofficer_name=Phạm Văn Bình\n"
                 "officer_cccd=001085009876\nconnect_timeout_s=2\ntimeout_s=4\n%s"
                 "[client K1]\ntoken_sha256=%s\n[client DESK1]\ntoken_sha256=%s\ndesk=true\n"
                 "[staff lan]\ndisplay_name=Nguyễn Thị Lan\npin_hash=%s\n"
                 % (listen, tls, d, bhxh_url, extra_bhxh, sha("kiosk-k1-secret"), sha("desk-1-secret"), pin_hash))


def eligibility(d, broker_url, ca=None):
    write(os.path.join(d, "kiosk-token"), "kiosk-k1-secret\n")
    conf = write(os.path.join(d, "kiosk.conf"),
                 "[kiosk]\nid=K1\nfacility_code=01999\n[eligibility]\nbroker_url=%s\ntoken_file=%s/kiosk-token\n"
                 "timeout_s=8\n%s" % (broker_url, d, "ca_file=%s\n" % ca if ca else ""), 0o644)
    p = subprocess.run([CTL, "--config", conf, "--json", "eligibility", "check", "--id", "001190012345", "--name",
                        "Lê Thị Mai", "--dob", "14/02/1990"], capture_output=True, text=True, timeout=60)
    return p.returncode, (json.loads(p.stdout) if p.stdout.strip() else {}), p.stderr


def gateway_tls(d, ca, cert, key):
    """tiepdon-broker → BHXH gateway over HTTPS (kiosk/eligibility/tdn-gateway-client.c)."""
    sim, sim_port = start(["/usr/bin/python3", SRC + "/tests/sim/bhxh-sim.py", "--port", "0", "--data",
                           SRC + "/tests/sim/people.json"], "PORT ", os.path.join(d, "sim.log"))
    front = TlsFront(cert, key, int(sim_port))
    procs = [sim]
    try:
        for with_ca in (False, True):
            conf = broker_conf(d, "https://127.0.0.1:%d/" % front.port, "ca_file=%s\n" % ca if with_ca else "")
            broker, port = start([BROKER, "--config", conf], "LISTENING ", os.path.join(d, "broker.log"))
            procs.append(broker)
            rc, out, err = eligibility(d, "http://127.0.0.1:%s/" % port)
            if not with_ca:
                ok(out.get("status") == "unavailable" and front.handshakes == 0,
                   "broker refuses a BHXH gateway with a self-signed certificate", err + json.dumps(out))
            else:
                ok(rc == 0 and out.get("status") == "eligible" and front.handshakes > 0,
                   "broker accepts the gateway once [bhxh] ca_file names its CA", err + json.dumps(out))
            broker.terminate()
            broker.wait()
    finally:
        front.close()
        for p in procs:
            if p.poll() is None:
                p.terminate()
                p.wait()


def desk_tls(d, ca, cert, key):
    """tiepdonctl help (kiosk/deskclient) → the broker over HTTPS."""
    conf = broker_conf(d, "http://127.0.0.1:9/", listen="https://127.0.0.1:0/",
                       tls="tls_cert=%s\ntls_key=%s\n" % (cert, key))
    broker, port = start([BROKER, "--config", conf], "LISTENING ", os.path.join(d, "broker-tls.log"))
    try:
        write(os.path.join(d, "desk-token"), "desk-1-secret\n")
        for with_ca in (False, True):
            desk = write(os.path.join(d, "desk.conf"), "[desk]\nbroker_url=https://127.0.0.1:%s/\ntoken_file=%s\n%s"
                         % (port, os.path.join(d, "desk-token"), "ca_file=%s\n" % ca if with_ca else ""), 0o644)
            p = subprocess.run([CTL, "--config", desk, "--json", "help", "list", "--login", "lan"],
                               input=PIN + "\n", capture_output=True, text=True, timeout=60)
            if not with_ca:
                ok(p.returncode == 1 and "requests" not in p.stdout,
                   "desk client refuses a broker with a self-signed certificate", p.stderr + p.stdout)
            else:
                ok(p.returncode == 0 and json.loads(p.stdout).get("requests") == [],
                   "desk client accepts the broker once [desk] ca_file names its CA", p.stderr + p.stdout)
        # The kiosk's eligibility client, for completeness of this file's matrix.
        rc, out, err = eligibility(d, "https://127.0.0.1:%s/" % port)
        ok(out.get("status") == "unavailable", "kiosk eligibility client refuses the self-signed broker",
           err + json.dumps(out))
    finally:
        broker.terminate()
        broker.wait()


def call(base, method, path, token=None, session=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if session:
        headers["X-Tiepdon-Session"] = session
    req = urllib.request.Request(base + path, method=method, headers=headers,
                                 data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw or b"{}")
        except ValueError:
            return e.code, {}


def code_of(resp):
    return (resp.get("error") or {}).get("code")


def access(d):
    """Who may call what on the real broker (docs/help-api.md)."""
    conf = broker_conf(d, "http://127.0.0.1:9/")
    broker, port = start([BROKER, "--config", conf], "LISTENING ", os.path.join(d, "broker-auth.log"))
    base = "http://127.0.0.1:%s" % port
    try:
        req = {"kiosk_id": "K1", "reason": "reprint", "ticket_number": "K1-A001",
               "masked_id": "0011******45", "visit_ref": "1b4e28ba-2fa1-4d2e-883f-0016d3cca427"}
        fhir = {"resourceType": "Parameters"}
        for who, token in (("no token", None), ("a wrong token", "not-a-token"), ("a desk token's hash", sha("x"))):
            s, r = call(base, "POST", "/help", token, body=req)
            ok(s == 401, "POST /help with %s: 401 (%d)" % (who, s), json.dumps(r))
            s, r = call(base, "POST", "/fhir/CoverageEligibilityRequest/$check", token, body=fhir)
            ok(s == 401, "eligibility with %s: 401 (%d)" % (who, s), json.dumps(r))
            s, r = call(base, "GET", "/help", token)
            ok(s == 401, "GET /help with %s: 401 (%d)" % (who, s), json.dumps(r))
            s, r = call(base, "POST", "/staff/sign-in", token, body={"login": "lan", "pin": PIN})
            ok(s == 401, "sign-in with %s: 401 (%d)" % (who, s), json.dumps(r))
        s, r = call(base, "POST", "/help", "kiosk-k1-secret", body=req)
        ok(s == 201, "a kiosk with its token raises a request (%d)" % s, json.dumps(r))
        rid = r.get("id", "00000000-0000-4000-8000-000000000000")
        for method, path in (("GET", "/help"), ("GET", "/help/" + rid), ("POST", "/help/%s/claim" % rid),
                             ("POST", "/staff/sign-in")):
            s, r = call(base, method, path, "kiosk-k1-secret", body={"login": "lan", "pin": PIN}
                        if path == "/staff/sign-in" else ({} if method == "POST" else None))
            ok(s in (401, 403) and code_of(r) in ("forbidden", "unauthorized"),
               "a kiosk token on %s %s is refused (%d %s)" % (method, path, s, code_of(r)), json.dumps(r))
        for method, path in (("GET", "/help"), ("GET", "/help/" + rid), ("POST", "/help/%s/claim" % rid),
                             ("POST", "/help/%s/resolve" % rid)):
            s, r = call(base, method, path, "desk-1-secret", body={"resolution": "x"} if method == "POST" else None)
            ok(s == 401 and code_of(r) == "no_session", "a desk without a signed-in nurse: %s %s → 401 no_session (%d)"
               % (method, path, s), json.dumps(r))
            s, r = call(base, method, path, "desk-1-secret", "forged-session-0123456789",
                        body={"resolution": "x"} if method == "POST" else None)
            ok(s == 401 and code_of(r) == "no_session", "a forged session: %s %s → 401 (%d)" % (method, path, s),
               json.dumps(r))
        s, r = call(base, "POST", "/staff/sign-in", "desk-1-secret", body={"login": "lan", "pin": "999999"})
        ok(s == 401 and "session" not in r, "a wrong PIN is refused (%d)" % s, json.dumps(r))
        s, r = call(base, "POST", "/staff/sign-in", "desk-1-secret", body={"login": "lan", "pin": PIN})
        ok(s == 200 and r.get("session"), "the nurse signs in at the desk (%d)" % s, json.dumps(r))
        session = r.get("session")
        s, r = call(base, "GET", "/help", "desk-1-secret", session)
        ok(s == 200 and [q["id"] for q in r.get("requests", [])] == [rid], "signed in, the desk lists (%d)" % s,
           json.dumps(r))
        s, r = call(base, "GET", "/help", "kiosk-k1-secret", session)
        ok(s in (401, 403), "the nurse's session with a kiosk token is refused (%d)" % s, json.dumps(r))
        s, r = call(base, "POST", "/staff/sign-out", "desk-1-secret", session, body={})
        ok(s == 200, "sign-out (%d)" % s, json.dumps(r))
        s, r = call(base, "GET", "/help", "desk-1-secret", session)
        ok(s == 401 and code_of(r) == "no_session", "a signed-out session is refused (%d)" % s, json.dumps(r))
    finally:
        broker.terminate()
        broker.wait()
    mode = stat.S_IMODE(os.stat(os.path.join(d, "broker.db")).st_mode)
    ok(mode & 0o077 == 0, "broker.db is 0600 under umask 022 (%o)" % mode)


def file_modes(d):
    """The spool, its key and its rekeyed files are 0600 under umask 022."""
    conf = write(os.path.join(d, "spool.conf"),
                 "[kiosk]\nid=K1\nfacility_code=01999\n[spool]\npath=%s/s/spool.db\nkey_file=%s/s/spool.key\n"
                 "[queue]\nclinics=NOI\n[clinic NOI]\nname_vi=Khám Nội\nprefix=A\nhours=00:00-23:59\n" % (d, d), 0o644)
    os.makedirs(os.path.join(d, "s"), 0o755)
    run = [CTL, "--config", conf, "--json"]
    p = subprocess.run(run + ["spool", "add-test-visit", "--name", "Lê Thị Mai", "--id", "001190012345"],
                       capture_output=True, text=True)
    ok(p.returncode == 0, "a test visit goes into a new spool", p.stderr)
    p = subprocess.run(run + ["spool", "rekey"], capture_output=True, text=True)
    ok(p.returncode == 0, "the spool is rekeyed", p.stderr)
    files = sorted(os.listdir(os.path.join(d, "s")))
    bad = ["%s %o" % (f, stat.S_IMODE(os.stat(os.path.join(d, "s", f)).st_mode)) for f in files
           if stat.S_IMODE(os.stat(os.path.join(d, "s", f)).st_mode) & 0o077]
    ok(any(f.startswith("spool.key") for f in files) and any(f.startswith("spool.db") for f in files) and not bad,
       "spool, key and retired key files are 0600 (%s)" % ", ".join(files), "\n".join(bad))


def main():
    os.umask(0o022)
    with tempfile.TemporaryDirectory(prefix="tdn-security-") as d:
        ca, cert, key = make_test_ca(d)
        os.chmod(key, 0o600)
        gateway_tls(d, ca, cert, key)
        desk_tls(d, ca, cert, key)
        access(d)
        file_modes(d)
    print("1..%d" % N[0], flush=True)
    return 1 if FAILED[0] else 0


if __name__ == "__main__":
    sys.exit(main())
