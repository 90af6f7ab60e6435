#!/usr/bin/python3
# test-broker.py — FHIR request → tiepdon-broker → BHXH simulator
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts bhxh-sim.py and tiepdon-broker on OS-chosen ports and stops both
# however the test ends.
import concurrent.futures
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

SRC = os.environ["TIEPDON_SOURCE_DIR"]
BROKER = os.environ["TIEPDON_BROKER"]
CTL = os.environ["TIEPDONCTL"]
TOKEN = "kiosk-one-secret-token"
OTHER = "kiosk-two-secret-token"
EXT = "https://tiepdon.vn/fhir/StructureDefinition/"


def start(argv, prefix):
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    if not line.startswith(prefix):
        p.kill()
        p.wait()
        raise RuntimeError("%s did not start: %r" % (argv[0], line))
    return p, int(line.split()[1])


def request(cid, name, dob, served="2025-06-15"):
    birth = "%s-%s-%s" % (dob[6:], dob[3:5], dob[:2]) if len(dob) == 10 else dob
    return {"resourceType": "CoverageEligibilityRequest", "status": "active",
            "purpose": ["validation"], "servicedDate": served, "patient": {"reference": "#p"},
            "contained": [{"resourceType": "Patient", "id": "p", "identifier": [{"value": cid}],
                           "name": [{"text": name}], "birthDate": birth}]}


class BrokerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.procs = []
        self.addCleanup(self.stop)
        sim, self.sim_port = start(["/usr/bin/python3", SRC + "/tests/sim/bhxh-sim.py", "--port", "0",
                                    "--data", SRC + "/tests/sim/people.json"], "PORT ")
        self.procs.append(sim)
        self.db = os.path.join(self.tmp.name, "broker.db")
        self.start_broker(rate=1000)

    def start_broker(self, rate, timeout=2, cache=15, port=0, tls=None, password="sim-password",
                     officer=("Phạm Văn Bình", "001085009876")):
        conf = os.path.join(self.tmp.name, "broker.conf")
        fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("[broker]\nlisten=%s://127.0.0.1:%d/\n%sdatabase=%s\nfacility_code=01999\n"
                    "cache_minutes=%d\nrate_limit_per_minute=%d\n"
                    "[bhxh]\nurl=http://127.0.0.1:%d/\nusername=01999_BV\npassword=%s\n"
                    "officer_name=%s\nofficer_cccd=%s\n"
                    "connect_timeout_s=1\ntimeout_s=%d\n"
                    "[client K1]\ntoken_sha256=%s\n[client K2]\ntoken_sha256=%s\n"
                    % ("https" if tls else "http", port,
                       "tls_cert=%s\ntls_key=%s\n" % tls if tls else "", self.db, cache, rate, self.sim_port,
                       password, officer[0], officer[1], timeout,
                       hashlib.sha256(TOKEN.encode()).hexdigest(),
                       hashlib.sha256(OTHER.encode()).hexdigest()))
        broker, self.port = start([BROKER, "--config", conf], "LISTENING ")
        self.procs.append(broker)
        self.broker = broker

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            p.stdout.close()
        self.tmp.cleanup()

    def sim(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request("http://127.0.0.1:%d/%s" % (self.sim_port, path), data=data,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.load(r)

    def check(self, body, token=TOKEN):
        req = urllib.request.Request("http://127.0.0.1:%d/fhir/CoverageEligibilityRequest/$check" % self.port,
                                     data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/fhir+json",
                                              "Authorization": "Bearer " + token})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    @staticmethod
    def ext(resp, name):
        for e in resp["extension"]:
            if e["url"] == EXT + name:
                return next(v for k, v in e.items() if k.startswith("value"))
        return None

    def test_classes(self):
        cases = [("001190012345", "LÊ THỊ MAI", "14/02/1990", "000", "eligible"),
                 ("001190012345", "Nguyễn Văn A", "14/02/1990", "060", "input_mismatch"),
                 ("001190054321", "Trần Văn Bình", "01/01/1960", "010", "not_eligible"),
                 ("001190011111", "Phạm Thu Hà", "05/05/1985", "003", "eligible"),
                 ("001190033333", "Vũ Đức Long", "10/10/1980", "001", "eligible_warning"),
                 ("001190044444", "Ngô Thị Lan", "02/02/1992", "101", "unavailable"),
                 ("001199999999", "Không Có Ai", "01/01/2000", "050", "not_eligible")]
        for cid, name, dob, code, klass in cases:
            status, resp = self.check(request(cid, name, dob))
            self.assertEqual(status, 200)
            self.assertEqual(resp["resourceType"], "CoverageEligibilityResponse")
            self.assertEqual(self.ext(resp, "bhxh-result-code"), code, cid)
            self.assertEqual(self.ext(resp, "eligibility-class"), klass, cid)
            self.assertTrue(self.ext(resp, "message-vi"))
        status, resp = self.check(request("001190012345", "Lê Thị Mai", "14/02/1990"))
        ins = resp["insurance"][0]
        self.assertEqual(ins["coverage"]["identifier"]["value"], "GD4010112345678")
        self.assertEqual(ins["benefitPeriod"], {"start": "2025-01-01", "end": "2030-12-31"})
        self.assertEqual(ins["item"][0]["category"]["coding"][0]["code"], "4")
        self.assertTrue(self.ext(resp, "registered-here"))
        # Same person again: served from the cache (name case differs).
        self.assertEqual(self.sim("_sim/stats")["lookups"], len(cases))
        rows = sqlite3.connect(self.db).execute("SELECT kiosk, masked_id, code, cached FROM audit").fetchall()
        self.assertEqual(len(rows), len(cases) + 1)
        self.assertEqual(rows[0][:3], ("K1", "0011******45", "000"))
        self.assertEqual(rows[-1][3], 1)
        self.assertEqual(os.stat(self.db).st_mode & 0o777, 0o600)
        with self.assertRaises(sqlite3.DatabaseError):
            c = sqlite3.connect(self.db)
            c.execute("DELETE FROM audit")
            c.commit()
        with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % self.port) as r:
            metrics = r.read().decode()
        self.assertIn("tiepdon_broker_cache_hits_total 1\n", metrics)
        self.assertIn('tiepdon_broker_lookups_total{class="eligible"} 3\n', metrics)
        self.assertIn("tiepdon_broker_gateway_latency_seconds_count %d\n" % len(cases), metrics)
        with urllib.request.urlopen("http://127.0.0.1:%d/healthz" % self.port) as r:
            self.assertEqual(json.load(r), {"status": "ok"})

    def test_single_flight(self):
        self.sim("_sim/faults", {"latency_s": 0.5})
        body = request("001190012345", "Lê Thị Mai", "14/02/1990")
        with concurrent.futures.ThreadPoolExecutor(20) as ex:
            results = list(ex.map(lambda i: self.check(body, TOKEN if i % 2 else OTHER), range(20)))
        for status, resp in results:
            self.assertEqual(status, 200)
            self.assertEqual(self.ext(resp, "eligibility-class"), "eligible")
        self.assertEqual(self.sim("_sim/stats")["lookups"], 1)

    def test_auth_and_rate_limit(self):
        body = request("001190012345", "Lê Thị Mai", "14/02/1990")
        status, resp = self.check(body, "wrong-token")
        self.assertEqual(status, 401)
        self.assertEqual(resp["resourceType"], "OperationOutcome")
        status, resp = self.check({"resourceType": "Patient"})
        self.assertEqual(status, 400)
        self.broker.terminate()
        self.broker.wait()
        self.start_broker(rate=2)
        self.assertEqual(self.check(body)[0], 200)
        self.assertEqual(self.check(body)[0], 200)
        self.assertEqual(self.check(body)[0], 429)
        self.assertEqual(self.check(body, OTHER)[0], 200)
        self.assertEqual(self.sim("_sim/stats")["lookups"], 1)

    def test_slow_gateway_and_restart(self):
        self.sim("_sim/faults", {"latency_s": 60})
        status, resp = self.check(request("001190054321", "Trần Văn Bình", "01/01/1960"))
        self.assertEqual(status, 200)
        self.assertEqual(self.ext(resp, "eligibility-class"), "unavailable")
        self.assertEqual(resp["outcome"], "error")
        self.sim("_sim/faults", {"latency_s": 0})
        # Unavailable answers are not cached; a restarted broker answers.
        self.broker.terminate()
        self.broker.wait()
        self.start_broker(rate=1000)
        status, resp = self.check(request("001190054321", "Trần Văn Bình", "01/01/1960"))
        self.assertEqual(self.ext(resp, "eligibility-class"), "not_eligible")

    def ctl(self, cid, name, dob, timeout=10, scheme="http", ca_file=None, tag=""):
        tok = os.path.join(self.tmp.name, "kiosk-token" + tag)
        fd = os.open(tok, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(TOKEN + "\n")
        conf = os.path.join(self.tmp.name, "tiepdon%s.conf" % tag)
        with open(conf, "w") as f:
            f.write("[eligibility]\nbroker_url=%s://127.0.0.1:%d/\ntoken_file=%s\ntimeout_s=%d\n"
                    % (scheme, self.port, tok, timeout))
            if ca_file:
                f.write("ca_file=%s\n" % ca_file)
        p = subprocess.run([CTL, "eligibility", "check", "--config", conf, "--id", cid, "--name", name,
                            "--dob", dob, "--json"], capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, G_MESSAGES_DEBUG=os.environ.get("TIEPDON_TEST_DEBUG", "")))
        if os.environ.get("TIEPDON_TEST_DEBUG") is not None:
            sys.stderr.write(p.stderr)
        return p.returncode, json.loads(p.stdout)

    def test_ctl(self):
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990")
        self.assertEqual(rc, 0)
        self.assertEqual(out["status"], "eligible")
        self.assertEqual(out["code"], "000")
        self.assertEqual(out["card_number"], "GD4010112345678")
        self.assertEqual(out["valid_from"], "2025-01-01")
        self.assertEqual(out["valid_to"], "2030-12-31")
        self.assertEqual(out["registered_facility"], "01999")
        self.assertEqual(out["benefit_level"], 4)
        self.assertEqual(out["five_year_date"], "2019-03-01")
        self.assertFalse(out["new_card"])
        self.assertGreaterEqual(out["latency_ms"], 0)
        rc, out = self.ctl("001190011111", "Phạm Thu Hà", "05/05/1985")
        self.assertEqual((out["status"], out["code"], out["new_card"]), ("eligible", "003", True))
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "15/02/1990")
        self.assertEqual((rc, out["status"], out["code"]), (0, "input_mismatch", "070"))

    def test_kiosk_timeout(self):
        # The gateway takes 60 s; the broker waits 30 s; the kiosk gives up at 2 s.
        self.broker.terminate()
        self.broker.wait()
        self.start_broker(rate=1000, timeout=30)
        self.sim("_sim/faults", {"latency_s": 60})
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990", timeout=2)
        self.assertEqual((rc, out["status"]), (1, "unavailable"))
        self.assertLess(out["latency_ms"], 10000)

    def test_kiosk_retries_broker_restart(self):
        port = self.port
        self.broker.terminate()
        self.broker.wait()
        with concurrent.futures.ThreadPoolExecutor(1) as ex:
            fut = ex.submit(self.ctl, "001190012345", "Lê Thị Mai", "14/02/1990", 20)
            # The kiosk is retrying the refused connection; bring the broker back.
            self.start_broker(rate=1000, port=port)
            rc, out = fut.result()
        self.assertEqual((rc, out["status"]), (0, "eligible"))

    def test_tls(self):
        d = self.tmp.name
        def ossl(*args):
            subprocess.run(["openssl", *args], check=True, capture_output=True)
        ossl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", d + "/ca.pem",
             "-days", "2", "-subj", "/CN=tiepdon test CA")
        ossl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/srv.key", "-out", d + "/srv.csr",
             "-subj", "/CN=127.0.0.1")
        with open(d + "/ext", "w") as f:
            f.write("subjectAltName=IP:127.0.0.1\n")
        ossl("x509", "-req", "-in", d + "/srv.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
             "-CAcreateserial", "-out", d + "/srv.pem", "-days", "2", "-extfile", d + "/ext")
        os.chmod(d + "/srv.key", 0o600)
        self.broker.terminate()
        self.broker.wait()
        self.start_broker(rate=1000, tls=(d + "/srv.pem", d + "/srv.key"))
        # Without the CA the kiosk refuses the broker's certificate.
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990", timeout=3, scheme="https")
        self.assertEqual((rc, out["status"]), (1, "unavailable"))
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990", scheme="https", ca_file=d + "/ca.pem")
        self.assertEqual((rc, out["status"], out["code"]), (0, "eligible", "000"))
        self.assertEqual(self.sim("_sim/stats")["lookups"], 1)


    def restart_broker(self, **kw):
        self.broker.terminate()
        self.broker.wait()
        self.start_broker(**{"rate": 1000, **kw})

    def test_every_code_through_kiosk(self):
        # The kiosk's client (tiepdonctl) → broker → simulator, for every
        # maKetQua our client can provoke and every class.
        cases = [("001190012345", "Lê Thị Mai", "14/02/1990", "000", "eligible"),
                 ("001190033333", "Vũ Đức Long", "10/10/1980", "001", "eligible_warning"),
                 ("001190060002", "Hoàng Văn Công", "12/12/1975", "002", "eligible_warning"),
                 ("001190011111", "Phạm Thu Hà", "05/05/1985", "003", "eligible"),
                 ("001190060004", "Bùi Thị Thu", "20/07/1988", "004", "eligible_warning"),
                 ("001190054321", "Trần Văn Bình", "01/01/1960", "010", "not_eligible"),
                 ("001199999999", "Không Có Ai", "01/01/2000", "050", "not_eligible"),
                 ("GD4000000000000", "Không Có Ai", "01/01/2000", "052", "input_mismatch"),
                 ("001190012345", "Nguyễn Văn A", "14/02/1990", "060", "input_mismatch"),
                 ("001190012345", "Lê Văn Mai", "14/02/1990", "061", "input_mismatch"),
                 ("001190012345", "Lê Thị Mai", "15/02/1990", "070", "input_mismatch"),
                 ("001190060100", "Đặng Văn Hùng", "03/03/1983", "100", "unavailable"),
                 ("001190044444", "Ngô Thị Lan", "02/02/1992", "101", "unavailable"),
                 ("001190022222", "Đỗ Minh Tuấn", "1970", "110", "not_eligible"),
                 ("001190060120", "Trịnh Thị Nga", "04/04/1984", "120", "not_eligible"),
                 ("001190060121", "Mai Văn Sơn", "05/05/1985", "121", "not_eligible"),
                 ("001190060122", "Lương Thị Yến", "06/06/1986", "122", "not_eligible"),
                 ("001190060123", "Tạ Quang Vinh", "07/07/1987", "123", "not_eligible"),
                 ("001190060124", "Phan Thị Hoa", "08/08/1978", "124", "not_eligible"),
                 ("001223060130", "Nguyễn Bảo An", "15/03/2023", "130", "eligible_warning"),
                 ("001190060500", "Lý Thị Hằng", "09/09/1979", "500", "unavailable")]
        for cid, name, dob, code, klass in cases:
            rc, out = self.ctl(cid, name, dob)
            self.assertEqual((out["code"], out["status"]), (code, klass), cid)
            self.assertEqual(rc, {"unavailable": 1, "config_error": 2}.get(klass, 0), cid)
            self.assertTrue(out["message_vi"] and out["message_en"], cid)
        rc, out = self.ctl("001190060004", "Bùi Thị Thu", "20/07/1988")
        self.assertEqual((out["card_number"], out["new_card"], out["valid_to"]),
                         ("HN2010160004000", True, "2030-12-31"))
        self.assertEqual(out["benefit_level"], 2)
        self.assertEqual(out["registered_facility"], "01999")
        rc, out = self.ctl("001190060130".replace("190", "223"), "Nguyễn Bảo An", "15/03/2023")
        self.assertEqual(out["benefit_level"], 1)
        # 401 as HTTP status with an empty body, twice: one re-login, then config_error.
        self.sim("_sim/faults", {"status401": 2})
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "01/01/1900")
        self.assertEqual((out["code"], out["status"]), ("401", "config_error"))
        # 401 as body code once: re-login, the answer is served.
        self.sim("_sim/faults", {"code401": 1})
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "02/01/1900")
        self.assertEqual((out["code"], out["status"]), ("070", "input_mismatch"))
        # "Null hoTenCb", as text and as a JSON ghiChu: the hospital's setup.
        for style in ("text", "json"):
            self.sim("_sim/faults", {"null_hotencb": style})
            rc, out = self.ctl("001190012345", "Lê Thị Mai", "03/01/190%d" % len(style))
            self.assertEqual((rc, out["status"]), (2, "config_error"), style)
        self.sim("_sim/faults", {"null_hotencb": ""})
        # HTTP 500 with an HTML page, and quota exhaustion in both styles.
        self.sim("_sim/faults", {"http500": True})
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "04/01/1900")
        self.assertEqual((rc, out["status"]), (1, "unavailable"))
        self.sim("_sim/faults", {"http500": False, "quota": 0})
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "05/01/1900")
        self.assertEqual((rc, out["status"]), (1, "unavailable"))
        self.sim("_sim/faults", {"quota_style": "code500"})
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "06/01/1900")
        self.assertEqual((rc, out["code"], out["status"]), (1, "500", "unavailable"))
        self.sim("_sim/faults", {"reset": True})
        # The officer's CCCD not registered (054), name not matching (055),
        # the hospital's password refused at login: config_error, not cached.
        self.restart_broker(officer=("Phạm Văn Bình", "001085000000"))
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990")
        self.assertEqual((out["code"], out["status"]), ("054", "config_error"))
        self.restart_broker(officer=("Phạm Văn Bảo", "001085009876"))
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990")
        self.assertEqual((out["code"], out["status"]), ("055", "config_error"))
        self.restart_broker(password="not-the-password")
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990")
        self.assertEqual((out["code"], out["status"]), ("401", "config_error"))
        self.restart_broker()
        rc, out = self.ctl("001190012345", "Lê Thị Mai", "14/02/1990")
        self.assertEqual((rc, out["code"], out["status"]), (0, "000", "eligible"))

    def test_token_expiry_through_broker(self):
        # expires_in without its "Z" is still UTC: one login serves all.
        self.sim("_sim/faults", {"expires_no_z": True})
        for cid, name, dob in (("001190012345", "Lê Thị Mai", "14/02/1990"),
                               ("001190054321", "Trần Văn Bình", "01/01/1960")):
            self.assertEqual(self.ctl(cid, name, dob)[0], 0)
        self.assertEqual(self.sim("_sim/stats")["logins"], 1)
        # The gateway forgets its tokens mid-run: re-login, answer served.
        self.sim("_sim/expire-tokens", {})
        rc, out = self.ctl("001190033333", "Vũ Đức Long", "10/10/1980")
        self.assertEqual((rc, out["status"]), (0, "eligible_warning"))
        self.assertEqual(self.sim("_sim/stats")["logins"], 2)
        # Tokens that live under the 60 s margin are not reused.
        self.sim("_sim/faults", {"token_ttl_s": 30})
        self.sim("_sim/expire-tokens", {})
        for dob in ("01/01/1901", "01/01/1902"):
            self.ctl("001190060002", "Hoàng Văn Công", dob)
        self.assertEqual(self.sim("_sim/stats")["logins"], 4)

    def test_plain_http_only_on_loopback(self):
        conf = os.path.join(self.tmp.name, "open.conf")
        fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("[broker]\nlisten=http://0.0.0.0:0/\ndatabase=%s\n[bhxh]\nurl=http://127.0.0.1:%d/\n"
                    "username=01999_BV\npassword=sim-password\nofficer_name=Phạm Văn Bình\n"
                    "officer_cccd=001085009876\n" % (self.db + "-open", self.sim_port))
        p = subprocess.run([BROKER, "--config", conf], capture_output=True, text=True, timeout=30)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("use https", p.stderr)
        self.assertNotIn("LISTENING", p.stdout)

    def test_twenty_kiosks_one_gateway_call(self):
        self.sim("_sim/faults", {"latency_s": 1.5})
        with concurrent.futures.ThreadPoolExecutor(20) as ex:
            results = list(ex.map(lambda i: self.ctl("001190012345", "Lê Thị Mai", "14/02/1990",
                                                     tag=str(i)), range(20)))
        for rc, out in results:
            self.assertEqual((rc, out["status"], out["code"]), (0, "eligible", "000"))
        self.assertEqual(self.sim("_sim/stats")["lookups"], 1)
        with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % self.port) as r:
            self.assertIn("tiepdon_broker_gateway_calls_total 1\n", r.read().decode())

    def test_broker_dies_mid_request(self):
        self.sim("_sim/faults", {"latency_s": 1.5})
        port = self.port
        with concurrent.futures.ThreadPoolExecutor(1) as ex:
            fut = ex.submit(self.ctl, "001190012345", "Lê Thị Mai", "14/02/1990", 20)
            for _ in range(100):
                with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port) as r:
                    if "tiepdon_broker_gateway_calls_total 1\n" in r.read().decode():
                        break
                time.sleep(0.05)
            # The request is at the gateway: restart the broker under it.
            self.broker.terminate()
            self.broker.wait()
            self.sim("_sim/faults", {"latency_s": 0})
            self.start_broker(rate=1000, port=port)
            rc, out = fut.result()
        self.assertEqual((rc, out["status"]), (0, "eligible"), out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
